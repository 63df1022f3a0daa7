from __future__ import annotations

import gzip
import json

import pytest

from corpuscut.cli.app import app
from corpuscut.cli.status import ExitStatus
from tests.conftest import SAMPLES, SEED


def records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_version_answers(run):
    result = run(["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("corpuscut ")


@pytest.mark.parametrize("command", ["split", "summarize", "digest"])
def test_every_command_help_shows_an_example(run, command):
    result = run([command, "--help"])
    assert result.exit_code == 0
    assert "Example: corpuscut" in result.stdout


def test_split_jsonl_from_stdin_equals_split_of_the_file_but_for_source(run, seed_text):
    from_file = records(run(["split", "--format", "jsonl", str(SEED)]).out_text)
    from_stdin = records(run(["split", "--format", "jsonl"], stdin=SEED.read_bytes()).out_text)
    assert [r["source"] for r in from_stdin] == ["-"] * 5
    for a, b in zip(from_file, from_stdin):
        a.pop("source"), b.pop("source")
    assert from_file == from_stdin
    assert "".join(r["text"] for r in from_file) == seed_text
    assert [r["start_line"] for r in from_file] == [1, 24, 25, 26, 27]
    assert set(from_file[0]) >= {"index", "start", "end", "text", "title", "score", "reasons", "encoding"}


def test_auto_format_is_jsonl_when_piped_and_rich_on_a_terminal(run):
    piped = run(["split", str(SEED)])
    assert records(piped.out_text)[0]["index"] == 1
    tty = run(["digest", str(SEED)], tty=True)
    assert "5 articles" in tty.out_text and "{" not in tty.out_text.splitlines()[0]


def test_summarize_treats_each_input_as_one_document(run):
    result = run(["summarize", "-f", "jsonl", "-n", "2", "-m", "lead", str(SEED), str(SAMPLES / "bbc-teasers.txt")])
    out = records(result.out_text)
    assert [r["source"] for r in out] == [str(SEED), str(SAMPLES / "bbc-teasers.txt")]
    assert all(r["method"] == "lead" and len(r["sentences"]) == 2 for r in out)
    assert out[0]["summary"] == " ".join(out[0]["sentences"])


@pytest.mark.parametrize("option", [["--ratio", "0.5"], ["--words", "40"], ["--method", "lex-rank"], ["--language", "english"]])
def test_digest_options_are_accepted(run, option):
    result = run(["digest", "-f", "jsonl", *option, str(SEED)])
    assert result.exit_code == 0, result.err_text
    out = records(result.out_text)
    assert len(out) == 5 and all(r["summary"] for r in out)


def test_digest_record_is_the_split_record_plus_the_summary(run):
    split = records(run(["split", "-f", "jsonl", str(SEED)]).out_text)
    digest = records(run(["digest", "-f", "jsonl", str(SEED)]).out_text)
    for s, d in zip(split, digest):
        assert {k: d[k] for k in s} == s
        assert d["sentences"] and d["summary"] and d["method"] == "newsrank"


def test_markdown_shows_tickers_and_stars_as_text_not_markup(run):
    dump = b"WASHINGTON WATER POWER <WWP> 3RD QTR LOSS\nShares of *Acme* and co_op fell [sharply] & fast.\n"
    markdown = run(["split", "-f", "markdown", "-"], stdin=dump).out_text
    assert "## 1. WASHINGTON WATER POWER \\<WWP> 3RD QTR LOSS" in markdown
    assert "Shares of \\*Acme\\* and co\\_op fell \\[sharply\\] & fast." in markdown


def test_json_text_and_markdown_formats(run):
    as_json = json.loads(run(["split", "-f", "json", str(SEED)]).out_text)
    assert len(as_json) == 5
    text = run(["digest", "-f", "text", str(SEED)]).out_text
    assert text.count("\n---\n") == 4
    markdown = run(["digest", "-f", "markdown", str(SEED)]).out_text
    assert markdown.startswith(f"# {SEED}") and markdown.count("\n## ") == 5


def test_compressed_input_and_encoding_option(run, tmp_path):
    gz = tmp_path / "dump.txt.gz"
    gz.write_bytes(gzip.compress(SEED.read_bytes()))
    assert len(records(run(["split", str(gz)]).out_text)) == 5
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 owners complained.".encode("latin-1"))
    out = records(run(["split", "--encoding", "latin-1", str(latin)]).out_text)
    assert out[0]["encoding"] == "latin-1" and out[0]["text"] == "Café owners complained."


def test_missing_input_fails_alone_with_one_line_and_exit_1(run, tmp_path):
    result = run(["split", str(tmp_path / "missing.txt"), str(SEED)])
    assert result.exit_code == ExitStatus.INPUT_FAILED
    assert len(records(result.out_text)) == 5
    lines = result.err_text.strip().splitlines()
    assert lines[0] == f"corpuscut: {tmp_path / 'missing.txt'}: no such file"
    assert "1 of 2 inputs failed" in lines[-1]
    assert "Traceback" not in result.err_text


def test_binary_input_is_skipped_with_a_warning(run, tmp_path):
    png = tmp_path / "x.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    result = run(["digest", str(png)])
    assert result.exit_code == 1 and "binary file" in result.err_text and result.out_text == ""


def test_empty_input_gives_no_records_and_success(run):
    result = run(["split"], stdin=b"")
    assert result.exit_code == 0 and result.out_text == ""


@pytest.mark.parametrize(
    "args",
    [["digest", "--method", "magic"], ["digest", "--ratio", "2"], ["digest", "--ratio", "0.5", "--words", "9"],
     ["digest", "--language", "klingon"], ["split", "--format", "xml"], ["nosuchcommand"]],
)
def test_usage_errors_exit_2(run, args):
    result = run([*args, str(SEED)])
    assert result.exit_code == ExitStatus.USAGE


def test_output_file_is_written_atomically_and_only_on_success(run, tmp_path):
    out = tmp_path / "out.jsonl"
    assert run(["split", "-o", str(out), str(SEED)]).exit_code == 0
    assert len(records(out.read_text())) == 5
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_a_run_whose_every_input_fails_leaves_the_output_file_as_it_was(run, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"kept": true}\n')
    result = run(["digest", "-o", str(out), str(tmp_path / "missing.txt")])
    assert result.exit_code != 0 and out.read_text() == '{"kept": true}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]
    assert run(["split", "-o", str(out), str(tmp_path / "missing.txt"), str(SEED)]).exit_code != 0
    assert len(records(out.read_text())) == 5  # one input read: the file holds what it gave


def test_interrupt_leaves_no_half_written_file_and_exits_130(run, tmp_path, monkeypatch):
    import corpuscut.reading.opening as module

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(module, "open_input", boom)
    out = tmp_path / "out.jsonl"
    result = run(["split", "-o", str(out), str(SEED)])
    assert result.exit_code == ExitStatus.INTERRUPTED  # the one line is cli.entry's (tests/test_unix.py)
    assert list(tmp_path.iterdir()) == []


def test_unexpected_errors_become_one_line_outside_debug(run, monkeypatch):
    import corpuscut.batch.engine as module

    def bug(*args, **kwargs):
        raise ZeroDivisionError("oops")

    monkeypatch.setattr(module, "summarize_texts", bug)
    result = run(["digest", "--jobs", "1", str(SEED)], debug=False)
    assert result.exit_code == 1
    assert result.err_text.count("\n") == 1 and "internal error: ZeroDivisionError" in result.err_text
    with pytest.raises(ZeroDivisionError):
        run(["digest", "--jobs", "1", str(SEED)], debug=True)


def test_cues_option_extends_patterns(run, tmp_path):
    cues = tmp_path / "cues.json"
    cues.write_text(json.dumps({"end_of_article": ["^Kyiv"]}))
    assert run(["split", "--cues", str(cues), str(SEED)]).exit_code == 0
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    result = run(["split", "--cues", str(bad), str(SEED)])
    assert result.exit_code == 2 and "not valid JSON" in result.err_text


def test_python_dash_m_cli_runs(tmp_path):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "corpuscut", "--version"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.startswith("corpuscut")


def test_app_has_the_three_commands():
    import typer

    names = set(typer.main.get_command(app).commands)
    assert {"split", "summarize", "digest"} <= names


def test_explain_adds_the_evidence_of_each_cut(run):
    out = records(run(["split", "--explain", str(SEED)]).out_text)
    assert out[0]["evidence"] == {}
    evidence = out[1]["evidence"]
    assert evidence["credit_or_copyright_before"] > 0 and "bias" in evidence
    import math

    from corpuscut.segmenter import load_model

    slope, intercept = load_model().calibration  # the score is the calibrated probability of the sum
    assert abs(1 / (1 + math.exp(-(slope * sum(evidence.values()) + intercept))) - out[1]["score"]) < 0.01
    shown = run(["digest", "--explain", "-f", "rich", str(SEED)], tty=True).out_text
    assert "evidence (log-odds)" in shown


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("command", ["split", "digest"])
def test_explain_shows_the_evidence_in_text_and_markdown_too(run, command, fmt):
    plain = run([command, "-f", fmt, str(SEED)]).out_text
    explained = run([command, "--explain", "-f", fmt, str(SEED)]).out_text
    assert "evidence (log-odds)" not in plain and explained.count("evidence (log-odds)") == 4  # every cut but the first
    assert "credit" in explained and ("cut 1.00" in explained or "(cut " in explained)


def test_markdown_never_turns_indented_wire_paragraphs_into_code(run):
    wire = ("TOKYO SHARES CLOSE HIGHER\n    TOKYO, March 3 - Tokyo shares closed higher on Monday, "
            "dealers said.\n    The index rose 120 points to 21,300.\n")
    out = run(["split", "-f", "markdown"], stdin=wire.encode()).out_text
    assert "\n    " not in out and "\nTOKYO, March 3" in out and "\nThe index rose" in out


def test_eval_split_scores_a_dump_against_its_gold(run, tmp_path):
    gold = SAMPLES / "bbc-noisy.gold.jsonl"
    result = records(run(["eval", "split", str(SAMPLES / "bbc-noisy.txt"), "--gold", str(gold)]).out_text)[0]
    assert result["gold_articles"] == 3 and 0.0 <= result["f1"] <= 1.0
    separated = tmp_path / "gold.txt"
    text = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
    separated.write_text("".join(text[:23]) + "==========\n" + "".join(text[23:]), encoding="utf-8")
    result = records(run(["eval", "split", str(SEED), "--gold", str(separated)]).out_text)[0]
    assert result["gold_articles"] == 2 and result["recall"] == 1.0 and result["precision"] == 0.25
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n")
    failed = run(["eval", "split", str(SEED), "--gold", str(bad)])
    assert failed.exit_code == 1 and "not a gold file" in failed.err_text
    other = tmp_path / "other.txt"  # a gold file of another dump scores nothing: it is refused
    other.write_text((SAMPLES / "bbc-noisy.txt").read_text(encoding="utf-8"), encoding="utf-8")
    failed = run(["eval", "split", str(SEED), "--gold", str(other)])
    assert failed.exit_code == 1 and "it is not the dump's text" in failed.err_text


def test_eval_split_refuses_parquet_and_names_every_format_it_writes(run):
    gold = SAMPLES / "bbc-noisy.gold.jsonl"
    result = run(["eval", "split", str(SAMPLES / "bbc-noisy.txt"), "--gold", str(gold), "-f", "parquet"])
    assert result.exit_code == 2 and "use rich, text, json, jsonl, markdown, csv or tsv" in result.err_text
    for fmt in ("rich", "text", "markdown"):
        assert run(["eval", "split", str(SAMPLES / "bbc-noisy.txt"), "--gold", str(gold), "-f", fmt]).exit_code == 0


def test_eval_split_reads_its_dump_from_standard_input_and_refuses_a_missing_one(run):
    gold = SAMPLES / "bbc-noisy.gold.jsonl"
    piped = run(["eval", "split", "-", "--gold", str(gold)], stdin=(SAMPLES / "bbc-noisy.txt").read_bytes())
    assert piped.exit_code == 0 and records(piped.out_text)[0]["f1"] == 1.0
    missing = run(["eval", "split", "no-such-dump.txt", "--gold", str(gold)])
    assert missing.exit_code == 2 and "DUMP: file 'no-such-dump.txt' does not exist" in missing.err_text


def test_eval_split_names_the_gold_line_that_runs_past_the_dump(run, tmp_path):
    lines = SEED.read_text(encoding="utf-8").count("\n") + 1
    past = tmp_path / "past.jsonl"
    past.write_text('{"line": 1}\n\n{"line": %d}\n' % (lines + 40))
    failed = run(["eval", "split", str(SEED), "--gold", str(past)])
    assert failed.exit_code == 1 and "line 3 starts an article on line" in failed.err_text
    assert "past the dump's" in failed.err_text and "Error" not in failed.err_text
    offset = tmp_path / "offset.jsonl"
    offset.write_text('{"start": 0}\n{"start": 99999999}\n')
    failed = run(["eval", "split", str(SEED), "--gold", str(offset)])
    assert failed.exit_code == 1 and "line 2 starts an article at offset 99999999" in failed.err_text


def test_eval_split_reads_a_json_array_of_offsets_and_names_an_item_it_cannot_read(run, tmp_path):
    starts = [a["start"] for a in records(run(["split", str(SEED)]).out_text)]
    array = tmp_path / "starts.json"
    array.write_text(json.dumps(starts))
    result = records(run(["eval", "split", str(SEED), "--gold", str(array)]).out_text)[0]
    assert result["gold_articles"] == len(starts) and result["f1"] == 1.0
    array.write_text('[0, "x"]')
    failed = run(["eval", "split", str(SEED), "--gold", str(array)])
    assert failed.exit_code == 1 and "item 2 is neither an offset nor a record" in failed.err_text
    assert "internal error" not in failed.err_text


def test_out_dir_writes_one_file_per_article_and_an_index(run, tmp_path):
    out = tmp_path / "articles"
    assert run(["split", "--out-dir", str(out), str(SEED)]).exit_code == 0
    files = sorted(p.name for p in out.iterdir())
    assert files[-1] == "index.jsonl" and len(files) == 6
    assert files[0].startswith("0001-kyiv-s-allies") or files[0].startswith("0001-kyivs-allies")
    index = records((out / "index.jsonl").read_text())
    assert "".join((out / r["file"]).read_text(encoding="utf-8") for r in index) == SEED.read_text(encoding="utf-8")


def test_out_dir_file_names_stay_inside_the_folder_whatever_the_title(run, tmp_path):
    dump = tmp_path / "evil.txt"
    dump.write_text("../../etc/passwd\n" + "Body text of the article goes on for a while here. " * 5 + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run(["split", "--out-dir", str(out), str(dump)]).exit_code == 0
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.parent != tmp_path]
    assert all(out in p.parents for p in written)
    assert sorted(p.name for p in out.iterdir()) == ["0001-etc-passwd.txt", "index.jsonl"]


def test_out_dir_file_names_hold_a_wire_storys_headline_without_its_dateline(run, tmp_path):
    from tests.test_articles import GLUED_DUMP

    dump = tmp_path / "wire.txt"
    dump.write_text(GLUED_DUMP, encoding="utf-8")
    out = tmp_path / "out"
    assert run(["split", "--out-dir", str(out), str(dump)]).exit_code == 0
    names = sorted(p.name for p in out.iterdir())
    assert names[0].startswith("0001-e-f-hutton-efh-sets-finances-telephone-deal.")
    assert not any("new-york" in n or "gelb" in n for n in names)


def test_out_dir_with_several_inputs_gives_each_a_sub_folder(run, tmp_path):
    out = tmp_path / "out"
    assert run(["split", "--out-dir", str(out), str(SEED), str(SAMPLES / "bbc-noisy.txt")]).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["0001-kursk-taiwan-dump", "0002-bbc-noisy", "index.jsonl"]


def test_a_compressed_inputs_sub_folder_is_named_without_either_extension(run, tmp_path):
    import gzip

    packed = tmp_path / "dump000.txt.gz"
    packed.write_bytes(gzip.compress(SEED.read_bytes()))
    out = tmp_path / "out"
    assert run(["split", "--out-dir", str(out), str(packed), str(SAMPLES / "bbc-noisy.txt")]).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["0001-dump000", "0002-bbc-noisy", "index.jsonl"]


def test_table_view_shows_one_row_per_article(run):
    shown = run(["digest", "--view", "table", "-f", "rich", str(SEED)], tty=True, width=120).out_text
    assert "summary" in shown and shown.count("│ 5 │") + shown.count("│  5 │") >= 1


def test_no_progress_or_other_noise_on_stderr_when_it_is_not_a_terminal(run):
    result = run(["digest", str(SEED), str(SAMPLES / "bbc-noisy.txt")])
    assert result.exit_code == 0 and result.err_text == ""


def test_progress_shows_on_a_terminal_stderr_and_quiet_silences_it(tmp_path):
    import io

    from typer.testing import CliRunner

    from corpuscut.cli.environment import Environment

    def stderr_of(args):
        err = io.StringIO()
        env = Environment(stdin=io.BytesIO(b""), stdout=io.StringIO(), stderr=err, stdout_isatty=False,
                          stderr_isatty=True, no_color=True, debug=True, width=80)
        result = CliRunner().invoke(app, args, obj=env, catch_exceptions=False)
        assert result.exit_code == 0
        return err.getvalue()

    inputs = [str(SEED), str(SAMPLES / "bbc-noisy.txt")]
    assert "corpuscut" in stderr_of(["split", *inputs])
    assert stderr_of(["split", "--quiet", *inputs]) == ""


def test_json_lines_input_makes_each_record_a_document(run, tmp_path):
    import orjson

    dump = SEED.read_text(encoding="utf-8")
    path = tmp_path / "dumps.jsonl"
    path.write_text("\n".join(orjson.dumps({"url": u, "body": dump}).decode() for u in ("a", "b")) + "\n")
    out = records(run(["split", "--text-field", "body", "--id-field", "url", str(path)]).out_text)
    assert [r["source"] for r in out] == [f"{path}#a"] * 5 + [f"{path}#b"] * 5
    assert "".join(r["text"] for r in out[:5]) == dump
    numbered = records(run(["summarize", "--text-field", "body", str(path)]).out_text)
    assert [r["source"] for r in numbered] == [f"{path}#1", f"{path}#2"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"body": "ok text."}\nnot json\n')
    result = run(["digest", "--text-field", "body", str(bad)])
    assert result.exit_code == 1 and "line 2 is not JSON" in result.err_text


def test_a_note_of_the_libraries_shows_once_on_stderr_and_quiet_silences_it(run, monkeypatch):
    import logging

    from corpuscut.segmenter import Segmenter
    from corpuscut.text.compiled import COMPILING_NOTE

    decide_many = Segmenter.decide_many

    def noting(self, sections):  # as a first run compiling its kernels notes it, here twice
        logging.getLogger("corpuscut").info(COMPILING_NOTE)
        logging.getLogger("corpuscut").info(COMPILING_NOTE)
        return decide_many(self, sections)

    monkeypatch.setattr(Segmenter, "decide_many", noting)
    result = run(["split", "-j", "1", str(SEED)])
    assert result.exit_code == 0 and result.err_text == f"corpuscut: {COMPILING_NOTE}\n"
    assert run(["split", "-q", "-j", "1", str(SEED)]).err_text == ""


def test_compiling_a_kernel_says_so_on_the_corpuscut_logger():
    import subprocess
    import sys

    from corpuscut.text.compiled import COMPILING_NOTE

    # A kernel made at run time has no source file, so no cache on disk: it is compiled.
    code = ("import logging; logging.basicConfig(format='%(name)s: %(message)s', level=logging.INFO)\n"
            "from corpuscut.text.compiled import compiled\n"
            "namespace = {}; exec('def kernel(x):\\n    return x + 1', namespace)\n"
            "assert compiled(namespace['kernel'])(1) == 2")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stderr == f"corpuscut: {COMPILING_NOTE}\n"

"""What a newcomer meets on the command line: progress, pager, colour, views, wording, help,
errors and the surprises a first run should not hold (CliRunner; tests/test_terminal.py
looks at a real terminal)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from corpuscut.cli.screen import PALETTE
from corpuscut.cli.status import ExitStatus
from tests.conftest import ROOT, SAMPLES, SEED

NOISY = SAMPLES / "bbc-noisy.txt"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


#: The articles of the BBC samples glued six times over: six times those of their gold files.
GLUED_ARTICLES = 6 * sum(len(p.read_text(encoding="utf-8").splitlines()) for p in SAMPLES.glob("bbc-*.gold.jsonl"))


@pytest.fixture(scope="module")
def long_dump(tmp_path_factory):
    """About a hundred articles: the BBC samples six times over."""
    path = tmp_path_factory.mktemp("long") / "long.txt"
    path.write_text("".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("bbc-*.txt"))) * 6, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def large_dump(tmp_path_factory):
    """Over two megabytes: large enough for a progress bar of its own."""
    path = tmp_path_factory.mktemp("large") / "large.txt"
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("bbc-*.txt")))
    path.write_text(text * (2_100_000 // len(text) + 1), encoding="utf-8")
    return path


# 1. Progress on stderr, and what was written.

def test_one_large_input_shows_a_progress_bar_of_bytes(run, large_dump):
    result = run(["split", "--jobs", "1", "-o", str(large_dump.with_suffix(".jsonl")), str(large_dump)],
                 stderr_isatty=True)
    assert result.exit_code == 0
    assert re.search(r"\d+(\.\d)?/\d+\.\d MB", ANSI.sub("", result.err_text)), result.err_text[-300:]


def test_writing_a_file_says_what_was_written_in_one_line_unless_quiet(run, tmp_path):
    out = tmp_path / "articles.jsonl"
    result = run(["split", "-o", str(out), str(SEED)])
    assert result.err_text == f"corpuscut: wrote 5 articles to {out} ({out.stat().st_size / 1000:.1f} kB)\n"
    assert run(["split", "-q", "-o", str(out), str(SEED)]).err_text == ""
    folder = tmp_path / "articles"
    assert run(["split", "--out-dir", str(folder), str(SEED)]).err_text.startswith(f"corpuscut: wrote 5 articles to {folder}")


def test_a_failure_line_clears_the_progress_bar_before_it_is_printed(run):
    result = run(["split", "-f", "jsonl", str(SEED), "nope.txt", str(NOISY)], stderr_isatty=True)
    failure = "corpuscut: nope.txt: no such file\n"
    assert failure in result.err_text
    before = result.err_text.split(failure)[0]
    # What stands before the line on the screen: the bar taken off (cursor up, line erased).
    assert before == "" or before.endswith(("\x1b[2K", "\r", "\n")), repr(before[-40:])


# 2. Pager, colour, and a view that scales.

def test_a_preview_longer_than_the_screen_goes_through_the_pager(run, tmp_path):
    paged = tmp_path / "paged.txt"
    result = run(["digest", str(SEED)], tty=True, height=20, pager=f"cat > {paged}")
    assert result.exit_code == 0 and result.out_text == ""
    assert "5 articles" in paged.read_text(encoding="utf-8")
    unpaged = run(["digest", "--no-pager", str(SEED)], tty=True, height=20, pager=f"cat > {tmp_path / 'no.txt'}")
    assert "5 articles" in unpaged.out_text and not (tmp_path / "no.txt").exists()
    short = run(["digest", str(SEED)], tty=True, height=10_000, pager=f"cat > {tmp_path / 'short.txt'}")
    assert "5 articles" in short.out_text and not (tmp_path / "short.txt").exists()


def test_a_pager_that_is_not_installed_leaves_the_preview_on_stdout(run):
    result = run(["digest", str(SEED)], tty=True, height=20, pager="no-such-pager-anywhere")
    assert result.exit_code == 0 and "5 articles" in result.out_text


def test_color_always_colours_a_pipe_and_never_and_no_color_do_not(run):
    always = run(["digest", "--color", "always", str(SEED)])
    assert "\x1b[" in always.out_text and "5 articles" in always.out_text  # rich, though piped
    assert "\x1b[" not in run(["digest", "-f", "rich", "--color", "never", str(SEED)], tty=True).out_text
    forced = run(["digest", "-f", "rich", str(SEED)], tty=False, no_color=False, force_color=True)
    assert "\x1b[" in forced.out_text
    both = run(["digest", "-f", "rich", str(SEED)], tty=False, no_color=True, force_color=True)
    assert "\x1b[" not in both.out_text


def test_a_long_dump_gets_an_overview_of_counts_sizes_and_weakest_cuts(run, long_dump):
    shown = ANSI.sub("", run(["split", str(long_dump)], tty=True, width=80).out_text)
    assert f"{GLUED_ARTICLES} articles" in shown and "article sizes (words)" in shown and "weakest cuts" in shown
    assert len(shown.splitlines()) < 40 and "╭" not in shown
    weakest = [float(m) for m in re.findall(r"^(\d\.\d\d)  #", shown, re.M)]
    assert len(weakest) == 10 and weakest == sorted(weakest)
    panels = run(["split", "--view", "panels", str(long_dump)], tty=True, width=80).out_text
    assert panels.count("╭") == GLUED_ARTICLES


def test_digest_of_a_long_dump_shows_a_table_of_its_summaries_not_the_overview(run, long_dump):
    shown = ANSI.sub("", run(["digest", str(long_dump)], tty=True, width=100).out_text)
    assert "article sizes (words)" not in shown and "summary" in shown.lower()
    numbers = re.findall(r"^\s*│?\s*(\d+)\s", shown, re.M)
    assert str(GLUED_ARTICLES) in numbers


def _many_documents(path, count: int) -> None:
    """A JSON Lines file of ``count`` one-article documents, every fifth of them two BBC stories."""
    from corpuscut import split

    stories = [a.text.strip() for a in split((SAMPLES / "bbc-blank-lines.txt").read_text(encoding="utf-8"))]
    lines = []
    for n in range(count):
        text = stories[n % len(stories)] + ("\n\n" + stories[(n + 1) % len(stories)] if n % 5 == 0 else "")
        lines.append(json.dumps({"id": f"story-{n}", "text": text}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_json_lines_input_of_many_documents_gets_one_overview_of_the_run(run, tmp_path):
    from corpuscut.cli.screen import LONG_RUN

    many = tmp_path / "many.jsonl"
    _many_documents(many, LONG_RUN + 5)
    shown = ANSI.sub("", run(["split", "--jobs", "1", "--text-field", "text", "--id-field", "id", str(many)],
                             tty=True, width=160).out_text)
    assert shown.startswith(f"{LONG_RUN + 5} documents") and "╭" not in shown  # no panel per document
    assert "article sizes (words)" in shown and "weakest cuts inside documents" in shown
    assert "the documents split the most" in shown and f"{many}#story-0" in shown
    assert len(shown.splitlines()) < 45 and all(len(line) <= 160 for line in shown.splitlines())
    few = tmp_path / "few.jsonl"
    _many_documents(few, 3)
    panels = ANSI.sub("", run(["split", "--jobs", "1", "--text-field", "text", str(few)], tty=True, width=80).out_text)
    assert panels.count(f"{few}#") == 3 and "╭" in panels  # a few documents: each its own preview
    every = ANSI.sub("", run(["split", "--jobs", "1", "--view", "panels", "--text-field", "text", str(many)],
                             tty=True, width=80).out_text)
    assert every.count(f"{many}#") == LONG_RUN + 5  # asked for: every document's panels


def test_digest_of_many_documents_shows_the_first_summaries_in_its_overview(run, tmp_path):
    from corpuscut import summarize
    from corpuscut.cli.screen import LONG_RUN, SUMMARIES

    many = tmp_path / "many.jsonl"
    _many_documents(many, LONG_RUN + 5)
    shown = ANSI.sub("", run(["digest", "--jobs", "1", "--text-field", "text", "--id-field", "id", str(many)],
                             tty=True, width=160).out_text)
    assert shown.startswith(f"{LONG_RUN + 5} documents") and f"the first {SUMMARIES} summaries" in shown
    assert shown.count(f"of {many}#story-") >= SUMMARIES  # each summary says whose it is
    first = json.loads(many.read_text(encoding="utf-8").splitlines()[0])["text"].split("\n\n")[0]
    assert summarize(first).sentences[0].text[:60] in " ".join(shown.split())
    assert len(shown.splitlines()) < 60
    split_only = ANSI.sub("", run(["split", "--jobs", "1", "--text-field", "text", str(many)], tty=True, width=160).out_text)
    assert "summaries" not in split_only  # split has none to show


def test_asking_for_the_overview_of_many_documents_shows_one_overview_of_the_run(run, tmp_path):
    from corpuscut.cli.screen import LONG_RUN

    many = tmp_path / "many.jsonl"
    _many_documents(many, LONG_RUN + 5)
    shown = ANSI.sub("", run(["split", "--jobs", "1", "--view", "overview", "--text-field", "text", str(many)],
                             tty=True, width=160).out_text)
    assert shown.startswith(f"{LONG_RUN + 5} documents") and shown.count("article sizes (words)") == 1


def test_an_overview_of_one_article_speaks_in_the_singular(run):
    shown = ANSI.sub("", run(["split", "--view", "overview", "-"], stdin=b"One short story, told in one line.\n",
                             tty=True).out_text)
    assert "1 article, 7 words" in shown and "the one cut" in shown
    assert "1 articles" not in shown and "the 1 weakest" not in shown


def test_the_overview_of_an_empty_input_says_it_has_no_article(run):
    shown = run(["split", "--view", "overview", "-"], stdin=b"", tty=True).out_text
    assert "0 articles, 0 words" in ANSI.sub("", shown)


def test_the_preview_keeps_what_the_screen_shows_not_every_record():
    """Its memory does not grow with the number of articles or documents: an overview keeps
    counts and the weakest cuts; a run of many documents keeps no document's records."""
    from types import SimpleNamespace

    from rich.console import Console

    from corpuscut.cli.render import RichWriter
    from corpuscut.cli.screen import LONG_RUN, WEAKEST

    def record(index: int) -> dict:
        return {"index": index, "score": (index * 7919 % 1000) / 1000 if index > 1 else 1.0, "words": 120,
                "title": f"Story {index}", "text": "word " * 50, "reasons": [], "start_line": index, "end_line": index}

    out = io.StringIO()
    writer = RichWriter(Console(file=out, width=80), "split")
    assert writer.streaming  # records are not held for it by the run
    doc = SimpleNamespace(source="big.txt", size_bytes=1 << 20, encoding="utf-8")
    writer.start(doc)
    for start in range(1, 20_001, 1000):
        writer.emit(doc, [record(i) for i in range(start, start + 1000)], 0.0)
    assert writer.preview.records is None and len(writer.preview.tally._weakest) <= WEAKEST + 1
    writer.finish(doc, 1.0)
    writer.close()
    shown = out.getvalue()
    weakest = [float(m) for m in re.findall(r"^(\d\.\d\d)  #", shown, re.M)]
    assert "20,000 articles" in shown and weakest == [0.0] * WEAKEST  # the same as sorting them all

    writer = RichWriter(Console(file=io.StringIO(), width=80), "split")
    for n in range(5_000):
        doc = SimpleNamespace(source=f"many.jsonl#{n}", size_bytes=100, encoding="utf-8")
        writer.start(doc)
        writer.emit(doc, [record(1)] + ([record(2)] if n % 3 == 0 else []), 0.0)
        writer.finish(doc, 0.0)
        assert len(writer.screen.pending) <= LONG_RUN
    assert writer.screen.run.documents == 5_000 and len(writer.screen.run.largest) <= WEAKEST


def test_a_preview_holds_only_the_start_of_each_articles_text_until_its_input_is_done():
    from rich.console import Console

    from corpuscut.cli.render import RichWriter
    from corpuscut.cli.screen import PREVIEW_CHARS

    writer = RichWriter(Console(file=io.StringIO()), "split")
    held = writer.hold({"title": "t", "text": "word " * 10_000})
    assert len(held["text"]) == PREVIEW_CHARS
    short = {"title": "t", "text": "a few words"}
    assert writer.hold(short) is short


# 3. Reasons a person reads at a glance.

def test_reasons_are_short_and_name_each_cue_once(run):
    for record in records(run(["split", "-f", "jsonl", *map(str, sorted(SAMPLES.glob("*.txt")))]).out_text):
        assert len(record["reasons"]) == len(set(record["reasons"]))
        assert all(len(reason) <= 32 for reason in record["reasons"]), record["reasons"]
        assert "vocabulary change" not in record["reasons"]


def test_the_preview_says_what_the_cut_score_and_the_map_mean(run):
    shown = run(["split", str(SEED)], tty=True, width=80).out_text
    assert "cut: how sure the model is that a new article starts there" in shown
    assert "map: each article's share" in shown


# 4. Titles and summaries fitted to the width, at word boundaries.

@pytest.mark.parametrize("width", [80, 160])
def test_panel_titles_end_at_a_word_boundary_and_use_the_width(run, seed_text, width):
    shown = run(["digest", str(SEED)], tty=True, width=width, no_color=True).out_text
    titles = re.findall(r"^╭─ \d+\. (.*?) ─+╮$", shown, re.M)
    assert len(titles) == 5
    words = set(seed_text.split())
    for title in titles:
        if title.endswith("…"):
            assert title[:-1].split()[-1] in words, title  # a whole word before the ellipsis
    if width == 160:
        assert max(len(t) for t in titles) > 100


def test_the_split_preview_shows_the_headline_as_title_and_the_body_below(run):
    shown = run(["split", "--no-color", str(NOISY)], tty=True, width=100).out_text
    title = re.search(r"^╭─ 1\. (.*?) ─", shown, re.M).group(1)
    first_body_line = shown.split("\n", 6)[6]
    assert title == "Aviator wins top Globes accolades" and title not in first_body_line


def test_a_web_page_panel_is_titled_by_the_records_title_not_its_opening_line(run, tmp_path):
    from tests.test_body import PAGE

    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    [record] = [r for r in records(run(["split", "-f", "jsonl", str(page)]).out_text) if "Otters have been" in r["text"]]
    assert record["title_guessed"] and not record["text"].startswith(record["title"])
    shown = run(["split", "--no-color", str(page)], tty=True, width=120).out_text
    assert record["title"] in re.findall(r"^╭─ \d+\. (.*?) ─+╮$", shown, re.M)


def test_a_digest_panel_of_an_article_with_no_sentence_to_summarize_says_so(run, tmp_path):
    # an author's box and nothing else: no sentence a summary may take
    table = tmp_path / "bio.txt"
    table.write_text("Matt Frankel, CFP, is a contributing Motley Fool stock market analyst specializing in real "
                     "estate. Prior to The Motley Fool, Matt taught high school and college mathematics.\n",
                     encoding="utf-8")
    [record] = records(run(["digest", "-f", "jsonl", str(table)]).out_text)
    assert record["sentences"] == []
    shown = run(["digest", "--no-color", str(table)], tty=True, width=100).out_text
    assert "(nothing to summarize)" in shown


def test_no_dark_blue_on_a_dark_background(run):
    assert "blue" not in PALETTE
    shown = run(["digest", str(SEED)], tty=True).out_text
    assert "\x1b[34m" not in shown and ";34m" not in shown


def test_table_summaries_end_at_word_boundaries(run, seed_text):
    shown = run(["digest", "--view", "table", "--no-color", str(SEED)], tty=True, width=120).out_text
    assert "summary" in shown
    for cell_end in re.findall(r"(\S+)… *│", shown):
        assert cell_end.strip("“”\"'(),.") in seed_text


# 5. Help and errors without internals.

@pytest.mark.parametrize("command", [[], ["split"], ["summarize"], ["digest"], ["eval", "split"]])
def test_help_shows_plain_metavars_and_intact_words(run, command):
    shown = run([*command, "--help"], width=80).out_text
    for internal in ("<bool>", "<list", "<str>", "<int", "range]", "[x>="):
        assert internal not in shown, internal
    if command == []:
        assert "Example: corpuscut digest" in shown
    if command in (["summarize"], ["digest"]):
        assert all(name in shown for name in ("newsrank", "lex-rank", "text-rank", "sum-basic", "edmundson"))
    if command in (["split"], ["digest"]):
        assert "corpuscut[dask]" in shown
    if command == ["eval", "split"]:  # a required argument as POSIX usage names it; no option it lacks
        assert "eval split [OPTIONS] DUMP" in " ".join(shown.split()) and "{" not in shown
        assert "--output" not in shown and "parquet" not in shown


@pytest.mark.parametrize("args, says", [
    (["digest", "-m", "foo", str(SEED)], "--method: 'foo' is not one of newsrank, lead"),
    (["digest", "--bogus"], "no such option --bogus"),
    (["split", "--bogus", str(SEED)], "error: no such option --bogus"),
    (["split", "--langauge", "german", str(SEED)], "error: no such option --langauge; did you mean --language?"),
    (["digest", "-n", "0", str(SEED)], "--sentences must be at least 1"),
    (["digest", "-n", "2", "--ratio", "0.2", str(SEED)], "give one of --sentences, --ratio and --words"),
    (["digest", "--ratio", "0.2", "--words", "30", str(SEED)], "give one of --sentences, --ratio and --words"),
    (["split", "--encoding", "foo-99", str(SEED)], "--encoding: unknown encoding 'foo-99'"),
    (["split", "--jobs", "x", str(SEED)], "--jobs: must be a whole number"),
    (["eval", "split", str(SEED)], "--gold is required"),
    (["eval", "split", "-f", "parquet", "-g", str(SEED), str(SEED)], "eval split writes to standard output"),
    (["splt", str(SEED)], "error: no such command 'splt'; did you mean 'split'?"),
    (["eval", "splt"], "error: no such command 'splt'; did you mean 'split'?"),
    (["digest", "--explian", str(SEED)], "error: no such option --explian; did you mean --explain?"),
    (["split", "--out", str(SEED)], "error: no such option --out; did you mean --output or --out-dir?"),
    (["xyzzy"], "error: no such command 'xyzzy'"),
])
def test_usage_errors_are_one_plain_line_then_the_usage(run, args, says):
    result = run(args)
    if args[:2] == ["split", "--bogus"]:  # nothing close to suggest: no guess
        assert "did you mean" not in result.err_text
    assert result.exit_code == ExitStatus.USAGE
    first, usage = result.err_text.splitlines()
    assert first.startswith("corpuscut: error: ") and says in first
    assert usage.startswith("Usage: corpuscut ") and "--help for more" in usage
    for internal in ("╭", "Value error", "Input should"):
        assert internal not in result.err_text


def test_the_command_line_uses_only_typers_public_names():
    """Typer vendors Click in a private module whose names move between versions: the
    command imports from ``typer`` and ``typer.core`` only, never a module or name that
    starts with an underscore, and never Click itself."""
    import ast

    found = []
    for path in sorted((ROOT / "cli").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "typer":
                modules = [f"typer.{node.attr}"]
            else:
                continue
            for module in modules:
                parts = module.split(".")
                if parts[0] == "click" or parts[0] == "typer" and any(p.startswith("_") for p in parts):
                    found.append(f"{path.name}:{node.lineno} {module}")
    assert found == []


# 6. No silent surprises.

@pytest.mark.parametrize("suffix, check", [
    (".json", lambda text: isinstance(json.loads(text), list)),
    (".jsonl", lambda text: len(records(text)) == 5),
    (".md", lambda text: text.startswith("# ")),
    (".txt", lambda text: not text.startswith(("{", "[", "#"))),
    (".csv", lambda text: next(csv.reader(io.StringIO(text)))[:3] == ["source", "index", "start"]),
    (".tsv", lambda text: text.split("\n", 1)[0].split("\t")[:3] == ["source", "index", "start"]),
])
def test_output_format_follows_the_output_files_extension(run, tmp_path, suffix, check):
    out = tmp_path / f"out{suffix}"
    assert run(["split", "-o", str(out), str(SEED)]).exit_code == 0
    assert check(out.read_text(encoding="utf-8"))


def test_csv_rows_hold_each_article_whole_with_lists_as_json(run, seed_text):
    rows = list(csv.DictReader(io.StringIO(run(["split", "-f", "csv", str(SEED)]).out_text)))
    assert len(rows) == 5 and "".join(r["text"] for r in rows) == seed_text
    assert isinstance(json.loads(rows[1]["reasons"]), list) and rows[0]["title_guessed"] in ("true", "false")


def test_a_folder_input_skips_what_is_not_a_dump_and_says_so(run):
    result = run(["split", "-f", "jsonl", str(SAMPLES)])
    sources = {r["source"].rsplit("/", 1)[-1] for r in records(result.out_text)}
    assert sources == {p.name for p in SAMPLES.glob("*.txt")}
    assert "skipped" in result.err_text and "--include" in result.err_text
    included = run(["split", "-f", "jsonl", "--include", "kursk-*", str(SAMPLES)])
    assert {r["source"].rsplit("/", 1)[-1] for r in records(included.out_text)} == {"kursk-taiwan-dump.txt"}
    excluded = run(["split", "-f", "jsonl", "--exclude", "bbc-*", str(SAMPLES)])
    assert {r["source"].rsplit("/", 1)[-1] for r in records(excluded.out_text)} == {"kursk-taiwan-dump.txt"}
    named = run(["split", "-f", "jsonl", str(SAMPLES / "README.md")])
    assert named.exit_code == 0 and "skipped" not in named.err_text  # a file named is read


@pytest.mark.parametrize("made", ["out-dir", "out-dir-per-input", "jsonl", "json", "csv", "tsv", "md", "summarize"])
def test_a_folder_input_skips_corpuscut_own_output_whatever_its_name(run, tmp_path, made):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "dump.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    if made.startswith("out-dir"):
        inputs = [str(folder / "dump.txt")] + ([str(SAMPLES / "bbc-noisy.txt")] if made == "out-dir-per-input" else [])
        assert run(["split", "--out-dir", str(folder / "art"), *inputs]).exit_code == 0
        own = "index.jsonl"
    elif made == "summarize":
        assert run(["summarize", "-o", str(folder / "sums.jsonl"), str(folder / "dump.txt")]).exit_code == 0
        own = "sums.jsonl"
    else:
        own = f"batch.{made}"
        assert run(["digest", "-o", str(folder / own), str(folder / "dump.txt")]).exit_code == 0
    result = run(["split", "-f", "jsonl", str(folder)])
    sources = {r["source"].rsplit("/", 1)[-1] for r in records(result.out_text)}
    assert result.exit_code == 0 and sources == {"dump.txt"}  # nor the article files --out-dir wrote
    assert f"({own}" in result.err_text or f", {own}" in result.err_text
    assert "skipped" in result.err_text and "--include" in result.err_text
    named = run(["split", "-f", "jsonl", str(next(folder.rglob(own)))])
    assert named.exit_code == 0 and records(named.out_text)  # a file named is read


def test_a_folder_input_reads_json_lines_that_are_not_corpuscut_records(run, tmp_path):
    (tmp_path / "notes.jsonl").write_text('{"source": "wire", "body": "Markets rose on Monday."}\n', encoding="utf-8")
    result = run(["split", "-f", "jsonl", str(tmp_path)])
    assert result.exit_code == 0 and "skipped" not in result.err_text and len(records(result.out_text)) == 1


def test_the_terminal_prompt_names_the_command_typed(run, seed_text):
    for command in (["split"], ["summarize"]):
        result = run([*command, "-f", "jsonl"], stdin=seed_text.encode(), stdin_isatty=True)
        assert f"corpuscut {command[0]} FILE" in result.err_text


def test_out_dir_refusal_counts_folders_as_folders(run, tmp_path):
    out = tmp_path / "art"
    assert run(["split", "--out-dir", str(out), str(SEED), str(SEED.parent / "bbc-noisy.txt")]).exit_code == 0
    result = run(["split", "--out-dir", str(out), str(SEED)])
    assert result.exit_code == 2 and "already holds 1 file and 2 folders (such as 0001-" in result.err_text


def test_json_sentences_are_joined_as_the_summary_is(run):
    wrapped = ("PLM Power Co said on Monday that its\nunit broke off talks with the utility over the\nprice of "
               "power. The talks had gone on for a\nyear. Both sides said they would meet again in the\nspring.\n")
    for record in records(run(["summarize", "-f", "jsonl", "-n", "2"], stdin=wrapped.encode()).out_text):
        assert all("\n" not in s for s in record["sentences"]) and record["summary"] == " ".join(record["sentences"])


def test_reading_stdin_from_a_terminal_says_so(run, seed_text):
    result = run(["digest", "-f", "jsonl"], stdin=seed_text.encode(), stdin_isatty=True)
    assert "reading standard input from the terminal" in result.err_text and "Ctrl-D" in result.err_text
    assert "corpuscut digest FILE" in result.err_text and "COMMAND" not in result.err_text
    assert "reading standard input" not in run(["digest", "-f", "jsonl"], stdin=seed_text.encode()).err_text


def test_summarize_titles_each_panel_by_headline_and_text_says_whose_summary(run):
    shown = run(["summarize", "--no-color", str(NOISY)], tty=True).out_text
    assert "╭─ Aviator wins top Globes accolades ─" in shown
    text = run(["summarize", "-f", "text", str(NOISY), str(SEED)]).out_text
    assert text.startswith(f"==> {NOISY} <==\n") and f"\n==> {SEED} <==\n" in text


def test_an_empty_inputs_table_has_the_commands_columns(run):
    assert "summary" in run(["digest", "--view", "table"], stdin=b"", tty=True).out_text
    assert "why" in run(["split", "--view", "table"], stdin=b"", tty=True).out_text


@pytest.mark.parametrize("fmt", ["jsonl", "json", "markdown", "text", "csv"])
def test_eval_split_honours_format_and_lists_missed_and_extra_starts(run, fmt, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"line": 1}\n{"line": 15}\n{"line": 24}\n')
    text = run(["eval", "split", str(SEED), "--gold", str(gold), "-f", fmt]).out_text
    if fmt == "jsonl":
        (record,) = records(text)
        assert record["missed"] == [15] and record["extra"] == [25, 26, 27]
    elif fmt == "json":
        assert json.loads(text)[0]["missed"] == [15]
    elif fmt == "markdown":
        assert "| f1 |" in text and "Missed (lines): 15" in text
    elif fmt == "csv":
        assert text.splitlines()[0].startswith("source,gold_articles")
    else:
        assert "missed" in text


def test_index_counts_from_one_as_the_screen_and_out_dir_do(run, tmp_path):
    split = records(run(["split", "-f", "jsonl", str(SEED)]).out_text)
    assert [r["index"] for r in split] == [1, 2, 3, 4, 5]
    run(["split", "--out-dir", str(tmp_path), str(SEED)])
    index = records((tmp_path / "index.jsonl").read_text())
    assert all(r["file"].startswith(f"{r['index']:04d}-") for r in index)


def test_title_guessed_tells_made_up_titles_from_headlines(run):
    seed = records(run(["split", "-f", "jsonl", str(SEED)]).out_text)
    assert all(r["title_guessed"] and r["title"].endswith("…") for r in seed)
    noisy = records(run(["split", "-f", "jsonl", str(NOISY)]).out_text)
    assert noisy[0]["title"] == "Aviator wins top Globes accolades" and noisy[0]["title_guessed"] is False


# 7. make demo installs only what the demo needs.

def test_make_demo_installs_the_package_without_extras_and_make_test_the_rest():
    makefile = (ROOT / "Makefile").read_text()
    demo_stamp = re.search(r"^demo: (\S+)", makefile, re.M).group(1)
    test_stamp = re.search(r"^test: (\S+)", makefile, re.M).group(1)
    recipe = {m.group(1): m.group(2) for m in re.finditer(r"^(\$\(\w+\)): pyproject.toml\n((?:\t.*\n)+)", makefile, re.M)}
    assert "-e ." in recipe[demo_stamp] and "[" not in recipe[demo_stamp]
    assert all(extra in recipe[test_stamp] for extra in ("test", "bench", "dask", "parquet", "warc"))


def test_the_progress_bar_moves_through_one_large_json_lines_input_record_by_record(tmp_path):
    """A record's own size says nothing of where the input is; the bytes of it read do."""
    from types import SimpleNamespace

    from rich.console import Console

    from corpuscut.cli.display import LARGE_INPUT, Display

    path = tmp_path / "records.jsonl.gz"
    path.write_bytes(b"\0" * (LARGE_INPUT + 1000))
    env = SimpleNamespace(stderr_isatty=True, error_console=lambda colour: Console(file=io.StringIO(), force_terminal=True))
    display = Display(env, [str(path)], quiet=False, colour="never", stdout_shared=False)  # type: ignore[arg-type]
    display.reading(SimpleNamespace(size_bytes=300, input_read=LARGE_INPUT // 2))
    assert display.progress.tasks[0].completed == LARGE_INPUT // 2
    display.reading(SimpleNamespace(size_bytes=LARGE_INPUT + 1000))  # a plain text input: its size read so far
    assert display.progress.tasks[0].completed == LARGE_INPUT + 1000


def test_a_folder_input_reads_markdown_dumps_that_are_not_corpuscut_reports(run, tmp_path):
    (tmp_path / "notes.md").write_text("# Markets\n\nMarkets rose on Monday, and bonds fell.\n", encoding="utf-8")
    result = run(["split", "-f", "jsonl", str(tmp_path)])
    assert result.exit_code == 0 and "skipped" not in result.err_text and len(records(result.out_text)) == 1


def test_a_preview_holds_the_start_of_a_pages_body_where_its_menus_run_past_the_preview():
    from rich.console import Console

    from corpuscut.cli.render import RichWriter
    from corpuscut.cli.screen import PREVIEW_CHARS, body_text

    writer = RichWriter(Console(file=io.StringIO()), "split")
    menus = "Home\nAbout us\nContact\n" * 200
    body = "The article itself starts here and goes on for a while. " * 100
    text = menus + body + "Privacy policy\n"
    record = {"title": "t", "title_guessed": True, "text": text, "body_start": len(menus), "body_end": len(menus) + len(body)}
    held = writer.hold(record)
    assert len(held["text"]) == PREVIEW_CHARS
    assert body_text(held).startswith("The article itself starts here")
    assert body_text(writer.hold({**record, "body_start": 0, "body_end": len(text)})).startswith("Home")

"""A wrong encoding, an empty folder and NO_COLOR each get what the README promises: one
plain line and the documented exit code, or help without escape codes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def test_utf16_on_a_file_without_a_byte_order_mark_is_one_decoding_error(run, tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("Plain text in UTF-8\nwith no byte-order mark at all.\n", encoding="utf-8")
    result = run(["split", "--jobs", "1", "--encoding", "utf-16", str(plain)], debug=False)
    assert result.exit_code == 1
    first = result.err_text.splitlines()[0]
    assert first.startswith(f"corpuscut: {plain}: is not valid utf-16 at byte 0 (it does not start with a byte-order mark")
    assert "internal error" not in result.err_text and "Traceback" not in result.err_text


@pytest.mark.parametrize("codec", ["idna", "punycode"])
def test_codecs_of_domain_names_are_refused_as_encodings(run, tmp_path, codec):
    plain = tmp_path / "plain.txt"
    plain.write_text("Some text.\n", encoding="utf-8")
    result = run(["split", "--encoding", codec, str(plain)])
    assert result.exit_code == 2
    assert result.err_text.splitlines()[0] == f"corpuscut: error: --encoding: '{codec}' is not a text encoding (try utf-8, latin-1, cp1252)"


def test_an_empty_folder_is_reported_as_holding_nothing_to_read(run, tmp_path):
    empty = tmp_path / "emptydir"
    empty.mkdir()
    (empty / ".hidden").write_text("skipped")
    result = run(["split", str(empty)])
    assert result.exit_code == 1
    assert f"corpuscut: {empty}: is a folder with nothing to read (no files, or only hidden ones)" in result.err_text
    assert "is a directory, not a file" not in result.err_text


def test_help_has_no_escape_codes_under_no_color_even_with_force_color():
    env = {**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "1", "COLUMNS": "100"}
    for args in (["--help"], ["split", "--help"]):
        shown = subprocess.run([sys.executable, "-m", "corpuscut", *args], capture_output=True, env=env, cwd=ROOT,
                               timeout=60, check=False)
        assert shown.returncode == 0 and b"Usage:" in shown.stdout
        assert b"\x1b[" not in shown.stdout


def test_a_gold_or_cue_file_that_is_not_utf8_is_named_so_in_one_line(run, tmp_path):
    dump = tmp_path / "dump.txt"
    dump.write_text("A story.\n\nAnother story.\n", encoding="utf-8")
    latin = tmp_path / "gold.jsonl"
    latin.write_bytes('{"start": 0}\n{"start": 10, "note": "caf\u00e9"}\n'.encode("latin-1"))
    result = run(["eval", "split", str(dump), "--gold", str(latin)])
    assert result.exit_code == 1
    assert result.err_text.splitlines()[0] == (
        f"corpuscut: {latin}: not a gold file this tool reads: not UTF-8 text (byte 0xe9 at offset 39)")
    cues = tmp_path / "cues.json"
    cues.write_bytes(b'{"x": "\xff"}')
    result = run(["split", "--cues", str(cues), str(dump)])
    assert result.exit_code == 2
    assert result.err_text.splitlines()[0] == f"corpuscut: error: cue file {cues} is not UTF-8 text (byte 0xff at offset 7)"


def test_a_json_lines_gold_record_that_is_no_start_is_named_by_its_line(run, tmp_path):
    dump = tmp_path / "dump.txt"
    dump.write_text("A story.\n\nAnother story.\n", encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text('{"title": "A story"}\n', encoding="utf-8")
    result = run(["eval", "split", str(dump), "--gold", str(gold)])
    assert result.exit_code == 1 and 'line 1 is neither an offset nor a record with "start" or "line"' in result.err_text

"""The hostile-input table of docs/hostile-input.md, one test per row: whatever comes in, corpuscut
finishes, says clearly what it could not do, and never loses or invents text."""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import io
import json
import os
import random
import signal
import socket
import stat
import subprocess
import sys
import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscut.segmenter import InputError, Segmenter, decode_bytes, expand_inputs, split
from corpuscut.segmenter.articles import count_words
from corpuscut.reading import json_lines_documents, open_text
from corpuscut.reading.opening import READ_BYTES
from corpuscut.segmenter.streaming import Limits
from corpuscut.summarizer import summarize
from tests.conftest import SAMPLES, SEED


def records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.split("\n") if line.strip()]


def joined(out: str) -> str:
    return "".join(r["text"] for r in records(out))


@pytest.mark.parametrize("command", ["split", "digest", "summarize"])
def test_empty_file_gives_no_records_one_warning_line_and_exit_0(run, tmp_path, command):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run([command, str(empty)])
    assert result.exit_code == 0 and result.out_text == ""
    assert result.err_text.strip().splitlines() == [f"corpuscut: warning: {empty}: empty input, no articles"]
    assert run([command, "-q", str(empty)]).err_text == ""


def test_whitespace_only_is_one_article_with_an_empty_summary(run):
    result = run(["digest"], stdin=b"  \n\n\t \n")
    out = records(result.out_text)
    assert result.exit_code == 0 and len(out) == 1 and out[0]["text"] == "  \n\n\t \n" and out[0]["summary"] == ""


@pytest.mark.parametrize(
    "data",
    [b"abc\x00def" * 100, random.Random(1).randbytes(4096), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)],
    ids=["nul-bytes", "random-bytes", "png"],
)
def test_binary_input_is_skipped_with_one_line_and_exit_1(run, tmp_path, data):
    path = tmp_path / "blob.bin"
    path.write_bytes(data)
    result = run(["split", str(path), str(SEED)])
    assert result.exit_code == 1
    assert result.err_text.splitlines()[0] == f"corpuscut: {path}: binary file (holds NUL bytes), skipped"
    assert len(records(result.out_text)) == 5


def test_binary_without_nul_bytes_is_skipped_with_one_line_and_exit_1(run, tmp_path):
    path = tmp_path / "rnd-nonul.bin"
    path.write_bytes(random.Random(3).randbytes(16384).replace(b"\x00", b""))
    result = run(["split", str(path), str(SEED)])
    assert result.exit_code == 1
    assert result.err_text.splitlines()[0] == (
        f"corpuscut: {path}: binary file (holds control characters and bytes that are not text), skipped")
    assert len(records(result.out_text)) == 5


#: What file(1) takes for a control character (see corpuscut.reading.decoding).
CONTROL_CHARACTERS = frozenset(chr(c) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)]) - set("\t\n\r\f\v\b\x1b")


@given(st.text(st.characters(blacklist_categories=("Cs",), max_codepoint=0x3000), min_size=1, max_size=400))
@settings(max_examples=300, deadline=None)
def test_text_is_refused_as_binary_exactly_when_its_control_characters_say_so(text):
    from corpuscut.reading.decoding import BinaryInputError, choose_decoding

    data = text.encode("utf-8")
    controls = sum(c in CONTROL_CHARACTERS for c in text)
    binary = "\x00" in text or (controls >= 0.02 * len(text) and controls >= 0.10 * len(text))
    try:
        choose_decoding(data, True, "in.txt", None)
    except BinaryInputError:
        assert binary
    else:
        assert not binary


TEXTS = {
    "english": "The minister said on Monday that the café would reopen. \f\n" * 40,
    "russian": "Министр заявил в понедельник, что переговоры продолжатся.\n" * 40,
    "greek": "Ο υπουργός δήλωσε τη Δευτέρα ότι οι συνομιλίες θα συνεχιστούν.\n" * 40,
    "polish": "Minister powiedział w poniedziałek, że rozmowy będą kontynuowane.\n" * 40,
    "japanese": "大臣は月曜日、協議を続けると述べた。\n" * 40,
    "man-page": "N\bNA\bAM\bME\bE\n       ls - list directory contents \x1b[1mbold\x1b[0m\n" * 40,
}


@pytest.mark.parametrize(("language", "codec"), [
    ("english", "utf-8"), ("english", "cp1252"), ("russian", "cp1251"), ("russian", "koi8-r"), ("russian", "utf-8"),
    ("greek", "iso8859-7"), ("polish", "cp1250"), ("japanese", "shift_jis"), ("japanese", "euc-jp"),
    ("man-page", "utf-8"),
])
def test_text_in_any_encoding_read_is_never_taken_for_binary(language, codec):
    data = TEXTS[language].encode(codec)
    for size in (120, len(data)):  # short text goes undetected (replacements), but is still text
        text, _ = decode_bytes(data[:size])
        assert text


def test_invalid_utf8_is_decoded_without_failing(run):
    result = run(["split"], stdin=b"Caf\xe9 au lait \xff\xfe is served here every morning.\n")
    assert result.exit_code == 0 and "Caf" in joined(result.out_text)


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_latin1_and_windows_1252_are_read_right(run, codec):
    text = "Le café coûte 2 € à Zürich, a déclaré le maire lundi. " * 10 if codec == "cp1252" else "Le café à Zürich. " * 20
    result = run(["split"], stdin=text.encode(codec))
    assert joined(result.out_text) == text


def test_utf16_with_bom_is_read_right(run):
    text = "The minister resigned on Monday after a week of pressure.\n"
    result = run(["split"], stdin=text.encode("utf-16"))
    out = records(result.out_text)
    assert joined(result.out_text) == text and out[0]["encoding"] == "utf-16"


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "lone-cr"])
def test_crlf_and_lone_cr_line_ends_keep_offsets_and_lines(newline):
    text = SEED.read_text(encoding="utf-8").replace("\n", newline)
    articles = split(text)
    assert "".join(a.text for a in articles) == text
    assert [a.start_line for a in articles] == [1, 24, 25, 26, 27]


def test_a_huge_line_without_newline_is_split_and_summarized(run):
    line = ("The committee met again and the talks went on into the night. " * 40_000).encode()  # 2.6 MB
    result = run(["digest", "-n", "2"], stdin=line)
    out = records(result.out_text)
    assert result.exit_code == 0 and joined(result.out_text) == line.decode()
    assert len(out[0]["sentences"]) == 2


def test_many_one_character_lines_are_split_losslessly():
    text = "a\n" * 20_000
    assert "".join(a.text for a in split(text)) == text


def test_a_10000_word_sentence_is_summarized():
    sentence = " ".join(["word"] * 10_000) + "."
    assert summarize(sentence + " Short one.", sentences=1).sentences


@pytest.mark.parametrize(
    "text",
    ["!!! ??? ... ;;; --- ***\n" * 50, "مرحبا بالعالم. هذه مقالة عن السياسة.\nשלום עולם. זה מאמר.\n" * 20,
     "北京市政府周一宣布新措施。\n東京で会議が開かれた。\n서울에서 회의가 열렸다.\n" * 20,
     "Cafe\u0301 na\u0308ive \U0001F600\U0001F44D\U0001F3FD re\u0301sume\u0301. Emoji 👩‍👩‍👧 family.\n" * 20],
    ids=["punctuation-only", "right-to-left", "cjk", "combining-and-emoji"],
)
def test_odd_scripts_split_losslessly_and_summarize(text):
    articles = split(text)
    assert "".join(a.text for a in articles) == text
    for a in articles:
        for s in summarize(a.text).sentences:
            assert a.text[s.start:s.end] == s.text


def test_a_file_that_disappears_mid_batch_fails_alone(run, tmp_path, monkeypatch):
    import corpuscut.reading.opening as opening

    gone = tmp_path / "gone.txt"
    gone.write_text("soon gone")
    real = opening.open_binary

    def vanish(path, stdin=None):
        if path == str(gone):
            os.unlink(gone)
        return real(path, stdin)

    monkeypatch.setattr(opening, "open_binary", vanish)
    result = run(["split", str(gone), str(SEED)])
    assert result.exit_code == 1 and "no such file" in result.err_text and len(records(result.out_text)) == 5


def test_a_folder_is_read_recursively_and_an_empty_one_is_reported(run, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty").mkdir()
    assert len(records(run(["split", str(tmp_path / "full")]).out_text)) == 5
    result = run(["split", str(tmp_path / "empty")])
    assert result.exit_code == 1 and "is a folder with nothing to read" in result.err_text


def test_the_tool_never_opens_a_network_connection(run, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("corpuscut tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    result = run(["digest", "-f", "jsonl", str(SEED)])
    assert result.exit_code == 0 and len(records(result.out_text)) == 5


def test_no_pickle_is_loaded(monkeypatch, seed_text):
    import pickle

    def refuse(*args, **kwargs):
        raise AssertionError("a pickle was loaded")

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    assert len(Segmenter().split(seed_text)) == 5 and summarize(seed_text).sentences


def test_bom_only_and_codec_oddities_never_raise():
    for data in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_LE + b"\x00"):
        from corpuscut.segmenter import decode_bytes

        decode_bytes(data)


# Second pass: special files, caps on size, names as bytes, signals, odd options.

def _reader(path, into: list) -> threading.Thread:
    def read() -> None:
        with open(path, "rb") as handle:
            into.append(handle.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def test_output_to_a_fifo_is_written_into_it_and_the_fifo_stays(run, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = _reader(fifo, got)
    result = run(["split", "--jobs", "1", "-o", str(fifo), str(SEED)])
    reader.join(10)
    assert result.exit_code == 0 and len(records(got[0].decode())) == 5
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_output_to_dev_null_writes_to_the_device_and_never_replaces_it(run):
    result = run(["split", "--jobs", "1", "-o", os.devnull, str(SEED)])
    assert result.exit_code == 0 and stat.S_ISCHR(os.lstat(os.devnull).st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_output_to_dev_full_reports_the_write_error_in_one_line(run):
    result = run(["split", "--jobs", "1", "-o", "/dev/full", str(SEED)])
    assert result.exit_code == 1 and result.err_text.count("\n") == 1
    assert "/dev/full: cannot write (No space left on device)" in result.err_text
    assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)


def test_output_through_a_symlink_writes_its_file_and_keeps_the_link(run, tmp_path):
    target = tmp_path / "real.jsonl"
    target.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target.name)
    assert run(["split", "--jobs", "1", "-o", str(link), str(SEED)]).exit_code == 0
    assert link.is_symlink() and len(records(target.read_text())) == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.jsonl", "real.jsonl"]


def test_a_temporary_file_left_by_a_killed_run_is_removed_by_the_next(run, tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    left = tmp_path / f".out.jsonl.{dead.pid}.abcd1234.part"
    left.write_text("half")
    out = tmp_path / "out.jsonl"
    assert run(["split", "--jobs", "1", "-o", str(out), str(SEED)]).exit_code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_out_dir_never_follows_a_planted_folder_link_out_of_the_folder(run, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "0001-kursk-taiwan-dump").symlink_to(outside, target_is_directory=True)
    result = run(["split", "--jobs", "1", "--out-dir", str(out), "--overwrite", str(SEED), str(SAMPLES / "bbc-noisy.txt")])
    assert result.exit_code == 1 and "not followed" in result.err_text and result.err_text.count("\n") == 1
    assert list(outside.iterdir()) == []


def test_out_dir_replaces_a_planted_file_link_and_never_copies_its_mode(run, tmp_path):
    victim = tmp_path / "victim"
    victim.write_text("keep me")
    victim.chmod(0o4755)
    out = tmp_path / "out"
    out.mkdir()
    (out / "0001-kyivs-allies-are-largely-withholding-judgement-over-the-ukra.txt").symlink_to(victim)
    assert run(["split", "--jobs", "1", "--out-dir", str(out), "--overwrite", str(SEED)]).exit_code == 0
    assert victim.read_text() == "keep me" and victim.stat().st_mode & 0o7777 == 0o4755
    written = [p for p in out.iterdir() if p.name.startswith("0001-")]
    assert len(written) == 1 and not written[0].is_symlink() and written[0].stat().st_mode & 0o7000 == 0


def test_out_dir_numbers_the_articles_of_every_json_lines_document_apart(run, tmp_path):
    dump = tmp_path / "docs.jsonl"
    dump.write_text("".join(json.dumps({"text": "Same headline\nThe same story, told again at length.\n"}) + "\n"
                            for _ in range(3)))
    out = tmp_path / "out"
    assert run(["split", "--jobs", "1", "--text-field", "text", "--out-dir", str(out), str(dump)]).exit_code == 0
    files = sorted(p.name for p in out.iterdir() if p.name != "index.jsonl")
    assert files == ["0001-same-headline.txt", "0002-same-headline.txt", "0003-same-headline.txt"]
    assert len(records((out / "index.jsonl").read_text())) == 3


CAPPED = Limits(section_lines=50, section_chars=4000, margin_lines=5, margin_chars=500, line_chars=700,
                article_chars=3000)


@pytest.mark.parametrize("text", ["x" * 20_000, "a\n" * 9000, SEED.read_text(encoding="utf-8") * 3, "x" * 6000 + "\n"],
                         ids=["one-endless-line", "endless-short-lines", "long-articles", "line-ending-at-the-cap"])
def test_lines_and_articles_past_their_caps_are_cut_there_losslessly(text):
    segmenter = Segmenter(limits=CAPPED)
    articles = segmenter.split(text)
    assert "".join(a.text for a in articles) == text
    # Past the cap by a line end at most: a line end alone is never an article of its own.
    assert max(len(a.text) for a in articles) <= CAPPED.article_chars + 2
    assert all(a.text.strip() for a in articles)
    assert any(a.reasons == ("size limit",) for a in articles)
    assert all(a.score == 0.0 for a in articles if a.reasons == ("size limit",))  # the cap made the cut, not the text
    assert all(a.words == count_words(a.text) for a in articles)
    streamed = segmenter.iter_split(text[i: i + 77] for i in range(0, len(text), 77))
    assert [(a.start, a.end, a.start_line, a.end_line) for a in streamed] == \
        [(a.start, a.end, a.start_line, a.end_line) for a in articles]


def test_a_compressed_bomb_is_read_in_pieces_and_cut_at_the_caps():
    zstandard = pytest.importorskip("zstandard")
    bomb = zstandard.ZstdCompressor(level=19).compress(b" " * 3_000_000)
    assert len(bomb) < 2000
    stream = open_text("-", io.BytesIO(bomb))
    assert max(len(piece) for piece in stream.pieces) <= READ_BYTES
    articles = list(Segmenter(limits=CAPPED).iter_split(open_text("-", io.BytesIO(bomb)).pieces))
    assert sum(len(a.text) for a in articles) == 3_000_000 and max(len(a.text) for a in articles) <= 3000


def test_a_file_name_that_is_not_utf8_never_aborts_the_batch(run, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    seed = SEED.read_bytes()
    (folder / "good.txt").write_bytes(seed)
    with open(os.path.join(os.fsencode(folder), b"bad\xff\x1b]0;title\x07.txt"), "wb") as handle:
        handle.write(seed)
    result = run(["split", "--jobs", "1", str(folder)])
    out = records(result.out_text)
    assert result.exit_code == 0 and len(out) == 10
    assert out[0]["source"] == f"{folder}/bad\\xff\x1b]0;title\x07.txt"
    out_dir = tmp_path / "out"
    assert run(["split", "--jobs", "1", "--out-dir", str(out_dir), str(folder)]).exit_code == 0
    assert len(records((out_dir / "index.jsonl").read_text())) == 10


def test_a_missing_file_with_control_characters_in_its_name_is_reported_escaped(run, tmp_path):
    name = str(tmp_path / "gone\x1b]52;c;cHduZWQ=\x07\udcff.txt")
    result = run(["split", "--jobs", "1", name])
    assert result.exit_code == 1 and "\x1b" not in result.err_text and "\\x1b]52" in result.err_text
    assert "\\xff" in result.err_text


def test_a_fifo_in_a_folder_is_skipped_with_a_line_never_opened(run, tmp_path):
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    os.mkfifo(tmp_path / "b.txt")
    result = run(["split", "--jobs", "1", str(tmp_path)])
    assert result.exit_code == 1 and len(records(result.out_text)) == 5
    assert f"{tmp_path}/b.txt: is a FIFO, not a regular file: skipped" in result.err_text


def test_a_recursive_glob_through_symlink_loops_ends(run, tmp_path, monkeypatch):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_bytes(SEED.read_bytes())
    for name in ("loop1", "loop2", "loop3"):
        (tmp_path / "d" / name).symlink_to(tmp_path, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    assert expand_inputs(["**/*.txt"]) == ["d/a.txt"]
    assert len(records(run(["split", "--jobs", "1", f"{tmp_path}/**/*.txt"]).out_text)) == 5


def test_one_stray_byte_in_a_utf8_file_does_not_send_it_to_a_legacy_code_page(run):
    text = SEED.read_bytes()
    broken = text[:2000] + b"\xff" + text[2000:]
    result = run(["split", "--jobs", "1"], stdin=broken)
    out = records(result.out_text)
    assert len(out) == 5 and {r["encoding"] for r in out} == {"utf-8"}
    assert joined(result.out_text) == broken.decode("utf-8", "replace")
    assert result.err_text.strip() == "corpuscut: warning: -: 1 byte sequence not UTF-8, read as U+FFFD (--encoding names the encoding where it is not UTF-8)"


def test_a_few_pound_signs_outweigh_as_many_stray_bytes(run):
    # A scraped article in UTF-8 with a few pound signs and a cp1252 dash pasted in: read as
    # cp1252 every "£" became "Â£".
    text = ("Tickets cost \u00a319 to \u00a329, and the deal is worth \u00a3110m. " * 3).encode() + b"\x96 a stray dash.\n"
    result = run(["split", "--jobs", "1"], stdin=text)
    assert {r["encoding"] for r in records(result.out_text)} == {"utf-8"}
    assert "\u00c2" not in joined(result.out_text) and "1 byte sequence not UTF-8" in result.err_text
    cp1252 = "The caf\u00e9 served cr\u00e8me br\u00fbl\u00e9e to the committee \u2013 on Tuesday evening.\n".encode("cp1252") * 20
    assert {r["encoding"] for r in records(run(["split", "--jobs", "1"], stdin=cp1252).out_text)} == {"cp1252"}


def test_json_lines_are_split_at_newlines_only_so_the_tools_own_output_reads_back(run, tmp_path):
    text = "First line\u2028still the first record\x85and more.\nSecond line of text.\n"
    first = run(["split", "--jobs", "1"], stdin=text.encode())
    again = run(["split", "--jobs", "1", "--text-field", "text"], stdin=first.out_text.encode())
    assert again.exit_code == 0 and joined(again.out_text) == joined(first.out_text) == text


def test_a_json_lines_record_past_its_cap_fails_the_input_in_one_line(tmp_path):
    stream = open_text("-", io.BytesIO(json.dumps({"text": "x" * 5000}).encode() + b"\n"))
    with pytest.raises(InputError, match="line 1 is longer than 1,000 characters"):
        list(json_lines_documents(stream, "text", max_chars=1000))


def test_a_lone_surrogate_in_json_lines_becomes_a_replacement_character(run):
    result = run(["split", "--jobs", "1", "--text-field", "text"], stdin=b'{"text": "bad \\ud800 char"}\n')
    assert result.exit_code == 0 and joined(result.out_text) == "bad \ufffd char"


def test_a_truncated_warc_gz_is_an_error_not_an_empty_success(run, tmp_path):
    pytest.importorskip("warcio", reason="the warc extra is not installed")
    from tests.test_batch import _warc

    path = tmp_path / "crawl.warc.gz"
    _warc(path, [("conversion", f"https://example.org/{i}", "text/plain", SEED.read_bytes()) for i in range(3)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    result = run(["split", "--jobs", "1", str(path)])
    assert result.exit_code == 1 and "cannot be decompressed" in result.err_text


@pytest.mark.parametrize("command", ["split", "digest"])
def test_a_truncated_gz_keeps_the_articles_it_holds_then_fails(run, tmp_path, command):
    import gzip

    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    data = gzip.compress(text.encode("utf-8"))
    path = tmp_path / "wire.txt.gz"
    path.write_bytes(data[: len(data) // 3])
    result = run([command, "-f", "jsonl", str(path), str(SEED)])
    assert result.exit_code == 1 and "cannot be decompressed" in result.err_text
    kept = [r for r in records(result.out_text) if r["source"] == str(path)]
    assert len(kept) >= 3 and [r["index"] for r in kept] == list(range(1, len(kept) + 1))
    read = "".join(r["text"] for r in kept)
    assert len(read) > len(text) // 4 and text.startswith(read)  # lossless: what was decompressed
    assert len(records(result.out_text)) == len(kept) + 5  # the next input is done as well


def test_a_truncated_gz_of_json_lines_reports_the_truncation_not_bad_json(run, tmp_path):
    import gzip

    lines = "".join(json.dumps({"text": f"Story {i}. " + "Words of the story here. " * 20}) + "\n" for i in range(200))
    data = gzip.compress(lines.encode())
    path = tmp_path / "stories.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    result = run(["split", "--text-field", "text", "-f", "jsonl", str(path)])
    assert result.exit_code == 1 and "cannot be decompressed" in result.err_text and "not JSON" not in result.err_text


def test_a_truncated_gz_read_whole_by_the_library_is_an_error(tmp_path):
    import gzip

    data = gzip.compress(SEED.read_bytes() * 20)
    with pytest.raises(InputError, match="cannot be decompressed"):
        decode_bytes(data[: len(data) // 2])


def test_html_with_a_huge_tag_is_tamed_in_linear_time():
    from corpuscut.reading.warc import tame_html

    tag = b"<div " + b" ".join(b'a%d="x"' % i for i in range(50_000)) + b">"
    assert tame_html(tag + b"<p class=x>text</p></div>") == b"<div><p class=x>text</p></div>"
    assert tame_html(b"<" + b"a" * 100_000) == b"<" + b"a" * 100_000  # no closing: left alone


def test_non_text_codecs_are_refused():
    for codec in ("rot13", "base64", "zlib"):
        with pytest.raises(InputError, match="not a text encoding"):
            decode_bytes(b"text", encoding=codec)


def test_a_failed_fork_is_one_clear_error_and_no_hang(monkeypatch):
    from corpuscut.batch import workers

    if workers._pool_context().get_start_method() != "fork":
        pytest.skip("workers are not forked here")
    real, forks = os.fork, []

    def fork():
        forks.append(1)
        if len(forks) > 1:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        return real()

    monkeypatch.setattr(os, "fork", fork)
    with pytest.raises(workers.WorkerError, match="cannot start 2 worker processes"):
        workers.process_pool(2)


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError):
                with open(f"/proc/{entry}/stat") as handle:
                    if int(handle.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["sigkill", "sigterm"])
def test_workers_die_with_a_killed_command(tmp_path, sig):
    dumps = []
    for i in range(4):
        dumps.append(tmp_path / f"d{i}.txt")
        dumps[-1].write_bytes(SEED.read_bytes() * 40)
    command = subprocess.Popen([sys.executable, "-m", "corpuscut", "digest", "-j", "2", "-o", str(tmp_path / "o.jsonl"),
                                *map(str, dumps)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(_children(command.pid)) < 2 and time.monotonic() < deadline and command.poll() is None:
        time.sleep(0.05)
    workers = _children(command.pid)
    command.send_signal(sig)
    command.wait(30)
    deadline = time.monotonic() + 10
    while any(os.path.exists(f"/proc/{w}") and _state(w) != "Z" for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert workers and not [w for w in workers if os.path.exists(f"/proc/{w}") and _state(w) != "Z"]
    if sig == signal.SIGTERM:
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in dumps)


def _state(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def test_summarize_reads_only_the_first_200000_characters(tmp_path):
    from typer.testing import CliRunner

    from corpuscut.cli.app import app
    from corpuscut.cli.environment import Environment

    class Counted(io.BytesIO):
        taken = 0

        def read(self, size=-1):
            data = super().read(size)
            Counted.taken += len(data)
            return data

    data = ("The council met again on Monday and the talks went on. " * 200_000).encode()  # 11 MB
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdin=Counted(data), stdout=out, stderr=err, stdout_isatty=False, stderr_isatty=False,
                      no_color=True, debug=True)
    result = CliRunner().invoke(app, ["summarize", "-f", "jsonl"], obj=env, catch_exceptions=False)
    assert result.exit_code == 0 and records(out.getvalue())[0]["summary"]
    assert Counted.taken < 4 * 2**20


def test_json_output_streams_its_array():
    from corpuscut.cli.render import JsonWriter

    out = io.StringIO()
    writer = JsonWriter(out)
    writer.emit(None, [{"a": 1}], 0.0)
    assert out.getvalue().startswith('[\n  {\n    "a": 1')  # written before the run ends
    writer.emit(None, [{"b": [1, 2]}], 0.0)
    writer.close()
    assert json.loads(out.getvalue()) == [{"a": 1}, {"b": [1, 2]}]


def test_control_characters_in_text_and_names_never_reach_the_terminal(run):
    text = b"Evil \x1b]0;pwned\x07 headline\nThe \x1b[2J story went on at length, the \x1b]52;c;eA==\x07 reporter said.\n"
    shown = run(["digest", "-f", "rich", "--jobs", "1"], stdin=text, tty=True).out_text
    assert "\x1b]" not in shown and "\x1b[2J" not in shown and "\x07" not in shown
    assert "\\x1b]0;pwned\\x07" in shown


@pytest.mark.parametrize("codec", ["rot13", "base64"])
def test_a_non_text_codec_for_encoding_is_a_usage_error(run, codec):
    result = run(["split", "--encoding", codec, str(SEED)])
    error, usage = result.err_text.splitlines()  # one line, then the usage
    assert result.exit_code == 2 and "not a text encoding" in error and usage.startswith("Usage: ")


@pytest.mark.parametrize(
    "cues, message",
    [({"headline_max_words": "ten"}, "must be a whole number"), ({"terminal_punctuation": 5}, "non-empty string"),
     ({"byline": [f"x{i}" for i in range(100_000)]}, "at most 10,000")],
    ids=["word-count-as-text", "punctuation-as-number", "100000-patterns"],
)
def test_cue_files_of_the_wrong_type_or_size_are_usage_errors(run, tmp_path, cues, message):
    path = tmp_path / "cues.json"
    path.write_text(json.dumps(cues))
    result = run(["split", "--cues", str(path), str(SEED)])
    error, usage = result.err_text.splitlines()  # one line, then the usage
    assert result.exit_code == 2 and message in error and usage.startswith("Usage: ")


def _shell(command: str) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", "-c", command], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHON": sys.executable})


def test_closed_stdout_is_one_line_and_exit_1():
    done = _shell(f'"$PYTHON" -m corpuscut split --jobs 1 "{SEED}" >&-')
    assert done.returncode == 1 and done.stderr == "corpuscut: standard output: cannot write (Bad file descriptor)\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_stdout_on_a_full_device_is_one_line_and_exit_1():
    done = _shell(f'"$PYTHON" -m corpuscut split --jobs 1 "{SEED}" > /dev/full')
    assert done.returncode == 1 and done.stderr == "corpuscut: standard output: cannot write (No space left on device)\n"


def test_third_party_warnings_are_kept_off_stderr(monkeypatch, capsys):
    import warnings

    import corpuscut.cli.app as app_module
    from corpuscut.cli import entry

    def noisy() -> None:
        warnings.warn("a dependency complains", DeprecationWarning)

    monkeypatch.delenv("CORPUSCUT_DEBUG", raising=False)
    monkeypatch.setattr(app_module, "main", noisy)
    with warnings.catch_warnings(), pytest.raises(SystemExit) as exit_:
        entry.main()
    assert exit_.value.code == 0 and "complains" not in capsys.readouterr().err


def test_jobs_are_capped_by_cores_and_tasks(tmp_path):
    from corpuscut.cli.options import Options
    from corpuscut.batch.workers import estimate_tasks, usable_jobs

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert Options(jobs=10_000).workers == cores
    small = [str(SEED), str(SAMPLES / "bbc-noisy.txt")]
    assert estimate_tasks(small, Limits()) == 1  # small files go to one task: no workers
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 500_000)  # 2.5 MB: two sections
    assert estimate_tasks([str(big)], Limits()) == 2 and estimate_tasks([str(big), *small], Limits()) == 3
    assert usable_jobs(10_000, 2) == min(2, cores)
    assert usable_jobs(64, 1) == 1 and estimate_tasks(["-"], Limits()) is None


def test_a_mistyped_dask_address_fails_in_seconds_with_one_line(run):
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.monotonic()
    result = run(["split", "--dask", f"tcp://127.0.0.1:{port}", str(SEED)])
    assert result.exit_code == 1 and result.err_text.count("\n") == 1
    assert "cannot reach the Dask scheduler" in result.err_text and time.monotonic() - started < 10


def test_a_dead_worker_stops_the_run_with_one_line():
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from corpuscut.batch.workers import Workers, WorkerError

    future: Future = Future()
    future.set_exception(BrokenProcessPool("gone"))
    with pytest.raises(WorkerError, match="a worker process died"):
        Workers(lambda: None).result(future)


def test_a_task_whose_dask_workers_died_fails_its_input_not_the_run():
    from concurrent.futures import Future

    from corpuscut.batch.workers import TaskLost, WorkerError, Workers

    KilledWorker = type("KilledWorker", (Exception,), {})  # distributed's, by name
    future: Future = Future()
    future.set_exception(KilledWorker("task lost"))
    with pytest.raises(TaskLost, match="the Dask workers running a task of this input died") as raised:
        Workers(lambda: None).result(future)
    assert not isinstance(raised.value, WorkerError)  # a WorkerError would stop the run


def test_resume_refuses_a_concurrent_run(run, tmp_path):
    import fcntl

    out = tmp_path / "out.jsonl"
    with open(tmp_path / "out.jsonl.partial.done", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        result = run(["split", "--jobs", "1", "-o", str(out), "--resume", str(SEED)])
    assert result.exit_code == 1 and "being written by another corpuscut --resume run" in result.err_text


def test_resume_never_appends_to_a_file_that_is_not_json_lines(run, tmp_path):
    out = tmp_path / "notes.txt"
    out.write_text("my precious notes\n")
    result = run(["split", "--jobs", "1", "-o", str(out), "-f", "jsonl", "--resume", str(SEED)])
    assert result.exit_code == 1 and "is not a JSON Lines output of corpuscut" in result.err_text
    assert out.read_text() == "my precious notes\n"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]  # no journal left behind


def test_resume_on_other_standard_input_is_refused(run, tmp_path):
    out = tmp_path / "out.jsonl"
    done = run(["split", "--jobs", "1", "-o", str(tmp_path / "ref.jsonl"), "--resume", "-"], stdin=b"First text.\n")
    assert done.exit_code == 0
    # a run stopped after standard input was done: its journal holds the input's size and hash
    partial = tmp_path / "out.jsonl.partial"
    partial.write_text((tmp_path / "ref.jsonl").read_text())
    identity = "12:sha256:" + hashlib.sha256(b"First text.\n").hexdigest()
    (tmp_path / "out.jsonl.partial.done").write_text(
        json.dumps({"bytes": partial.stat().st_size, "source": "-", "identity": identity}) + "\n")
    same = run(["split", "--jobs", "1", "-o", str(out), "--resume", "-", str(SEED)], stdin=b"First text.\n")
    assert same.exit_code == 0 and "1 of 2 inputs already done" in same.err_text
    out.rename(partial)
    (tmp_path / "out.jsonl.partial.done").write_text(
        json.dumps({"bytes": partial.stat().st_size, "source": "-", "identity": identity}) + "\n")
    other = run(["split", "--jobs", "1", "-o", str(out), "--resume", "-"], stdin=b"Other text.\n")
    assert other.exit_code == 1 and "standard input is not what the stopped run read" in other.err_text


def test_resume_with_an_inconsistent_journal_is_one_line(run, tmp_path):
    out = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.partial").write_text("")
    (tmp_path / "out.jsonl.partial.done").write_text('{"bytes": 99999, "source": "a"}\n{"bytes": 1, "source": "b"}\n')
    result = run(["split", "--jobs", "1", "-o", str(out), "--resume", str(SEED)])
    assert result.exit_code == 1 and result.err_text.count("\n") == 1 and "does not match" in result.err_text


def test_a_warc_record_over_the_cap_is_cut_with_a_warning(run, tmp_path, monkeypatch):
    pytest.importorskip("warcio", reason="the warc extra is not installed")
    import corpuscut.reading.warc as warc
    from tests.test_batch import _warc

    monkeypatch.setattr(warc, "MAX_RECORD_BYTES", 2 << 20)
    path = tmp_path / "big.warc.gz"
    _warc(path, [("conversion", "https://example.org/big", "text/plain", b"word " * (1 << 20))])
    result = run(["split", "--jobs", "1", str(path)])
    assert result.exit_code == 0 and len(joined(result.out_text)) == 2 << 20
    assert "warning:" in result.err_text and "only its first 2 MiB read" in result.err_text


def test_a_line_whose_words_all_lie_past_its_head_is_split():
    from corpuscut.segmenter.body import LINE_HEAD_CHARS

    text = "Headline\n" + " " * (LINE_HEAD_CHARS + 5) + "words only far to the right.\nThe end of it.\n"
    assert "".join(a.text for a in split(text)) == text


@pytest.mark.parametrize("command", ["split", "digest", "summarize"])
def test_every_command_warns_that_a_json_lines_input_is_read_as_plain_text(run, tmp_path, command):
    records = tmp_path / "records.jsonl"
    records.write_text('{"headline": "A", "text": "Some text here. More text."}\n', encoding="utf-8")
    result = run([command, "-f", "jsonl", str(records)])
    assert result.exit_code == 0
    assert "looks like JSON Lines, read as plain text; --text-field FIELD" in result.err_text


def test_an_input_without_line_breaks_is_split_with_a_warning_that_it_stays_one_article(run, tmp_path):
    one_line = tmp_path / "one-line.txt"
    one_line.write_text("The council met on Monday and agreed the budget. " * 2000, encoding="utf-8")
    result = run(["split", "-f", "jsonl", str(one_line)])
    assert result.exit_code == 0 and result.out_text.count("\n") == 1
    assert "warning:" in result.err_text and "holds no line break" in result.err_text
    short = run(["split", "-f", "jsonl", "-"], stdin=b"One short line. Another sentence on it.")
    assert "warning" not in short.err_text
    long_first = tmp_path / "long-first-line.txt"  # a 100 kB first line, then lines: warned too
    long_first.write_text("The council met on Monday. " * 4000 + "\nA second line.\nA third line.\n", encoding="utf-8")
    assert "holds no line break in its first 64 kB" in run(["split", "-f", "jsonl", str(long_first)]).err_text

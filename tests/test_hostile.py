"""The hostile-input table of the README, one test per row: whatever comes in, corpuscut
finishes, says clearly what it could not do, and never loses or invents text."""

from __future__ import annotations

import codecs
import json
import os
import random
import socket

import pytest

from corpuscut.segmenter import Segmenter, split
from corpuscut.summarizer import summarize
from tests.conftest import SEED


def records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def joined(out: str) -> str:
    return "".join(r["text"] for r in records(out))


def test_empty_file_gives_no_records_and_exit_0(run, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run(["digest", str(empty)])
    assert result.exit_code == 0 and result.out_text == "" and result.err_text == ""


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
    import corpuscut.segmenter.source as source

    gone = tmp_path / "gone.txt"
    gone.write_text("soon gone")
    real = source._open_binary

    def vanish(path, stdin=None):
        if path == str(gone):
            os.unlink(gone)
        return real(path, stdin)

    monkeypatch.setattr(source, "_open_binary", vanish)
    result = run(["split", str(gone), str(SEED)])
    assert result.exit_code == 1 and "no such file" in result.err_text and len(records(result.out_text)) == 5


def test_a_folder_is_read_recursively_and_an_empty_one_is_reported(run, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty").mkdir()
    assert len(records(run(["split", str(tmp_path / "full")]).out_text)) == 5
    result = run(["split", str(tmp_path / "empty")])
    assert result.exit_code == 1 and "is a directory" in result.err_text


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

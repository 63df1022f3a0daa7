from __future__ import annotations

import bz2
import codecs
import gzip
import io
import lzma

import pytest
import zstandard

from corpuscut.reading import BinaryInputError, InputError, decode_bytes, expand_inputs, read_document

TEXT = "Café owners in Zürich said the new rules — announced on Monday — would cost them dearly. " * 8


def test_utf8_is_decoded_strictly_and_named():
    assert decode_bytes(TEXT.encode("utf-8")) == (TEXT, "utf-8")


@pytest.mark.parametrize("codec, name", [("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-32", "utf-32")])
def test_byte_order_mark_decides_the_encoding(codec, name):
    assert decode_bytes(TEXT.encode(codec)) == (TEXT, name)


def test_latin1_text_long_enough_is_detected_not_replaced():
    text, encoding = decode_bytes(TEXT.replace("—", "-").encode("latin-1"))
    assert "Café" in text and "Zürich" in text
    assert "utf-8" not in encoding


def test_undetected_bytes_are_read_as_windows_1252_where_they_fit_else_utf8_with_replacements():
    assert decode_bytes(b"caf\xe9") == ("caf\xe9", "cp1252")
    accented = "D\xe9j\xe0 l\xe0, \xe9t\xe9 \xe0 l'h\xf4tel: \xe9l\xe8ve \xe2g\xe9e, fa\xe7ade.\n"
    assert decode_bytes(accented.encode("latin-1")) == (accented, "cp1252")
    text, encoding = decode_bytes(b"ab \x81\x8d\x8f x")  # bytes Windows-1252 leaves undefined
    assert text == "ab \ufffd\ufffd\ufffd x" and encoding == "utf-8 (with replacements)"


def test_explicit_encoding_overrides_detection_and_reports_misfits():
    assert decode_bytes("café".encode("cp1252"), encoding="cp1252") == ("café", "cp1252")
    with pytest.raises(InputError, match="not valid utf-8"):
        decode_bytes(b"caf\xe9", "x.txt", encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding"):
        decode_bytes(b"abc", "x.txt", encoding="klingon")


def test_nul_bytes_mean_binary_like_grep():
    with pytest.raises(BinaryInputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "img.png")


@pytest.mark.parametrize(
    "compress",
    [gzip.compress, bz2.compress, lzma.compress, lambda b: zstandard.ZstdCompressor().compress(b)],
    ids=["gzip", "bz2", "xz", "zstd"],
)
def test_compressed_input_is_recognised_by_magic_bytes_on_stdin_too(compress):
    doc = read_document("-", io.BytesIO(compress(TEXT.encode())))
    assert doc.text == TEXT and doc.compression is not None


def test_corrupt_compressed_input_is_an_input_error():
    with pytest.raises(InputError, match="cannot be decompressed"):
        read_document("-", io.BytesIO(b"\x1f\x8b" + b"garbage" * 10))


def test_missing_file_and_directory_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="is a folder with nothing to read"):
        read_document(str(tmp_path))


def test_inputs_expand_folders_recursively_and_globs_sorted(tmp_path):
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("a")
    (tmp_path / ".hidden").write_text("h")
    assert expand_inputs([str(tmp_path)]) == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.txt")]
    assert expand_inputs([str(tmp_path / "*.txt")]) == [str(tmp_path / "b.txt")]
    assert expand_inputs([str(tmp_path / "none*.txt")]) == [str(tmp_path / "none*.txt")]
    assert expand_inputs([]) == ["-"]


def test_a_folders_files_and_a_globs_matches_come_in_the_order_people_number_them(tmp_path):
    for k in (10, 2, 1, 11):
        (tmp_path / f"part{k}.txt").write_text(f"Story {k}.\n")
    names = [f"part{k}.txt" for k in (1, 2, 10, 11)]
    assert expand_inputs([str(tmp_path)]) == [str(tmp_path / n) for n in names]
    assert expand_inputs([str(tmp_path / "part*.txt")]) == [str(tmp_path / n) for n in names]
    assert expand_inputs([str(tmp_path / "**" / "part*.txt")]) == [str(tmp_path / n) for n in names]


def test_bom_is_not_mistaken_for_binary():
    assert codecs.BOM_UTF16_LE in "x".encode("utf-16")
    assert decode_bytes("hello".encode("utf-16"))[0] == "hello"


def test_mostly_ascii_with_a_pound_sign_is_windows_1252_not_a_far_eastern_guess():
    data = ("Chelsea wrote off a possible transfer fee for Mutu, a £15.8m signing from Parma. " * 30).encode("latin-1")
    text, encoding = decode_bytes(data)
    assert "£15.8m" in text and encoding == "cp1252"


def test_mostly_non_ascii_text_is_detected():
    data = ("Правительство объявило о новых мерах поддержки экономики в понедельник. " * 20).encode("cp1251")
    text, encoding = decode_bytes(data)
    assert "Правительство" in text


def test_an_input_longer_than_the_sample_is_decoded_in_pieces_as_a_whole(monkeypatch, tmp_path):
    import corpuscut.reading.opening as opening

    monkeypatch.setattr(opening, "SAMPLE_BYTES", 64)
    monkeypatch.setattr(opening, "READ_BYTES", 7)
    text = "Café, naïve — 北京 🙂\r\n" * 50
    path = tmp_path / "long.txt.gz"
    path.write_bytes(gzip.compress(text.encode("utf-8")))
    stream = opening.open_text(str(path))
    pieces = list(stream.pieces)
    assert len(pieces) > 10 and "".join(pieces) == text
    assert stream.encoding == "utf-8" and stream.compression == "gzip" and stream.size_bytes == path.stat().st_size


def test_a_bad_byte_past_the_sample_under_an_explicit_encoding_names_its_position(monkeypatch):
    import corpuscut.reading.opening as opening

    monkeypatch.setattr(opening, "SAMPLE_BYTES", 16)
    monkeypatch.setattr(opening, "READ_BYTES", 16)
    data = b"a" * 100 + b"\xff" + b"b" * 10
    with pytest.raises(InputError, match="not valid utf-8 at byte 100"):
        opening.open_text("-", io.BytesIO(data), "utf-8").read_all()


def test_a_json_lines_input_is_read_record_by_record(tmp_path):
    from corpuscut.reading import json_lines_documents, open_text

    path = tmp_path / "dump.jsonl"
    path.write_text('{"id": "a", "body": "One."}\n\n{"id": "b", "body": "Two."}\n', encoding="utf-8")
    docs = list(json_lines_documents(open_text(str(path)), "body", "id"))
    assert [(d.source, d.text) for d in docs] == [(f"{path}#a", "One."), (f"{path}#b", "Two.")]


def test_each_record_of_a_compressed_json_lines_input_says_how_much_of_the_input_was_read(tmp_path):
    """The progress bar's position in a JSON Lines file: its stored (compressed) bytes read."""
    import json

    from corpuscut.reading import json_lines_documents, open_text

    path = tmp_path / "records.jsonl.gz"
    rows = [json.dumps({"text": f"Story {n}. " + " ".join(f"w{n * 7919 % (k + 3)}" for k in range(2000))}) for n in range(300)]
    path.write_bytes(gzip.compress("\n".join(rows).encode()))
    read = [doc.input_read for doc in json_lines_documents(open_text(str(path)), "text")]
    assert len(read) == 300 and read == sorted(read) and 0 < read[0] < read[-1] <= path.stat().st_size


def test_standard_input_is_never_read_again_after_its_end():
    """On a terminal every read after the end waits for another Ctrl-D."""
    from corpuscut.reading import open_text

    class Terminal(io.RawIOBase):
        def __init__(self) -> None:
            self.lines = [b"Storm hits coast\n", b"High winds closed roads on Monday.\n", b""]

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            assert self.lines, "read again after the end: a terminal would wait here"
            line = self.lines.pop(0)
            data, rest = line[: len(buffer)], line[len(buffer):]
            if rest:
                self.lines.insert(0, rest)
            buffer[: len(data)] = data
            return len(data)

    doc = open_text("-", io.BufferedReader(Terminal())).read_all()
    assert doc.text == "Storm hits coast\nHigh winds closed roads on Monday.\n"


@pytest.mark.parametrize("data, says", [
    (b'{"article": "Storm hits coast.", "id": 1}\n{"article": "Markets rally."}\n', "--text-field"),
    (b"<!DOCTYPE html>\n<html><head><title>Storm</title></head><body><p>Storm.</p></body></html>\n", "HTML"),
    (b"Storm hits coast\nHigh winds closed roads on Monday.\n", None),
])
def test_an_input_that_is_not_prose_is_read_as_text_with_a_hint(data, says):
    from corpuscut.reading import open_text

    stream = open_text("-", io.BytesIO(data))
    assert stream.read_all().text == data.decode()  # read all the same: nothing is lost
    assert (says in " ".join(stream.notes)) if says else stream.notes == ()


def test_the_segmenter_gives_library_users_the_reading_layers_functions():
    import corpuscut.reading as reading
    import corpuscut.segmenter as segmenter

    for name in ("Document", "InputError", "BinaryInputError", "decode_bytes", "expand_inputs", "input_documents",
                 "read_document"):
        assert getattr(segmenter, name) is getattr(reading, name), name


def test_reading_an_input_loads_neither_the_segmenter_nor_numpy(tmp_path):
    """The reading layer sits under both libraries: a program that only reads inputs gets it alone."""
    import subprocess
    import sys

    path = tmp_path / "dump.txt.gz"
    path.write_bytes(gzip.compress(TEXT.encode("utf-8")))
    code = ("import sys; from corpuscut.reading import input_documents; "
            f"[doc] = input_documents({str(path)!r}); doc = doc.read_all(); "
            "print(doc.compression, doc.encoding, len(doc.text), "
            "sorted(m for m in ('numpy', 'corpuscut.segmenter', 'corpuscut.summarizer') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split(" ", 3) == ["gzip", "utf-8", str(len(TEXT)), "[]\n"]

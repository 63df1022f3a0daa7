"""Opening an input: bytes from a path or stdin, decompressed by their magic bytes, then either
a format of records (read as documents of their own) or text, decoded as it is read.

Nothing past an input's first SAMPLE_BYTES (after decompression) is read before its text is
asked for, so that an input of any size streams.
"""

from __future__ import annotations

import io
from typing import BinaryIO, Iterator

from corpuscut.text.names import name_text

from .compression import MAGIC_BYTES, BrokenInputError, decompressing, read_bytes, sniff_compression
from .decoding import choose_decoding, decode_pieces, stray_bytes
from .documents import Document, TextStream
from .errors import InputError
from .jsonlines import json_lines_documents
from .paths import STDIN
from .raw import Counting, open_binary, read_some
from .records import RecordStream, sniff_records

#: The encoding is chosen from this many bytes at the start of an input (all of a smaller
#: one), so that an input of any size can be decoded as it is read.
SAMPLE_BYTES = 1 << 20
#: An input whose first this many bytes hold no line break is said to be one line: the
#: segmenter cuts only at line starts (a dump whose line breaks were stripped is one article).
ONE_LINE_NOTE_BYTES = 64 << 10
#: Inputs are read, decompressed and decoded in pieces of this many bytes.
READ_BYTES = 1 << 20


def open_input(source: str, stdin: BinaryIO | None = None, encoding: str | None = None) -> TextStream | RecordStream:
    """Open one input: records in one of the RECORD_FORMATS (a WARC/WET file; recognised by
    its first bytes after decompression) or text, decoded as ``open_text`` does."""
    return _open(source, stdin, encoding, records=True)


def input_documents(
    source: str, stdin: BinaryIO | None = None, encoding: str | None = None,
    text_field: str | None = None, id_field: str | None = None,
) -> Iterator[TextStream | Document]:
    """The documents of one input, as the command reads them: the documents of a format of
    records; with ``text_field``, each JSON Lines record's text; else the input itself, as
    one TextStream (its text streamed: ``read_all()`` gives it whole)."""
    stream = open_input(source, stdin, encoding)
    if isinstance(stream, RecordStream):
        yield from stream.documents()
    elif text_field:
        yield from json_lines_documents(stream, text_field, id_field)
    else:
        yield stream


def open_text(source: str, stdin: BinaryIO | None = None, encoding: str | None = None) -> TextStream:
    """Open one input for reading as text: decompression by magic bytes, decoding chosen from
    its first SAMPLE_BYTES. Nothing past those bytes is read until ``pieces`` is iterated."""
    return _open(source, stdin, encoding, records=False)  # type: ignore[return-value]


def _open(source: str, stdin: BinaryIO | None, encoding: str | None, records: bool) -> TextStream | RecordStream:
    handle = open_binary(source, stdin)
    head, ended = b"", False
    try:
        while len(head) < MAGIC_BYTES and not ended:
            data = read_some(handle, MAGIC_BYTES - len(head))
            head, ended = head + data, not data
    except OSError as exc:
        raise InputError(source, f"cannot be read ({exc.strerror or exc})") from exc
    kind = sniff_compression(head)
    raw = Counting(source, head, handle, ended)
    stream = decompressing(kind, raw, READ_BYTES)
    failure: BrokenInputError | None = None
    try:
        sample = read_bytes(stream, SAMPLE_BYTES, source, kind)
    except BrokenInputError as exc:
        if not exc.data:
            raw.close()
            raise
        sample, failure = exc.data, exc
    shown = name_text(source)  # what records call it: a name that is not UTF-8 is still text
    format_ = sniff_records(sample) if records else None
    if format_ is not None and failure is not None:
        raw.close()
        raise failure
    if format_ is not None:
        replayed = io.BufferedReader(Counting(source, sample, stream), READ_BYTES)  # type: ignore[arg-type]
        return RecordStream(shown, kind, replayed, raw, format_)  # type: ignore[arg-type]
    try:
        decoding = choose_decoding(sample, len(sample) < SAMPLE_BYTES or failure is not None, source, encoding)
    except InputError:
        raw.close()
        raise
    broken: list[InputError] = []
    pieces = decode_pieces(sample, stream, decoding, source, kind, raw, READ_BYTES, broken, failure)
    notes = _shape_notes(sample)
    whole = len(sample) < SAMPLE_BYTES or failure is not None
    stray = stray_bytes(sample, whole, decoding)
    if stray:  # the characters those bytes stood for are lost: said, as the encoding is not
        where = "" if whole else f" in its first {len(sample) >> 10:,} kB"
        notes += (f"{stray:,} byte sequence{'s' if stray > 1 else ''}{where} not UTF-8, read as U+FFFD "
                  "(--encoding names the encoding where it is not UTF-8)",)
    return TextStream(shown, decoding.label, kind, pieces, raw, notes, broken)


def _shape_notes(sample: bytes) -> tuple[str, ...]:
    """A hint where the input is plainly not prose: its markup or fields would be split as text."""
    start = sample[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    first = start.split(b"\n", 1)[0].rstrip()
    if first.startswith(b'{"') and first.endswith(b"}"):
        return ("looks like JSON Lines, read as plain text; --text-field FIELD reads each record's FIELD as a document",)
    if start[:15].lower().startswith((b"<!doctype html", b"<html")):
        return ("looks like HTML, read as plain text with its markup; corpuscut reads the text of pages "
                "(or WARC/WET files), not their HTML",)
    head = sample[:ONE_LINE_NOTE_BYTES]
    if len(head) == ONE_LINE_NOTE_BYTES and b"\n" not in head and b"\r" not in head:
        return (f"holds no line break in its first {ONE_LINE_NOTE_BYTES >> 10:,} kB: articles are cut only where lines "
                "start, so text run into one line stays one article (up to the cap on an article's size, "
                "where it is cut with the reason 'size limit')",)
    return ()


def decode_bytes(data: bytes, source: str = STDIN, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to text; return the text and the encoding used (as ``open_text`` does).

    Raises BinaryInputError for data with NUL bytes (unless a BOM says UTF-16/32) and
    InputError when an explicit ``encoding`` is unknown or does not fit the bytes.
    """
    doc = open_text(STDIN, io.BytesIO(data), encoding).read_all()
    return doc.text, doc.encoding


def read_document(source: str, stdin: BinaryIO | None = None, encoding: str | None = None) -> Document:
    """Read, decompress and decode one whole input into a Document."""
    return open_text(source, stdin, encoding).read_all()

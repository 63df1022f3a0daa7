"""Reading inputs: bytes of unknown encoding, maybe compressed, from a path or stdin.

Inputs are decompressed and decoded as they are read, the decoding chosen from the first
SAMPLE_BYTES (after decompression): a byte-order mark; UTF-8 if those bytes are valid UTF-8
(or overwhelmingly so: a stray byte in a UTF-8 file is replaced, not taken as a code page);
Windows-1252 when they are mostly ASCII (a few accented letters or a pound sign, where
detectors guess wildly: charset-normalizer calls a BBC article with one \xa3 byte cp932); an encoding detected
by charset-normalizer, but only on enough bytes (it guesses wrong on short text); and last
UTF-8 with replacement characters. Later bytes that do not fit become replacement characters.
An explicit encoding overrides all of it (and a byte that does not fit it is an error).
"""

from __future__ import annotations

import bz2
import codecs
import contextlib
import gzip
import io
import lzma
import os
import re
import stat
from dataclasses import dataclass
from typing import Any, BinaryIO, Callable, Iterator

from .errors import BinaryInputError, InputError
from .names import name_text

STDIN = "-"
#: Fewer bytes than this are never given to the detector: it guesses wrong on short text.
MIN_DETECT_BYTES = 256
#: How far into the decoded bytes a NUL byte marks the input as binary (grep looks at a buffer).
BINARY_SNIFF_BYTES = 32 * 1024

WESTERN = ("cp1252", "latin_1", "iso8859_15")
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: An input's first this many bytes name its compression.
MAGIC_BYTES = 8


@dataclass(frozen=True)
class Compression:
    """A compression, recognised by the magic bytes (at most MAGIC_BYTES) that start an input
    compressed with it; ``open`` gives the decompressed stream over the compressed one."""

    magic: bytes
    open: Callable[[BinaryIO], BinaryIO]


def _zstd(raw: BinaryIO) -> BinaryIO:
    import zstandard

    return zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True)  # type: ignore[return-value]


#: Every compression read, by name, tried in this order (see CONTRIBUTING.md to add one).
COMPRESSIONS: dict[str, Compression] = {
    "gzip": Compression(b"\x1f\x8b", lambda raw: gzip.GzipFile(fileobj=raw)),  # type: ignore[arg-type,return-value]
    "bz2": Compression(b"BZh", bz2.BZ2File),  # type: ignore[arg-type]
    "xz": Compression(b"\xfd7zXZ\x00", lzma.LZMAFile),  # type: ignore[arg-type]
    "zstd": Compression(b"\x28\xb5\x2f\xfd", _zstd),
}


@dataclass(frozen=True)
class Document:
    """One decoded input: its text and how it was read."""

    source: str
    text: str
    encoding: str
    compression: str | None
    size_bytes: int
    #: What the reader had to leave out or change, for the user to be told (never an error).
    notes: tuple[str, ...] = ()

    @property
    def pieces(self) -> Iterator[str]:
        """The text as a stream of one piece (as a TextStream gives it)."""
        return iter((self.text,))


def sniff_compression(head: bytes) -> str | None:
    """Name the compression whose magic bytes start ``head``, or None."""
    for name, compression in COMPRESSIONS.items():
        if head.startswith(compression.magic):
            return name
    return None


#: The encoding is chosen from this many bytes at the start of an input (all of a smaller
#: one), so that an input of any size can be decoded as it is read.
SAMPLE_BYTES = 1 << 20
#: Inputs are read, decompressed and decoded in pieces of this many bytes.
READ_BYTES = 1 << 20


@dataclass
class TextStream:
    """An input being read: how it is decoded, and its text as a stream of pieces.
    ``size_bytes`` counts the bytes read so far (all of them once ``pieces`` is exhausted)."""

    source: str
    encoding: str
    compression: str | None
    pieces: Iterator[str]
    _raw: "_Counting"
    #: What the user should be told about the input (it looks like JSON Lines or HTML, say).
    notes: tuple[str, ...] = ()

    @property
    def size_bytes(self) -> int:
        return self._raw.count

    def read_all(self) -> Document:
        """The whole input as one Document."""
        text = "".join(self.pieces)
        return Document(self.source, text, self.encoding, self.compression, self.size_bytes)

    def read_head(self, max_chars: int) -> Document:
        """The input's first ``max_chars`` characters as a Document; the rest is never read
        (``size_bytes`` counts what was)."""
        parts: list[str] = []
        wanted = max_chars
        for piece in self.pieces:
            parts.append(piece[:wanted])
            wanted -= len(parts[-1])
            if wanted <= 0:
                break
        close = getattr(self.pieces, "close", None)
        if close is not None:
            close()  # closes the input
        return Document(self.source, "".join(parts), self.encoding, self.compression, self.size_bytes)


def read_some(handle: BinaryIO, size: int) -> bytes:
    """At most ``size`` bytes from one read of the handle's source (``read1`` where it has one).

    On a terminal each Ctrl-D ends one read only: a buffered ``read(size)`` that meets it
    returns what it has, and the next read waits for another Ctrl-D. Reading what is there
    and stopping at the first empty read ends standard input on one Ctrl-D, as ``cat`` does."""
    read1 = getattr(handle, "read1", None)
    return read1(size) if read1 is not None else handle.read(size)


class _Counting(io.RawIOBase):
    """A binary stream that replays ``head`` before the rest of ``handle`` and counts what it
    gives; read errors become InputError."""

    def __init__(self, source: str, head: bytes, handle: BinaryIO, ended: bool = False) -> None:
        self.source, self.head, self.handle, self.count = source, head, handle, 0
        self.ended = ended  # the handle gave its end once: never ask it again

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
        elif self.ended:
            return 0
        else:
            try:
                data = read_some(self.handle, len(buffer))
            except OSError as exc:
                raise InputError(self.source, f"cannot be read ({exc.strerror or exc})") from exc
            n = len(data)
            buffer[:n] = data
            self.ended = n == 0
        self.count += n
        return n

    def close(self) -> None:
        if self.handle is not None and not isinstance(self.handle, io.BytesIO):
            with contextlib.suppress(OSError):
                if self.source != STDIN:
                    self.handle.close()
        super().close()


def _decompressing(kind: str | None, raw: _Counting) -> BinaryIO:
    if kind is None:
        return io.BufferedReader(raw, READ_BYTES)  # type: ignore[return-value]
    return COMPRESSIONS[kind].open(raw)  # type: ignore[arg-type]


def _read(stream: BinaryIO, size: int, source: str, kind: str | None) -> bytes:
    """Up to ``size`` bytes (fewer only at the end); decompression errors become InputError."""
    parts: list[bytes] = []
    wanted = size
    try:
        while wanted > 0:
            data = stream.read(wanted)
            if not data:
                break
            parts.append(data)
            wanted -= len(data)
    except InputError:
        raise
    except Exception as exc:  # gzip/bz2/lzma/zstd errors share no base class
        if kind is None:
            raise InputError(source, f"cannot be read ({exc})") from exc
        raise InputError(source, f"looks {kind}-compressed but cannot be decompressed ({exc})") from exc
    return b"".join(parts)


def check_encoding(encoding: str, source: str = "--encoding") -> None:
    """Raise InputError unless ``encoding`` names a text encoding (not rot13, base64, zlib)."""
    try:
        info = codecs.lookup(encoding)
    except LookupError as exc:
        raise InputError(source, f"unknown encoding {encoding!r} (try utf-8, latin-1, cp1252)") from exc
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(source, f"{encoding!r} is not a text encoding (try utf-8, latin-1, cp1252)")


@dataclass(frozen=True)
class _Decoding:
    label: str
    codec: str
    errors: str


def _choose_decoding(sample: bytes, final: bool, source: str, encoding: str | None) -> _Decoding:
    """How to decode an input, judged from its first bytes (see the module's docstring)."""
    if encoding:
        check_encoding(encoding, source)
        return _Decoding(encoding, encoding, "strict")
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return _Decoding(name, name, "replace")
    if b"\x00" in sample[:BINARY_SNIFF_BYTES]:
        raise BinaryInputError(source, "binary file (holds NUL bytes), skipped")
    if _fits(sample, "utf-8", final) or _mostly_utf8(sample, final):
        return _Decoding("utf-8", "utf-8", "replace")
    high = sum(1 for byte in sample[:65536] if byte >= 0x80)
    if high <= 0.1 * min(len(sample), 65536) and _fits(sample, "cp1252", final):
        # Mostly ASCII with a few high bytes: Western text in Windows-1252 (the web's
        # default for undeclared text), where detectors guess wildly on so little evidence.
        return _Decoding("cp1252", "cp1252", "replace")
    detected = _detect(sample)
    if detected and _fits(sample, detected, final):
        return _Decoding(detected, detected, "replace")
    return _Decoding("utf-8 (with replacements)", "utf-8", "replace")


#: UTF-8 text is read as UTF-8 (the stray bytes replaced) when it holds at least this many
#: valid multi-byte characters per invalid byte sequence: one bad byte in a megabyte of
#: UTF-8 must not send the whole file to a legacy code page.
UTF8_MAJORITY = 20


def _mostly_utf8(sample: bytes, final: bool) -> bool:
    # Decoded as the stream will be: a character cut at the sample's end is not an error.
    text = codecs.getincrementaldecoder("utf-8")("replace").decode(sample, final)
    invalid = text.count("\ufffd") - sample.count("\ufffd".encode())
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - invalid
    return invalid > 0 and multibyte >= UTF8_MAJORITY * invalid


def _detect(data: bytes) -> str | None:
    if len(data) < MIN_DETECT_BYTES:
        return None
    from charset_normalizer import from_bytes

    matches = from_bytes(data[: 1 << 20])
    best = matches.best()
    if best is None:
        return None
    # Single-byte Western text reads about as well as Central European (cp1250) or Baltic
    # code pages to the detector; where Windows-1252 is as good, it is far the likelier.
    for match in matches:
        if match.encoding in WESTERN and match.chaos <= best.chaos + 0.02:
            return "cp1252"
    return best.encoding


def _fits(sample: bytes, codec: str, final: bool) -> bool:
    try:
        codecs.getincrementaldecoder(codec)("strict").decode(sample, final)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _decode_pieces(
    first: bytes, stream: BinaryIO, decoding: _Decoding, source: str, kind: str | None, raw: _Counting
) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(decoding.codec)(decoding.errors)
    position = 0
    data, final = first, False
    try:
        while True:
            try:
                text = decoder.decode(data, final)
            except UnicodeDecodeError as exc:
                raise InputError(
                    source, f"is not valid {decoding.codec} at byte {position + exc.start} (drop --encoding to detect it)"
                ) from exc
            if text:
                yield text
            if final:
                return
            position += len(data)
            data = _read(stream, READ_BYTES, source, kind)
            final = not data
    finally:
        raw.close()


@dataclass
class RecordStream:
    """An input of records in one of the RECORD_FORMATS (a WARC or WET file, say),
    decompressed, its first bytes replayed: :meth:`documents` reads its records."""

    source: str
    compression: str | None
    stream: BinaryIO
    raw: "_Counting"
    format: str = "warc"

    def documents(self) -> Iterator[Document]:
        """Each document its records hold (the stream is closed at the end)."""
        return RECORD_FORMATS[self.format].documents(self)

    def close(self) -> None:
        self.stream.close()
        self.raw.close()


#: A WARC or WET file's stream (Common Crawl's formats): ``segmenter.warc`` reads it.
WarcStream = RecordStream


@dataclass(frozen=True)
class RecordFormat:
    """A format of records, recognised by the bytes that start it after decompression; its
    ``documents`` reads a RecordStream's records as documents (and closes the stream)."""

    magic: bytes
    documents: Callable[[RecordStream], Iterator[Document]]


def _warc_documents(stream: RecordStream) -> Iterator[Document]:
    from .warc import warc_documents

    return warc_documents(stream)


#: Every format of records read, by name (see CONTRIBUTING.md to add one); an input that
#: starts with none of their magic bytes is text.
RECORD_FORMATS: dict[str, RecordFormat] = {
    "warc": RecordFormat(b"WARC/", _warc_documents),
}


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
    handle = _open_binary(source, stdin)
    head, ended = b"", False
    try:
        while len(head) < MAGIC_BYTES and not ended:
            data = read_some(handle, MAGIC_BYTES - len(head))
            head, ended = head + data, not data
    except OSError as exc:
        raise InputError(source, f"cannot be read ({exc.strerror or exc})") from exc
    kind = sniff_compression(head)
    raw = _Counting(source, head, handle, ended)
    stream = _decompressing(kind, raw)
    sample = _read(stream, SAMPLE_BYTES, source, kind)
    shown = name_text(source)  # what records call it: a name that is not UTF-8 is still text
    for name, format_ in RECORD_FORMATS.items() if records else ():
        if sample.startswith(format_.magic):
            replayed = io.BufferedReader(_Counting(source, sample, stream), READ_BYTES)  # type: ignore[arg-type]
            return RecordStream(shown, kind, replayed, raw, name)  # type: ignore[arg-type]
    try:
        decoding = _choose_decoding(sample, len(sample) < SAMPLE_BYTES, source, encoding)
    except InputError:
        raw.close()
        raise
    pieces = _decode_pieces(sample, stream, decoding, source, kind, raw)
    return TextStream(shown, decoding.label, kind, pieces, raw, _shape_notes(sample))


def _shape_notes(sample: bytes) -> tuple[str, ...]:
    """A hint where the input is plainly not prose: its markup or fields would be split as text."""
    start = sample[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    first = start.split(b"\n", 1)[0].rstrip()
    if first.startswith(b'{"') and first.endswith(b"}"):
        return ("looks like JSON Lines, read as plain text; --text-field FIELD reads each record's FIELD as a document",)
    if start[:15].lower().startswith((b"<!doctype html", b"<html")):
        return ("looks like HTML, read as plain text with its markup; corpuscut reads the text of pages "
                "(or WARC/WET files), not their HTML",)
    return ()


def decode_bytes(data: bytes, source: str = STDIN, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to text; return the text and the encoding used (as ``open_text`` does).

    Raises BinaryInputError for data with NUL bytes (unless a BOM says UTF-16/32) and
    InputError when an explicit ``encoding`` is unknown or does not fit the bytes.
    """
    doc = open_text(STDIN, io.BytesIO(data), encoding).read_all()
    return doc.text, doc.encoding


def _open_binary(source: str, stdin: BinaryIO | None) -> BinaryIO:
    if source == STDIN:
        if stdin is None:
            raise InputError(source, "no standard input to read")
        return stdin
    if isinstance(source, NotRegular):
        raise InputError(source, f"is {source.kind}, not a regular file: skipped")
    if os.path.isdir(source):
        raise InputError(source, "is a directory, not a file")
    try:
        return open(source, "rb")
    except FileNotFoundError as exc:
        raise InputError(source, "no such file") from exc
    except PermissionError as exc:
        raise InputError(source, "permission denied") from exc
    except OSError as exc:
        raise InputError(source, f"cannot be read ({exc.strerror or exc})") from exc


def read_document(source: str, stdin: BinaryIO | None = None, encoding: str | None = None) -> Document:
    """Read, decompress and decode one whole input into a Document."""
    return open_text(source, stdin, encoding).read_all()


class NotRegular(str):
    """The path of a special file (a FIFO, a device, a socket) found in a folder or by a glob:
    reading it fails at once with a line saying so, rather than block on it or read a device.
    (A special file named on the command line is read, as ``cat`` reads ``<(cmd)``.)"""

    kind: str = "a special file"


def _classified(path: str) -> str:
    """``path``, or a NotRegular for it when it is (or links to) a special file."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return path  # reading it reports why it cannot be read
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return path
    marked = NotRegular(path)
    marked.kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    return marked


def expand_inputs(patterns: list[str]) -> list[str]:
    """Paths to read: ``-`` stays, folders give their files (recursively, sorted, hidden ones
    left out), globs give their matches (``**`` any depth of folders). Symbolic links to
    folders are not followed inside a folder or by ``**`` (a link loop cannot make the walk
    endless); special files found there are given as NotRegular. A pattern that matches
    nothing is kept as it is, so that reading it reports the missing file."""
    import glob

    if not patterns:
        return [STDIN]
    out: list[str] = []
    for pattern in patterns:
        if pattern == STDIN or os.path.isfile(pattern):
            out.append(pattern)
        elif os.path.isdir(pattern):
            out.extend(_walk(pattern) or [pattern])  # an empty folder is reported, not skipped
        elif glob.has_magic(pattern):
            matches = _glob(pattern)
            for match in matches:
                out.extend(_walk(match) if os.path.isdir(match) else [_classified(match)])
            if not matches:
                out.append(pattern)
        else:
            out.append(pattern)
    return list(dict.fromkeys(out))


def _walk(folder: str) -> list[str]:
    found = []
    for root, dirs, files in os.walk(folder):  # links to folders are listed, never entered
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not os.path.islink(os.path.join(root, d)))
        found.extend(_classified(os.path.join(root, f)) for f in sorted(files) if not f.startswith("."))
    return found


def _glob(pattern: str) -> list[str]:
    """The sorted matches of a glob pattern. Without ``**`` as Python's glob gives them; with
    it, by one walk of the folder before the first wildcard that never enters a link to a
    folder (Python's own ``**`` follows them, and a loop of two links makes it endless)."""
    import glob

    if "**" not in pattern:
        return sorted(glob.glob(pattern))
    parts = pattern.split(os.sep)
    fixed = 0
    while fixed < len(parts) - 1 and not glob.has_magic(parts[fixed]):
        fixed += 1
    root = os.sep.join(parts[:fixed]) or ("" if not pattern.startswith(os.sep) else os.sep)
    matcher = re.compile(_translate(parts[fixed:]), re.DOTALL)
    found = []
    for folder, dirs, files in os.walk(root or os.curdir):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not os.path.islink(os.path.join(folder, d)))
        rel = os.path.relpath(folder, root or os.curdir)
        for name in [*dirs, *files]:
            if not name.startswith(".") and matcher.fullmatch(name if rel == os.curdir else f"{rel}/{name}"):
                found.append(os.path.join(folder, name) if root else os.path.normpath(os.path.join(folder, name)))
    return sorted(found)


def _translate(parts: list[str]) -> str:
    """A regular expression for the path components ``parts`` of a glob pattern, relative to
    the folder walked: ``**`` is any number of folders, ``*`` and ``?`` stay within one name
    and never match a leading dot."""
    out = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            out.append("(?:[^/.][^/]*(?:/|$))*" if last else "(?:[^/.][^/]*/)*")
            continue
        component = "" if part.startswith(".") else "(?!\\.)"
        j = 0
        while j < len(part):
            char = part[j]
            if char == "*":
                component += "[^/]*"
            elif char == "?":
                component += "[^/]"
            elif char == "[" and "]" in part[j + 2:] or char == "[" and part[j + 1: j + 2] == "]":
                end = part.index("]", j + 2)
                body = part[j + 1: end]
                component += "[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]"
                j = end
            else:
                component += re.escape(char)
            j += 1
        out.append(component + ("" if last else "/"))
    return "".join(out)


#: A JSON Lines record longer than this many characters is not read (it would be held whole).
MAX_JSON_LINE_CHARS = 16 << 20


def json_lines_documents(
    stream: TextStream, text_field: str, id_field: str | None = None, max_chars: int = MAX_JSON_LINE_CHARS
) -> Iterator[Document]:
    """Each record of a JSON Lines input as a document of its own, read as the input streams:
    its ``text_field`` is the text, and its source is ``SOURCE#ID`` (the ``id_field``'s value,
    or the line number). Records are split at ``\\n`` only (U+2028 and NEL are valid inside a
    JSON string); a record longer than ``max_chars`` fails the input (it would be held whole).
    Lone surrogates (``"\\ud800"``, valid JSON but no text) become U+FFFD."""
    import json

    for number, line in enumerate(_json_lines(stream, max_chars), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(stream.source, f"line {number} is not JSON ({exc.msg}); is this a JSON Lines file?") from exc
        except RecursionError as exc:
            raise InputError(stream.source, f"line {number} is nested too deeply to read") from exc
        if not isinstance(record, dict) or not isinstance(record.get(text_field), str):
            raise InputError(stream.source, f"line {number} has no text field {text_field!r}")
        name = record.get(id_field, number) if id_field else number
        text = _no_surrogates(record[text_field])
        yield Document(f"{stream.source}#{_no_surrogates(str(name))}", text, stream.encoding, stream.compression,
                       len(text.encode("utf-8")))


def _json_lines(stream: TextStream, max_chars: int) -> Iterator[str]:
    """The input's lines, split at ``\\n`` only, none held longer than ``max_chars``."""
    held: list[str] = []
    held_chars = 0
    number = 1
    for piece in stream.pieces:
        start = 0
        while start < len(piece):
            end = piece.find("\n", start)
            part = piece[start:] if end < 0 else piece[start: end + 1]
            held_chars += len(part)
            if held_chars > max_chars:
                raise InputError(stream.source, f"line {number} is longer than {max_chars:,} characters; "
                                 "a JSON Lines record that long is not read")
            held.append(part)
            if end < 0:
                break
            yield "".join(held)
            held, held_chars, number = [], 0, number + 1
            start = end + 1
    if held:
        yield "".join(held)


_SURROGATES = re.compile("[\ud800-\udfff]")


def _no_surrogates(text: str) -> str:
    return _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text

"""Reading inputs: bytes of unknown encoding, maybe compressed, from a path or stdin.

Order of decoding (after decompression): a byte-order mark; strict UTF-8; Windows-1252 when
the bytes are mostly ASCII (a few accented letters or a pound sign, where detectors guess
wildly: charset-normalizer calls a BBC article with one \xa3 byte cp932); an encoding detected
by charset-normalizer, but only on enough bytes (it guesses wrong on short text); and last
UTF-8 with replacement characters. An explicit encoding overrides all of it.
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import io
import lzma
import os
from dataclasses import dataclass
from typing import BinaryIO

from .errors import BinaryInputError, InputError

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

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bz2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
)


@dataclass(frozen=True)
class Document:
    """One decoded input: its text and how it was read."""

    source: str
    text: str
    encoding: str
    compression: str | None
    size_bytes: int


def sniff_compression(head: bytes) -> str | None:
    """Name the compression whose magic bytes start ``head``, or None."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    return None


def decompress(data: bytes, source: str = STDIN) -> tuple[bytes, str | None]:
    """Undo gzip, bz2, xz or zstd compression recognised by magic bytes."""
    kind = sniff_compression(data[:8])
    if kind is None:
        return data, None
    try:
        if kind == "gzip":
            return gzip.decompress(data), kind
        if kind == "bz2":
            return bz2.decompress(data), kind
        if kind == "xz":
            return lzma.decompress(data), kind
        import zstandard

        reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data))
        return reader.read(), kind
    except (OSError, EOFError, lzma.LZMAError, ValueError) as exc:
        raise InputError(source, f"looks {kind}-compressed but cannot be decompressed ({exc})") from exc
    except Exception as exc:  # zstandard.ZstdError has no common base with the others
        raise InputError(source, f"looks {kind}-compressed but cannot be decompressed ({exc})") from exc


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


def decode_bytes(data: bytes, source: str = STDIN, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to text; return the text and the encoding used.

    Raises BinaryInputError for data with NUL bytes (unless a BOM says UTF-16/32) and
    InputError when an explicit ``encoding`` is unknown or does not fit the bytes.
    """
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError as exc:
            raise InputError(source, f"unknown encoding {encoding!r} (try utf-8, latin-1, cp1252)") from exc
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise InputError(
                source, f"is not valid {encoding} at byte {exc.start} (drop --encoding to detect it)"
            ) from exc
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise BinaryInputError(source, "binary file (holds NUL bytes), skipped")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    high = sum(1 for byte in data[:65536] if byte >= 0x80)
    if high <= 0.1 * min(len(data), 65536):
        # Mostly ASCII with a few high bytes: Western text in Windows-1252 (the web's
        # default for undeclared text), where detectors guess wildly on so little evidence.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    detected = _detect(data)
    if detected:
        try:
            return data.decode(detected), detected
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("utf-8", errors="replace"), "utf-8 (with replacements)"


def read_bytes(source: str, stdin: BinaryIO | None = None) -> bytes:
    """Read all bytes of a path, or of ``stdin`` when ``source`` is ``-``."""
    if source == STDIN:
        if stdin is None:
            raise InputError(source, "no standard input to read")
        return stdin.read()
    if os.path.isdir(source):
        raise InputError(source, "is a directory, not a file")
    try:
        with open(source, "rb") as handle:
            return handle.read()
    except FileNotFoundError as exc:
        raise InputError(source, "no such file") from exc
    except PermissionError as exc:
        raise InputError(source, "permission denied") from exc
    except OSError as exc:
        raise InputError(source, f"cannot be read ({exc.strerror or exc})") from exc


def read_document(source: str, stdin: BinaryIO | None = None, encoding: str | None = None) -> Document:
    """Read, decompress and decode one input into a Document."""
    raw = read_bytes(source, stdin)
    data, compression = decompress(raw, source)
    text, used = decode_bytes(data, source, encoding)
    return Document(source=source, text=text, encoding=used, compression=compression, size_bytes=len(raw))


def expand_inputs(patterns: list[str]) -> list[str]:
    """Paths to read: ``-`` stays, folders give their files (recursively, sorted, hidden ones
    left out), globs give their matches. A pattern that matches nothing is kept as it is, so
    that reading it reports the missing file."""
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
            matches = sorted(glob.glob(pattern, recursive=True))
            for match in matches:
                out.extend(_walk(match) if os.path.isdir(match) else [match])
            if not matches:
                out.append(pattern)
        else:
            out.append(pattern)
    return out


def _walk(folder: str) -> list[str]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, f) for f in sorted(files) if not f.startswith("."))
    return found


def json_lines_documents(doc: Document, text_field: str, id_field: str | None = None) -> list[Document]:
    """Each record of a JSON Lines document as a document of its own: its ``text_field``
    is the text, and its source is ``SOURCE#ID`` (the ``id_field``'s value, or the line number)."""
    import json

    out = []
    for number, line in enumerate(doc.text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(doc.source, f"line {number} is not JSON ({exc.msg}); is this a JSON Lines file?") from exc
        if not isinstance(record, dict) or not isinstance(record.get(text_field), str):
            raise InputError(doc.source, f"line {number} has no text field {text_field!r}")
        name = record.get(id_field, number) if id_field else number
        text = record[text_field]
        out.append(Document(f"{doc.source}#{name}", text, doc.encoding, doc.compression, len(text.encode("utf-8"))))
    return out

"""Decoding an input's bytes: the encoding chosen from its first bytes, the rest decoded as read.

The decoding is chosen from the first SAMPLE_BYTES (after decompression): a byte-order mark;
UTF-8 if those bytes are valid UTF-8 (or mostly so: stray bytes in a UTF-8 file are
replaced, and the user told, not taken as a sign of a code page); Windows-1252 when they are mostly ASCII (a few accented
letters or a pound sign, where detectors guess wildly: charset-normalizer calls a BBC article
with one \\xa3 byte cp932); an encoding detected by charset-normalizer, but only on enough
bytes (it guesses wrong on short text); and last UTF-8 with replacement characters. Later
bytes that do not fit become replacement characters. An input is binary, and refused, when
its start holds a NUL byte (as grep decides) or, decoded, a share of control characters and
replaced bytes no text has (as file(1) and charset detectors decide). An explicit encoding overrides all of it
(and a byte that does not fit it is an error).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import BinaryIO, Iterator

from .compression import BrokenInputError, read_bytes
from .errors import BinaryInputError, InputError
from .raw import Counting

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


#: Codecs Python calls text encodings that encode something other than a file's text: domain
#: names (``idna``, ``punycode``) and a codec that refuses everything (``undefined``).
NOT_FILE_ENCODINGS = frozenset({"idna", "punycode", "undefined"})


def check_encoding(encoding: str, source: str = "--encoding") -> None:
    """Raise InputError unless ``encoding`` names a text encoding (not rot13, base64, zlib)."""
    try:
        info = codecs.lookup(encoding)
    except LookupError as exc:
        raise InputError(source, f"unknown encoding {encoding!r} (try utf-8, latin-1, cp1252)") from exc
    if not getattr(info, "_is_text_encoding", True) or info.name in NOT_FILE_ENCODINGS:
        raise InputError(source, f"{encoding!r} is not a text encoding (try utf-8, latin-1, cp1252)")


@dataclass(frozen=True)
class Decoding:
    """How an input is decoded: the name records give it, the codec and its error handling."""

    label: str
    codec: str
    errors: str


def choose_decoding(sample: bytes, final: bool, source: str, encoding: str | None) -> Decoding:
    """How to decode an input, judged from its first bytes (see the module's docstring)."""
    if encoding:
        check_encoding(encoding, source)
        return Decoding(encoding, encoding, "strict")
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return Decoding(name, name, "replace")
    if b"\x00" in sample[:BINARY_SNIFF_BYTES]:
        raise BinaryInputError(source, "binary file (holds NUL bytes), skipped")
    decoding = _guess(sample, final)
    _check_text(sample, decoding, final, source)
    return decoding


def _guess(sample: bytes, final: bool) -> Decoding:
    if _fits(sample, "utf-8", final) or _mostly_utf8(sample, final):
        return Decoding("utf-8", "utf-8", "replace")
    high = sum(1 for byte in sample[:65536] if byte >= 0x80)
    if high <= 0.1 * min(len(sample), 65536) and _fits(sample, "cp1252", final):
        # Mostly ASCII with a few high bytes: Western text in Windows-1252 (the web's
        # default for undeclared text), where detectors guess wildly on so little evidence.
        return Decoding("cp1252", "cp1252", "replace")
    detected = _detect(sample)
    if detected and _fits(sample, detected, final):
        return Decoding(detected, detected, "replace")
    if _fits(sample, "cp1252", final):
        # No detector's answer (a short or heavily accented text): bytes that are not UTF-8 and
        # all stand for characters in Windows-1252 are read so, losing none of them, where UTF-8
        # would replace every accented letter ("caf\ufffd au lait").
        return Decoding("cp1252", "cp1252", "replace")
    return Decoding("utf-8 (with replacements)", "utf-8", "replace")


#: Characters no text holds (C0 controls but tab, new lines, form feed, backspace and escape,
#: which man pages and terminal logs use; DEL; C1 controls), as file(1) tells text from data.
_CONTROLS = bytes(
    [c for c in range(0x20) if chr(c) not in "\t\n\r\f\v\b\x1b"] + [0x7F, *range(0x80, 0xA0)]
)
#: Decoded text whose sniffed start holds at least this share of control characters, and at
#: least BINARY_ODD_SHARE of them and replaced bytes together, is binary data: random bytes
#: give about a tenth and a half. Real text, in any encoding, holds next to no control
#: characters (text in a code page not detected gives replacements, but no controls).
BINARY_CONTROL_SHARE = 0.02
BINARY_ODD_SHARE = 0.10


def _check_text(sample: bytes, decoding: Decoding, final: bool, source: str) -> None:
    """Raise BinaryInputError when the decoded start of the input is plainly not text."""
    head = sample[:BINARY_SNIFF_BYTES]
    text = codecs.getincrementaldecoder(decoding.codec)("replace").decode(head, final and len(head) == len(sample))
    if not text:
        return
    # Every control character is below U+0100: counted in the text's Latin-1 characters as
    # bytes (the others dropped), where deleting is a table lookup in C; str.translate looks
    # each character up in a dictionary, a hundred times slower on a batch of small files.
    latin = text.encode("latin-1", "ignore")
    controls = len(latin) - len(latin.translate(None, _CONTROLS))
    replaced = text.count("\ufffd") - head.count("\ufffd".encode())
    if controls >= BINARY_CONTROL_SHARE * len(text) and controls + replaced >= BINARY_ODD_SHARE * len(text):
        raise BinaryInputError(source, "binary file (holds control characters and bytes that are not text), skipped")


#: UTF-8 text is read as UTF-8 (the stray bytes replaced) when it holds at least this many
#: valid multi-byte characters per invalid byte sequence. A valid sequence almost never comes
#: about by chance in a code page's text (a lead byte such as "Â" right before a continuation
#: byte such as "£"), so even a few of them outweigh as many stray bytes: a BBC article's
#: eight pound signs and one stray byte read as cp1252 turned every "£" into "Â£".
UTF8_MAJORITY = 1


def _utf8_counts(sample: bytes, final: bool) -> tuple[int, int]:
    """The sample's invalid UTF-8 sequences and its valid multi-byte characters."""
    # Decoded as the stream will be: a character cut at the sample's end is not an error.
    text = codecs.getincrementaldecoder("utf-8")("replace").decode(sample, final)
    invalid = text.count("\ufffd") - sample.count("\ufffd".encode())
    return invalid, len(text) - len(text.encode("ascii", "ignore")) - invalid


def _mostly_utf8(sample: bytes, final: bool) -> bool:
    invalid, multibyte = _utf8_counts(sample, final)
    return invalid > 0 and multibyte >= UTF8_MAJORITY * invalid


def stray_bytes(sample: bytes, final: bool, decoding: Decoding) -> int:
    """How many byte sequences of ``sample`` the chosen UTF-8 decoding replaces (0 for any
    other decoding): what a user is told, since those characters are lost."""
    if decoding.codec != "utf-8" or decoding.errors != "replace" or decoding.label != "utf-8":
        return 0
    if _fits(sample, "utf-8", final):
        return 0  # (most inputs: valid UTF-8 throughout, told by one strict decoding)
    return _utf8_counts(sample, final)[0]


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
    except (UnicodeError, LookupError):
        return False
    return True


def decode_pieces(
    first: bytes, stream: BinaryIO, decoding: Decoding, source: str, kind: str | None, raw: Counting,
    read_size: int, broken: list[InputError] | None = None, failure: InputError | None = None,
) -> Iterator[str]:
    """The text of ``first`` and then of the rest of ``stream``, read ``read_size`` bytes at a
    time; the input is closed at the end. Where ``stream`` cannot be read (or decompressed)
    past some point, the text ends with what was read before it, and the error is added to
    ``broken`` (raised, without ``broken``), for the reader to report once it has used the
    text (a truncated .gz keeps its whole stories); ``failure`` is the error that ended
    ``first`` already."""
    decoder = codecs.getincrementaldecoder(decoding.codec)(decoding.errors)
    position = 0
    data, final = first, failure is not None
    try:
        while True:
            try:
                text = decoder.decode(data, final)
            except UnicodeDecodeError as exc:
                raise InputError(
                    source, f"is not valid {decoding.codec} at byte {position + exc.start} (drop --encoding to detect it)"
                ) from exc
            except UnicodeError as exc:  # utf-16 and utf-32 without a byte-order mark
                raise InputError(
                    source, f"is not valid {decoding.codec} at byte {position} (it does not start with a byte-order mark; "
                    "name the byte order, as in utf-16-le, or drop --encoding to detect it)"
                ) from exc
            if text:
                yield text
            if final:
                if failure is not None:
                    if broken is None:
                        raise failure
                    broken.append(failure)
                return
            position += len(data)
            try:
                data = read_bytes(stream, read_size, source, kind)
            except BrokenInputError as exc:
                data, failure = exc.data, exc
            final = not data or failure is not None
    finally:
        raw.close()

"""JSON Lines inputs: each record's text field a document of its own, read as the input streams."""

from __future__ import annotations

import re
from typing import Iterator

from .documents import Document, TextStream
from .errors import InputError

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
                       len(text.encode("utf-8")), input_read=stream.size_bytes)


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
    stream.check_whole()  # a record cut short is the input's error, not a line that is not JSON
    if held:
        yield "".join(held)


_SURROGATES = re.compile("[\ud800-\udfff]")


def _no_surrogates(text: str) -> str:
    return _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text

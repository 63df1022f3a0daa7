"""Showing names and text where a terminal will interpret them.

File names are bytes on POSIX: Python gives the bytes that are not UTF-8 as lone surrogates
(``surrogateescape``), which no UTF-8 stream can write. Text and names can also hold control
characters (ESC starts the sequences that set a window title, write the clipboard or clear
the screen). ``printable`` turns both into visible escapes, so a name can be shown, recorded
in JSON and written to any terminal; the name itself (to open the file) is left as it was.
"""

from __future__ import annotations

import re

# C0 controls but tab and line feed, DEL, C1 controls, lone surrogates, and the bidirectional
# overrides and isolates (which reorder what follows them on screen).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def name_text(name: str) -> str:
    """A file name as valid Unicode, for records and messages: bytes that were not UTF-8
    (lone surrogates from ``surrogateescape``) shown as ``\\xNN``; the rest kept."""
    if not _SURROGATE.search(name):
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str, keep_newlines: bool = True) -> str:
    """``text`` with control characters, undecodable bytes and bidirectional controls shown
    as ``\\xNN`` / ``\\uNNNN`` escapes (newlines too, unless ``keep_newlines``)."""
    if not keep_newlines:
        text = text.replace("\n", "\\x0a")
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text

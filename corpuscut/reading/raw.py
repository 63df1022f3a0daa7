"""Bytes from a path or standard input: opening it, reading it as it arrives, counting it."""

from __future__ import annotations

import contextlib
import io
import os
from typing import Any, BinaryIO

from .errors import InputError
from .paths import STDIN, NotRegular


def read_some(handle: BinaryIO, size: int) -> bytes:
    """At most ``size`` bytes from one read of the handle's source (``read1`` where it has one).

    On a terminal each Ctrl-D ends one read only: a buffered ``read(size)`` that meets it
    returns what it has, and the next read waits for another Ctrl-D. Reading what is there
    and stopping at the first empty read ends standard input on one Ctrl-D, as ``cat`` does."""
    read1 = getattr(handle, "read1", None)
    return read1(size) if read1 is not None else handle.read(size)


class Counting(io.RawIOBase):
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


def open_binary(source: str, stdin: BinaryIO | None) -> BinaryIO:
    """The input's bytes: standard input for ``-``, else the file (an InputError says why not)."""
    if source == STDIN:
        if stdin is None:
            raise InputError(source, "no standard input to read")
        return stdin
    if isinstance(source, NotRegular):
        raise InputError(source, f"is {source.kind}, not a regular file: skipped")
    if os.path.isdir(source):  # a folder reaches here only when it holds nothing to read
        raise InputError(source, "is a folder with nothing to read (no files, or only hidden ones)")
    try:
        return open(source, "rb")
    except FileNotFoundError as exc:
        raise InputError(source, "no such file") from exc
    except PermissionError as exc:
        raise InputError(source, "permission denied") from exc
    except OSError as exc:
        raise InputError(source, f"cannot be read ({exc.strerror or exc})") from exc

"""Compressed inputs: each compression recognised by its magic bytes, decompressed as read."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
from dataclasses import dataclass
from typing import BinaryIO, Callable

from .errors import InputError
from .magic import sniff
from .raw import Counting

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


def sniff_compression(head: bytes) -> str | None:
    """Name the compression whose magic bytes start ``head``, or None."""
    return sniff(COMPRESSIONS, head)


def decompressing(kind: str | None, raw: Counting, buffer_bytes: int) -> BinaryIO:
    """The input's bytes after decompression by ``kind`` (None: as they are, buffered)."""
    if kind is None:
        return io.BufferedReader(raw, buffer_bytes)  # type: ignore[return-value]
    return COMPRESSIONS[kind].open(raw)  # type: ignore[arg-type]


class BrokenInputError(InputError):
    """An input could not be read (or decompressed) past some point: ``data`` holds the bytes
    read before it, which a reader may keep before it reports the error."""

    def __init__(self, source: str, message: str, data: bytes = b"") -> None:
        super().__init__(source, message)
        self.data = data


def read_bytes(stream: BinaryIO, size: int, source: str, kind: str | None) -> bytes:
    """Up to ``size`` bytes (fewer only at the end); read and decompression errors become
    BrokenInputError, holding the bytes read before the error. Read a piece at a time
    (``read1``) so that a stream cut short (a truncated .gz) gives up all it could decompress."""
    parts: list[bytes] = []
    wanted = size
    read = getattr(stream, "read1", stream.read)
    try:
        while wanted > 0:
            data = read(wanted)
            if not data:
                break
            parts.append(data)
            wanted -= len(data)
    except BrokenInputError:
        raise
    except InputError as exc:
        raise BrokenInputError(exc.source, exc.reason, b"".join(parts)) from exc
    except Exception as exc:  # gzip/bz2/lzma/zstd errors share no base class
        if kind is None:
            raise BrokenInputError(source, f"cannot be read ({exc})", b"".join(parts)) from exc
        raise BrokenInputError(source, f"looks {kind}-compressed but cannot be decompressed ({exc})",
                               b"".join(parts)) from exc
    return b"".join(parts)

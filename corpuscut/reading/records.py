"""Inputs of records (a WARC or WET file, say): each format recognised by the bytes that start
it after decompression, its records read as documents of their own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO, Callable, Iterator

from .documents import Document
from .magic import sniff
from .raw import Counting


@dataclass
class RecordStream:
    """An input of records in one of the RECORD_FORMATS (a WARC or WET file, say),
    decompressed, its first bytes replayed: :meth:`documents` reads its records."""

    source: str
    compression: str | None
    stream: BinaryIO
    raw: Counting
    format: str = "warc"

    def documents(self) -> Iterator[Document]:
        """Each document its records hold (the stream is closed at the end)."""
        return RECORD_FORMATS[self.format].documents(self)

    def close(self) -> None:
        self.stream.close()
        self.raw.close()


#: A WARC or WET file's stream (Common Crawl's formats): :mod:`corpuscut.reading.warc` reads it.
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


def sniff_records(head: bytes) -> str | None:
    """Name the format of records whose magic bytes start ``head`` (decompressed), or None."""
    return sniff(RECORD_FORMATS, head)

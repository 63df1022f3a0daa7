"""Common Crawl's WARC and WET files: each text record a document (extra ``corpuscut[warc]``).

WET ``conversion`` records are plain text already. WARC ``response`` and ``resource`` records
holding HTML give their main text, taken out by trafilatura (boilerplate, menus and footers
left out); plain-text ones are decoded as any input is. Other records (requests, metadata,
images, PDFs) are skipped.
"""

from __future__ import annotations

import logging
import re
from typing import Any, Iterator

from .documents import Document
from .errors import InputError
from .opening import decode_bytes
from .records import WarcStream

#: A record body larger than this is cut (Common Crawl cuts its own at 1 MiB).
MAX_RECORD_BYTES = 16 << 20


def warc_documents(warc: WarcStream) -> Iterator[Document]:
    """Each text record of a WARC or WET file as a document named ``SOURCE#TARGET-URI``."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as exc:
        raise InputError(warc.source, "is a WARC file: reading it needs pip install 'corpuscut[warc]'") from exc
    try:
        for record in ArchiveIterator(warc.stream, arc2warc=True):
            doc = _document(warc, record)
            if doc is not None:
                yield doc
    except ArchiveLoadFailed as exc:
        raise InputError(warc.source, f"is not a WARC file this tool can read ({exc})") from exc
    finally:
        warc.close()


def _document(warc: WarcStream, record: Any) -> Document | None:
    kind = record.rec_type
    if kind not in ("conversion", "response", "resource"):
        return None
    headers = record.rec_headers
    name = headers.get_header("WARC-Target-URI") or headers.get_header("WARC-Record-ID") or "record"
    body = record.content_stream().read(MAX_RECORD_BYTES + 1)
    notes: tuple[str, ...] = ()
    if len(body) > MAX_RECORD_BYTES:
        body = body[:MAX_RECORD_BYTES]
        notes = (f"record longer than {MAX_RECORD_BYTES >> 20} MiB: only its first {MAX_RECORD_BYTES >> 20} MiB read",)
    if kind == "conversion":
        text, encoding = body.decode("utf-8", errors="replace"), "utf-8"
    else:
        http = record.http_headers
        content_type = ((http.get_header("Content-Type") if http else None) or headers.get_header("Content-Type") or "").lower()
        if "html" in content_type:
            text, encoding = _main_text(body), "html"
        elif content_type.startswith("text/plain"):
            try:
                text, encoding = decode_bytes(body, f"{warc.source}#{name}")
            except InputError:
                return None
        else:
            return None
    if not text.strip():
        return None
    return Document(f"{warc.source}#{name}", text, encoding, warc.compression, len(body), notes, warc.raw.count)


#: A tag whose attributes run longer than this loses them before extraction: lxml and
#: trafilatura take time quadratic in one element's attributes (200,000 of them: minutes).
MAX_ATTRIBUTE_BYTES = 2000
_LONG_TAG = re.compile(rb"<([A-Za-z][^\s<>/]*+)[^<>]{%d,}+>" % MAX_ATTRIBUTE_BYTES)


def tame_html(html: bytes) -> bytes:
    """``html`` with the attributes of overlong tags dropped (``<div a=.. b=..>`` -> ``<div>``),
    in linear time, so that extracting its text takes time linear in its size."""
    return _LONG_TAG.sub(rb"<\1>", html)


def _main_text(html: bytes) -> str:
    import trafilatura

    html = tame_html(html)

    # trafilatura reports unparseable pages through logging; a library must not print them.
    logging.getLogger("trafilatura").addHandler(logging.NullHandler())
    logging.getLogger("trafilatura").propagate = False
    return trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True) or ""

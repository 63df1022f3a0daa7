"""The WCXB development pages (``../shared/data/wcxb-dev``) as a crude scraper would dump them.

Each page comes with its text as a ``get_text``-style scraper keeps it (menus, cookie notices
and footers included), the hand-checked title and main text, and where that main text lies in
the page text (the gold body span). A fixed part of the pages, chosen by a hash of the file id,
is held out: fit and tune on the rest, report on it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Literal
from urllib.parse import urlsplit

from .body import max_sum_run
from .headline import TITLE_SEPARATORS

#: Share of the pages held out for reporting (chosen by a hash of the file id, so it never moves).
HELD_OUT_SHARE = 0.3

#: Elements whose text a scraper's get_text drops.
_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg"})
#: Elements that start and end a line of the page text.
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frame",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "iframe", "legend", "li",
    "main", "menu", "nav", "ol", "optgroup", "option", "p", "pre", "section", "select", "summary",
    "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "title", "tr", "ul",
})
#: Elements inside which the source's own line breaks are kept.
_PREFORMATTED = frozenset({"pre", "textarea", "plaintext", "listing", "xmp"})

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_WORD = re.compile(r"\w+")

Split = Literal["train", "held-out"]


@dataclass(frozen=True)
class Page:
    """One WCXB page: its crude text, the hand-checked title and main text, and the gold span."""

    file_id: str
    url: str
    #: Primary language subtag of ``<html lang>`` (``en``), None where the page does not say.
    language: str | None
    #: ``article``, ``service``, ``product``, ``collection``, ``forum``, ``listing`` or ``documentation``.
    page_type: str
    #: The page as a crude scraper keeps it: one line per block, whitespace collapsed, no empty lines.
    text: str
    title: str
    main_content: str
    #: Character offsets in ``text`` of the lines that hold the main content (the gold body).
    body_start: int
    body_end: int
    #: Share of the main content's words found inside the gold span (low: the page text lacks it).
    gold_recall: float
    held_out: bool
    #: trafilatura's extraction from the HTML, when it was asked for.
    extracted: str | None = None


class _TextCollector:
    """Receives parser events (lxml target or html.parser callbacks) and builds the crude text."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.pre_depth = 0
        self.language: str | None = None

    def start(self, tag: str, attrs: Any) -> None:
        tag = tag.lower() if isinstance(tag, str) else ""
        if tag in _SKIPPED:
            self.skip_depth += 1
            return
        if tag == "html" and self.language is None:
            lang = dict(attrs).get("lang") or ""
            self.language = lang.split("-")[0].split("_")[0].strip().lower() or None
        if tag in _PREFORMATTED:
            self.pre_depth += 1
        if tag in _BLOCKS:
            self._break()

    def end(self, tag: str) -> None:
        tag = tag.lower() if isinstance(tag, str) else ""
        if tag in _SKIPPED:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag in _PREFORMATTED:
            self.pre_depth = max(0, self.pre_depth - 1)
        if tag in _BLOCKS:
            self._break()

    def data(self, text: str) -> None:
        if self.skip_depth:
            return
        if self.pre_depth:
            parts = text.split("\n")
            for part in parts[:-1]:
                self.current.append(part)
                self._break()
            self.current.append(parts[-1])
        else:
            self.current.append(text)

    def comment(self, text: str) -> None:
        """Comments are not text."""

    def close(self) -> str:
        self._break()
        return "\n".join(self.lines)

    def _break(self) -> None:
        if self.current:
            line = " ".join("".join(self.current).split())
            if line:
                self.lines.append(line)
            self.current = []


def decode_html(raw: bytes) -> str:
    """The page's characters: its declared charset, else UTF-8, else Windows-1252."""
    declared = _CHARSET.search(raw[:4096])
    if declared:
        try:
            return raw.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def page_text(html: str) -> tuple[str, str | None]:
    """The crude ``get_text`` of a page, and the language its ``<html lang>`` declares.

    Scripts, styles and noscript blocks are dropped; each block element breaks the line;
    whitespace is collapsed within a line; empty lines are dropped; navigation and footers stay.
    """
    collector = _TextCollector()
    try:
        from lxml import etree
    except ImportError:  # the standard library's parser: slower, same text
        return _page_text_stdlib(html, collector)
    parser = etree.HTMLParser(target=collector, remove_comments=True, recover=True)
    parser.feed(html)
    text = parser.close()
    return text, collector.language


def _page_text_stdlib(html: str, collector: _TextCollector) -> tuple[str, str | None]:
    from html.parser import HTMLParser

    class _Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            collector.start(tag, [(k, v or "") for k, v in attrs])
            if tag in ("br", "hr"):
                collector.end(tag)

        def handle_endtag(self, tag: str) -> None:
            collector.end(tag)

        def handle_data(self, data: str) -> None:
            collector.data(data)

    parser = _Parser(convert_charrefs=True)
    parser.feed(html)
    parser.close()
    return collector.close(), collector.language


def is_held_out(file_id: str) -> bool:
    """True for the fixed held-out part: a hash of the file id, so the split never moves."""
    digest = hashlib.sha256(file_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") / 2**32 < HELD_OUT_SHARE


def words(text: str) -> list[str]:
    """Lower-cased word tokens, the unit of the word-level F1 and of the gold matching."""
    return _WORD.findall(text.lower())


#: Words a title may open with or not and stay the same title.
_LEADING_ARTICLES = frozenset({"the", "a", "an"})
#: A site's name, as a title's last part, is told by a word of at least this many letters in the page's host name.
SITE_WORD_LETTERS = 4


def title_words(title: str, url: str = "") -> list[str]:
    """A title as it is compared with the hand-checked one: its lower-cased words, without an
    ellipsis that shortened it, a site's name as its last part ("... | Spice AI" on spice.ai:
    its first word, or all its letters, in the page's host name) or a leading article."""
    title = title.rstrip("\u2026")
    host = re.sub(r"[^a-z0-9]", "", (urlsplit(url).hostname or "").lower())
    parts = TITLE_SEPARATORS.split(title)
    if host and len(parts) > 1:
        last = words(parts[-1])
        joined = "".join(last)
        named = (len(last[0]) >= SITE_WORD_LETTERS and last[0] in host) if last else False
        if named or (len(joined) >= SITE_WORD_LETTERS and joined in host):
            title = title[: title.rstrip().rfind(parts[-1].strip())]  # (words() drops the separator)
    tokens = words(title)
    return tokens[1:] if len(tokens) > 1 and tokens[0] in _LEADING_ARTICLES else tokens


def same_title(title: str, gold: str, url: str = "") -> bool:
    """Whether a title is the hand-checked one, as ``title_words`` compares them."""
    return title_words(title, url) == title_words(gold, url)


def main_lines(text: str, main_content: str) -> list[bool]:
    """For each line of ``text``, whether it belongs to ``main_content``: it is a run of the main
    content's words (at least three, or a whole paragraph of it), or holds a whole paragraph of it."""
    paragraphs = [" ".join(words(p)) for p in re.split(r"\n+", main_content)]
    paragraphs = [p for p in paragraphs if p]
    whole = " " + " ".join(paragraphs) + " "
    exact = set(paragraphs)
    long_paragraphs = [" " + p + " " for p in paragraphs if p.count(" ") >= 4]
    out = []
    for line in text.split("\n"):
        tokens = words(line)
        joined = " ".join(tokens)
        out.append(bool(tokens) and (
            (len(tokens) >= 3 and " " + joined + " " in whole)
            or joined in exact
            or any(p in " " + joined + " " for p in long_paragraphs)
        ))
    return out


def gold_span(text: str, main_content: str) -> tuple[int, int, float]:
    """Where ``main_content`` lies in ``text``: (start, end, share of its words inside).

    A line of ``text`` belongs to the main content as ``main_lines`` tells. The span is
    the run of lines that maximises matched words minus unmatched words (a maximum-sum
    subarray), so a stray match in a menu or a teaser far from the body does not stretch it.
    """
    offsets: list[tuple[int, int]] = []
    weights: list[int] = []
    position = 0
    for line, matched in zip(text.split("\n"), main_lines(text, main_content)):
        offsets.append((position, position + len(line)))
        position += len(line) + 1
        tokens = words(line)
        weights.append(len(tokens) if matched else -max(1, len(tokens)))
    first, last = max_sum_run(weights)
    if first > last:
        return 0, 0, 0.0
    start, end = offsets[first][0], offsets[last][1]
    wanted = Counter(words(main_content))
    found = Counter(words(text[start:end]))
    recall = sum((wanted & found).values()) / max(1, sum(wanted.values()))
    return start, end, recall


def read_pages(
    folder: Path | str,
    *,
    split: Split | None = None,
    page_types: Iterable[str] | None = None,
    extract: bool = False,
) -> Iterator[Page]:
    """The pages of a wcxb-dev folder in file order: all, or only the ``train`` or ``held-out`` part,
    only the given page types; with ``extract``, trafilatura's extraction too (``corpuscut[warc]``)."""
    folder = Path(folder)
    wanted_types = None if page_types is None else set(page_types)
    with gzip.open(folder / "ground-truth.jsonl.gz", "rt", encoding="utf-8") as lines:
        entries = [json.loads(line) for line in lines if line.strip()]
    for entry in entries:
        file_id = _file_id(entry)
        held_out = is_held_out(file_id)
        if split is not None and held_out != (split == "held-out"):
            continue
        if wanted_types is not None and _page_type(entry) not in wanted_types:
            continue
        html = read_html(folder, file_id)
        yield page(entry, html, held_out=held_out, extract=extract)


def read_html(folder: Path | str, file_id: str) -> str:
    """The decoded HTML of one page."""
    with gzip.open(Path(folder) / "html" / f"{file_id}.html.gz", "rb") as raw:
        return decode_html(raw.read())


def page(entry: dict[str, Any], html: str, *, held_out: bool, extract: bool = False) -> Page:
    """One ground-truth entry and its HTML as a Page."""
    truth = entry.get("ground_truth") or {}
    main_content = str(truth.get("main_content") or "")
    text, language = page_text(html)
    start, end, recall = gold_span(text, main_content)
    return Page(
        file_id=_file_id(entry),
        url=str(entry.get("url") or ""),
        language=language,
        page_type=_page_type(entry),
        text=text,
        title=str(truth.get("title") or ""),
        main_content=main_content,
        body_start=start,
        body_end=end,
        gold_recall=recall,
        held_out=held_out,
        extracted=trafilatura_text(html) if extract else None,
    )


def _file_id(entry: dict[str, Any]) -> str:
    return str(entry.get("file_id") or Path(str(entry.get("file") or "")).stem)


def _page_type(entry: dict[str, Any]) -> str:
    return str(((entry.get("_internal") or {}).get("page_type") or {}).get("primary") or "unknown")


def trafilatura_text(html: str) -> str:
    """trafilatura's main text of a page, with the default settings its own benchmarks report."""
    import logging

    import trafilatura

    logging.getLogger("trafilatura").addHandler(logging.NullHandler())
    logging.getLogger("trafilatura").propagate = False
    return trafilatura.extract(html) or ""

"""Real articles with their structure, for fitting the boundary model: the WCXB training pages'
hand-checked titles and main texts.

News corpora hold few subheads, lists, question-and-answer blocks, steps or notes; web
articles hold them throughout, and a model fitted on news alone takes each subhead for the
headline of a new article. Each training page (never one of :mod:`segmenter.wcxb`'s held-out
part) gives an article of its title and the paragraphs of its main text, to be built into
dumps of several (a headline line and its paragraphs: the shapes a user gets), and its main
text as the page's text holds it (captions, tables of contents, code and all), alone, where
every gap lies inside one article.

The training pages are parted once more by a CRC-32 of the file id: one in ``TUNE_ONE_IN`` is
kept for choosing the decoder's settings and fitting the calibration, the rest are fitted on.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .corpus import SourceArticle

#: The folder of the WCXB pages under the data folder.
FOLDER = "wcxb-dev"
#: One training page in this many is kept for the decoder's choice and the calibration.
TUNE_ONE_IN = 4
#: A main text with fewer words, or fewer paragraphs, is no article to learn structure from.
MIN_WORDS, MIN_PARAGRAPHS = 80, 3
#: The page types whose main text is an article a user would keep whole (WCXB's listings,
#: collections and forums are lists of other pages, or threads of many posts).
ARTICLE_TYPES = frozenset({"article", "documentation", "service", "product"})

Part = Literal["fit", "tune"]


@dataclass(frozen=True)
class StructuredPages:
    """One part of the WCXB training pages: articles (title and main-text paragraphs), and each
    article page's main text as its page text holds it."""

    articles: list[SourceArticle]
    main_texts: list[str]


def present(data: Path | str) -> bool:
    return (Path(data) / FOLDER / "ground-truth.jsonl.gz").is_file()


def part_of(file_id: str) -> Part:
    """``fit`` or ``tune``, fixed by the page's id."""
    return "tune" if zlib.crc32(file_id.encode("utf-8")) % TUNE_ONE_IN == 0 else "fit"


def load_structured(data: Path | str, part: Part) -> StructuredPages:
    """The ``part`` of the WCXB training pages (never the held-out ones)."""
    from .wcxb import read_pages

    articles: list[SourceArticle] = []
    main_texts: list[str] = []
    for page in read_pages(Path(data) / FOLDER, split="train", page_types=ARTICLE_TYPES):
        if part_of(page.file_id) != part:
            continue
        paragraphs = tuple(" ".join(p.split()) for p in page.main_content.splitlines() if p.strip())
        if len(paragraphs) < MIN_PARAGRAPHS or sum(len(p.split()) for p in paragraphs) < MIN_WORDS:
            continue
        title = " ".join(page.title.split())
        # A title that is the first paragraph already is no line of its own.
        if title and title != paragraphs[0]:
            articles.append(SourceArticle("wcxb", zlib.crc32(page.file_id.encode("utf-8")), title, paragraphs))
        if page.page_type == "article" and page.body_end > page.body_start and page.gold_recall >= 0.8:
            main_texts.append(page.text[page.body_start: page.body_end] + "\n")
    return StructuredPages(articles, main_texts)

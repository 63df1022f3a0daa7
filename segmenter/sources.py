"""Articles with known extent from every corpus in the shared data folder, each with a fixed
held-out part, for building dumps (:mod:`segmenter.corpus`) to fit and to score the segmenter.

Every corpus becomes :class:`~segmenter.corpus.SourceArticle` records: a headline (empty where
the corpus has none) and the paragraphs as a reader of the page would see them. The split is
fixed: an article is held out when its ``number`` is divisible by 5, where the number is the
BBC file number or, for the other corpora, a CRC-32 of the article's id (so the split does not
depend on the order of the file or on how many articles are read).
"""

from __future__ import annotations

import gzip
import json
import random
import re
import zlib
from pathlib import Path
from typing import Callable, Iterator

from corpuscut.training import is_heldout

from .corpus import SIGN_OFF, SourceArticle, load_articles

#: The corpora dumps are built from, by folder name under the data folder.
CORPORA: tuple[str, ...] = ("bbc", "reuters", "cnndm", "inshorts")
FOLDERS: dict[str, str] = {
    "bbc": "bbc-news-summary",
    "reuters": "reuters21578",
    "cnndm": "cnndm",
    "inshorts": "inshorts",
}


def number_of(key: str) -> int:
    """A fixed number for an article id: the split does not move when the corpus is re-read."""
    return zlib.crc32(key.encode("utf-8"))


def _keep(number: int, part: str) -> bool:
    return part == "all" or (part == "heldout") == is_heldout(number)


def _jsonl(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _squash(text: str) -> str:
    return " ".join(text.split())


#: Wire paragraphs begin on an indented line; a line starting at column 0 goes on the one before.
_WIRE_PARAGRAPH = re.compile(r"\n(?=[ \t]+\S)")
#: A dateline opening a paragraph inside a story: a digest of several stories ("NEWS HIGHLIGHTS").
_INNER_DATELINE = re.compile(r"\n\s*[A-Z][A-Z .,]{2,30}(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)*)? - ")


def load_reuters(root: Path, part: str = "all") -> list[SourceArticle]:
    """Reuters-21578 wire stories: upper-case headline; byline (where there is one) and the
    dateline as the wire sends them ("SALVADOR, Feb 26 - Showers continued ..."); paragraphs as
    the indentation marks them; the "Reuter" sign-off as the last line. Stories of fewer than
    30 words (tables, one-line notices) and digests of several stories, each with its own
    dateline, are left out."""
    out = []
    for item in _jsonl(root / "reuters21578.jsonl.gz"):
        body = item.get("body") or ""
        number = number_of(f"reuters:{item['newid']}")
        if not body.strip() or not _keep(number, part) or len(_INNER_DATELINE.findall(body)) >= 2:
            continue
        paragraphs = [_squash(p) for p in _WIRE_PARAGRAPH.split(body.strip("\n"))]
        paragraphs = [p for p in paragraphs if p]
        sign_off = paragraphs.pop() if paragraphs and SIGN_OFF.match(paragraphs[-1]) else None
        if sum(len(p.split()) for p in paragraphs) < 30 or not paragraphs:
            continue
        dateline = _squash(item.get("dateline") or "")
        if dateline:
            paragraphs[0] = f"{dateline} {paragraphs[0]}"
        if item.get("author"):
            paragraphs.insert(0, _squash(item["author"]))
        if sign_off:
            paragraphs.append(sign_off.strip())
        headline = _squash(item.get("title") or "")
        out.append(SourceArticle("reuters", number, headline, tuple(paragraphs)))
    return out


#: A sentence of the tokenised CNN/DailyMail text ends with a spaced stop (". ", "? ", "! ").
_TOKENISED_STOP = re.compile(r"(?<= [.!?]) (?!['\"\u2019\u201d] )|(?<= [.!?] ['\"\u2019\u201d]) ")


def load_cnndm(root: Path, part: str = "all") -> list[SourceArticle]:
    """CNN/DailyMail articles of the validation file (lower-cased and tokenised, with the
    DailyMail's page furniture): the text has no line breaks, so paragraphs are made of one to
    three sentences (how many is fixed by the article's id), as news sites lay them out. There
    is no headline."""
    out = []
    for item in _jsonl(root / "val.jsonl.gz"):
        article = _squash(item.get("article") or "")
        number = number_of(f"cnndm:{article[:200]}")
        if len(article.split()) < 60 or not _keep(number, part):
            continue
        sentences = [s for s in _TOKENISED_STOP.split(article) if s.strip()]
        rng = random.Random(number)
        paragraphs, i = [], 0
        while i < len(sentences):
            size = rng.randint(1, 3)
            paragraphs.append(" ".join(sentences[i: i + size]))
            i += size
        out.append(SourceArticle("cnndm", number, "", tuple(paragraphs)))
    return out


#: Where the scrape glued two paragraphs: a stop (and a closing quote, which the source's
#: Latin-1 conversion turned into "?") directly followed by a capitalised word or an opening
#: quote; or two spaces or more after a stop.
_GLUED = re.compile(r"(?<=[a-z0-9)%][.!?])(?=[A-Z][A-Za-z]|[?\"][A-Z])|(?<=[a-z][.!?][\"?])(?=[A-Z][a-z])|(?<=[.!?\"])\s{2,}")
#: A subhead glued to its paragraph: an upper-case run of two words or more, then a capitalised word.
_GLUED_SUBHEAD = re.compile(r"^((?:[A-Z0-9'?,:-]+ )+[A-Z0-9'?,:-]+)(?=[A-Z][a-z])")


def load_inshorts(root: Path, part: str = "all") -> list[SourceArticle]:
    """Inshorts' scraped articles (India Today, Hindustan Times, The Guardian) with their
    headlines: the scrape glued paragraphs together ("... media.The union ..."), so they are
    taken apart again where a stop runs into a capital, and glued subheads ("EXPLOSION IN CHILD
    PORNOGRAPHYExperts say") become lines of their own."""
    out = []
    for item in _jsonl(root / "news_summary.jsonl.gz"):
        number = number_of(f"inshorts:{item.get('url') or item.get('headline')}")
        article = item.get("article") or ""
        if len(article.split()) < 60 or not _keep(number, part):
            continue
        paragraphs = []
        for piece in _GLUED.split(article):
            piece = _squash(piece)
            head = _GLUED_SUBHEAD.match(piece)
            if head and len(head.group(1).split()) >= 2:
                paragraphs.append(head.group(1))
                piece = piece[head.end():]
            if any(ch.isalpha() for ch in piece):
                paragraphs.append(piece)
        out.append(SourceArticle("inshorts", number, _squash(item.get("headline") or ""), tuple(paragraphs)))
    return out


LOADERS: dict[str, Callable[[Path, str], list[SourceArticle]]] = {
    "bbc": load_articles,
    "reuters": load_reuters,
    "cnndm": load_cnndm,
    "inshorts": load_inshorts,
}


def corpus_present(data: Path, name: str) -> bool:
    return (Path(data) / FOLDERS[name]).is_dir()


def load_corpus(data: Path | str, name: str, part: str = "all") -> list[SourceArticle]:
    """The articles of corpus ``name`` (one of CORPORA) under the data folder; ``part``: train,
    heldout or all."""
    return LOADERS[name](Path(data) / FOLDERS[name], part)

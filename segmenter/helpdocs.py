"""GNOME's desktop help (Debian's ``gnome-user-docs``) as articles: topic pages written in
English and translated into German, Spanish and French by people, each a title and its
paragraphs, with the steps, notes, lists and question-shaped titles of documentation.

``apt-get download gnome-user-docs && dpkg-deb -x gnome-user-docs_*.deb DIR`` gives them
(``DIR/usr/share/help``) without their GUI dependencies. The pages are parted once and for all by
a hash of each page's name, the same pages in every language: one in ``HELD_OUT_ONE_IN`` is held
out (``bench_languages`` reports on it, nothing is fitted or tuned on it), the rest is the
``tune`` part.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from xml.etree import ElementTree

from .corpus import SourceArticle

#: The languages held: the help's folder name -> the name --language takes.
LANGUAGES = {"C": "english", "de": "german", "es": "spanish", "fr": "french"}
#: An article needs this many words and paragraphs (the help's index pages are link lists).
MIN_WORDS = 80
MIN_PARAGRAPHS = 3
_MALLARD = "{http://projectmallard.org/1.0/}"
#: One help page in this many is held out (by a hash of its name): reported, never fitted or tuned on.
HELD_OUT_ONE_IN = 3
PARTS = ("held-out", "tune", "all")


def help_part(key: str) -> str:
    """``held-out`` or ``tune``: a page's part, fixed by its name alone (the same page, so the
    same part, in every language)."""
    digest = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big")
    return "held-out" if digest % HELD_OUT_ONE_IN == 0 else "tune"


@dataclass(frozen=True)
class Article:
    key: str
    title: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "".join(f"{line}\n" for line in (self.title, *self.paragraphs))


def help_article(path: Path) -> Article | None:
    """A Mallard topic page as an article: its title, then each paragraph and section title on
    a line of its own (the page's info block, credits and media left out)."""
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError:
        return None
    if root.get("type") != "topic":
        return None
    lines: list[str] = []

    def walk(element: ElementTree.Element) -> None:
        for child in element:
            tag = child.tag.replace(_MALLARD, "")
            if tag in ("info", "media", "code", "screen", "comment"):
                continue
            if tag in ("title", "p"):
                line = " ".join("".join(child.itertext()).split())
                if line:
                    lines.append(line)
            else:
                walk(child)

    walk(root)
    if len(lines) < 1 + MIN_PARAGRAPHS or sum(len(line.split()) for line in lines[1:]) < MIN_WORDS:
        return None
    return Article(path.stem, lines[0], tuple(lines[1:]))


def present(folder: Path | str) -> bool:
    return all((Path(folder) / code / "gnome-help").is_dir() for code in LANGUAGES)


def help_articles(folder: Path | str) -> dict[str, dict[str, Article]]:
    """Each language's articles by page name, only pages present in every language."""
    out: dict[str, dict[str, Article]] = {}
    for code, name in LANGUAGES.items():
        pages = sorted((Path(folder) / code / "gnome-help").glob("*.page"))
        articles = (help_article(page) for page in pages)
        out[name] = {a.key: a for a in articles if a is not None}
    common = set.intersection(*(set(by_key) for by_key in out.values()))
    return {name: {key: a for key, a in by_key.items() if key in common} for name, by_key in out.items()}


#: One page of the tune part in this many is kept for choosing the decoder's settings and fitting
#: the calibration; the boundary model is fitted on the others.
DECODER_ONE_IN = 4


def fitting_articles(folder: Path | str, use: Literal["fit", "decoder"]) -> dict[str, list[SourceArticle]]:
    """The tune part's pages of each language as articles to build dumps of (never a held-out
    page): those the boundary model is fitted on (``fit``), or those its decoder is chosen on."""
    out: dict[str, list[SourceArticle]] = {}
    for language, by_key in help_articles(folder).items():
        chosen = [a for key, a in sorted(by_key.items()) if help_part(key) == "tune"
                  and (zlib.crc32(key.encode("utf-8")) % DECODER_ONE_IN == 0) == (use == "decoder")]
        out[language] = [SourceArticle(language, zlib.crc32(f"{language}:{a.key}".encode("utf-8")), a.title, a.paragraphs)
                         for a in chosen]
    return out

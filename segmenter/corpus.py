"""Dumps with known boundaries, built from a folder of articles (the BBC News Summary layout).

Training and benchmarks build the shapes real scraped dumps have, with their noise, from a
fixed split of the articles: file numbers divisible by 5 are held out (never tuned on), the
rest are for training. Everything is seeded, so a dump is the same on every machine.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from corpuscut.reading import decode_bytes
from corpuscut.training import is_heldout

SHAPES: tuple[str, ...] = (
    "lines",
    "blank-lines",
    "blank-lines-no-headline",
    "one-per-line",
    "separators",
    "teasers",
    "noisy",
)
#: Every shape: the seven above (the BBC table's, kept for comparison with earlier figures), a
#: headline line then a paragraph per line as scrapers of news pages write them (with subheads,
#: numbered sections, lists, Q&A turns, embedded tweets, datelines and trailing credit lines
#: put into some articles), and lines hard-wrapped at a fixed width (wire copy, e-mail, text
#: files: a line end is not a paragraph end), and files concatenated as ``cat`` joins them
#: (headline and paragraphs apart by blank lines, each file ending in one line end, so the next
#: headline stands right under the last paragraph).
ALL_SHAPES: tuple[str, ...] = (*SHAPES, "headline-lines", "hard-wrapped", "concatenated-files")

CREDITS = (
    "Reporting by {a}; Editing by {b}",
    "With assistance from {a} and {b}",
    "Additional reporting by {a}",
    "© 2005 BBC. All rights reserved.",
    "Copyright 2005 Reuters. All rights reserved.",
    "Contact the reporter on this story: {a} in London",
    "Follow us on Twitter for more stories",
    "Share this article",
)
NAMES = ("Jane Doe", "Tom Rivers", "Ana Silva", "Peter Mkhize", "Li Wei", "Sarah O'Neill", "Omar Haddad")
CITIES = ("LONDON", "WASHINGTON", "PARIS", "NEW YORK", "TOKYO", "BERLIN", "NAIROBI")
SEPARATORS = ("----", "* * *", "==========", "\x0c", "________________", "###")
TEASER_ENDS = ("", "", "…", "...", " […]", " Read more")
#: A wire story's sign-off, the last paragraph of a Reuters story as the wire sends it.
SIGN_OFF = re.compile(r"^\s*reuter\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class SourceArticle:
    """One article of the source folder."""

    topic: str
    number: int
    headline: str
    paragraphs: tuple[str, ...]

    @property
    def heldout(self) -> bool:
        return is_heldout(self.number)


@dataclass(frozen=True)
class Dump:
    """A built dump: its text and the offsets where each article's first text line starts."""

    shape: str
    text: str
    starts: tuple[int, ...]


def load_articles(root: Path | str, part: str = "all") -> list[SourceArticle]:
    """Read ``root/articles/<topic>/<NNN>.txt``; ``part`` is train, heldout or all."""
    folder = Path(root) / "articles"
    out = []
    for path in sorted(folder.glob("*/*.txt")):
        number = int(path.stem)
        if (part == "train" and is_heldout(number)) or (part == "heldout" and not is_heldout(number)):
            continue
        text, _ = decode_bytes(path.read_bytes(), str(path))
        lines = [" ".join(line.split()) for line in text.splitlines()]
        lines = [line for line in lines if line]
        if len(lines) < 2:
            continue
        out.append(SourceArticle(path.parent.name, number, lines[0], tuple(lines[1:])))
    return out


def _teaser(article: SourceArticle, rng: random.Random) -> str:
    words = " ".join(article.paragraphs).split()
    n = min(len(words), rng.randint(60, 150))
    cut = words[:n]
    while cut and cut[-1][-1:] in ".!?\"'":  # must end mid-sentence
        cut.pop()
    return " ".join(cut) + rng.choice(TEASER_ENDS)


def _credit(rng: random.Random) -> str:
    a, b = rng.sample(NAMES, 2)
    return rng.choice(CREDITS).format(a=a, b=b)


def _caption(paragraph: str, rng: random.Random) -> str:
    words = paragraph.split()[: rng.randint(3, 8)]
    return " ".join(w.strip(".,;:!?\"'") for w in words)


def _glue(paragraph: str, rng: random.Random) -> str:
    """Glue two sentences without a space after the full stop, the way scrapers do."""
    i = paragraph.find(". ")
    if i > 0 and rng.random() < 0.5 and paragraph[i + 2: i + 3].isupper():
        return paragraph[: i + 1] + paragraph[i + 2:]
    return paragraph


def _headed(article: SourceArticle) -> list[str]:
    """The headline (where the corpus has one) and the paragraphs."""
    return [article.headline, *article.paragraphs] if article.headline else list(article.paragraphs)


def _wrapped(article: SourceArticle, width: int, indent: bool) -> list[str]:
    """Paragraphs hard-wrapped at ``width`` columns; each begins indented (wire copy) or, when
    not ``indent``, the caller puts a blank line between them."""
    import textwrap

    out = [article.headline] if article.headline else []
    for paragraph in article.paragraphs:
        lines = textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False) or [paragraph]
        if indent:
            lines[0] = "    " + lines[0]
        out.append("\n".join(lines))
    return out


PAGE_CREDITS = (
    "Provided by {o}", "(Image credit: {o})", "Contributing: {a}", "See more photos: {o}", "Photo: {o}",
    "{a} contributed to this report.", "Copyright {o}. All rights reserved.",
)
OUTLETS = ("Bloomberg", "Getty Images", "The Associated Press", "Reuters", "AFP", "Shutterstock", "NASA")
MONTHS = ("January", "March", "May", "July", "September", "November")


def _subhead(paragraph: str, rng: random.Random, number: int) -> str:
    """A subhead made of the paragraph's own words, as editors write them: a few words, no
    final stop, sometimes numbered, sometimes upper case or ending with a colon."""
    words = [w.strip(".,;:!?\"'()") for w in paragraph.split()[: rng.randint(2, 7)]]
    head = " ".join(w for w in words if w) or "More"
    style = rng.random()
    if style < 0.3:
        return f"{number}. {head}"
    if style < 0.45:
        return head.upper()
    if style < 0.55:
        return head + ":"
    return head[:1].upper() + head[1:]


def _structured_lines(article: SourceArticle, rng: random.Random) -> list[str]:
    """The article as a news page's scraper writes it: headline, then a paragraph per line, with
    what real articles hold inside and around them (subheads and numbered sections, list items,
    question-and-answer turns, an embedded tweet, a dateline, credit lines at the end)."""
    paragraphs = list(article.paragraphs)
    if rng.random() < 0.15 and paragraphs and not paragraphs[0][:1].islower():
        paragraphs[0] = f"{rng.choice(CITIES)}, {rng.choice(('Jan. 4', 'United Arab Emirates', 'March 12'))} \u2014 " \
            + paragraphs[0]
    body: list[str] = []
    kind = rng.random()
    mark = rng.choice(("\u2022 ", "- ", "{i}) "))
    number = 1
    for i, p in enumerate(paragraphs):
        # A wire story's sign-off stays a line of its own, as a page keeps it: no subhead, turn,
        # item or tweet is made of it (the random draws are made all the same, so that every
        # other article's lines stay as they were).
        signed = i == len(paragraphs) - 1 and SIGN_OFF.match(p) is not None
        added: list[str] = []
        if i and kind < 0.3 and rng.random() < 0.3:  # subheads
            number += 1
            added.append(_subhead(p, rng, number))
        if kind >= 0.3 and kind < 0.42 and i:  # question-and-answer turns
            p = p if signed else ("Q: " if i % 2 else "A: ") + p
        elif kind >= 0.42 and kind < 0.52 and 0 < i <= 4:  # a list
            if i == 1:
                added.append(rng.choice(("Here are the key points:", "What we know so far:", "Key facts:")))
            item = mark.format(i=i) + " ".join(p.split()[: rng.randint(4, 14)])
            p = p if signed else item
        body.extend([p] if signed else [*added, p])
        if kind >= 0.52 and kind < 0.6 and i == 1:  # an embedded tweet
            tweet = [" ".join(p.split()[:12]),
                     f"\u2014 {rng.choice(NAMES)} (@{rng.choice(NAMES).split()[0].lower()}) "
                     f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2012, 2024)}"]
            body.extend([] if signed else tweet)
    lines = [article.headline, *body] if article.headline else body
    for _ in range(rng.choice((0, 0, 0, 1, 1, 2))):
        lines.append(rng.choice(PAGE_CREDITS).format(o=rng.choice(OUTLETS), a=rng.choice(NAMES)))
    return lines


def _noisy_lines(article: SourceArticle, rng: random.Random) -> list[str]:
    lines = [article.headline] if article.headline and rng.random() < 0.8 else []
    if rng.random() < 0.5:
        lines.append(f"By {rng.choice(NAMES)}")
    paragraphs = [_glue(p, rng) for p in article.paragraphs]
    if rng.random() < 0.5:
        paragraphs[0] = f"{rng.choice(CITIES)} (Reuters) - {paragraphs[0]}"
    for i, p in enumerate(paragraphs):
        lines.append(p)
        if i < len(paragraphs) - 1:
            r = rng.random()
            if r < 0.12:  # a photo caption or pull quote: words from somewhere in the article
                # (not from a wire story's sign-off, whose "Reuter" is no caption: the longest
                # paragraph's words instead, with the same random draws)
                source = rng.choice(paragraphs)
                lines.append(_caption(max(paragraphs, key=len) if SIGN_OFF.match(source) else source, rng))
            elif r < 0.18:
                lines.append("Advertisement")
    if rng.random() < 0.5:
        lines.append(_credit(rng))
    return lines


def _article_lines(shape: str, article: SourceArticle, rng: random.Random) -> list[str]:
    if shape == "lines":
        lines = list(article.paragraphs)
        if rng.random() < 0.4:
            lines.append(_credit(rng))
        return lines if rng.random() < 0.6 else [_teaser(article, rng)]
    if shape in ("blank-lines", "separators", "concatenated-files"):
        return _headed(article)
    if shape == "headline-lines":
        return _structured_lines(article, rng)
    if shape == "blank-lines-no-headline":
        return list(article.paragraphs)
    if shape == "one-per-line":
        return [" ".join(article.paragraphs)]
    if shape == "teasers":
        return [_teaser(article, rng)]
    if shape == "noisy":
        return _noisy_lines(article, rng)
    raise ValueError(f"unknown shape {shape!r}; known: {', '.join(ALL_SHAPES)}")


def build_dump(shape: str, articles: list[SourceArticle], seed: int = 0) -> Dump:
    """Concatenate ``articles`` in ``shape``; record where each one's first line starts."""
    rng = random.Random(f"{shape}:{seed}")
    blank = shape.startswith("blank") or shape == "concatenated-files" or (shape == "noisy" and rng.random() < 0.5)
    # Hard-wrapped text: paragraphs indented (wire copy) or apart by blank lines.
    width, indent = (rng.randint(60, 78), rng.random() < 0.5) if shape == "hard-wrapped" else (0, False)
    if shape == "hard-wrapped":
        blank = not indent
    paragraph_gap = "\n\n" if blank else "\n"
    # Paragraphs on single lines, articles apart by a blank line: a common layout too.
    article_gap = "\n\n" if not blank and rng.random() < 0.3 else paragraph_gap
    if shape == "concatenated-files":
        article_gap = "\n"
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for k, article in enumerate(articles):
        if k:
            if shape == "separators":
                sep = rng.choice(SEPARATORS)
                # With blank lines around it, or (as often in scraped dumps) right between lines.
                spaced = rng.random() < 0.5
                gap = "\n\x0c" if sep == "\x0c" else f"\n\n{sep}\n\n" if spaced else f"\n{sep}\n"
            else:
                gap = article_gap
            parts.append(gap)
            pos += len(gap)
        starts.append(pos)
        lines = _wrapped(article, width, indent) if shape == "hard-wrapped" else _article_lines(shape, article, rng)
        body = paragraph_gap.join(lines)
        if shape in ("blank-lines", "separators") and article.headline and rng.random() < 0.5:
            head, _, rest = body.partition("\n\n" if blank else "\n")
            body = head + "\n\n" + rest if rest else head
        parts.append(body)
        pos += len(body)
    parts.append("\n")
    return Dump(shape, "".join(parts), tuple(starts))


def sample_dumps(
    articles: list[SourceArticle], shapes: tuple[str, ...] = SHAPES, per_dump: tuple[int, int] = (1, 12),
    dumps_per_shape: int = 20, seed: int = 0,
) -> list[Dump]:
    """Several dumps per shape, each of a random run of articles (same-topic runs included)."""
    rng = random.Random(seed)
    out = []
    for shape in shapes:
        for i in range(dumps_per_shape):
            n = rng.randint(*per_dump)
            if rng.random() < 0.3:  # a run of consecutive articles: often the same topic
                first = rng.randrange(0, max(1, len(articles) - n))
                chosen = articles[first: first + n]
            else:
                chosen = rng.sample(articles, min(n, len(articles)))
            out.append(build_dump(shape, chosen, seed=seed * 1000 + i))
    return out


def write_gold(dump: Dump, path: Path) -> None:
    """Gold for ``corpuscut eval split``: one JSON object per article start (offset and line)."""
    import json

    line_of = [0]
    for i, ch in enumerate(dump.text):
        if ch == "\n":
            line_of.append(i + 1)
    from bisect import bisect_right

    with open(path, "w", encoding="utf-8") as handle:
        for start in dump.starts:
            handle.write(json.dumps({"start": start, "line": bisect_right(line_of, start)}) + "\n")


@dataclass(frozen=True)
class ChoiSample:
    """One sample of Choi's segmentation dataset: a sentence per line, and the (1-based) lines
    that start a new segment, the first line not counted."""

    lines: tuple[str, ...]
    starts: frozenset[int]

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def read_choi(folder: Path) -> list[ChoiSample]:
    """Every ``*.ref`` sample of one folder of Choi's dataset, in file-name order (segments are
    delimited by lines of ten '=', also at the start and end; empty lines are dropped)."""
    out = []
    for path in sorted(folder.glob("*.ref")):
        lines: list[str] = []
        starts: set[int] = set()
        new = False
        for raw in path.read_text(encoding="latin-1").splitlines():
            if raw.startswith("=========="):
                new = True
                continue
            if not raw.strip():
                continue
            lines.append(raw.strip())
            if new and len(lines) > 1:
                starts.add(len(lines))
            new = False
        out.append(ChoiSample(tuple(lines), frozenset(starts)))
    return out


def main(argv: list[str] | None = None) -> None:
    """Build one dump: ``python -m corpuscut.segmenter.corpus --data DIR --shape S --articles N --seed K --out F``."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--data", default="../shared/data/bbc-news-summary")
    parser.add_argument("--shape", choices=ALL_SHAPES, required=True)
    parser.add_argument("--part", choices=("train", "heldout"), default="heldout")
    parser.add_argument("--articles", type=int, default=4)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    articles = load_articles(args.data, args.part)
    rng = random.Random(args.seed)
    dump = build_dump(args.shape, rng.sample(articles, args.articles), seed=args.seed)
    args.out.write_text(dump.text, encoding="utf-8")
    write_gold(dump, args.out.with_suffix(".gold.jsonl"))


if __name__ == "__main__":
    main()

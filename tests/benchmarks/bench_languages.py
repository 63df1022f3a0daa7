"""Languages benchmark: how well each document's language is told, and what it is worth to
splitting, on dumps of German, Spanish, French (and, as the control, English) articles.

    python -m tests.benchmarks.bench_languages --data ../shared/data [--help-docs /usr/share/help] [--part held-out]

Two sources, each with a held-out part the boundary model is neither fitted nor tuned on:
- WCXB's development pages (``DATA/wcxb-dev``), their held-out part (``segmenter.wcxb``): each
  page's hand-checked title and main text, grouped by the language detected in it. It is almost all English (a handful of French pages,
  no German or Spanish), so it gives few non-English dumps.
- GNOME's desktop help (Debian's ``gnome-user-docs``: ``apt-get install gnome-user-docs``, or
  ``apt-get download gnome-user-docs && dpkg-deb -x gnome-user-docs_*.deb DIR`` and
  ``--help-docs DIR/usr/share/help``): 295 topic pages written in English and translated
  into German, Spanish and French by people, so every language's dumps hold the same articles.

The help pages are parted once and for all by a hash of each page's name (the same pages in every
language, ``segmenter.helpdocs``): a third is held out and reported (``--part held-out``, the
default); cue lists and language handling are tuned, and the boundary model is fitted, on the
rest (``--part tune``).

Every dump is several articles, each a title line and its paragraphs one per line. Printed per
language: how often the detector names the language (of each dump, and of each article alone),
then boundary F1, Pk and the rate of articles found exactly with no --language (each dump's
language detected), with the right --language, and with English forced.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from dataclasses import dataclass
from pathlib import Path

from corpuscut.segmenter import Segmenter, split
from corpuscut.segmenter.helpdocs import (HELD_OUT_ONE_IN, MIN_PARAGRAPHS, MIN_WORDS, PARTS, Article, help_article,
                                          help_articles, help_part)
from corpuscut.segmenter.wcxb import is_held_out
from corpuscut.training import data_present as need
from corpuscut.segmenter.evaluate import Scores
from corpuscut.text.language import detect_language

from .bench_split import HEADER, score_dump, table_row
from .common import data_arg

ARTICLES_PER_DUMP = 6


def wcxb_articles(folder: Path) -> dict[str, list[Article]]:
    """WCXB's held-out pages with a main text, as articles, grouped by the language detected in
    them (the boundary model is fitted on the other pages)."""
    out: dict[str, list[Article]] = {}
    with gzip.open(folder / "ground-truth.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            entry = json.loads(line)
            file_id = str(entry.get("file_id") or Path(str(entry.get("file") or "")).stem)
            if not is_held_out(file_id):
                continue
            truth = entry.get("ground_truth") or {}
            body = [" ".join(p.split()) for p in str(truth.get("main_content") or "").splitlines()]
            body = [p for p in body if p]
            if not body:
                continue
            title = " ".join(str(truth.get("title") or body[0]).split())
            article = Article(file_id, title, tuple(body))
            out.setdefault(detect_language(article.text).name, []).append(article)
    return out


@dataclass(frozen=True)
class Dump:
    text: str
    starts: list[int]


def make_dump(articles: list[Article]) -> Dump:
    starts, parts, at = [], [], 0
    for article in articles:
        starts.append(at)
        parts.append(article.text)
        at += len(article.text)
    return Dump("".join(parts), starts)


def groups(keys: list[str], size: int, seed: int) -> list[list[str]]:
    """The keys shuffled (by a fixed seed) and cut into dumps of ``size``."""
    shuffled = sorted(keys)
    random.Random(seed).shuffle(shuffled)
    return [shuffled[i: i + size] for i in range(0, len(shuffled) - size + 1, size)]


class Splitters:
    """One segmenter per stemmer language, built once."""

    def __init__(self) -> None:
        self.by_language: dict[str, Segmenter] = {}

    def __call__(self, language: str) -> Segmenter:
        if language not in self.by_language:
            self.by_language[language] = Segmenter(language=language)
        return self.by_language[language]


def measure(name: str, dumps: list[Dump], articles: list[Article], splitters: Splitters) -> None:
    """One language's detection accuracy and its splitting three ways."""
    detected_dumps = [detect_language(d.text) for d in dumps]
    detected_articles = [detect_language(a.text).name for a in articles]
    dump_right = sum(d.name == name for d in detected_dumps)
    article_right = sum(d == name for d in detected_articles)
    wrong = sorted({d for d in detected_articles if d != name})
    print(f"\n{name}: {len(dumps)} dumps of {sum(len(d.starts) for d in dumps)} articles; detected right: "
          f"dumps {dump_right}/{len(dumps)}, single articles {article_right}/{len(articles)}"
          + (f" (others taken for: {', '.join(wrong)})" if wrong else ""))
    print(HEADER)
    ways = {
        "no --language (detected)": [d.stemmer for d in detected_dumps],
        f"--language {name}": [name] * len(dumps),
        "--language english": ["english"] * len(dumps),
    }
    for way, stemmers in ways.items():
        scores = Scores()
        for dump, stemmer in zip(dumps, stemmers):
            found = splitters(stemmer).split(dump.text)
            score_dump(scores, dump.text, dump.starts, [a.start for a in found])
        print(table_row(way, scores))


def bench_help(folder: Path, splitters: Splitters, seed: int, limit: int | None, part: str) -> None:
    by_language = help_articles(folder)
    every = sorted(by_language["english"])
    keys = [k for k in every if part == "all" or help_part(k) == part]
    dump_keys = groups(keys, ARTICLES_PER_DUMP, seed)[:limit]
    used = sorted({k for group in dump_keys for k in group})
    print(f"\nGNOME help ({folder}): {len(every)} topic pages in all four languages "
          f"(>= {MIN_WORDS} words, >= {MIN_PARAGRAPHS} paragraphs), {len(keys)} of them in the {part} part "
          f"(one page in {HELD_OUT_ONE_IN} held out by a hash of its name); dumps of {ARTICLES_PER_DUMP}, "
          "the same pages in every language")
    for name, articles in by_language.items():
        dumps = [make_dump([articles[k] for k in group]) for group in dump_keys]
        measure(name, dumps, [articles[k] for k in used], splitters)


MIXED_ROUNDS = 3


def bench_mixed(folder: Path, seed: int, limit: int | None, part: str) -> None:
    """Dumps that mix languages: each page of a dump in a language drawn at random from the
    four, split as the command splits them (the input's language detected, then each article's
    own told from its body). Printed: boundaries, how many starts are found where the language
    changes and where it does not, and the share of articles whose ``language`` is right."""
    by_language = help_articles(folder)
    names = sorted(by_language)
    keys = [k for k in sorted(by_language["english"]) if part == "all" or help_part(k) == part]
    rng = random.Random(seed)
    scores = Scores()
    switch, same = [0, 0], [0, 0]  # [found, all] of the starts after the first
    own = whole = articles = 0
    dumps = 0
    for round_ in range(MIXED_ROUNDS):
        for group in groups(keys, ARTICLES_PER_DUMP, seed + round_)[:limit]:
            spoken = [rng.choice(names) for _ in group]
            chosen = [by_language[name][key] for name, key in zip(spoken, group)]
            dump = make_dump(chosen)
            found = split(dump.text)
            score_dump(scores, dump.text, dump.starts, [a.start for a in found])
            starts = {a.start for a in found}
            for k in range(1, len(chosen)):
                tally = switch if spoken[k] != spoken[k - 1] else same
                tally[0] += dump.starts[k] in starts
                tally[1] += 1
            document = detect_language(dump.text).name
            ends = dump.starts[1:] + [len(dump.text)]
            for name, lo, hi in zip(spoken, dump.starts, ends):
                # the found article that holds most of this page
                best = max(found, key=lambda a: min(a.end, hi) - max(a.start, lo))
                own += best.language == name
                whole += document == name
                articles += 1
            dumps += 1
    print(f"\nmixed-language dumps (GNOME help, {part} part): {dumps} dumps of {ARTICLES_PER_DUMP} pages, each page in "
          f"a language drawn at random from {', '.join(names)}; {switch[1]} of {switch[1] + same[1]} starts after "
          "the first are where the language changes")
    print(HEADER)
    print(table_row("no --language (detected)", scores))
    print(f"starts found where the language changes: {switch[0] / max(1, switch[1]):.3f} ({switch[0]}/{switch[1]}); "
          f"within one language: {same[0] / max(1, same[1]):.3f} ({same[0]}/{same[1]})")
    print(f"articles whose language is right: {own / max(1, articles):.3f} ({own}/{articles}) each told from its "
          f"own text; {whole / max(1, articles):.3f} with the input's language for every article")


#: GNOME's help in Chinese and Japanese: written without spaces between words.
CJK_HELP = {"zh_CN": "chinese", "ja": "japanese"}


def bench_cjk(folder: Path, seed: int, limit: int | None, part: str) -> None:
    """Dumps of Chinese and of Japanese help pages (the pages of the part, whichever exist in the
    language), split as the command splits them."""
    print(f"\nChinese and Japanese (GNOME help, {part} part): dumps of {ARTICLES_PER_DUMP} pages")
    print(HEADER)
    for code, name in CJK_HELP.items():
        pages = sorted((folder / code / "gnome-help").glob("*.page"))
        articles = {a.key: a for a in map(help_article, pages) if a is not None and (part == "all" or help_part(a.key) == part)}
        if len(articles) < ARTICLES_PER_DUMP:
            print(f"{name}: {len(articles)} pages under {folder / code}, too few for a dump")
            continue
        scores = Scores()
        dumps = [make_dump([articles[k] for k in group]) for group in groups(sorted(articles), ARTICLES_PER_DUMP, seed)[:limit]]
        for dump in dumps:
            score_dump(scores, dump.text, dump.starts, [a.start for a in split(dump.text)])
        print(table_row(f"{name} ({len(dumps)} dumps)", scores))


def bench_wcxb(folder: Path, splitters: Splitters, seed: int) -> None:
    by_language = wcxb_articles(folder)
    counts = ", ".join(f"{name} {len(a)}" for name, a in sorted(by_language.items(), key=lambda kv: -len(kv[1])))
    print(f"\nWCXB dev pages with a main text, by detected language: {counts}")
    for name in ("german", "spanish", "french"):
        articles = by_language.get(name, [])
        if len(articles) < 2:
            print(f"{name}: {len(articles)} pages, too few for a dump")
            continue
        size = min(ARTICLES_PER_DUMP, len(articles))
        dumps = [make_dump([a for a in articles if a.key in group])
                 for group in groups([a.key for a in articles], size, seed)]
        measure(name, dumps, articles, splitters)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    data_arg(parser)
    parser.add_argument("--help-docs", type=Path, default=Path("/usr/share/help"),
                        help="GNOME's help pages (Debian's gnome-user-docs): the folder holding C/, de/, es/, fr/")
    parser.add_argument("--dumps", type=int, default=None, help="at most this many help dumps per language")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only-mixed-and-cjk", action="store_true",
                        help="only the dumps that mix languages, and those of Chinese and Japanese")
    parser.add_argument("--part", choices=PARTS, default="held-out",
                        help="which help pages: the held-out third (reported), the rest (tuned on), or all")
    args = parser.parse_args()
    splitters = Splitters()
    if args.only_mixed_and_cjk:
        if need(args.help_docs / "de" / "gnome-help", "GNOME help in four languages (apt-get install gnome-user-docs)"):
            bench_mixed(args.help_docs, args.seed, args.dumps, args.part)
            bench_cjk(args.help_docs, args.seed, args.dumps, args.part)
        return
    if need(args.data / "wcxb-dev" / "ground-truth.jsonl.gz", "WCXB pages by language"):
        bench_wcxb(args.data / "wcxb-dev", splitters, args.seed)
    if need(args.help_docs / "de" / "gnome-help", "GNOME help in four languages (apt-get install gnome-user-docs)"):
        bench_help(args.help_docs, splitters, args.seed, args.dumps, args.part)
        bench_mixed(args.help_docs, args.seed, args.dumps, args.part)
        bench_cjk(args.help_docs, args.seed, args.dumps, args.part)


if __name__ == "__main__":
    main()

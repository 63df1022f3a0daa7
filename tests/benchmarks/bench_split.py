"""Segmenter benchmark: dumps built from every corpus's held-out part in every shape (the
matrix corpus x shape), leave-one-corpus-out, the user's seed, the BBC table of earlier
figures, and Choi's dataset, with NLTK's TextTiling on the same input in the same run.

    python -m tests.benchmarks.bench_split --data ../shared/data [--quick] [--limit N]

Prints, per corpus and dump shape: boundary precision, recall and F1 (exact, at text-line
granularity), Pk and WindowDiff, the rate of articles found exactly, and the rate of single
articles (one per input) kept whole; then the same per corpus for a model fitted on the other
corpora only; then inputs of one story each kept whole (BBC's files, Inshorts' records), the
seed, the BBC held-out table per shape, and Choi 3-11 (400 samples),
3-5, 6-8 and 9-11 with Pk and WindowDiff; and long dumps (10 MB of each corpus, and of all
four mixed, in runs of one shape each, split section by section). ``--quick`` samples fewer dumps
and Choi samples, and makes the long dumps 2 MB split in sections of 2,000 lines.
"""

from __future__ import annotations

import argparse
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

from dataclasses import replace

from corpuscut.segmenter import Segmenter
from corpuscut.segmenter.streaming import Limits
from corpuscut.segmenter.corpus import ALL_SHAPES, SHAPES, Dump, build_dump, load_articles, read_choi, sample_dumps
from corpuscut.segmenter.evaluate import Reliability, Scores, offsets_to_text_lines, text_line_numbers

from corpuscut.training import data_present as need
from corpuscut.segmenter.tune_fallback import choi_scores

from .common import data_arg
from corpuscut.segmenter.sources import CORPORA, FOLDERS, load_corpus
from corpuscut.segmenter.train import (DUMPS_PER_SHAPE, SEED, corpus_rows, default_cache, extra_parts_present,
                                       fit_corpora)

SEED_STARTS_LINES = {1, 24, 25, 26, 27}


class TextTiling:
    """NLTK's TextTiling with every text line made a paragraph (it needs blank lines)."""

    def __init__(self, stop_words: frozenset[str]) -> None:
        from nltk.tokenize.texttiling import TextTilingTokenizer

        self.tokenizer = TextTilingTokenizer(stopwords=sorted(stop_words))
        self.failures = 0

    def starts(self, text: str) -> set[int]:
        lines = [line for line in text.splitlines() if line.strip()]
        spaced = "\n\n".join(lines)
        try:
            segments = self.tokenizer.tokenize(spaced)
        except (ValueError, IndexError):
            self.failures += 1
            return set()
        out, pos = set(), 0
        line_starts, p = [], 0
        for line in lines:
            line_starts.append(p)
            p += len(line) + 2
        from bisect import bisect_left

        for segment in segments[:-1]:
            pos += len(segment)
            out.add(bisect_left(line_starts, pos) + 1)
        return out


def score_dump(scores: Scores, text: str, gold_offsets: list[int], predicted_offsets: list[int]) -> None:
    text_starts, _ = text_line_numbers(text)
    scores.add(
        offsets_to_text_lines(gold_offsets, text_starts),
        offsets_to_text_lines(predicted_offsets, text_starts),
        len(text_starts),
    )


def table_row(name: str, s: Scores, extra: str = "") -> str:
    return (
        f"{name:26} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.pk:7.4f} {s.windowdiff:7.4f} "
        f"{s.exact_rate:7.3f} {extra}"
    )


HEADER = f"{'':26} {'P':>6} {'R':>6} {'F1':>6} {'Pk':>7} {'WD':>7} {'exact':>7}"


def bench_bbc(root: Path, segmenter: Segmenter, tiling: TextTiling, per_shape: int, part: str = "heldout",
              seed: int = 99) -> None:
    articles = load_articles(root, part)
    dumps = sample_dumps(articles, SHAPES, dumps_per_shape=per_shape, seed=seed)
    ours: dict[str, Scores] = {shape: Scores() for shape in SHAPES}
    theirs: dict[str, Scores] = {shape: Scores() for shape in SHAPES}
    chars = 0
    seconds = 0.0
    for dump in dumps:
        started = time.perf_counter()
        articles_found = segmenter.split(dump.text)
        seconds += time.perf_counter() - started
        chars += len(dump.text.encode("utf-8"))
        score_dump(ours[dump.shape], dump.text, list(dump.starts), [a.start for a in articles_found])
        tt = tiling.starts(dump.text)
        text_starts, _ = text_line_numbers(dump.text)
        theirs[dump.shape].add(offsets_to_text_lines(list(dump.starts), text_starts), tt, len(text_starts))
    print(f"\nBBC {'held-out' if part == 'heldout' else 'training'} part: {len(articles)} articles, {len(dumps)} dumps ({per_shape} per shape), "
          f"{chars / 1e6:.2f} MB; TextTiling failed (no boundaries) on {tiling.failures} dumps")
    print(f"{HEADER}   | TextTiling: {'F1':>6} {'Pk':>7}")
    total, total_tt = Scores(), Scores()
    for shape in SHAPES:
        total.merge(ours[shape])
        total_tt.merge(theirs[shape])
        print(table_row(shape, ours[shape], f"  | {theirs[shape].f1:16.3f} {theirs[shape].pk:7.4f}"))
    print(table_row("all shapes", total, f"  | {total_tt.f1:16.3f} {total_tt.pk:7.4f}"))
    print(f"splitting speed: {chars / 1e6 / seconds:.2f} MB/s (one core, {seconds:.2f} s)")
    from corpuscut.segmenter.corpus import build_dump
    from corpuscut.segmenter.train import long_dumps

    print(f"\nlong dumps: each shape's {per_shape} dumps glued into one text, split at once")
    print(HEADER)
    long_total = Scores()
    for dump in long_dumps(dumps):
        scores = Scores()
        score_dump(scores, dump.text, list(dump.starts), [a.start for a in segmenter.split(dump.text)])
        long_total.merge(scores)
        print(table_row(f"{dump.shape} ({len(dump.starts)})", scores))
    print(table_row("all long dumps", long_total))

    singles = articles[:200]
    kept = {
        shape: sum(len(segmenter.split(build_dump(shape, [a], i).text)) == 1 for i, a in enumerate(singles))
        for shape in ("lines", "blank-lines", "blank-lines-no-headline", "noisy")
    }
    print(f"single articles kept whole ({len(singles)} {part} articles, one per input): "
          + ", ".join(f"{shape} {n / len(singles):.3f}" for shape, n in kept.items()))


MATRIX_HEADER = (f"{'corpus':9} {'shape':24} {'P':>6} {'R':>6} {'F1':>6} {'Pk':>7} {'WD':>7} {'exact':>6} "
                 f"{'whole':>6}   | TextTiling {'F1':>6} {'Pk':>7}")


@dataclass
class Cell:
    """One corpus x shape cell: its held-out dumps and single articles, and the scores."""

    corpus: str
    shape: str
    dumps: list[Dump]
    singles: list[Dump]
    scores: Scores = field(default_factory=Scores)
    tiling: Scores = field(default_factory=Scores)
    whole: float = 0.0
    reliability: Reliability = field(default_factory=Reliability)


def build_cells(data: Path, corpora: list[str], per_cell: int, singles: int, seed: int = 99,
                part: str = "heldout") -> list[Cell]:
    """Each corpus's held-out (or training) articles in every shape: ``per_cell`` dumps of 1 to
    12 articles, and ``singles`` articles alone (one per input)."""
    cells = []
    for corpus in corpora:
        articles = load_corpus(data, corpus, part)
        for shape in ALL_SHAPES:
            dumps = sample_dumps(articles, (shape,), dumps_per_shape=per_cell, seed=seed)
            alone = [build_dump(shape, [a], i) for i, a in enumerate(articles[:singles])]
            cells.append(Cell(corpus, shape, dumps, alone))
    return cells


def score_cells(cells: list[Cell], segmenter: Segmenter, tiling: TextTiling | None, tiling_dumps: int) -> None:
    for cell in cells:
        cell.scores, cell.reliability = Scores(), Reliability()
        for i, dump in enumerate(cell.dumps):
            found = segmenter.split(dump.text)
            score_dump(cell.scores, dump.text, list(dump.starts), [a.start for a in found])
            real = _real_starts(dump)
            for article in found[1:]:
                cell.reliability.add(article.score, article.start in real)
            if tiling is not None and i < tiling_dumps:
                text_starts, _ = text_line_numbers(dump.text)
                cell.tiling.add(offsets_to_text_lines(list(dump.starts), text_starts), tiling.starts(dump.text),
                                len(text_starts))
        cell.whole = sum(len(segmenter.split(d.text)) == 1 for d in cell.singles) / max(1, len(cell.singles))


def _real_starts(dump: Dump) -> set[int]:
    """Offsets that count as a right cut: a gold start, or a blank line's offset just before one
    (a cut lands on the first text line either way)."""
    text_starts, _ = text_line_numbers(dump.text)
    gold = offsets_to_text_lines(list(dump.starts), text_starts)
    return {text_starts[line - 1] for line in gold} | set(dump.starts)


def print_reliability(cells: list[Cell]) -> None:
    """Expected calibration error of the cuts' scores over every held-out cell, and the table."""
    total = Reliability()
    for cell in cells:
        total.pairs.extend(cell.reliability.pairs)
    print(f"\ncalibration of `score` over the matrix's cuts ({len(total.pairs)} cuts, first articles not counted): "
          f"expected calibration error {total.ece:.4f}")
    print(f"{'score':>11} {'cuts':>6} {'mean score':>11} {'real':>6}")
    for lo, hi, n, score, real in total.table():
        print(f"{lo:4.1f}-{hi:<4.1f}  {n:6} {score:11.3f} {real:6.3f}")


def matrix_row(name: str, shape: str, s: Scores, whole: float, tiling: Scores | None) -> str:
    tt = f"   | {'':10} {tiling.f1:6.3f} {tiling.pk:7.4f}" if tiling is not None and tiling.documents else ""
    return (f"{name:9} {shape:24} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.pk:7.4f} {s.windowdiff:7.4f} "
            f"{s.exact_rate:6.3f} {whole:6.3f}{tt}")


def print_matrix(cells: list[Cell]) -> dict[str, Scores]:
    """The matrix, a row per cell and one per corpus (all its shapes); returns the latter."""
    print(MATRIX_HEADER)
    totals: dict[str, Scores] = {}
    for corpus in dict.fromkeys(c.corpus for c in cells):
        mine = [c for c in cells if c.corpus == corpus]
        total, tt = Scores(), Scores()
        for cell in mine:
            print(matrix_row(corpus, cell.shape, cell.scores, cell.whole, cell.tiling))
            total.merge(cell.scores)
            tt.merge(cell.tiling)
        print(matrix_row(corpus, "all shapes", total, sum(c.whole for c in mine) / len(mine), tt))
        totals[corpus] = total
    met = sum(c.scores.f1 >= 0.95 and c.scores.pk <= 0.03 for c in cells)
    print(f"cells with F1 >= 0.95 and Pk <= 0.03: {met} of {len(cells)}; "
          f"mean F1 over cells {sum(c.scores.f1 for c in cells) / len(cells):.3f}; "
          f"lowest {min(cells, key=lambda c: c.scores.f1).scores.f1:.3f} "
          f"({min(cells, key=lambda c: c.scores.f1).corpus} {min(cells, key=lambda c: c.scores.f1).shape})")
    return totals


def bench_corpora(data: Path, segmenter: Segmenter, tiling: TextTiling, per_cell: int, singles: int,
                  tiling_dumps: int, loco: bool, cache: Path, help_docs: Path | None = None,
                  part: str = "heldout", seed: int = 99) -> None:
    """The matrix and leave-one-corpus-out on the held-out part (the figures to report), or on
    the training part (``part="train"``, with a seed other than the fit's: for choosing between
    models; leave-one-corpus-out's corpus left out is then one no fit saw at all)."""
    corpora = [name for name in CORPORA if need(data / FOLDERS[name], f"the {name} cells of the matrix")]
    if not corpora:
        return
    cells = build_cells(data, corpora, per_cell, singles, seed, part)
    named = "held-out" if part == "heldout" else f"training (seed {seed})"
    dumps = sum(len(c.dumps) for c in cells)
    megabytes = sum(len(d.text.encode("utf-8")) for c in cells for d in c.dumps) / 1e6
    started = time.perf_counter()
    score_cells(cells, segmenter, tiling, tiling_dumps)
    print(f"\nEvery corpus's {named} part x every shape: {per_cell} dumps of 1-12 articles a cell ({dumps} dumps, "
          f"{megabytes:.2f} MB), {singles} single articles a cell; TextTiling on the first {tiling_dumps} dumps "
          f"of each cell ({time.perf_counter() - started:.0f} s)")
    fitted = print_matrix(cells)
    print_reliability(cells)
    if not loco or len(corpora) < 2:
        return
    print(f"\nleave one corpus out: fitted on the other corpora's training parts ({DUMPS_PER_SHAPE} dumps per shape,"
          f" seed {SEED}; decoder settings as shipped), scored on the corpus's {named} cells above")
    parts = {name: corpus_rows(data, name, DUMPS_PER_SHAPE, SEED, cache) for name in corpora}
    # the parts of real structured articles and documentation are in every fit, as in `make train`
    extra = [corpus_rows(data, name, DUMPS_PER_SHAPE, SEED, cache, help_docs)
             for name in extra_parts_present(data, help_docs)]
    print(f"{'corpus':9} {'':24} {'P':>6} {'R':>6} {'F1':>6} {'Pk':>7} {'WD':>7} {'exact':>6} {'whole':>6}   "
          f"| fitted on all: F1")
    f1s = []
    for name in corpora:
        weights, bias = fit_corpora([*(parts[other] for other in corpora if other != name), *extra])
        model = replace(segmenter.model, weights=tuple(float(w) for w in weights), bias=bias)
        mine = [c for c in cells if c.corpus == name]
        score_cells(mine, Segmenter(model=model), None, 0)
        total = Scores()
        for cell in mine:
            total.merge(cell.scores)
        f1s.append(total.f1)
        print(matrix_row(name, "not seen in fitting", total, sum(c.whole for c in mine) / len(mine), None)
              + f"   | {fitted[name].f1:6.3f}")
    print(f"leave-one-corpus-out mean F1 {sum(f1s) / len(f1s):.3f} (all shapes of each corpus together)")


#: Shapes a long dump's runs of articles take turns in (a scraper's, wire copy's, files'), and
#: how many articles a run holds: a run of a few hundred fills one section or more, as 2 MB of
#: one source does in a real dump.
LONG_SHAPES = ("lines", "blank-lines", "headline-lines", "hard-wrapped", "concatenated-files", "separators", "noisy")
LONG_RUN = (20, 400)


def long_dump(runs_from: dict[str, list], megabytes: float, seed: int) -> Dump:
    """A dump of about ``megabytes`` MB: runs of articles, each of one corpus (drawn in turn
    from ``runs_from``) and one shape, glued with a blank line; articles repeat once a corpus's
    part is used up (each run a fresh sample)."""
    rng = random.Random(f"long:{seed}")
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    k = 0
    while pos < megabytes * 1e6:
        corpus = rng.choice(sorted(runs_from))
        articles = runs_from[corpus]
        run = rng.sample(articles, min(len(articles), rng.randint(*LONG_RUN)))
        dump = build_dump(rng.choice(LONG_SHAPES), run, seed=seed * 100_000 + k)
        if parts:
            parts.append("\n")
            pos += 1
        starts.extend(pos + s for s in dump.starts)
        parts.append(dump.text)
        pos += len(dump.text)
        k += 1
    return Dump("long", "".join(parts), tuple(starts))


def bench_long(data: Path, megabytes: float, part: str = "heldout", seed: int = 99,
               limits: Limits | None = None) -> None:
    """Each corpus's held-out part, and all four mixed, as one long dump of runs of articles in
    turning shapes: the figures of a real dump of many MB, split section by section (a run of
    one kind may fill a whole section, and a section may start anywhere in a run). Prints P, R,
    F1 and Pk, and the largest article found against the largest real one."""
    corpora = [name for name in CORPORA if need(data / FOLDERS[name], f"the {name} long dump")]
    if not corpora:
        return
    loaded = {name: load_corpus(data, name, part) for name in corpora}
    segmenter = Segmenter(limits=limits) if limits is not None else Segmenter()
    sections = (f"sections of {segmenter.limits.section_lines:,} lines / {segmenter.limits.section_chars:,} "
                f"characters")
    print(f"\nlong dumps of every corpus: each corpus's {part} part in runs of {LONG_RUN[0]}-{LONG_RUN[1]} articles, each run one of "
          f"{len(LONG_SHAPES)} shapes, about {megabytes:g} MB a dump, split streamed in {sections}")
    print(f"{'dump':9} {'MB':>6} {'articles':>9} {'P':>6} {'R':>6} {'F1':>6} {'Pk':>7} {'largest':>9} "
          f"{'real':>7} {'MB/s':>6}")
    kinds = [(name, {name: loaded[name]}) for name in corpora]
    if len(corpora) > 1:
        kinds.append(("mixed", loaded))
    for k, (name, runs_from) in enumerate(kinds):
        dump = long_dump(runs_from, megabytes, seed + k)
        started = time.perf_counter()
        found = list(segmenter.iter_split([dump.text]))
        seconds = time.perf_counter() - started
        scores = Scores()
        score_dump(scores, dump.text, list(dump.starts), [a.start for a in found])
        ends = [*dump.starts[1:], len(dump.text)]
        real = max(len(dump.text[a:b].split()) for a, b in zip(dump.starts, ends))
        size = len(dump.text.encode("utf-8")) / 1e6
        print(f"{name:9} {size:6.2f} {len(found):9,} {scores.precision:6.3f} {scores.recall:6.3f} {scores.f1:6.3f} "
              f"{scores.pk:7.4f} {max(a.words for a in found):9,} {real:7,} {size / seconds:6.2f}")
    print("largest: words of the largest article found; real: of the largest article put in")


def bench_wcxb(folder: Path, segmenter: Segmenter, pages_per_dump: int = 6, limit: int | None = None,
               part: str = "heldout") -> None:
    """Real web pages from WCXB's held-out part, as a crude scraper keeps them (menus, cookie
    notices, footers): single article pages (the whole page text, and its main text alone)
    kept whole, and dumps of pages glued one after another, where a cut anywhere from the
    page's first line to the first line of its main text counts as right. With ``part="train"``
    the same figures on the training pages (to choose between models and cues without looking
    at the held-out pages), main texts kept whole counted apart for the pages the boundary
    model is fitted on and those kept for the decoder's choice (:mod:`segmenter.structured`)."""
    import random

    from corpuscut.segmenter.structured import part_of
    from corpuscut.segmenter.wcxb import read_pages

    try:
        import trafilatura  # noqa: F401  (the extractor-output dumps need it: corpuscut[warc])
        extract = True
    except ImportError:
        extract = False
    split = "held-out" if part == "heldout" else "train"
    pages = [p for p in read_pages(folder, split=split, extract=extract)
             if p.text.strip() and p.body_end > p.body_start]
    if limit:
        pages = pages[: limit * pages_per_dump]
    articles = [p for p in pages if p.page_type == "article"]
    kept = [len(segmenter.split(p.text[p.body_start: p.body_end])) == 1 for p in articles]
    whole_page = sum(len(segmenter.split(p.text)) == 1 for p in articles) / max(1, len(articles))
    whole_body = sum(kept) / max(1, len(articles))
    named = "held-out" if part == "heldout" else "training"
    print(f"\nWCXB {named} pages ({len(pages)}, {len(articles)} of them articles), page text as a crude scraper keeps it")
    print(f"single article pages kept whole: whole page text {whole_page:.3f}, main text alone {whole_body:.3f}")
    if part != "heldout":
        for which in ("fit", "tune"):
            mine = [k for p, k in zip(articles, kept) if part_of(p.file_id) == which]
            print(f"  main text alone, the structured part's {which} pages: {sum(mine)} of {len(mine)} "
                  f"({sum(mine) / max(1, len(mine)):.3f})")
    rng = random.Random(7)
    order = pages[:]
    rng.shuffle(order)
    for name, chosen in (("all languages", order), ("English", [p for p in order if p.language == "en"])):
        found = predicted = windows = 0
        for k in range(0, len(chosen) - 1, pages_per_dump):
            group = chosen[k: k + pages_per_dump]
            text, spans = "", []
            for page in group:
                spans.append((len(text), len(text) + page.body_start))
                text += page.text.rstrip("\n") + "\n"
            cuts = [a.start for a in segmenter.split(text)[1:]]
            predicted += len(cuts)
            for lo, hi in spans[1:]:
                windows += 1
                found += any(lo <= c <= hi for c in cuts)
        precision = found / predicted if predicted else 1.0
        recall = found / windows if windows else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"page dumps ({name}, {pages_per_dump} pages each, {windows} page starts): P {precision:.3f} R {recall:.3f} "
              f"F1 {f1:.3f} (a cut anywhere in a page's leading boilerplate counts)")
    if extract:
        extracted = [p.extracted.strip() for p in order if p.extracted and p.extracted.strip()]
        print(extractor_dumps(extracted, segmenter, pages_per_dump))


#: Dumps of news and web pages mixed: stories a dump, pages a dump (each page put between two
#: stories, or before the first or after the last, at random).
MIXED_STORIES = (2, 8)
MIXED_PAGES = (1, 2)


@dataclass(frozen=True)
class MixedDump:
    """Stories (headline and a paragraph per line) with crude page texts put between them: each
    piece's window, from its first line to the first line where a cut counts as right (a
    story's first line; a page's main text's first line), and whether it is a page."""

    text: str
    windows: tuple[tuple[int, int, bool], ...]


def mixed_dumps(stories: list, pages: list, count: int, seed: int) -> list[MixedDump]:
    """``count`` dumps of MIXED_STORIES stories with MIXED_PAGES pages put among them, as ``cat``
    joins files (each piece ends in one line end); seeded."""
    rng = random.Random(f"mixed:{seed}")
    out = []
    for _ in range(count):
        chosen = rng.sample(stories, min(len(stories), rng.randint(*MIXED_STORIES)))
        pieces: list[tuple[str, int, bool]] = [
            ("\n".join([a.headline, *a.paragraphs] if a.headline else a.paragraphs) + "\n", 0, False)
            for a in chosen]
        for page in rng.sample(pages, min(len(pages), rng.randint(*MIXED_PAGES))):
            pieces.insert(rng.randint(0, len(pieces)), (page.text.rstrip("\n") + "\n", page.body_start, True))
        text, windows = "", []
        for piece, lead, is_page in pieces:
            windows.append((len(text), len(text) + lead, is_page))
            text += piece
        out.append(MixedDump(text, tuple(windows)))
    return out


def bench_mixed(data: Path, segmenter: Segmenter, per_corpus: int, part: str = "heldout", seed: int = 99) -> None:
    """News glued around web pages: each news corpus's held-out (or training) stories, a headline
    and a paragraph per line, with WCXB's held-out (or training) crude page texts put between
    them. A page counts as one article, a cut anywhere from its first line to its main text's
    first line as right; a story's start must be cut at its headline."""
    from corpuscut.segmenter.wcxb import read_pages

    corpora = [name for name in CORPORA if need(data / FOLDERS[name], f"the {name} stories of the mixed dumps")]
    if not corpora or not need(data / "wcxb-dev", "WCXB pages for the mixed dumps"):
        return
    pages = [p for p in read_pages(data / "wcxb-dev", split="held-out" if part == "heldout" else "train")
             if p.text.strip() and p.body_end > p.body_start]
    named = "held-out" if part == "heldout" else "training"
    print(f"\nnews and pages mixed: each corpus's {named} stories (a headline and a paragraph per line, "
          f"{MIXED_STORIES[0]}-{MIXED_STORIES[1]} a dump) with {MIXED_PAGES[0]}-{MIXED_PAGES[1]} WCXB {named} "
          f"crude page texts put among them at random, {per_corpus} dumps a corpus (seed {seed})")
    print(f"{'corpus':9} {'starts':>7} {'P':>6} {'R':>6} {'F1':>6} {'stories R':>10} {'pages R':>8} {'exact':>6}")
    totals = [0, 0, 0, 0, 0, 0, 0, 0]
    for k, corpus in enumerate(corpora):
        stories = load_corpus(data, corpus, part)
        found = predicted = windows = story_found = stories_in = page_found = pages_in = exact = 0
        dumps = mixed_dumps(stories, pages, per_corpus, seed * 10 + k)
        for dump in dumps:
            cuts = [a.start for a in segmenter.split(dump.text)[1:]]
            predicted += len(cuts)
            hits = 0
            for lo, hi, is_page in dump.windows[1:]:
                hit = any(lo <= c <= hi for c in cuts)
                windows += 1
                found += hit
                hits += hit
                if is_page:
                    pages_in += 1
                    page_found += hit
                else:
                    stories_in += 1
                    story_found += hit
            exact += hits == len(dump.windows) - 1 == len(cuts)
        for i, v in enumerate((found, predicted, windows, story_found, stories_in, page_found, pages_in, exact)):
            totals[i] += v
        print(_mixed_row(corpus, found, predicted, windows, story_found, stories_in, page_found, pages_in,
                         exact / max(1, len(dumps))))
    print(_mixed_row("all", *totals[:7], totals[7] / max(1, per_corpus * len(corpora))))
    print("starts: pieces after the first; exact: dumps whose every cut is right and every start found")


def _mixed_row(name: str, found: int, predicted: int, windows: int, story_found: int, stories: int,
               page_found: int, pages: int, exact: float) -> str:
    precision = found / predicted if predicted else 1.0
    recall = found / windows if windows else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return (f"{name:9} {windows:7} {precision:6.3f} {recall:6.3f} {f1:6.3f} {story_found / max(1, stories):10.3f} "
            f"{page_found / max(1, pages):8.3f} {exact:6.3f}")


def extractor_dumps(texts: list[str], segmenter: Segmenter, pages_per_dump: int) -> str:
    """Extractor output page after page (trafilatura's main texts, no titles): the line where
    each page's text starts is the gold."""
    found = predicted = windows = 0
    cuts_per_dump = []
    for k in range(0, len(texts) - 1, pages_per_dump):
        text, starts = "", []
        for page in texts[k: k + pages_per_dump]:
            starts.append(len(text))
            text += page + "\n"
        cuts = {a.start for a in segmenter.split(text)[1:]}
        cuts_per_dump.append(len(cuts) + 1)
        predicted += len(cuts)
        windows += len(starts) - 1
        found += len(cuts & set(starts[1:]))
    precision = found / predicted if predicted else 1.0
    recall = found / windows if windows else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    middle = sorted(cuts_per_dump)[len(cuts_per_dump) // 2] if cuts_per_dump else 0
    return (f"extractor-output dumps (trafilatura's main texts, {pages_per_dump} pages each, {windows} page starts): "
            f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f}; articles found per dump: median {middle}, "
            f"most {max(cuts_per_dump, default=0)}")


def bench_files(data: Path, segmenter: Segmenter, limit: int | None = None) -> None:
    """Inputs of one story each, to be kept whole: BBC's article files as `corpuscut digest
    FOLDER` reads them (headline, blank line, paragraphs apart by blank lines), and Inshorts'
    records as `--text-field article` reads them (the scrape as it is: photo credits, "ALSO
    READ" lines). The training part's inputs are counted apart from the held-out part's."""
    from corpuscut.reading import decode_bytes
    from corpuscut.segmenter.sources import number_of, _jsonl
    from corpuscut.training import is_heldout

    inputs: list[tuple[str, str, bool]] = []  # (name, text, held out)
    folder = data / "bbc-news-summary" / "articles"
    for path in sorted(folder.glob("*/*.txt")):
        text, _ = decode_bytes(path.read_bytes(), str(path))
        inputs.append((f"bbc {path.parent.name}/{path.name}", text, is_heldout(int(path.stem))))
    records = data / "inshorts" / "news_summary.jsonl.gz"
    if records.exists():
        for item in _jsonl(records):
            text = item.get("article") or ""
            if len(text.split()) >= 60:
                key = f"inshorts:{item.get('url') or item.get('headline')}"
                inputs.append((f"inshorts {item.get('headline', '')[:40]}", text, is_heldout(number_of(key))))
    if limit is not None:
        inputs = inputs[:: max(1, len(inputs) // (4 * limit))]
    counts: dict[tuple[str, str], list[int]] = {}  # (corpus, part) -> whole, inputs, articles found
    cut: list[str] = []
    for name, text, held in inputs:
        found = len(segmenter.split(text))
        tally = counts.setdefault((name.split()[0], "heldout" if held else "train"), [0, 0, 0])
        tally[0] += found == 1
        tally[1] += 1
        tally[2] += found
        if found > 1 and held:
            cut.append(f"{name} ({found})")
    print("\ninputs of one story each, one input each (BBC's files as `corpuscut digest FOLDER` reads them, "
          "Inshorts' records with `--text-field article`): kept whole")
    for (corpus, part), (whole, total, found) in sorted(counts.items()):
        print(f"{corpus:9} {part:8} part: {whole} of {total} inputs ({whole / total:.3f}); {found} articles found")
    if cut:
        print(f"held-out inputs cut: {', '.join(cut[:12])}{' ...' if len(cut) > 12 else ''}")


def bench_seed(path: Path, segmenter: Segmenter, tiling: TextTiling) -> None:
    text = path.read_text(encoding="utf-8")
    text_starts, _ = text_line_numbers(text)
    ours, theirs = Scores(), Scores()
    found = offsets_to_text_lines([a.start for a in segmenter.split(text)], text_starts)
    ours.add(SEED_STARTS_LINES, found, len(text_starts))
    theirs.add(SEED_STARTS_LINES, tiling.starts(text), len(text_starts))
    print(f"\nseed dump: articles start at lines {sorted(found)} (gold {sorted(SEED_STARTS_LINES)})")
    print(HEADER)
    print(table_row("corpuscut", ours))
    print(table_row("TextTiling", theirs))


def bench_choi(root: Path, segmenter: Segmenter, tiling: TextTiling, limit: int | None) -> None:
    sets = {
        "3-11": [root / "1" / "3-11", root / "2" / "3-11", root / "3" / "3-11"],
        "3-5": [root / "1" / "3-5", root / "2" / "3-5"],
        "6-8": [root / "1" / "6-8", root / "2" / "6-8"],
        "9-11": [root / "1" / "9-11", root / "2" / "9-11"],
    }
    print("\nChoi's dataset (sentence lines; Pk and WindowDiff over sentences)")
    print(f"{'set':8} {'samples':>7} {'Pk':>7} {'WD':>7} {'F1':>6}   | TextTiling Pk")
    for name, folders in sets.items():
        samples = [s for f in folders if f.is_dir() for s in read_choi(f)]
        if limit:
            samples = samples[:limit]
        ours, theirs = choi_scores(segmenter, samples), Scores()
        for sample in samples:
            theirs.add(set(sample.starts), tiling.starts(sample.text), len(sample.lines))
        print(f"{name:8} {len(samples):7} {ours.pk:7.4f} {ours.windowdiff:7.4f} {ours.f1:6.3f}   | {theirs.pk:7.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    data_arg(parser)
    parser.add_argument("--dumps-per-shape", type=int, default=30, help="dumps per shape of the BBC table")
    parser.add_argument("--per-cell", type=int, default=12, help="dumps per corpus x shape cell of the matrix")
    parser.add_argument("--singles", type=int, default=30, help="single articles per cell of the matrix")
    parser.add_argument("--mixed-dumps", type=int, default=30,
                        help="dumps per news corpus of news and pages mixed")
    parser.add_argument("--tiling-dumps", type=int, default=3, help="dumps per cell TextTiling runs on (it is slow)")
    parser.add_argument("--quick", action="store_true",
                        help="a sample: 4 dumps and 10 singles a cell, 10 BBC dumps a shape, 40 Choi samples a set")
    parser.add_argument("--limit", type=int, default=None, help="dumps per cell, BBC dumps per shape and Choi "
                        "samples per set at most this many")
    parser.add_argument("--cache", type=Path, default=default_cache(), help="folder for the training dumps' features")
    parser.add_argument("--help-docs", type=Path, default=None,
                        help="GNOME's help, whose tune part `make train` fits on too (for leave-one-corpus-out's fits)")
    parser.add_argument("--choi-limit", type=int, default=None, help="samples per Choi set (default: all)")
    parser.add_argument("--skip", default="",
                        help="comma-separated parts to skip: matrix, loco, wcxb, mixed, files, bbc, seed, choi, long")
    parser.add_argument("--long-mb", type=float, default=10.0,
                        help="size of each long dump in MB (--quick: 2 MB, split in sections of 2,000 lines)")
    parser.add_argument("--part", choices=("heldout", "train"), default="heldout",
                        help="articles and pages to build the matrix's, the BBC table's and the WCXB part's dumps "
                             "from: the held-out part (the figures to report) or the training part (for choosing "
                             "between models without looking at the held-out part; give a --seed other than the "
                             "fit's, 1)")
    parser.add_argument("--seed", type=int, default=99, help="seed of the matrix's and the BBC table's dumps")
    args = parser.parse_args()
    skip = set(args.skip.split(","))
    if args.quick:
        args.per_cell, args.singles, args.dumps_per_shape, args.mixed_dumps = 4, 10, 10, 10
        args.choi_limit = args.choi_limit or 40
    if args.limit is not None:
        args.per_cell = min(args.per_cell, args.limit)
        args.dumps_per_shape = min(args.dumps_per_shape, args.limit)
        args.choi_limit = min(args.choi_limit or args.limit, args.limit)
    segmenter = Segmenter()
    tiling = TextTiling(segmenter.vocabulary.normalizer.stop_words)
    if "seed" not in skip and need(args.data / "seed" / "kursk-taiwan-dump.txt", "seed dump"):
        bench_seed(args.data / "seed" / "kursk-taiwan-dump.txt", segmenter, tiling)
    if "matrix" not in skip:
        bench_corpora(args.data, segmenter, tiling, args.per_cell, args.singles, args.tiling_dumps,
                      "loco" not in skip, args.cache, args.help_docs, args.part, args.seed)
    if "wcxb" not in skip and need(args.data / "wcxb-dev", "WCXB pages"):
        bench_wcxb(args.data / "wcxb-dev", segmenter, limit=args.limit, part=args.part)
    if "mixed" not in skip:
        bench_mixed(args.data, segmenter, args.mixed_dumps if args.limit is None else min(args.mixed_dumps, args.limit),
                    args.part, args.seed)
    if "files" not in skip and need(args.data / "bbc-news-summary" / "articles", "BBC files"):
        bench_files(args.data, segmenter, args.limit)
    if "bbc" not in skip and need(args.data / "bbc-news-summary" / "articles", "BBC dumps"):
        bench_bbc(args.data / "bbc-news-summary", segmenter, tiling, args.dumps_per_shape, args.part, args.seed)
    if "long" not in skip:
        # --quick: smaller dumps in smaller sections, so that as many section starts fall in runs
        quick = Limits(section_lines=2_000, section_chars=200_000, margin_lines=300, margin_chars=20_000)
        bench_long(args.data, 2.0 if args.quick else args.long_mb, args.part, args.seed,
                   quick if args.quick else None)
    if "choi" not in skip and need(args.data / "choi", "Choi's dataset"):
        bench_choi(args.data / "choi", segmenter, tiling, args.choi_limit)


if __name__ == "__main__":
    main()

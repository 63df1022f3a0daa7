"""Fit the boundary model on dumps built from the training part of every corpus.

    python -m corpuscut.segmenter.train --data ../shared/data --out segmenter/data/model.json

Builds every dump shape from the training articles only of each corpus of
:mod:`segmenter.sources` (never the held-out part), computes the gap features the segmenter
uses, and fits an L2-regularised logistic regression by Newton's method (numpy). Each corpus
weighs the same, whatever its number of gaps. Seeded: the same data gives the same weights.
The features of each corpus's dumps are kept in a cache folder (they do not depend on the
model), keyed by the code and cue files that make them.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import numpy as np

from dataclasses import dataclass, replace

from corpuscut.training import data_present, fit_logistic
from corpuscut.text import wrapping as text_wrapping
from corpuscut.text import words as text_words

from .corpus import ALL_SHAPES, Dump, SourceArticle, build_dump, sample_dumps
from .evaluate import Scores, offsets_to_text_lines, text_line_numbers
from .lexical import LexicalParams
from .features import FEATURES
from .model import BoundaryModel, Fallback, load_model
from .sources import CORPORA, corpus_present, load_corpus
from .splitting import Analysis, Segmenter
from . import helpdocs, structured


def gap_labels(segmenter: Segmenter, text: str, starts: tuple[int, ...]) -> tuple[list[list[float]], list[int]]:
    """Feature rows and 0/1 labels (1: a gold article starts after the gap)."""
    analysis = segmenter.analyse(text)
    gold = set(starts)
    labels = [1 if block.start in gold else 0 for block in analysis.blocks[1:]]
    return analysis.features.rows, labels


@dataclass(frozen=True)
class DecoderDumps:
    """What the decoder's settings are chosen on, each text analysed once with the fitted weights
    (a setting changes only the cuts chosen from the same gap scores, so each is tried on these
    analyses): dumps with known starts (with the language each is read in), long dumps, single
    articles and pairs of short articles."""

    dumps: list[tuple[Dump, Analysis]]
    long: list[tuple[Dump, Analysis]]
    singles: list[Analysis]
    pairs: list[tuple[Dump, Analysis]]

    @classmethod
    def analysed(cls, model: BoundaryModel, dumps: list[tuple[str, Dump]], long: list[Dump], singles: list[Dump],
                 pairs: list[Dump]) -> "DecoderDumps":
        segmenters: dict[str, Segmenter] = {}

        def analyse(language: str, dump: Dump) -> Analysis:
            if language not in segmenters:
                segmenters[language] = Segmenter(model=model, language=language)
            return segmenters[language].analyse(dump.text)

        return cls([(d, analyse(language, d)) for language, d in dumps],
                   [(d, analyse("english", d)) for d in long],
                   [analyse("english", d) for d in singles],
                   [(d, analyse("english", d)) for d in pairs])


def _starts(segmenter: Segmenter, analysis: Analysis) -> list[int]:
    """The article starts (offsets) the segmenter's decoder chooses in an analysed text."""
    return [0, *(analysis.blocks[b].start for b in segmenter.redecode(analysis))]


def decoder_score(model: BoundaryModel, chosen: DecoderDumps) -> float:
    """Mean of five things users see: boundary F1 and the rate of articles found exactly over
    dumps with known starts, F1 over long dumps (each shape's dumps glued into one), the rate
    of single-article inputs left whole (cutting one article in two is the error F1 barely
    sees), and the rate of two short articles split exactly where they meet (a small paste,
    where vocabulary has little to go on and the cues must decide)."""
    segmenter = Segmenter(model=model)
    whole = sum(not segmenter.redecode(a) for a in chosen.singles) / max(1, len(chosen.singles))
    apart = sum(_starts(segmenter, a) == list(d.starts) for d, a in chosen.pairs) / max(1, len(chosen.pairs))
    scores, long = Scores(), Scores()
    for into, analysed in ((scores, chosen.dumps), (long, chosen.long)):
        for dump, analysis in analysed:
            text_starts, _ = text_line_numbers(dump.text)
            into.add(offsets_to_text_lines(list(dump.starts), text_starts),
                     offsets_to_text_lines(_starts(segmenter, analysis), text_starts), len(text_starts))
    return (scores.f1 + scores.exact_rate + long.f1 + whole + apart) / 5


def long_dumps(dumps: list[Dump]) -> list[Dump]:
    """Each shape's dumps glued into one long dump (shape ``long SHAPE``)."""
    out = []
    for shape in dict.fromkeys(d.shape for d in dumps):
        text, starts = "", []
        for dump in (d for d in dumps if d.shape == shape):
            starts.extend(len(text) + s for s in dump.starts)
            text += dump.text
        out.append(Dump(f"long {shape}", text, tuple(starts)))
    return out


#: U00's vocabulary size and per-segment cost are fixed near a training dump's (median 560 stems
#: of vocabulary, 960 stems): left to grow with the text, as in U00, they make a long dump's cuts
#: dearer than a short one's, and a dump of 200 articles lost a tenth of its boundaries.
VOCAB_SIZE, SEGMENT_COST = 600.0, 6.9
#: The decoder's short-article rule: articles under MIN_WORDS words pay up to SHORT_PENALTY.
MIN_WORDS, SHORT_PENALTY = 10, 6.0

DECODER_GRID: list[tuple[float, LexicalParams | None]] = [
    (3.0, None),
    *[
        (8.0, LexicalParams(lexical_weight=weight, cue_weight=cue, candidate_logit=floor,
                            vocab_size=VOCAB_SIZE, segment_cost=SEGMENT_COST))
        for weight in (0.2, 0.3, 0.45)
        for cue in (1.5, 2.0, 3.0)
        for floor in (-4.0, -3.0, -2.0)
    ],
]

#: What the decoder's weights are chosen on, per corpus: dumps of each shape, single articles
#: and pairs of each shape (fewer than this made the choice flip between neighbours of the grid
#: from one refit to the next).
TUNE_DUMPS_PER_SHAPE, TUNE_SINGLES, TUNE_PAIRS = 6, 10, 10
#: Dumps of the help's decoder pages per shape and language.
TUNE_HELP_DUMPS_PER_SHAPE = 6
#: Main texts of structured articles (:mod:`segmenter.structured`) among the single articles.
TUNE_STRUCTURED_SINGLES = 40


#: Training dumps per shape and corpus, and their seed (the benchmark's leave-one-corpus-out
#: fits use the same).
DUMPS_PER_SHAPE, SEED = 25, 1


def _singles(articles: list[SourceArticle], shapes: tuple[str, ...] = ALL_SHAPES) -> list[Dump]:
    """A dump of each article alone, in every shape."""
    return [build_dump(shape, [a], i) for shape in shapes for i, a in enumerate(articles)]


def _pairs(articles: list[SourceArticle], shapes: tuple[str, ...] = ALL_SHAPES) -> list[Dump]:
    """Dumps of two consecutive articles cut to their first two paragraphs, in every shape."""
    short = [replace(a, paragraphs=a.paragraphs[:2]) for a in articles]
    return [build_dump(shape, [a, b], i) for shape in shapes for i, (a, b) in enumerate(zip(short, short[1:]))]


def _every(articles: list[SourceArticle], offset: int, count: int) -> list[SourceArticle]:
    """About ``count`` articles spread over the list, from ``offset`` on."""
    step = max(1, (len(articles) - offset) // max(1, count))
    return articles[offset::step][:count]


def training_dumps(articles: list[SourceArticle], dumps_per_shape: int, seed: int) -> list[Dump]:
    """What a corpus's training part is fitted on: dumps of every shape; pairs of two-paragraph
    articles, the short pastes whose few lines give each cue less company than a long dump does;
    and single articles, all of whose gaps are not boundaries."""
    return [
        *sample_dumps(articles, ALL_SHAPES, dumps_per_shape=dumps_per_shape, seed=seed),
        *_pairs(_every(articles, 11, 40)),
        *_singles(_every(articles, 201, 40)),
    ]


#: The fit part of real structured articles (:mod:`segmenter.structured`), beside the corpora.
STRUCTURED = "wcxb"
#: The shapes structured articles are built into: those with a headline line (whose subheads,
#: lists and steps must not read as headlines of new articles), the headless lines, where no
#: headline-shaped line starts anything, and separators (a web article's section breaks are
#: separator lines too: without dumps apart by separators, the fit learns that none ends an article).
STRUCTURED_SHAPES: tuple[str, ...] = ("headline-lines", "blank-lines", "lines", "separators", "noisy", "hard-wrapped")
#: Structured articles per dump (web articles run long: fewer than a news dump holds).
STRUCTURED_PER_DUMP = (1, 6)
#: The code that makes the structured part's dumps (besides what makes every part's features).
STRUCTURED_FILES = ("structured.py", "wcxb.py")


def structured_dumps(pages: structured.StructuredPages, dumps_per_shape: int, seed: int) -> list[Dump]:
    """What the structured part is fitted on: dumps of several articles (a headline line and
    its paragraphs) in every structured shape; each article page's main text alone, as its page
    text holds it, all of whose gaps lie inside one article."""
    return [
        *sample_dumps(pages.articles, STRUCTURED_SHAPES, per_dump=STRUCTURED_PER_DUMP,
                      dumps_per_shape=dumps_per_shape, seed=seed),
        *(Dump("main text", text, (0,)) for text in pages.main_texts),
    ]


#: The fit part of documentation (:mod:`segmenter.helpdocs`: GNOME's help in four languages).
HELP = "help"
#: Help pages are built into dumps of a title line and its paragraphs, with and without blank
#: lines, and headless (whose section titles start nothing), each dump in one language.
HELP_SHAPES: tuple[str, ...] = ("headline-lines", "blank-lines", "lines")
HELP_PER_DUMP = (1, 8)


def help_dumps(folder: Path, dumps_per_shape: int, seed: int) -> list[tuple[str, Dump]]:
    """What the documentation part is fitted on: dumps of the help's tune pages (never its
    held-out ones) in every help shape, per language, with the language of each."""
    return [(language, dump)
            for language, articles in helpdocs.fitting_articles(folder, "fit").items()
            for dump in sample_dumps(articles, HELP_SHAPES, per_dump=HELP_PER_DUMP,
                                     dumps_per_shape=dumps_per_shape, seed=seed)]


def fit_dumps(data: Path, part: str, dumps_per_shape: int, seed: int,
              help_docs: Path | None = None) -> list[tuple[str, Dump]]:
    """The training dumps of one fit part (a corpus of :mod:`segmenter.sources`, STRUCTURED or
    HELP), each with the language its features are computed in."""
    if part == HELP:
        if help_docs is None:
            raise ValueError("the help part needs the folder of the help pages")
        return help_dumps(help_docs, dumps_per_shape, seed)
    if part == STRUCTURED:
        dumps = structured_dumps(structured.load_structured(data, "fit"), dumps_per_shape, seed)
    else:
        dumps = training_dumps(load_corpus(data, part, "train"), dumps_per_shape, seed)
    return [("english", dump) for dump in dumps]


def _code_key(*parts: object) -> str:
    """A key that changes when any file that makes the features, or the dumps, changes."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in ("features.py", "recurrence.py", "cues.py", "blocks.py", "echo.py", "cohesion.py", "corpus.py",
                 "sources.py", "wrapping.py", "splitting.py", "data/cues.json", "data/cues-languages.json"):
        digest.update((here / name).read_bytes())
    digest.update(Path(text_wrapping.__file__).read_bytes())
    digest.update((Path(text_wrapping.__file__).parent / text_wrapping.RULES_FILE).read_bytes())
    # the stems and stop words that the vocabulary features count
    digest.update(Path(text_words.__file__).read_bytes())
    digest.update((Path(text_words.__file__).parent / text_words.STOP_WORDS_RESOURCE).read_bytes())
    digest.update(repr(parts).encode())
    return digest.hexdigest()[:16]


def corpus_rows(
    data: Path, corpus: str, dumps_per_shape: int, seed: int, cache: Path | None = None,
    help_docs: Path | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and labels of one fit part's training dumps (a corpus, or STRUCTURED; from
    the cache when there)."""
    path = None
    if cache is not None:
        # the structured part's dumps are also made by these files and settings
        extra: tuple[object, ...] = ()
        if corpus == STRUCTURED:
            extra = (STRUCTURED_SHAPES, STRUCTURED_PER_DUMP,
                     *((Path(__file__).parent / name).read_bytes() for name in STRUCTURED_FILES))
        elif corpus == HELP:
            extra = (str(Path(help_docs or "").resolve()), HELP_SHAPES, HELP_PER_DUMP,
                     (Path(__file__).parent / "helpdocs.py").read_bytes())
        key = _code_key(str(Path(data).resolve()), corpus, dumps_per_shape, seed, FEATURES, *extra)
        path = cache / f"{corpus}-{key}.npz"
        if path.exists():
            saved = np.load(path)
            return saved["x"], saved["y"]
    segmenters: dict[str, Segmenter] = {}
    rows: list[list[float]] = []
    labels: list[int] = []
    for language, dump in fit_dumps(data, corpus, dumps_per_shape, seed, help_docs):
        if language not in segmenters:
            segmenters[language] = Segmenter(model=blank_model(), language=language)
        r, y = gap_labels(segmenters[language], dump.text, dump.starts)
        rows.extend(r)
        labels.extend(y)
    x, y = np.array(rows, dtype=np.float64).reshape(-1, len(FEATURES)), np.array(labels, dtype=np.float64)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial.npz")
        np.savez(partial, x=x, y=y)
        partial.replace(path)
    return x, y


def blank_model() -> BoundaryModel:
    """A model of no weights: features do not depend on the model, so training can start from no
    model file (or from one fitted on other features)."""
    return BoundaryModel(tuple(0.0 for _ in FEATURES), 0.0, FEATURES, MIN_WORDS, SHORT_PENALTY)


def fit_corpora(parts: list[tuple[np.ndarray, np.ndarray]], l2: float = 1.0) -> tuple[np.ndarray, float]:
    """Fit on several corpora's rows, each corpus weighing the same whatever its number of
    rows: each row's loss counts the largest corpus's row count over its own corpus's."""
    largest = max(len(y) for _, y in parts)
    weights = [np.full(len(y), largest / max(1, len(y))) for _, y in parts]
    return fit_logistic(np.vstack([x for x, _ in parts]), np.concatenate([y for _, y in parts]), l2,
                        sample_weight=np.concatenate(weights))


def chosen_cuts(model: BoundaryModel, dumps: list[Dump]) -> tuple[list[float], list[bool]]:
    """The logit of every cut the segmenter chooses in ``dumps``, and whether it is real."""
    segmenter = Segmenter(model=model)
    logits, real = [], []
    for dump in dumps:
        analysis = segmenter.analyse(dump.text)
        gold = set(dump.starts)
        for b in analysis.boundaries:
            logits.append(analysis.logits[b - 1])
            real.append(analysis.blocks[b].start in gold)
    return logits, real


def fit_calibration(model: BoundaryModel, dumps: list[Dump]) -> tuple[float, float]:
    """Platt scaling: slope and intercept of a logistic regression of "the chosen cut is real"
    on the cut's logit."""
    logits, real = chosen_cuts(model, dumps)
    if len(set(real)) < 2:
        return (1.0, 0.0)
    slope, intercept = fit_logistic(np.array(logits)[:, None], np.array(real, dtype=float), l2=1e-3)
    return float(slope[0]), intercept


def corpora_present(data: Path) -> list[str]:
    return [name for name in CORPORA if corpus_present(data, name)]


def extra_parts_present(data: Path, help_docs: Path | None) -> list[str]:
    """The fit parts beside the corpora that are there: STRUCTURED where the WCXB pages are,
    HELP where ``help_docs`` holds GNOME's help in its four languages."""
    return [*([STRUCTURED] if structured.present(data) else []),
            *([HELP] if help_docs is not None and helpdocs.present(help_docs) else [])]


def decoder_dumps(model: BoundaryModel, data: Path, corpora: list[str], fitted: list[str], seed: int,
                  help_docs: Path | None) -> DecoderDumps:
    """What the decoder is chosen on: other training dumps of every corpus than the fit's, the
    structured articles' tune pages, and the help's decoder pages (never its held-out ones) in
    each of its languages, each analysed once with ``model``'s weights."""
    tune: list[tuple[str, Dump]] = []
    singles, pairs = [], []
    for name in corpora:
        articles = load_corpus(data, name, "train")
        tune.extend(("english", d) for d in
                    sample_dumps(articles, ALL_SHAPES, dumps_per_shape=TUNE_DUMPS_PER_SHAPE, seed=seed + 4))
        singles.extend(_singles(_every(articles, 3, TUNE_SINGLES)))
        pairs.extend(_pairs(_every(articles, 7, TUNE_PAIRS)))
    if STRUCTURED in fitted:
        held = structured.load_structured(data, "tune")
        tune.extend(("english", d) for d in sample_dumps(held.articles, STRUCTURED_SHAPES, per_dump=STRUCTURED_PER_DUMP,
                                                          dumps_per_shape=TUNE_DUMPS_PER_SHAPE, seed=seed + 4))
        singles.extend(Dump("main text", text, (0,)) for text in _every(held.main_texts, 0, TUNE_STRUCTURED_SINGLES))
    long = long_dumps([d for _, d in tune])
    if HELP in fitted and help_docs is not None:
        # Documentation's page titles score lower than news headlines (every page is about the
        # same desktop, so its vocabulary moves little): a decoder chosen on news alone merged a
        # quarter to a third of its pages into the page before.
        for language, articles in helpdocs.fitting_articles(help_docs, "decoder").items():
            tune.extend((language, d) for d in sample_dumps(articles, HELP_SHAPES, per_dump=HELP_PER_DUMP,
                                                            dumps_per_shape=TUNE_HELP_DUMPS_PER_SHAPE, seed=seed + 4))
    return DecoderDumps.analysed(model, tune, long, singles, pairs)


def choose_decoder(model: BoundaryModel, chosen: DecoderDumps) -> BoundaryModel:
    """``model`` with the decoder settings of DECODER_GRID that score best on ``chosen``."""
    candidates = [replace(model, sure_logit=sure, lexical=lex) for sure, lex in DECODER_GRID]
    scored = [(decoder_score(m, chosen), m) for m in candidates]
    for f1, m in scored:
        print(f"decoder: sure {m.sure_logit}, lexical {m.lexical}: "
              f"(F1 + exact + long-dump F1 + singles whole + pairs apart) / 5 = {f1:.3f}")
    return max(scored, key=lambda t: t[0])[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fit the segmenter's boundary model on every corpus's training part.")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("segmenter/data/model.json"))
    parser.add_argument("--dumps-per-shape", type=int, default=DUMPS_PER_SHAPE)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--cache", type=Path, default=default_cache(), help="folder for the features of the dumps")
    parser.add_argument("--help-docs", type=Path, default=None,
                        help="GNOME's help (the folder holding C/, de/, es/, fr/): its tune part is fitted on too")
    parser.add_argument("--decoder-only", action="store_true",
                        help="keep the weights of the model in --out as they are; choose its decoder settings "
                             "and calibration again (after a change to the grid or to what it is chosen on)")
    args = parser.parse_args(argv)
    corpora = corpora_present(args.data)
    if not corpora or not data_present(args.data / "bbc-news-summary" / "articles", "training the boundary model"):
        return 1
    fitted = [*corpora, *extra_parts_present(args.data, args.help_docs)]
    if args.help_docs is not None and HELP not in fitted:
        print(f"SKIPPED the help pages: no GNOME help in four languages under {args.help_docs}", file=sys.stderr)
    if args.decoder_only:
        import json

        meta = {key: value for key, value in json.loads(args.out.read_text(encoding="utf-8")).items()
                if key in ("trained_on", "command", "fallback_tuned")}
        model = load_model(args.out)
        weights = np.array(model.weights)
    else:
        parts = [corpus_rows(args.data, name, args.dumps_per_shape, args.seed, args.cache, args.help_docs)
                 for name in fitted]
        weights, bias = fit_corpora(parts, args.l2)
        base = blank_model()
        model = BoundaryModel(
            tuple(float(w) for w in weights), bias, base.names, base.min_words, base.short_penalty,
            fallback=previous_fallback(args.out),
        )
        gaps = sum(len(y) for _, y in parts)
        boundaries = sum(int(y.sum()) for _, y in parts)
        meta = {"trained_on": f"training parts of {', '.join(fitted)}: {gaps} gaps, {boundaries} boundaries, "
                              f"shapes {', '.join(ALL_SHAPES)}",
                "command": "python -m corpuscut.segmenter.train --data ../shared/data --help-docs HELP_DOCS "
                           "--out segmenter/data/model.json"}
    # The decoder's weights: how much the lexical programme counts against the cue scores,
    # and from which score on a cut is taken as sure. Chosen on other training dumps of every corpus.
    model = choose_decoder(model, decoder_dumps(model, args.data, corpora, fitted, args.seed, args.help_docs))
    # Scores that mean what they say: the probability that a chosen cut is a real start, fitted
    # (Platt scaling) on yet other training dumps of the news corpora. Not on structured
    # articles' dumps: their cuts are right less often, and one scale fitted on both put the
    # news cuts' scores far under how often they are right (expected calibration error 0.086).
    calibration_dumps = [d for name in corpora for d in sample_dumps(
        load_corpus(args.data, name, "train"), ALL_SHAPES, dumps_per_shape=4, seed=args.seed + 8)]
    model = replace(model, calibration=fit_calibration(model, calibration_dumps))
    print(f"calibration: slope {model.calibration[0]:.3f}, intercept {model.calibration[1]:.3f}")
    if args.decoder_only:
        meta["decoder_chosen"] = ("python -m corpuscut.segmenter.train --data ../shared/data --help-docs HELP_DOCS "
                                  "--decoder-only")
    args.out.write_text(model.to_json(**meta), encoding="utf-8")
    for name, w in sorted(zip(model.names, weights), key=lambda t: -abs(t[1])):
        print(f"{w:+8.3f}  {name}")
    print(f"{model.bias:+8.3f}  bias; sure cuts from logit {model.sure_logit}, lexical {model.lexical}")
    return 0


def previous_fallback(path: Path) -> Fallback:
    """The fallback of the model file being replaced: it is chosen on Choi's set 4 by
    ``tune_fallback`` (which ``make train`` runs next), not here."""
    import json

    try:
        return Fallback(**json.loads(path.read_text(encoding="utf-8"))["fallback"])
    except (OSError, ValueError, KeyError, TypeError):
        return Fallback()


def default_cache() -> Path:
    import tempfile

    return Path(tempfile.gettempdir()) / "corpuscut-features"


if __name__ == "__main__":
    raise SystemExit(main())

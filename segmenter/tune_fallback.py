"""Choose the unsupervised fallback's cost and prior on Choi's set 4, and write them into a
model file:

    python -m corpuscut.segmenter.tune_fallback --data ../shared/data [--out segmenter/data/model.json]

Set 4 (Brown-corpus texts of other categories, segments of 3-5, 6-8, 9-11, 12-15 and 3-15
sentences) is the tuning part; sets 1-3, whose 3-11 set is the literature's benchmark, are
the benchmark's and are never read here. Every pair (Dirichlet prior, prior scale) of the grid
is scored by its mean Pk over set 4's folders; the lowest wins. Then, with that pair, every
penalty on a cut before a discourse connective; the lowest wins again (no penalty on a tie).
Last, the word vectors: every pair (weight of the vectors' dispersion, prior scale with them),
with the Dirichlet prior and penalty chosen (they hold for languages without vectors too). The
vectors are kept only if they beat the fallback without them.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

from corpuscut.text.datafiles import read_json
from corpuscut.training import data_present

from .corpus import ChoiSample, read_choi
from .evaluate import Scores, offsets_to_text_lines, text_line_numbers
from .model import MODEL_RESOURCE, BoundaryModel, Fallback, load_model
from .splitting import Segmenter

#: None is U00's own cost (its Laplace-smoothed code length).
DIRICHLET_GRID: tuple[float | None, ...] = (None, 0.3, 0.4, 0.5, 0.6, 0.7)
PRIOR_SCALE_GRID: tuple[float, ...] = (0.6, 0.7, 0.8, 0.9, 1.0, 1.2)
CONNECTIVE_PENALTY_GRID: tuple[float, ...] = (0.0, 0.5, 1.0, 2.0, 4.0)
VECTOR_WEIGHT_GRID: tuple[float, ...] = (1.0, 1.5, 2.0, 2.5, 3.0)
VECTOR_PRIOR_SCALE_GRID: tuple[float, ...] = (1.0, 1.15, 1.3, 1.45, 1.6)


def choi_scores(segmenter: Segmenter, samples: list[ChoiSample]) -> Scores:
    """The segmenter's scores over Choi samples (the benchmark's and the tuner's alike)."""
    scores = Scores()
    for sample in samples:
        text = sample.text
        found = offsets_to_text_lines([a.start for a in segmenter.split(text)], text_line_numbers(text)[0])
        scores.add(set(sample.starts), found, len(sample.lines))
    return scores


def tune(model: BoundaryModel, sets: dict[str, list[ChoiSample]]) -> tuple[Fallback, list[tuple[Fallback, list[float]]]]:
    """The grid's best fallback by mean Pk over ``sets``, and every one's Pk per set."""
    base = replace(model.fallback or Fallback(), connective_penalty=0.0, vector_weight=0.0)
    scored: dict[Fallback, list[float]] = {}  # each candidate's Pk per set, in the order tried

    def best_of(candidates: list[Fallback]) -> Fallback:
        """The candidate of the lowest mean Pk (the first of equals); each is scored once."""
        for fallback in candidates:
            if fallback not in scored:
                segmenter = Segmenter(model=replace(model, fallback=fallback))
                scored[fallback] = [choi_scores(segmenter, samples).pk for samples in sets.values()]
        return min(candidates, key=lambda fallback: sum(scored[fallback]) / len(scored[fallback]))

    pair = best_of([replace(base, dirichlet=d, prior_scale=s) for d in DIRICHLET_GRID for s in PRIOR_SCALE_GRID])
    best = best_of([replace(pair, connective_penalty=p) for p in CONNECTIVE_PENALTY_GRID])
    vectors = best_of([
        replace(best, vector_weight=w, vector_prior_scale=s)
        for w in VECTOR_WEIGHT_GRID for s in VECTOR_PRIOR_SCALE_GRID
    ])
    best = best_of([best, vectors])
    return best, list(scored.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tune the segmenter's unsupervised fallback on Choi's set 4.")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--model", type=Path, default=None, help="model file to start from (default: the shipped one)")
    parser.add_argument("--out", type=Path, default=Path("segmenter/data/model.json"))
    args = parser.parse_args(argv)
    root = args.data / "choi" / "4"
    if not data_present(root, "tuning the fallback on Choi's set 4"):
        return 1
    sets = {folder.name: read_choi(folder) for folder in sorted(root.iterdir()) if folder.is_dir()}
    model = load_model(args.model)
    best, table = tune(model, sets)
    print(f"{'dirichlet':>9} {'scale':>5} {'connective':>10} {'vectors':>7} {'scale':>5}  "
          + " ".join(f"{name:>7}" for name in sets) + "     mean")
    for fallback, pks in table:
        mark = "  <- chosen" if fallback == best else ""
        with_vectors = f"{'-':>7} {'-':>5}"
        if fallback.vector_weight:
            with_vectors = f"{fallback.vector_weight:7.2f} {fallback.vector_prior_scale:5.2f}"
        print(f"{str(fallback.dirichlet):>9} {fallback.prior_scale:5.2f} {fallback.connective_penalty:10.1f} "
              + f"{with_vectors}  " + " ".join(f"{pk:7.4f}" for pk in pks) + f"  {sum(pks) / len(pks):7.4f}{mark}")
    data = read_json("corpuscut.segmenter", MODEL_RESOURCE, args.model)  # as it is, training notes included
    data["fallback"] = vars(best)
    data["fallback_tuned"] = "python -m corpuscut.segmenter.tune_fallback --data ../shared/data (Choi set 4, mean Pk)"
    args.out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

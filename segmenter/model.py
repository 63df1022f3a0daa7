"""The boundary model: a logistic regression over gap features, weights in a data file."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from corpuscut.text.datafiles import read_json
from .errors import SegmenterError
from .features import COVERS, FEATURES, REASONS, STRONG_CUES
from .lexical import LexicalParams

if TYPE_CHECKING:
    import numpy as np

MODEL_RESOURCE = "data/model.json"


@dataclass(frozen=True)
class Fallback:
    """When a text of short lines has no cue at all, segment it by vocabulary alone: U00's
    dynamic programme with the Dirichlet-multinomial cost (``dirichlet``; None: U00's own) and
    ``prior_scale`` times U00's prior on a cut, log(words); a cut before a line that begins with
    a discourse connective (the cue list ``connective``: "But", "However") costs
    ``connective_penalty`` more. Where the language has word vectors (:mod:`segmenter.vectors`),
    each segment also costs ``vector_weight`` times its words' dispersion, and the prior on a
    cut is ``vector_prior_scale`` times log(words) instead. The values are chosen on Choi's
    set 4 by ``python -m corpuscut.segmenter.tune_fallback`` (sets 1-3 are the benchmark's)."""

    #: A text of fewer lines is the boundary model's (shipped: 24; Choi's samples hold 32 and
    #: more): on a short story of a sentence a line the fallback started a topic wherever the
    #: story turned.
    min_lines: int = 10
    max_median_words: int = 40
    max_lines: int = 200
    dirichlet: float | None = 0.5
    prior_scale: float = 0.7
    connective_penalty: float = 0.0
    vector_weight: float = 0.0
    vector_prior_scale: float = 0.7


@dataclass(frozen=True)
class BoundaryModel:
    """Weights per feature and a bias; ``logit`` scores one gap."""

    weights: tuple[float, ...]
    bias: float
    names: tuple[str, ...] = FEATURES
    min_words: int = 20
    short_penalty: float = 6.0
    #: Cuts scored at least this are kept as they are; between them the lexical programme runs.
    sure_logit: float = 3.0
    lexical: LexicalParams | None = None
    fallback: Fallback | None = None
    #: Platt scaling of a chosen cut's logit to the probability that the cut is a real article
    #: start (slope, intercept), fitted on held-apart training dumps; (1, 0) is the raw logistic.
    calibration: tuple[float, float] = (1.0, 0.0)

    def probability(self, logit: float) -> float:
        """How likely a cut of this logit, once the decoder chose it, is a real article start."""
        slope, intercept = self.calibration
        return sigmoid(slope * logit + intercept)

    def logit(self, row: list[float]) -> float:
        return self.bias + sum(w * x for w, x in zip(self.weights, row))

    def logits(self, rows: "list[list[float]] | np.ndarray") -> list[float]:
        """``logit`` of every row (a list of rows, or a matrix) at once."""
        import numpy as np

        if len(rows) == 0:
            return []
        return (np.asarray(rows, dtype=np.float64) @ np.asarray(self.weights) + self.bias).tolist()

    def evidence(self, row: list[float]) -> tuple[tuple[str, float], ...]:
        """Every non-zero contribution to the gap's log-odds, the bias included, largest first."""
        pushes = [(name, round(w * x, 3)) for w, x, name in zip(self.weights, row, self.names) if w * x]
        pushes.append(("bias", round(self.bias, 3)))
        return tuple(sorted(pushes, key=lambda p: -abs(p[1])))

    def reasons(self, row: list[float], threshold: float = 0.5) -> list[str]:
        """The cues that pushed this gap towards a boundary, strongest first."""
        pushes = [(w * x, name) for w, x, name in zip(self.weights, row, self.names) if w * x >= threshold]
        return self._named(pushes, row)

    def reasons_of(self, rows: "np.ndarray", threshold: float = 0.5) -> list[list[str]]:
        """``reasons`` of each row of a matrix of gap features (the same lists), the pushes of
        all rows found at once: a text has a cut every few lines."""
        import numpy as np

        pushes = rows * np.asarray(self.weights)
        at, column = np.nonzero(pushes >= threshold)
        found: list[list[tuple[float, str]]] = [[] for _ in range(len(rows))]
        for r, c, push in zip(at.tolist(), column.tolist(), pushes[at, column].tolist()):
            found[r].append((push, self.names[c]))
        return [self._named(row_pushes, rows[r]) for r, row_pushes in enumerate(found)]

    def _named(self, pushes: list[tuple[float, str]], row: "Sequence[float]") -> list[str]:
        """The reasons for a gap's pushes (each feature's push and name, those over the threshold)."""
        out: list[str] = []
        # Strong cues first: they are what a reader checks.
        for _, name in sorted(pushes, key=lambda p: (p[1] != "strong_cue", -p[0])):
            # The shared "strong cue" stands for whichever strong cues fired: name those.
            if name == "strong_cue":
                named = [n for n, column in _strong_columns(self.names) if row[column]]
            else:
                named = [name]
            out.extend(REASONS[n] for n in named if REASONS[n] not in out)
        for said, covered in _COVERED:  # a reason that says another's already
            if said in out:
                out = [r for r in out if r not in covered]
        return out

    def to_json(self, **meta: object) -> str:
        body = {
            "features": list(self.names),
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "min_words": self.min_words,
            "short_penalty": self.short_penalty,
            "sure_logit": self.sure_logit,
            "lexical": None if self.lexical is None else {
                "lexical_weight": self.lexical.lexical_weight,
                "cue_weight": self.lexical.cue_weight,
                "max_blocks": self.lexical.max_blocks,
                "candidate_logit": self.lexical.candidate_logit,
                "vocab_size": self.lexical.vocab_size,
                "segment_cost": self.lexical.segment_cost,
            },
            "fallback": None if self.fallback is None else vars(self.fallback),
            "calibration": {"slope": round(self.calibration[0], 6), "intercept": round(self.calibration[1], 6)},
            **meta,
        }
        return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


@lru_cache(maxsize=8)
def _strong_columns(names: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """The strong cues among ``names``, each with its column (the last, where a name repeats)."""
    columns = {name: i for i, name in enumerate(names)}
    return tuple((name, columns[name]) for name in STRONG_CUES if name in columns)


#: Each reason that says others already, with those others.
_COVERED = tuple((REASONS[name], frozenset(REASONS[c] for c in covered)) for name, covered in COVERS.items())


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def load_model(path: Path | str | None = None) -> BoundaryModel:
    """Load the shipped model, or one written by ``python -m corpuscut.segmenter.train``."""
    try:
        data = read_json("corpuscut.segmenter", MODEL_RESOURCE, path)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SegmenterError(f"boundary model {path or MODEL_RESOURCE} cannot be loaded: {exc}") from exc
    names = tuple(data["features"])
    if names != FEATURES:
        raise SegmenterError(
            f"boundary model {path or MODEL_RESOURCE} was trained on other features; retrain it with "
            "`python -m corpuscut.segmenter.train`"
        )
    return BoundaryModel(
        weights=tuple(float(w) for w in data["weights"]),
        bias=float(data["bias"]),
        names=names,
        min_words=int(data.get("min_words", 20)),
        short_penalty=float(data.get("short_penalty", 6.0)),
        sure_logit=float(data.get("sure_logit", 3.0)),
        lexical=LexicalParams(**data["lexical"]) if data.get("lexical") else None,
        fallback=Fallback(**data["fallback"]) if data.get("fallback") else None,
        calibration=(float(data["calibration"]["slope"]), float(data["calibration"]["intercept"]))
        if data.get("calibration") else (1.0, 0.0),
    )

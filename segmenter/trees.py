"""Gradient-boosted decision trees for log-odds, small enough to keep in a JSON file and to explain.

Each tree is shallow (a few splits on one feature each); the log-odds of a row is the bias plus
the sum of the leaves its path reaches. A row's log-odds is explained feature by feature (the
method of Saabas): every split on the path moves the expected value from the node's to the
child's, and that move is credited to the feature split on; the credits and the bias add up to
the log-odds exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Trees:
    """Trees stored as flat arrays, one row per node; a leaf has ``feature`` -1.

    ``left``/``right`` index the children; a row goes left where its value is at most the
    node's ``threshold``. ``value`` is the node's expected log-odds contribution (its leaf value
    for a leaf, its training rows' weighted mean for an inner node); ``roots`` the first node of
    each tree."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    bias: float

    def logits(self, rows: np.ndarray) -> np.ndarray:
        rows = np.asarray(rows, dtype=float)
        out = np.full(len(rows), self.bias)
        if not len(rows):
            return out
        index = np.arange(len(rows))
        feature, threshold, left, right, depth = self._walk
        for root in self.roots:
            node = np.full(len(rows), root)
            for _ in range(depth):
                node = np.where(rows[index, feature[node]] <= threshold[node], left[node], right[node])
            out += self.value[node]
        return out

    @cached_property
    def _walk(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, int]:
        """The nodes as a walk of fixed length needs them: a leaf leads to itself (feature 0,
        an infinite threshold), and the number of steps from a root to its deepest leaf."""
        leaf = self.feature < 0
        own = np.arange(len(self.feature))
        depth = np.zeros(len(self.feature), dtype=np.int64)
        for node in range(len(self.feature)):  # children come after their parent
            if not leaf[node]:
                depth[self.left[node]] = depth[self.right[node]] = depth[node] + 1
        return (np.where(leaf, 0, self.feature), np.where(leaf, np.inf, self.threshold), np.where(leaf, own, self.left),
                np.where(leaf, own, self.right), int(depth.max()) if len(depth) else 0)

    def contributions(self, row: np.ndarray, features: int) -> np.ndarray:
        """Each feature's share of one row's log-odds; with the bias and the trees' root values
        (:meth:`base`) they add up to :meth:`logits`."""
        out = np.zeros(features)
        for root in self.roots:
            node = root
            while self.feature[node] >= 0:
                child = self.left[node] if row[self.feature[node]] <= self.threshold[node] else self.right[node]
                out[self.feature[node]] += self.value[child] - self.value[node]
                node = child
        return out

    @property
    def base(self) -> float:
        """The log-odds of a row before any split: the bias and every root's expected value."""
        return float(self.bias + self.value[self.roots].sum())

    def to_json(self) -> dict[str, Any]:
        return {
            "feature": self.feature.tolist(), "threshold": [round(float(t), 6) for t in self.threshold],
            "left": self.left.tolist(), "right": self.right.tolist(),
            "value": [round(float(v), 6) for v in self.value], "roots": self.roots.tolist(),
            "bias": round(self.bias, 6),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Trees":
        return cls(
            np.asarray(data["feature"], dtype=np.int64), np.asarray(data["threshold"], dtype=float),
            np.asarray(data["left"], dtype=np.int64), np.asarray(data["right"], dtype=np.int64),
            np.asarray(data["value"], dtype=float), np.asarray(data["roots"], dtype=np.int64), float(data["bias"]),
        )


def fit_trees(
    x: np.ndarray, y: np.ndarray, weight: np.ndarray | None = None, rounds: int = 120, depth: int = 3,
    rate: float = 0.15, l2: float = 1.0, min_hessian: float = 5.0, bins: int = 32,
) -> Trees:
    """Newton boosting of the logistic loss (as XGBoost does), each split chosen among ``bins``
    quantile thresholds of each feature. Deterministic: the same data gives the same trees."""
    n, d = x.shape
    w = np.ones(n) if weight is None else np.asarray(weight, dtype=float)
    keep = w > 0
    x, y, w = x[keep], y[keep], w[keep]
    n = len(y)
    prior = float(np.clip((w * y).sum() / w.sum(), 1e-6, 1 - 1e-6))
    bias = float(np.log(prior / (1 - prior)))
    # each feature's candidate thresholds and every row's bin under them
    edges = []
    binned = np.zeros((n, d), dtype=np.int64)
    for f in range(d):
        cuts = np.unique(np.quantile(x[:, f], np.linspace(0, 1, bins + 1)[1:-1]))
        edges.append(cuts)
        binned[:, f] = np.searchsorted(cuts, x[:, f], side="left")
    margin = np.full(n, bias)
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    roots: list[int] = []

    def add_node() -> int:
        feature.append(-1)
        threshold.append(0.0)
        left.append(-1)
        right.append(-1)
        value.append(0.0)
        return len(feature) - 1

    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-margin))
        g = w * (p - y)
        h = w * p * (1 - p)
        root = add_node()
        roots.append(root)
        update = np.zeros(n)
        stack = [(root, np.arange(n), 0)]
        while stack:
            node, rows, level = stack.pop()
            gs, hs = g[rows].sum(), h[rows].sum()
            value[node] = -rate * gs / (hs + l2)
            if level >= depth or hs < 2 * min_hessian:
                update[rows] = value[node]
                continue
            best = (0.0, -1, 0)
            parent = gs * gs / (hs + l2)
            for f in range(d):
                k = len(edges[f]) + 1
                if k < 2:
                    continue
                gb = np.bincount(binned[rows, f], weights=g[rows], minlength=k)
                hb = np.bincount(binned[rows, f], weights=h[rows], minlength=k)
                gl, hl = np.cumsum(gb)[:-1], np.cumsum(hb)[:-1]
                gr, hr = gs - gl, hs - hl
                ok = (hl >= min_hessian) & (hr >= min_hessian)
                gain = np.where(ok, gl * gl / (hl + l2) + gr * gr / (hr + l2) - parent, 0.0)
                b = int(np.argmax(gain))
                if gain[b] > best[0]:
                    best = (float(gain[b]), f, b)
            if best[1] < 0:
                update[rows] = value[node]
                continue
            _, f, b = best
            feature[node], threshold[node] = f, float(edges[f][b])
            goes_left = binned[rows, f] <= b
            lo, hi = add_node(), add_node()
            left[node], right[node] = lo, hi
            stack.append((lo, rows[goes_left], level + 1))
            stack.append((hi, rows[~goes_left], level + 1))
        margin += update
    return Trees(
        np.asarray(feature, dtype=np.int64), np.asarray(threshold, dtype=float), np.asarray(left, dtype=np.int64),
        np.asarray(right, dtype=np.int64), np.asarray(value, dtype=float), np.asarray(roots, dtype=np.int64), bias,
    )

"""The logistic regression over standardised features that the body and headline models are."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Logistic:
    """A logistic regression over standardised features."""

    weights: np.ndarray
    bias: float
    mean: np.ndarray
    scale: np.ndarray

    def logits(self, rows: np.ndarray) -> np.ndarray:
        return ((rows - self.mean) / self.scale) @ self.weights + self.bias

    def contributions(self, rows: np.ndarray) -> np.ndarray:
        return ((rows - self.mean) / self.scale) * self.weights

    def to_json(self) -> dict[str, Any]:
        return {
            "weights": [round(float(w), 6) for w in self.weights], "bias": round(float(self.bias), 6),
            "mean": [round(float(m), 6) for m in self.mean], "scale": [round(float(v), 6) for v in self.scale],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Logistic":
        return cls(np.asarray(data["weights"], dtype=float), float(data["bias"]),
                   np.asarray(data["mean"], dtype=float), np.asarray(data["scale"], dtype=float))

"""What both libraries' training and benchmarks share: the logistic regression their models
are fitted as, the fixed held-out part of the BBC News Summary corpus, and the check that the
shared data folder is there."""

from __future__ import annotations

from pathlib import Path

import numpy as np


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, iterations: int = 50,
                 sample_weight: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """Weights and bias of an L2-regularised logistic regression (the bias is not penalised);
    ``sample_weight`` (one per row, 1 by default) is how much each row's loss counts."""
    n, d = x.shape
    s = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    reg = np.full(d + 1, l2)
    reg[-1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (s * (p - y)) + reg * w
        hess = (xb * (s * p * (1 - p))[:, None]).T @ xb + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def is_heldout(number: int) -> bool:
    """The BBC corpus's fixed split: file numbers divisible by 5 are the held-out part."""
    return number % 5 == 0


def data_present(path: Path, what: str) -> bool:
    """True when ``path`` exists; otherwise say on stderr that ``what`` is skipped, and why.
    Training and benchmarks read the shared data folder, which a checkout may not have."""
    if path.exists():
        return True
    import sys

    print(f"SKIPPED {what}: {path} not found (the shared data is read from ../shared/data beside the repo)",
          file=sys.stderr)
    return False

"""How long a summary is: a sentence count, a ratio of the sentences, or a word budget."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .errors import BadLengthError


@dataclass(frozen=True)
class Length:
    """At most one of ``sentences``, ``ratio`` or ``words`` decides the summary's length; none:
    the method's default (our method's word budget; three sentences for the others)."""

    sentences: int | None = None
    ratio: float | None = None
    words: int | None = None

    def __post_init__(self) -> None:
        if self.ratio is not None and not 0.0 < self.ratio <= 1.0:
            raise BadLengthError(f"ratio must be above 0 and at most 1, not {self.ratio}")
        if self.words is not None and self.words < 1:
            raise BadLengthError(f"word budget must be at least 1, not {self.words}")
        if self.sentences is not None and self.sentences < 0:
            raise BadLengthError(f"sentence count must be 0 or more, not {self.sentences}")

    @property
    def is_default(self) -> bool:
        return self.sentences is None and self.ratio is None and self.words is None

    def count(self, total: int) -> int:
        """Sentences to pick out of ``total`` (before any word budget)."""
        if self.words is not None:
            return total
        if self.ratio is not None:
            return min(total, max(1, math.ceil(self.ratio * total))) if total else 0
        return min(total, self.sentences if self.sentences is not None else 3)

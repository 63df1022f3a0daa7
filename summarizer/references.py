"""Reference summaries in the BBC News Summary layout (articles/T/N.txt, summaries/T/N.txt),
for training and benchmarking the summarizer. Reference sentences are the article's sentences
that occur in the summary (whose sentences are glued without spaces)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from corpuscut.segmenter import decode_bytes
from corpuscut.segmenter.corpus import is_heldout
from .sentences import split_sentences

_GLUED = re.compile(r"(?<=[.!?\"'])(?=[A-Z])")


@dataclass(frozen=True)
class Case:
    name: str
    article: str
    reference: list[str]  # reference sentences, in order


def _norm(text: str) -> str:
    return " ".join(text.split())


def load_cases(root: Path, part: str, limit: int | None = None) -> list[Case]:
    """Articles of ``part`` (train or heldout) with their reference summary sentences."""
    out = []
    for path in sorted((root / "articles").glob("*/*.txt")):
        if (part == "heldout") != is_heldout(int(path.stem)):
            continue
        summary_path = root / "summaries" / path.parent.name / path.name
        if not summary_path.exists():
            continue
        article, _ = decode_bytes(path.read_bytes(), str(path))
        summary, _ = decode_bytes(summary_path.read_bytes(), str(summary_path))
        flat = _norm(summary)
        found = [_norm(s.text) for s in split_sentences(article) if _norm(s.text) in flat]
        if sum(len(s) for s in found) < 0.8 * len(flat.replace(" ", "")) - 5:
            found = [s for s in (_norm(p) for p in _GLUED.split(flat)) if s]
        if found:
            out.append(Case(f"{path.parent.name}/{path.name}", article, found))
    out.sort(key=lambda c: c.name)
    return out[:limit] if limit else out

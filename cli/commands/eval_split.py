"""``corpuscut eval split``: how well the segmenter finds the known article starts of a dump."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer

from corpuscut.reading import STDIN, Document, InputError
from corpuscut.segmenter import Segmenter
from corpuscut.segmenter.evaluate import GoldMismatch, Scores, offsets_to_text_lines, read_gold, text_line_numbers
from corpuscut.text.language import Language

from ..environment import Environment
from ..errors import UsageError
from ..options import Options, command
from ..render import OutputFormat
from ..run import document_events, run
from ..tools import batch_job

EXAMPLE = "corpuscut eval split samples/bbc-noisy.txt --gold samples/bbc-noisy.gold.jsonl"

Dump = Annotated[Path, typer.Argument(metavar="DUMP", help="The dump to split (- for standard input).")]
Gold = Annotated[
    Path,
    typer.Option("--gold", "-g", metavar="GOLD", exists=True, dir_okay=False,
                 help="Article starts: JSON Lines with start (offset) or line, a JSON array of such records or of offsets ([0, 652, 1258]), or the dump with ========== lines between articles."),
]


#: eval split writes to stdout only: no --output, so no format from a file's extension, and no parquet.
FORMAT_HELP = "auto (rich on a terminal, jsonl when piped), rich, text, json, jsonl, markdown, csv or tsv."


@command("fmt", "encoding", "cues", "language", "color", "no_color", "quiet", helps={"fmt": FORMAT_HELP})
def eval_split(env: Environment, dump: Dump, gold: Gold, opts: Options) -> None:
    """Split DUMP and score the boundaries against GOLD: precision, recall, F1, Pk, WindowDiff."""
    if opts.fmt is OutputFormat.parquet:
        raise UsageError("--format parquet writes a file, and eval split writes to standard output: "
                         "use rich, text, json, jsonl, markdown, csv or tsv")
    if str(dump) != STDIN:  # checked here, not by Typer, which would refuse "-"
        if dump.is_dir():
            raise UsageError(f"DUMP: file '{dump}' is a directory")
        if not dump.exists():
            raise UsageError(f"DUMP: file '{dump}' does not exist")
    job = batch_job(opts)

    def records_of(doc: Document, language: Language) -> list[dict[str, Any]]:
        return [scores_record(doc, gold, job.on(language).segmenter())]

    opts = replace(opts, inputs=[str(dump)])
    run(env, opts, document_events(env, opts, records_of), kind="eval")


def scores_record(doc: Document, gold: Path, segmenter: Segmenter) -> dict[str, Any]:
    """One record of the scores of ``segmenter`` on ``doc`` against the starts in ``gold``."""
    try:
        gold_starts = read_gold(gold, doc.text)
    except GoldMismatch as exc:
        raise InputError(str(gold), f"{exc}") from None
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise InputError(str(gold), f"not a gold file this tool reads: {exc}") from None
    found = [a.start for a in segmenter.split(doc.text)]
    text_starts, _ = text_line_numbers(doc.text)
    scores = Scores()
    scores.add(offsets_to_text_lines(gold_starts, text_starts), offsets_to_text_lines(found, text_starts), len(text_starts))
    gold_lines, found_lines = _line_numbers(doc.text, gold_starts), _line_numbers(doc.text, found)
    return {
        "source": doc.source, "gold_articles": len(gold_starts), "found_articles": len(found),
        "precision": round(scores.precision, 4), "recall": round(scores.recall, 4), "f1": round(scores.f1, 4),
        "pk": round(scores.pk, 4), "windowdiff": round(scores.windowdiff, 4), "exact_rate": round(scores.exact_rate, 4),
        "missed": sorted(gold_lines - found_lines), "extra": sorted(found_lines - gold_lines),
    }


def _line_numbers(text: str, offsets: list[int]) -> set[int]:
    """The 1-based line on which each offset's article starts (its first line with text)."""
    lines = set()
    for offset in offsets:
        while offset < len(text) and text[offset] in "\r\n":
            offset += 1
        lines.add(text.count("\n", 0, offset) + 1)
    return lines

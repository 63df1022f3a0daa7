"""Snapshots of the rich output, rendered by a recording Console of a fixed width."""

from __future__ import annotations

import dataclasses
import io
import os

import pytest
from rich.console import Console

from corpuscut.cli.records import digest_record
from corpuscut.cli.render import RichWriter
from corpuscut.cli.screen import View, dump_map
from corpuscut.segmenter import read_document
from corpuscut.summarizer import digest
from tests.conftest import ROOT, SEED

CAPTURES = ROOT / "tests" / "captures"


def _render(view: View, width: int) -> str:
    doc = dataclasses.replace(read_document(str(SEED)), source="samples/kursk-taiwan-dump.txt")
    records = [digest_record(doc, a, s, "english") for a, s in digest(doc.text)]
    console = Console(record=True, width=width, file=io.StringIO(), force_terminal=True, color_system="truecolor")
    writer = RichWriter(console, "digest", view)
    writer.start(doc)
    writer.emit(doc, records, 0.0)
    writer.finish(doc, 0.0)
    writer.close()
    return console.export_text()


@pytest.mark.parametrize("view, width", [(View.panels, 100), (View.table, 120), (View.overview, 100)],
                         ids=["panels-100", "table-120", "overview-100"])
def test_rich_output_matches_its_snapshot(view, width):
    shown = _render(view, width)
    assert all(len(line) <= width for line in shown.splitlines())
    snapshot = CAPTURES / f"rich-seed-{view.value}-{width}.txt"
    if not snapshot.exists() or os.environ.get("UPDATE_CAPTURES"):
        snapshot.write_text(shown, encoding="utf-8")
    assert shown == snapshot.read_text(encoding="utf-8")


def test_no_color_output_has_no_escape_codes(run):
    shown = run(["digest", "-f", "rich", "--no-color", str(SEED)], tty=True).out_text
    assert "\x1b[" not in shown and "5 articles" in shown
    coloured = run(["digest", "-f", "rich", str(SEED)], tty=True).out_text
    assert "5 articles" in coloured


def test_dump_map_gives_each_article_a_span_in_proportion_and_a_spark_per_cut():
    records = [{"index": 1, "start": 0, "score": 1.0}, {"index": 2, "start": 50, "score": 0.5}]
    bar, spark = dump_map(records, 100, 20)
    assert len(bar.plain) == 20 and bar.plain.startswith("1") and bar.plain[10] == "2"
    assert spark.plain[0] == "█" and spark.plain[10] in "▄▅"


def test_the_markdown_report_keeps_no_article_text_in_memory_until_its_input_is_done():
    """Its heading counts the articles, so sections wait for the input's end: on disk past 1 MB."""
    from corpuscut.cli.render import MarkdownWriter

    class Doc:
        source, encoding, size_bytes = "dump.txt", "utf-8", 2_000_000

    out = io.StringIO()
    writer = MarkdownWriter(out)
    writer.start(Doc())
    text = "Storm hits the coast again. " * 40_000
    held = [writer.hold({"index": i, "title": f"Storm {i}", "start_line": i, "end_line": i, "words": 5,
                         "reasons": ["blank line"], "score": 0.9, "text": text}) for i in (1, 2)]
    assert all("text" not in record for record in held)
    assert writer.spool is not None and writer.spool._rolled  # on disk, not in memory
    writer.emit(Doc(), held, 0.0)
    report = out.getvalue()
    assert report.startswith("# dump.txt\n\n") and "2 articles" in report
    assert report.count("## ") == 2 and report.count("Storm hits the coast again.") == 80_000


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_json_lines_reach_a_byte_stream_as_they_reach_a_text_one(encoding):
    """Written to a UTF-8 stream's bytes, or through text where the stream's encoding is another."""
    from corpuscut.cli.render import JsonlWriter

    records = [{"index": 1, "title": "Café «news»", "text": "Zürich\n\u2028line ends\r\nkept"}, {"index": 2, "text": ""}]
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
    text = io.StringIO()
    for out in (stream, text):
        writer = JsonlWriter(out)
        writer.emit(None, records[:1], 0.0)  # type: ignore[arg-type]
        writer.emit(None, records[1:], 0.0)  # type: ignore[arg-type]
        writer.close()
    assert raw.getvalue() == text.getvalue().encode(encoding, "replace")

from __future__ import annotations

import gzip
import json

import pytest

from corpuscut.segmenter import wcxb

PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><title>Otters return | River News</title>
<style>body { color: red }</style><script>var menu = "Home";</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<div class="cookie">We use cookies. <a href="#">Accept all</a></div>
<article><h1>Otters   return to the
river</h1>
<p>Otters have been seen on the river for the first time in <b>forty</b> years, volunteers said.</p>
<p>The animals were spotted near the old mill&nbsp;bridge on Tuesday morning.<br>Nobody expected them.</p>
<noscript>Please enable JavaScript</noscript>
<pre>line one
line two</pre>
</article>
<footer>&copy; 2024 River News. All rights reserved.</footer>
</body></html>"""

MAIN = (
    "Otters have been seen on the river for the first time in forty years, volunteers said.\n\n"
    "The animals were spotted near the old mill bridge on Tuesday morning.\nNobody expected them."
)


def test_page_text_keeps_furniture_drops_scripts_and_breaks_lines_at_blocks():
    text, language = wcxb.page_text(PAGE)
    assert language == "en"
    assert text.split("\n") == [
        "Otters return | River News",
        "Home",
        "News",
        "We use cookies. Accept all",
        "Otters return to the river",
        "Otters have been seen on the river for the first time in forty years, volunteers said.",
        "The animals were spotted near the old mill bridge on Tuesday morning.",
        "Nobody expected them.",
        "line one",
        "line two",
        "© 2024 River News. All rights reserved.",
    ]


def test_standard_library_parser_gives_the_same_text_as_lxml():
    pytest.importorskip("lxml")
    collector = wcxb._TextCollector()
    assert wcxb._page_text_stdlib(PAGE, collector) == wcxb.page_text(PAGE)


def test_gold_span_covers_the_main_content_lines_and_nothing_around_them():
    text, _ = wcxb.page_text(PAGE)
    start, end, recall = wcxb.gold_span(text, MAIN)
    assert text[start:end] == (
        "Otters have been seen on the river for the first time in forty years, volunteers said.\n"
        "The animals were spotted near the old mill bridge on Tuesday morning.\n"
        "Nobody expected them."
    )
    assert recall == 1.0


def test_main_lines_mark_the_lines_that_hold_the_main_text_and_not_a_caption_between_them():
    text = ("Home\nOtters have been seen on the river for the first time in forty years, volunteers said.\n"
            "Photo: River News\nThe animals were spotted near the old mill bridge on Tuesday morning.\n"
            "Nobody expected them.\nShare")
    assert wcxb.main_lines(text, MAIN) == [False, True, False, True, True, False]


def test_gold_span_is_empty_when_the_page_text_lacks_the_main_content():
    assert wcxb.gold_span("Home\nNews\nLog in", MAIN) == (0, 0, 0.0)


def test_held_out_part_is_fixed_by_the_file_id_and_about_three_tenths():
    ids = [f"{i:04d}" for i in range(1, 1001)]
    held = [i for i in ids if wcxb.is_held_out(i)]
    assert held == [i for i in ids if wcxb.is_held_out(i)]
    assert 250 < len(held) < 350


def test_decode_html_follows_the_declared_charset():
    raw = '<meta charset="iso-8859-1"><p>café</p>'.encode("latin-1")
    assert "café" in wcxb.decode_html(raw)
    assert wcxb.decode_html("<p>naïve</p>".encode("utf-8")) == "<p>naïve</p>"


def test_read_pages_reads_a_folder_and_filters_by_split_and_type(tmp_path):
    (tmp_path / "html").mkdir()
    entries = []
    for file_id, kind in (("0001", "article"), ("0002", "product"), ("0003", "article")):
        with gzip.open(tmp_path / "html" / f"{file_id}.html.gz", "wb") as out:
            out.write(PAGE.encode("utf-8"))
        entries.append({"file": f"{file_id}.json", "file_id": file_id, "url": f"https://example.org/{file_id}",
                        "_internal": {"page_type": {"primary": kind}},
                        "ground_truth": {"title": "Otters return to the river", "main_content": MAIN}})
    with gzip.open(tmp_path / "ground-truth.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write("\n".join(json.dumps(e) for e in entries) + "\n")
    pages = list(wcxb.read_pages(tmp_path, page_types=["article"]))
    assert [p.file_id for p in pages] == ["0001", "0003"]
    first = pages[0]
    assert (first.url, first.language, first.page_type, first.title) == (
        "https://example.org/0001", "en", "article", "Otters return to the river")
    assert first.text[first.body_start:first.body_end].startswith("Otters have been seen")
    assert first.extracted is None
    held = {p.file_id for p in wcxb.read_pages(tmp_path, split="held-out")}
    train = {p.file_id for p in wcxb.read_pages(tmp_path, split="train")}
    assert held | train == {"0001", "0002", "0003"} and not held & train
    assert held == {i for i in ("0001", "0002", "0003") if wcxb.is_held_out(i)}


def test_a_title_is_the_same_without_the_sites_name_or_a_leading_article_but_not_without_a_subtitle():
    url = "https://spice.ai/blog/introducing-cayenne"
    assert wcxb.same_title("Introducing Cayenne | Spice AI", "Introducing Cayenne", url)
    assert wcxb.same_title("The Best Kettles of 2026", "best kettles of 2026\u2026")
    assert not wcxb.same_title("Financial Planning - Tips for Gen Z", "Financial Planning", "https://reith.com/blog/x")
    assert not wcxb.same_title("Introducing Cayenne", "Introducing Cayenne Today", url)

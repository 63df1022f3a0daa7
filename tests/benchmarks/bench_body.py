"""Article bodies in crude page text: the held-out WCXB article pages, against trafilatura.

    python -m tests.benchmarks.bench_body --data ../shared/data

Each held-out WCXB article page (``segmenter.wcxb``: a hash of the file id, never tuned on) is
turned into the text a crude ``get_text`` scraper keeps, menus and footers included. Printed:

- the word-level F1 (bag of lower-cased words) of its body against the hand-checked main text,
  the page taken as one article (the body finder alone), and trafilatura's F1 on the same pages
  from the HTML, in the same run;
- the share of pages whose title (the headline the body finder names, as a record of the page
  gets it) is the hand-checked title: the same lower-cased words, a site's name as the last
  part of either and a leading article left out (``segmenter.wcxb.same_title``), and as the
  same lower-cased words, site name and all (the comparison before);
- the same F1 and title end to end: each page split as one input, the bodies of all its
  articles joined, the title of the article with the longest body;
- the share of clean articles (the seed dump's and the BBC held-out articles, headline and
  paragraphs) whose body is the whole article, and the speed of split with bodies on one core;
- the share of held-out Reuters-21578 wire stories, each run into one line (headline, byline,
  dateline and first paragraph), whose record's title is the story's headline alone.
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Callable

from corpuscut.segmenter import Segmenter
from corpuscut.segmenter.body import find_body
from corpuscut.segmenter.corpus import SourceArticle
from corpuscut.segmenter.sources import load_reuters
from corpuscut.training import data_present
from corpuscut.segmenter.train_body import MIN_GOLD_RECALL, clean_articles, word_f1
from corpuscut.segmenter.wcxb import read_pages, same_title, words
from tests.benchmarks.common import data_arg
from tests.conftest import SEED


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    data_arg(parser)
    parser.add_argument("--limit", type=int, default=0, help="only the first N held-out pages (a quick look)")
    parser.add_argument("--show", type=int, default=0, help="print the first N pages' titles and body ends")
    args = parser.parse_args(argv)
    folder = args.data / "wcxb-dev"
    if not data_present(folder, "the article-body benchmark"):
        return
    try:
        import trafilatura  # noqa: F401

        extract = True
    except ImportError:
        extract = False
        print("trafilatura not installed (pip install 'corpuscut[warc]'): its column is left out")
    segmenter = Segmenter()
    pages = list(read_pages(folder, split="held-out", page_types=["article"], extract=extract))
    if args.limit:
        pages = pages[: args.limit]
    rows = []
    body_seconds = split_seconds = 0.0
    for n, page in enumerate(pages):
        started = time.process_time()
        body = find_body(page.text)
        body_seconds += time.process_time() - started
        started = time.process_time()
        articles = segmenter.split(page.text)
        split_seconds += time.process_time() - started
        title = body.headline or page.text.split("\n", 1)[0]
        longest = max(articles, key=lambda a: len(a.body))
        rows.append((
            word_f1(page.text[body.start:body.end], page.main_content),
            word_f1(page.extracted or "", page.main_content) if extract else 0.0,
            same_title(title, page.title, page.url),
            word_f1("\n".join(a.body for a in articles), page.main_content),
            same_title(longest.title, page.title, page.url),
            page.gold_recall >= MIN_GOLD_RECALL,
            words(title.rstrip("\u2026")) == words(page.title.rstrip("\u2026")),
        ))
        if n < args.show:
            main = page.text[body.start:body.end]
            print(f"{page.file_id}  F1 {rows[-1][0]:.2f}  title {'ok ' if rows[-1][2] else 'BAD'} {title!r}"
                  f"  (gold {page.title!r})\n    body starts {main[:100]!r}\n    body ends   {main[-100:]!r}")
    size = sum(len(p.text.encode("utf-8")) for p in pages)
    good = [r for r in rows if r[5]]

    def mean(column: int, part: list[tuple] = rows) -> str:
        return f"{statistics.mean(r[column] for r in part):.3f}"

    print(f"WCXB held-out article pages: {len(pages)} pages, {size / 1e6:.2f} MB of crude page text; "
          f"{len(good)} hold at least {MIN_GOLD_RECALL:.0%} of their main text's words")
    print(f"{'':40} {'all pages':>10} {'text holds main':>16}")
    print(f"{'body word F1, page as one article':40} {mean(0):>10} {mean(0, good):>16}")
    if extract:
        print(f"{'trafilatura word F1 (from the HTML)':40} {mean(1):>10} {mean(1, good):>16}")
    print(f"{'title = headline, page as one article':40} {mean(2):>10} {mean(2, good):>16}")
    print(f"{'  the same words, site name and all':40} {mean(6):>10} {mean(6, good):>16}")
    print(f"{'body word F1, split end to end':40} {mean(3):>10} {mean(3, good):>16}")
    print(f"{'title = headline, split end to end':40} {mean(4):>10} {mean(4, good):>16}")
    print(f"bodies alone: {size / 1e6 / body_seconds:.2f} MB/CPU-s; split with bodies: "
          f"{size / 1e6 / split_seconds:.2f} MB/CPU-s ({split_seconds:.2f} CPU-s)")

    clean = [a.text for a in segmenter.split(SEED.read_text(encoding="utf-8"))]
    bbc = args.data / "bbc-news-summary"
    if data_present(bbc / "articles", "the BBC clean-article check (the seed's runs)"):
        clean += clean_articles(args.data, "heldout")
    started = time.process_time()
    kept = [find_body(text) for text in clean]
    body_seconds = time.process_time() - started
    whole = sum(b.start == 0 and b.end == len(t) for b, t in zip(kept, clean))
    print(f"clean articles (seed + BBC held-out) kept whole: {whole}/{len(clean)} = {whole / len(clean):.4f}")
    dump = "".join(clean)
    seconds = min(_timed(segmenter.split, dump) for _ in range(3))
    mb = len(dump.encode("utf-8")) / 1e6
    print(f"clean dump ({mb:.2f} MB): bodies alone {mb / body_seconds:.2f} MB/CPU-s; "
          f"split with bodies {mb / seconds:.2f} MB/CPU-s (best of 3: {seconds:.2f} CPU-s)")

    reuters = args.data / "reuters21578"
    if data_present(reuters, "the wire-story titles (Reuters-21578)"):
        stories = load_reuters(reuters, "heldout")
        right = sum(segmenter.split(_run_into_one_line(s))[0].title == s.headline for s in stories)
        print(f"wire stories run into one line (Reuters-21578 held out): title = headline on "
              f"{right}/{len(stories)} = {right / len(stories):.4f}")


def _run_into_one_line(story: SourceArticle) -> str:
    """A wire story as a feed scraper that drops line breaks dumps it: its headline, byline,
    dateline and first paragraph on one line ("E.F. HUTTON <EFH> SETS FINANCES TELEPHONE DEAL
    NEW YORK, April 8 - E.F. Hutton Group Inc said ..."), the other paragraphs below."""
    return story.headline + " " + "\n".join(story.paragraphs) + "\n"


def _timed(run: Callable[[str], object], text: str) -> float:
    started = time.process_time()
    run(text)
    return time.process_time() - started


if __name__ == "__main__":
    main()

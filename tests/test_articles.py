"""An article's own facts, which every output format reads from it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscut.segmenter import Article, split
from corpuscut.segmenter.articles import body_only, make_title


def _as_written(title: str, text: str) -> bool:
    """The definition: the title differs from the text's first line with words, its white
    space normalised (no title where there is no such line)."""
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split()) != title
    return bool(title)


def _article(text: str, title: str) -> Article:
    return Article(0, 0, len(text), 1, 1, text, title, 1.0, len(text.split()))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029\u00a0")), max_size=30),
       st.sampled_from(["", "a", "a b", "ab", "a…"]))
def test_a_title_is_guessed_exactly_where_it_is_not_the_first_line_with_words(text, title):
    assert _article(text, title).title_guessed == _as_written(title, text)


def test_a_headline_is_not_guessed_and_opening_words_are(seed_text):
    articles = split("Storm hits coast\nHigh winds closed roads and ports across the region on Monday.\n" + seed_text)
    assert articles[0].title == "Storm hits coast" and not articles[0].title_guessed
    assert all(a.title_guessed for a in articles if a.title.endswith("…"))


def test_an_article_cut_to_its_body_tells_against_the_body():
    text = "Home | News | Sport\nStorm hits coast\nHigh winds closed roads.\n"
    article = Article(0, 0, len(text), 1, 3, text, "Storm hits coast", 1.0, 9, body_start=len("Home | News | Sport\n"))
    assert article.title_guessed and not body_only(article).title_guessed


@pytest.mark.parametrize("line, title", [
    ("By Jacqueline Frank, Reuters WASHINGTON (Reuters) - The Senate voted on Tuesday to raise the limit",
     "The Senate voted on Tuesday to raise the limit"),
    ("Calgary, Alberta, March 16 - Smoky River Coal Ltd said it agreed to sell its mine",
     "Smoky River Coal Ltd said it agreed to sell its mine"),
    ("By John Smith The company said on Monday that it would buy", "By John Smith The company said on Monday that it would buy"),
    ("NEW YORK - Stocks fell", "NEW YORK - Stocks fell"),
])
def test_a_made_up_title_leaves_out_a_wire_storys_byline_and_dateline(line, title):
    assert make_title(line, 18, is_headline=False).rstrip("\u2026") == title

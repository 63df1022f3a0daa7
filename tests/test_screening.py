"""The RE2 screen of many patterns: it may name a pattern that does not match, never pass over
one that does."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscut.summarizer.furniture import load_furniture
from corpuscut.summarizer.screening import Screen, screenable, screened_form

_FURNITURE = load_furniture()
_PATTERNS = ([p for _, p in _FURNITURE.drop_at_start] + [p for _, p, _ in _FURNITURE._scans] + list(_FURNITURE.at_start)
             + list(_FURNITURE.headline_at_start))
_SCREEN = Screen(_PATTERNS)
#: Pieces of the furniture's own patterns' words and marks, so that random texts match some.
_PIECES = ["scroll down for", "click here", "@", "#", "(", ")", "pictured", " left ", ",", "video", ":", " ", "by ",
           "follow @", "also read", "read more :", "we may earn a commission", "photo", "\n", "a", "the", " vs ", "3",
           "for mailonline", "daily mail", "published :", "$", "5.80", "mln", "|", "’", "é", "\xa0", "\u00a3", "4,", ".com",
           "video shows", "video of", "read it here", "editor 's note", "(pti)", "#tag", "@name", "\x0b", "_", "cnn",
           "london ( cnn ) -- ", "new delhi, aug 2 (pti) ", "ADVANCED MAGNETICS <ADMG> IN AGREEMENT CAMBRIDGE, Mass., March 24 - ",
           "Paris, ", "March 24 - ", "(reuters) - ", "( the frisky ) -- "]


def found(text: str) -> set[int]:
    return {i for i, pattern in enumerate(_PATTERNS) if pattern.search(text)}


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16).map("".join))
def test_the_screen_names_every_furniture_pattern_that_matches(text):
    named = _SCREEN.candidates(text)
    if named is not None:
        assert found(text) <= named, (text, found(text) - named)


def test_the_screen_rules_out_the_patterns_a_plain_sentence_does_not_match():
    text = "the minister said on tuesday that the talks would go on .\nshe added that no one was hurt ."
    assert _SCREEN.candidates(text) == frozenset()
    assert 0 < len(_SCREEN.candidates(text + "\nscroll down for video")) < len(_PATTERNS)


def test_every_furniture_pattern_is_screened():
    assert all(screened_form(p) is not None for p in _PATTERNS)


def test_bounded_repeats_are_unbounded_in_the_screened_form():
    assert screened_form(re.compile(r"^\W*[a-z][^!?\n]{0,60}?\s(vs)", re.M)) == r"(?m)^\W*[a-z][^!?\n]*\s(vs)"
    assert screened_form(re.compile(r"a{,3}b{1,2}c{2,5}d{3}")) == r"a*b+c{2,}d{3}"  # Python reads "{,3}" as "{0,3}"
    assert screened_form(re.compile(r"\{1,2}[x{1,2}]")) == r"\{1,2}[x{1,2}]"  # a brace escaped, or in a class


def test_look_arounds_are_left_out_of_the_screened_form():
    form = screened_form(re.compile(r"(?<![\w.])@\w+[^\n(?=]*(?<![\w&])#\w(?=[^\W\d_])", re.M))
    assert form == r"(?m)@\w+[^\n(?=]*#\w"
    assert screened_form(re.compile(r"^\W*video\s+(?!footage\b|of\b)", re.M)) == r"(?m)^\W*video\s+"


def test_what_re2_reads_otherwise_is_not_screened():
    assert screened_form(re.compile(r"a{,}b")) is None  # Python: any number; RE2: the text "{,}"
    with pytest.warns(FutureWarning):  # Python reads it as a set of characters, and warns
        assert screened_form(re.compile(r"[[:alpha:]]")) is None
    assert screened_form(re.compile(r"(a)\1")) is None
    assert screened_form(re.compile(r"end$")) is None  # without MULTILINE, Python's "$" also before a last "\n"
    assert screened_form(re.compile(r"(?=a)*b")) is None
    assert screened_form(re.compile("[$\\u00a3]\\d", re.M)) == "(?m)[$\u00a3]\\d"


def test_a_pattern_re2_cannot_read_is_always_named():
    screen = Screen([re.compile("plain"), re.compile(r"a{,}b"), re.compile(r"(?#a comment)x")])
    assert screen.candidates("nothing here") == {1, 2}
    assert screen.candidates("plain") == {0, 1, 2}


def test_a_text_whose_letters_digits_or_spaces_are_not_all_ascii_is_not_screened():
    assert screenable("it’s £5 — “quoted”")  # quotes, dashes and signs: no word, digit or space
    assert not screenable("café")
    assert not screenable("a\xa0b")  # Python's \s matches a no-break space, RE2's does not
    assert not screenable("a\x0bb")
    assert not screenable("٣")
    assert _SCREEN.candidates("café") is None
    assert Screen([re.compile("x")]).candidates("\ud800x") is None  # no UTF-8 for a lone surrogate

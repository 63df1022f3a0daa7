"""The literals a pattern needs: a text without them never matches it."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscut.summarizer.furniture import load_furniture
from corpuscut.text.literals import required_literals


def holds_required(pattern: re.Pattern[str], text: str) -> bool:
    return all(literal in text for literal in required_literals(pattern))


def test_required_literals_of_a_pattern_with_no_leading_literal_are_its_marks():
    post = re.compile(r"(?<![\w.])@\w+[^\n]*(?<![\w&])#\w|(?<![\w&])#[a-z]\w*[^\n]*(?<![\w.])@\w")
    assert required_literals(post) == {"@", "#"}
    assert not holds_required(post, "a sentence with a #tag only")
    assert holds_required(post, "@someone #tag")


def test_optional_and_alternative_parts_are_not_required():
    assert required_literals(re.compile(r"scroll down (for|to)\b")) == {"scroll down "}
    assert required_literals(re.compile(r"watch the (full )?video\b")) == {"watch the ", "video"}
    assert required_literals(re.compile(r"e-?mail")) == {"e", "mail"}
    assert required_literals(re.compile(r"(ab)+c")) == {"ab", "c"}
    assert required_literals(re.compile(r"(ab)*c")) == {"c"}


def test_a_pattern_that_ignores_case_requires_nothing():
    assert required_literals(re.compile("click here", re.IGNORECASE)) == frozenset()
    assert required_literals(re.compile("(?i:click) here")) == {" here"}


_FURNITURE = load_furniture()
_PATTERNS = [p for _, p in _FURNITURE.drop + _FURNITURE.drop_at_start] + list(_FURNITURE.cut)
#: Pieces of the furniture's own patterns' words, so that random texts match some of them.
_PIECES = ["scroll down for", "click here", "@", "#", "(", ")", "pictured", " left ", ",", "video", ":", " ",
           "follow @", "also read", "read more :", "we may earn a commission", "photo", "\n", "a", "the"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_a_text_that_matches_a_furniture_pattern_holds_its_required_literals(text):
    for pattern in _PATTERNS:
        if pattern.search(text):
            assert holds_required(pattern, text), (pattern.pattern, text)

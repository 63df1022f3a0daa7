"""Splitting in sections and in pieces: the same articles as splitting the text at once."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscut.segmenter import Segmenter
from corpuscut.segmenter.streaming import Limits, iter_line_texts, iter_sections
from corpuscut.segmenter.articles import count_words
from tests.conftest import SAMPLES

TINY = Limits(section_lines=7, section_chars=400, margin_lines=3, margin_chars=150)


def _pieces(text: str, size: int) -> list[str]:
    return [text[i: i + size] for i in range(0, len(text), size)]


def _fields(articles):
    return [(a.index, a.start, a.end, a.start_line, a.end_line, a.text, a.title, a.score, a.reasons) for a in articles]


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
@pytest.mark.parametrize("size", [1, 7, 64, 4096])
def test_every_sample_read_in_tiny_pieces_splits_as_the_whole_text(path, size):
    text = path.read_text(encoding="utf-8")
    segmenter = Segmenter()
    assert _fields(segmenter.iter_split(_pieces(text, size))) == _fields(segmenter.split(text))


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_every_sample_split_in_tiny_sections_is_lossless_and_the_same_in_any_pieces(path):
    text = path.read_text(encoding="utf-8")
    segmenter = Segmenter(limits=TINY)
    whole = segmenter.split(text)
    assert "".join(a.text for a in whole) == text
    assert len(list(iter_sections([text], TINY))) > 1
    for size in (1, 13, 333):
        assert _fields(segmenter.iter_split(_pieces(text, size))) == _fields(whole)


def test_section_cores_tile_the_text_and_carry_global_lines():
    text = "".join(f"line {i}\n" for i in range(1, 51))
    sections = list(iter_sections(_pieces(text, 5), TINY))
    assert "".join(s.core for s in sections) == text
    for s in sections:
        assert text[s.offset: s.offset + len(s.text)] == s.text
        first = text[s.offset:].split("\n", 1)[0]
        assert first == f"line {s.first_line}"
    assert sections[-1].last_line == 50 and all(s.last_line is None for s in sections[:-1])


def test_a_line_longer_than_a_margin_lends_only_its_edge_to_the_next_section():
    text = "a" * 1000 + "\nshort line\n" + "b" * 1000 + "\n"
    limits = Limits(section_lines=1, section_chars=10, margin_lines=2, margin_chars=50)
    sections = list(iter_sections([text], limits))
    assert [s.core for s in sections] == ["a" * 1000 + "\n", "short line\n", "b" * 1000 + "\n"]
    assert all(len(s.text) <= len(s.core) + 2 * 50 for s in sections)
    assert "".join(a.text for a in Segmenter(limits=limits).split(text)) == text


def test_a_carriage_return_and_line_feed_split_across_pieces_stay_one_line_end():
    assert list(iter_line_texts(["one\r", "\ntwo\r", "", "three"])) == ["one\r\n", "two\r", "three"]


def test_a_huge_line_arriving_in_many_pieces_is_joined_once():
    pieces = ["x" * 1000] * 1000 + ["\nend"]
    assert [len(line) for line in iter_line_texts(pieces)] == [1_000_001, 3]


def test_an_empty_text_has_no_sections_and_no_articles():
    assert list(iter_sections([""])) == [] and Segmenter().split("") == []


_line = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60),
    st.sampled_from(["", "----", "By Jane Doe", "LONDON (Reuters) - Shares fell.", "\x0c", "\r", "Headline here"]),
)


@settings(max_examples=100, deadline=None)
@given(st.lists(_line, max_size=40), st.sampled_from(["\n", "\r\n", "\r"]), st.integers(1, 50),
       st.integers(1, 9), st.integers(1, 300))
def test_any_text_split_in_any_sections_and_pieces_is_lossless_counts_words_and_is_piece_independent(lines, newline, size, s_lines, s_chars):
    text = newline.join(lines)
    limits = Limits(section_lines=s_lines, section_chars=s_chars, margin_lines=2, margin_chars=80)
    segmenter = Segmenter(limits=limits)
    whole = segmenter.split(text)
    assert "".join(a.text for a in whole) == text
    pos = 0
    for i, a in enumerate(whole):
        assert a.index == i and a.start == pos and text[a.start:a.end] == a.text and a.start_line <= a.end_line
        assert a.words == count_words(a.text)  # counted in the sections, line by line (by character in CJK)
        pos = a.end
    assert _fields(segmenter.iter_split(_pieces(text, size))) == _fields(whole)

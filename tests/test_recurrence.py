"""Names and rarer words across a gap (segmenter.recurrence): the paragraph after an article
start shares none of them with the paragraphs just before it."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscut.segmenter.recurrence import NEUTRAL, RADIX_MAX_STEMS, introduced, recurrence, stem_blocks
from corpuscut.text.stems import StemIds


def _idf(blocks: list[list[str]]) -> dict[str, float]:
    """Each stem's idf over the blocks, as the definitions below weigh it."""
    n = len(blocks)
    df: dict[str, int] = {}
    for stems in blocks:
        for s in set(stems):
            df[s] = df.get(s, 0) + 1
    return {s: math.log((n + 1) / (c + 0.5)) for s, c in df.items()}


def _shares(blocks: list[list[str]], span: int, reach: int) -> tuple[list[float], list[float]]:
    """The definition, gap by gap: idf-weighted share of the distinct stems of the ``span``
    blocks after the gap found in the ``reach`` blocks before it, and the other way round."""
    n = len(blocks)
    idf = _idf(blocks)

    def share(passage: set[str], context: set[str]) -> float:
        mass = sum(idf[s] for s in passage)
        return sum(idf[s] for s in passage & context) / mass if mass > 0 else NEUTRAL

    def union(part: list[list[str]]) -> set[str]:
        return {s for stems in part for s in stems}

    seen = [share(union(blocks[g + 1: g + 1 + span]), union(blocks[max(0, g - reach + 1): g + 1])) for g in range(n - 1)]
    again = [share(union(blocks[max(0, g - span + 1): g + 1]), union(blocks[g + 1: g + 1 + reach])) for g in range(n - 1)]
    return seen, again


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["obama", "senat", "vote", "messi", "goal", "bank", "x"]), max_size=8),
                max_size=30),
       st.integers(1, 3), st.integers(1, 10))
def test_recurrence_is_the_idf_weighted_share_of_a_passages_stems_found_across_the_gap(blocks, span, reach):
    found = recurrence(StemIds.of(blocks), span, reach)
    seen, again = _shares(blocks, span, reach)
    assert len(found.seen) == len(found.again) == max(0, len(blocks) - 1)
    assert np.allclose(found.seen, seen) and np.allclose(found.again, again)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.integers(0, 40), max_size=12), min_size=1, max_size=30), st.booleans())
def test_stem_blocks_are_the_sorted_distinct_stem_and_block_pairs(blocks, many_stems):
    """Whichever way they are sorted (a radix sort by stem where the stems fit 16 bits)."""
    shift = RADIX_MAX_STEMS if many_stems else 0  # ids past 16 bits take the general sort
    flat = np.array([stem + shift * (stem % 2) for stems in blocks for stem in stems], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum([len(stems) for stems in blocks])]).astype(np.int64)
    n = len(blocks)
    expected = sorted({(stem + shift * (stem % 2)) * n + b for b, stems in enumerate(blocks) for stem in stems})
    keys = stem_blocks(StemIds(flat, starts))
    assert keys.dtype == np.int64 and keys.tolist() == expected


def test_rare_words_count_more_than_words_found_everywhere():
    """'court' is in every block, 'smith' and 'jones' in two each: after the gap between
    them, half of the next block's words were seen ('court', not 'jones'), yet the name
    weighs far more than the word found everywhere."""
    blocks = [["court", "smith"], ["court", "smith"], ["court", "jones"], ["court", "jones"]]
    found = recurrence(StemIds.of(blocks), 1, 8)
    assert found.seen[0] == 1.0  # both words of the next block were seen
    assert 0.0 < found.seen[1] < 0.25
    assert found.again[1] < 0.25  # and 'smith' does not come again


def _lower_case_dump() -> tuple[str, int]:
    """Two lower-cased, tokenised articles without headlines, paragraphs apart by blank lines,
    as CNN/DailyMail's text is: only their names and words tell them apart."""
    first = [
        "arsenal striker olivier giroud scored twice as the gunners beat newcastle 2 - 1 at st james ' park on saturday .",
        "giroud headed the opener from a mesut ozil cross and added a second after the break .",
        "newcastle pulled one back through papiss cisse but arsene wenger 's side held on for the win .",
        "wenger said giroud had been ' outstanding ' and praised ozil for his part in both goals .",
    ]
    second = [
        "the federal reserve left interest rates unchanged on wednesday , saying the economy was growing at a moderate pace .",
        "janet yellen , the fed chair , told reporters that inflation remained below the central bank 's target .",
        "economists had expected the fed to wait until june before raising rates for the first time since 2006 .",
        "yellen said the committee would watch wages and jobs data closely in the coming months .",
    ]
    text = "\n\n".join(first) + "\n\n" + "\n\n".join(second) + "\n"
    return text, text.index(second[0])


def test_the_gap_before_a_new_articles_first_paragraph_has_new_words_and_one_a_paragraph_early_has_not():
    from corpuscut.segmenter import Segmenter
    from corpuscut.segmenter.features import FEATURES

    text, start = _lower_case_dump()
    analysis = Segmenter().analyse(text)
    column = analysis.features.matrix[:, FEATURES.index("new_words_after")]
    real = next(b for b, block in enumerate(analysis.blocks) if block.start == start) - 1
    assert column[real] == max(column)
    assert column[real - 1] < column[real] - 0.3  # the previous article's last paragraph was seen before


def test_a_lower_case_dump_without_headlines_is_cut_where_its_names_change():
    from corpuscut.segmenter import Segmenter

    text, start = _lower_case_dump()
    articles = Segmenter().split(text)
    assert [a.start for a in articles] == [0, start]
    assert "new names and words" in articles[1].reasons


def test_a_sign_off_line_that_every_story_repeats_tells_nothing_of_the_words_that_come_again():
    """Every wire story ends with 'Reuter': that its word comes again in the next story must
    not speak against the cut after it."""
    from corpuscut.segmenter import Segmenter
    from corpuscut.segmenter.features import FEATURES

    stories = [
        ("GOLD FIELDS RAISES OUTPUT", "JOHANNESBURG, March 3 - Gold Fields said its mines in the Transvaal produced more gold.",
         "The company said the Kloof mine would add a new shaft next year."),
        ("SOYBEAN EXPORTS FALL IN WEEK", "WASHINGTON, March 3 - Soybean exports from the United States fell last week.",
         "Inspections for export totalled 12 mln bushels, the Agriculture Department said."),
    ]
    text = "".join(f"{head}\n{first}\n{second}\nReuter\n" for head, first, second in stories)
    analysis = Segmenter().analyse(text)
    column = analysis.features.matrix[:, FEATURES.index("words_end_before")]
    after_sign_off = next(b for b, block in enumerate(analysis.blocks) if block.text == "SOYBEAN EXPORTS FALL IN WEEK") - 1
    assert column[after_sign_off] == 0.0
    assert len(Segmenter().split(text)) == 2


def _introduced(blocks: list[list[str]], reach: int, ahead: int) -> list[float]:
    """The definition, block by block: the idf-weighted share of a block's distinct stems that
    none of the ``reach`` blocks before it holds and one of the ``ahead`` blocks after it does."""
    idf = _idf(blocks)
    out = []
    for b, stems in enumerate(blocks):
        before = {s for part in blocks[max(0, b - reach): b] for s in part}
        after = {s for part in blocks[b + 1: b + 1 + ahead] for s in part}
        mass = sum(idf[s] for s in set(stems))
        out.append(sum(idf[s] for s in set(stems) if s not in before and s in after) / mass if mass > 1e-9 else 0.0)
    return out


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["obama", "senat", "vote", "messi", "goal", "bank", "x"]), max_size=8),
                max_size=30),
       st.integers(1, 10), st.integers(1, 8))
def test_introduced_is_the_idf_weighted_share_of_a_blocks_new_stems_that_the_blocks_after_it_take_up(blocks, reach,
                                                                                                       ahead):
    found = introduced(StemIds.of(blocks), reach, ahead)
    assert len(found) == len(blocks)
    assert np.allclose(found, _introduced(blocks, reach, ahead)) if len(blocks) > 1 else not found.any()


def test_a_lede_introduces_what_its_article_goes_on_with_and_a_last_paragraph_does_not():
    blocks = [["obama", "senat", "vote"], ["senat", "vote", "bill"], ["obama", "speech", "crowd"],
              ["messi", "goal", "barca"], ["messi", "goal"], ["barca", "coach"]]
    shares = introduced(StemIds.of(blocks), 8, 6)
    # the second article's lede brings in "messi", "goal" and "barca", all taken up after it
    assert shares[3] == 1.0
    # the first article's last paragraph brings in "speech" and "crowd", which nothing takes up
    assert shares[2] == 0.0

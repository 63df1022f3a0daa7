"""One article's sections: neighbouring articles that share their vocabulary are merged."""

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscut.segmenter.sections import (SectionRules, after_runs, _neighbour_cosines, _neighbour_overlaps, least_cosines,
                                          least_shares, load_section_rules, merge_sections, titles_matter)
from corpuscut.text.stems import StemIds

RULES = SectionRules(min_shared=0.35, max_logit=8.0, min_stems=3, min_blocks=2)
OTTERS = [["otter", "river", "bridg"], ["otter", "walker", "river"], ["river", "water", "otter"]]
BUDGET = [["tax", "budget", "minist"], ["budget", "spend", "tax"], ["minist", "vote", "tax"]]


def test_a_cut_between_two_passages_of_one_subject_is_merged_and_one_between_subjects_kept():
    ids = StemIds.of([*OTTERS, *OTTERS, *BUDGET])
    kept = np.zeros(8, dtype=bool)
    assert merge_sections([3, 6], ids, [0.5] * 8, kept, RULES) == [6]


def test_a_cut_at_a_kept_cue_or_scored_sure_is_never_merged():
    ids = StemIds.of([*OTTERS, *OTTERS])
    at_cue = np.zeros(5, dtype=bool)
    at_cue[2] = True  # a separator before block 3
    assert merge_sections([3], ids, [0.5] * 5, at_cue, RULES) == [3]
    assert merge_sections([3], ids, [9.0] * 5, np.zeros(5, dtype=bool), RULES) == [3]


def test_two_articles_of_one_block_each_are_no_sections_but_a_lone_subhead_is():
    # an article a line: two stories on one subject share their words, and stay apart
    ids = StemIds.of([OTTERS[0] + OTTERS[1], OTTERS[1] + OTTERS[2], BUDGET[0] + BUDGET[1]])
    assert merge_sections([1, 2], ids, [0.5] * 3, np.zeros(3, dtype=bool), RULES) == [1, 2]
    # a subhead cut off from the paragraphs it heads goes back to them
    ids = StemIds.of([["otter", "river", "bridg", "walker"], *OTTERS, *BUDGET])
    assert merge_sections([1, 4], ids, [0.5] * 7, np.zeros(7, dtype=bool), RULES) == [4]


def test_a_doubted_cut_between_short_passages_is_undone_on_less_shared_vocabulary():
    # the two sides share a third of the smaller side's stems: under 0.35, over the 0.25 that a
    # cut scored -2 asks between passages of at most 40 words
    ids = StemIds.of([["otter", "river", "bridg", "walker", "weir", "mill"],
                      ["otter", "river", "water", "heron", "bank", "reed"]])
    doubtful = SectionRules(min_shared=0.35, min_shared_by_logit=((-2.0, 0.25), (0.0, 0.35)), relaxed_max_words=40,
                            max_logit=8.0, min_stems=3, min_blocks=1)
    no_cue = np.zeros(1, dtype=bool)
    assert merge_sections([1], ids, [-2.0], no_cue, doubtful, words=[6, 6]) == []
    # the same share at a cut the model scores 0, or between passages longer than the cap: kept
    assert merge_sections([1], ids, [0.0], no_cue, doubtful, words=[6, 6]) == [1]
    assert merge_sections([1], ids, [-2.0], no_cue, doubtful, words=[30, 20]) == [1]
    assert least_shares([-3.0, -1.0, 0.0, 5.0], doubtful) == pytest.approx([0.25, 0.30, 0.35, 0.35])
    # a text of as many content stems as words (read in another language than its own: its
    # function words count as content words) asks min_shared
    foreign = replace(doubtful, relaxed_max_stems_per_word=0.7)
    assert merge_sections([1], ids, [-2.0], no_cue, foreign, words=[6, 6]) == [1]
    assert merge_sections([1], ids, [-2.0], no_cue, foreign, words=[12, 12]) == []
    # a text of spaced words alone may hold more (0.75 here: 12 stems over 15 words, 0.8, is too
    # many; over 16, 0.75, not), unless it holds Chinese or Japanese script
    spaced = replace(foreign, spaced_max_stems_per_word=0.75)
    assert merge_sections([1], ids, [-2.0], no_cue, spaced, words=[8, 8], spaced=lambda: True) == []
    assert merge_sections([1], ids, [-2.0], no_cue, spaced, words=[8, 7], spaced=lambda: True) == [1]
    assert merge_sections([1], ids, [-2.0], no_cue, spaced, words=[8, 8], spaced=lambda: False) == [1]
    assert merge_sections([1], ids, [-2.0], no_cue, spaced, words=[8, 8]) == [1]


def test_a_doubted_cut_before_a_new_documents_title_asks_the_least_share_of_its_own():
    # two short help pages on one desktop share a third of their stems: a cut the model doubts
    # is undone on that, but not before a line read as a new document's title
    ids = StemIds.of([["click", "setting", "printer", "default", "paper", "tray"],
                      ["click", "setting", "bluetooth", "pair", "adapter", "signal"]])
    doubtful = SectionRules(min_shared=0.4, min_shared_by_logit=((-2.0, 0.25), (0.0, 0.35)), relaxed_max_words=40,
                            max_logit=8.0, min_stems=3, min_blocks=1, headline_min_shared=0.4)
    no_cue = np.zeros(1, dtype=bool)
    titled, untitled = np.ones(1, dtype=bool), np.zeros(1, dtype=bool)
    assert merge_sections([1], ids, [-2.0], no_cue, doubtful, words=[6, 6], headed=titled, titled=untitled) == []
    assert merge_sections([1], ids, [-2.0], no_cue, doubtful, words=[6, 6], headed=titled, titled=titled) == [1]
    # without a least of its own, or with one under the share the two sides hold: merged
    for floor in (None, 0.3):
        assert merge_sections([1], ids, [-2.0], no_cue, replace(doubtful, headline_min_shared=floor), words=[6, 6],
                              headed=titled, titled=titled) == []
    assert load_section_rules().headline_min_shared == pytest.approx(0.4)


def _help_pages(second: list[str]) -> StemIds:
    """Two help pages of five stems each, a title and four one-word lines between them."""
    return StemIds.of([["click", "setting", "printer", "paper", "tray"], ["click"], ["setting"], ["printer"],
                       ["paper"], second])


def _title_rules(**settings: bool) -> SectionRules:
    """Section rules in which a title after a whole page (five lines) asks a least share of 0.5."""
    return SectionRules(min_shared=0.4, min_shared_by_logit=((-2.0, 0.25), (0.0, 0.35)), relaxed_max_words=40,
                        max_logit=8.0, min_stems=3, min_blocks=1, headline_min_shared=0.4, title_min_shared=0.5,
                        title_run=5, **settings)


#: The help pages' words per block; a headline-like line at the title only (late: after a whole
#: page), or also a few lines above it (early).
_WORDS = [5, 1, 1, 1, 1, 5]
_LATE, _EARLY = np.array([False, False, False, False, True]), np.array([False, True, False, False, True])


def test_a_title_after_a_whole_page_asks_a_least_share_above_the_plain_least():
    # two help pages that share two of their five stems (the desktop's words) stay apart at a
    # title after a whole page, and are merged at a subhead a few lines under the last
    pages = _help_pages(["click", "setting", "bluetooth", "pair", "adapter"])
    rules = _title_rules()
    no_cue = np.zeros(5, dtype=bool)
    titled = np.ones(5, dtype=bool)
    words, late, early = _WORDS, _LATE, _EARLY
    assert merge_sections([5], pages, [-2.0] * 5, no_cue, rules, words=words, headed=late, titled=titled) == [5]
    assert merge_sections([5], pages, [-2.0] * 5, no_cue, rules, words=words, headed=early, titled=titled) == []
    assert merge_sections([5], pages, [-2.0] * 5, no_cue, replace(rules, title_min_shared=None), words=words,
                          headed=late, titled=titled) == []
    assert after_runs(late, 5).tolist() == [False, False, False, False, True]
    assert after_runs(early, 5).tolist() == [False, False, False, False, False]
    shipped = load_section_rules()
    assert (shipped.title_min_shared, shipped.title_run) == (pytest.approx(0.5), 5)


def test_a_title_after_a_whole_page_asks_its_least_share_whether_or_not_read_as_apart():
    # two help pages that share two of their five stems, their less common words among them (the
    # title is not read as apart): kept apart after a whole page, unless only titles read as
    # apart ask the title's least
    pages = _help_pages(["click", "printer", "bluetooth", "pair", "adapter"])
    rules = _title_rules(title_apart_only=False)
    no_cue = np.zeros(5, dtype=bool)
    untitled = np.zeros(5, dtype=bool)
    words, late, early = _WORDS, _LATE, _EARLY
    assert merge_sections([5], pages, [-2.0] * 5, no_cue, rules, words=words, headed=late, titled=untitled) == [5]
    # a subhead a few lines under the last, or only titles read as apart asking it: merged
    assert merge_sections([5], pages, [-2.0] * 5, no_cue, rules, words=words, headed=early, titled=untitled) == []
    assert merge_sections([5], pages, [-2.0] * 5, no_cue, replace(rules, title_apart_only=True), words=words,
                          headed=late, titled=untitled) == []
    # in a text where titles do not matter (no sure cut: ``titled`` None), nothing is asked
    assert merge_sections([5], pages, [-2.0] * 5, no_cue, rules, words=words, headed=late, titled=None) == []
    assert load_section_rules().title_apart_only is False


def test_a_new_documents_title_asks_its_own_least_share_only_in_a_text_with_a_sure_cut():
    # a dump of help pages holds some start the model is sure of; one article's subheads, alone
    # in a text, all score under it, and are merged on the relaxed least as any doubted cut
    rules = SectionRules(min_shared=0.4, max_logit=3.0, headline_min_shared=0.4, headline_dump_logit=2.0)
    headed = np.array([False, True, False, True])
    assert titles_matter([2, 4], [0.0, 0.5, 0.0, 2.5], headed, rules)
    assert not titles_matter([2, 4], [0.0, 0.5, 0.0, 1.5], headed, rules)
    assert titles_matter([2, 4], [0.0, 0.5, 0.0, 1.5], headed, replace(rules, headline_dump_logit=None))
    # no doubted cut before a headline-like line, or no rule of its own: nothing to ask
    assert not titles_matter([2, 4], [0.0, 3.5, 0.0, 4.0], headed, rules)
    assert not titles_matter([1, 3], [2.5, 0.5, 2.5, 0.0], headed, rules)
    assert not titles_matter([2, 4], [0.0, 0.5, 0.0, 2.5], headed, replace(rules, headline_min_shared=None))
    assert load_section_rules().headline_dump_logit == pytest.approx(2.0)


def test_a_side_of_too_few_words_is_never_merged_on():
    ids = StemIds.of([*OTTERS, ["otter"]])
    assert merge_sections([3], ids, [0.5] * 3, np.zeros(3, dtype=bool), RULES) == [3]


#: Units of stems (numbers 0-25, each unit a list), and a draw of cuts between them.
UNITS = st.lists(st.lists(st.integers(0, 25), max_size=7), min_size=2, max_size=25)


def _segments(units: list[list[int]], data: st.DataObject) -> tuple[StemIds, np.ndarray]:
    """The units' stems, and the edges of the segments some drawn cuts make of them."""
    cuts = sorted(data.draw(st.sets(st.integers(1, len(units) - 1), min_size=1)))
    return StemIds.of([[f"w{u}" for u in unit] for unit in units]), np.array([0, *cuts, len(units)])


@settings(max_examples=60, deadline=None)
@given(UNITS, st.data())
def test_the_overlaps_of_neighbouring_segments_are_those_of_their_sets_of_stems(units, data):
    ids, edges = _segments(units, data)
    counts, common = _neighbour_overlaps(ids, edges)
    sets = [{s for unit in units[a:b] for s in unit} for a, b in zip(edges[:-1], edges[1:])]
    assert counts.tolist() == [len(s) for s in sets]
    assert common.tolist() == [len(a & b) for a, b in zip(sets, sets[1:])]


def test_sections_that_weigh_one_subject_most_are_merged_on_the_cosine_of_their_counts():
    # a guide to taxes: each section names "tax" again and again, and few of its other words
    # come back (a fifth of the smaller side's distinct stems shared)
    first = [["tax", "incom", "wage", "tax"], ["tax", "bracket", "rate", "tax"], ["tax", "earn", "salari"]]
    second = [["tax", "estat", "heir", "tax"], ["tax", "properti", "valu", "tax"], ["tax", "land", "deed"]]
    ids = StemIds.of([*first, *second])
    rules = replace(RULES, min_shared=0.5, min_cosine_by_logit=((-2.0, 0.5), (2.0, 0.7)), cosine_max_logit=2.0)
    no_cue = np.zeros(5, dtype=bool)
    assert merge_sections([3], ids, [0.5] * 5, no_cue, rules) == []
    # the same cut without the cosine's rule, or scored cosine_max_logit or more, or at a kept cue: kept
    assert merge_sections([3], ids, [0.5] * 5, no_cue, replace(rules, min_cosine_by_logit=())) == [3]
    assert merge_sections([3], ids, [2.0] * 5, no_cue, rules) == [3]
    at_cue = no_cue.copy()
    at_cue[2] = True
    assert merge_sections([3], ids, [0.5] * 5, at_cue, rules) == [3]
    # two stories side by side weigh other words most: kept
    ids = StemIds.of([*OTTERS, *BUDGET])
    assert merge_sections([3], ids, [0.5] * 5, no_cue, rules) == [3]
    assert least_cosines([-3.0, 0.0, 1.9, 2.0], rules) == pytest.approx([0.5, 0.6, 0.695, 2.0])
    # where no headline-like line follows the cut, the cosine asks more
    ids = StemIds.of([*first, *second])
    stricter = replace(rules, cosine_without_headline=0.3)
    headed = np.zeros(5, dtype=bool)
    assert merge_sections([3], ids, [0.5] * 5, no_cue, stricter, headed=headed) == [3]
    headed[2] = True
    assert merge_sections([3], ids, [0.5] * 5, no_cue, stricter, headed=headed) == []


@settings(max_examples=60, deadline=None)
@given(UNITS, st.data())
def test_the_cosines_of_neighbouring_segments_are_those_of_their_stem_counts(units, data):
    ids, edges = _segments(units, data)
    counts = [np.bincount([u for unit in units[a:b] for u in unit], minlength=26) for a, b in zip(edges[:-1], edges[1:])]
    expected = [float(np.dot(a, b) / np.sqrt(np.dot(a, a) * np.dot(b, b))) if a.any() and b.any() else 0.0
                for a, b in zip(counts, counts[1:])]
    assert _neighbour_cosines(ids, edges) == pytest.approx(expected)


def test_the_shipped_rules_keep_separators_and_credit_lines():
    rules = load_section_rules()
    assert 0 < rules.min_shared < 1
    assert {"separator", "credit_or_copyright_before"} <= set(rules.kept_at)
    # a doubted cut asks less shared vocabulary, never more than min_shared
    assert all(0 < share <= rules.min_shared for _, share in rules.min_shared_by_logit)
    # the cosine's least rises with the cut's log-odds, and a cut the model is sure of is kept
    cosines = [cosine for _, cosine in rules.min_cosine_by_logit]
    assert cosines == sorted(cosines) and 0 < cosines[0]
    # a cut the model is fairly sure of (max_logit or more) is merged only on counts nearly alike
    assert min(least_cosines([rules.max_logit], rules)) >= 0.6


def test_a_cut_after_a_link_line_is_merged_on_its_counts_cosine_without_that_line_s_push():
    # a guide to taxes with "Read more: ..." between its sections: the link line pushed the cut
    # to 4.5, past max_logit; without its push of 4 it scores 0.5, where the two sections' counts
    # reach the cosine asked
    first = [["tax", "incom", "wage", "tax"], ["tax", "bracket", "rate", "tax"], ["tax", "earn", "salari"]]
    second = [["tax", "estat", "heir", "tax"], ["tax", "properti", "valu", "tax"], ["tax", "land", "deed"]]
    ids = StemIds.of([*first, *second])
    rules = replace(RULES, min_shared=0.5, max_logit=3.0, min_cosine_by_logit=((-2.0, 0.5), (2.0, 0.7)),
                    cosine_max_logit=2.0, discounted_min_cosine=0.6)
    no_cue = np.zeros(5, dtype=bool)
    push = np.zeros(5)
    push[2] = 4.0
    assert merge_sections([3], ids, [4.5] * 5, no_cue, rules, discounted=push) == []
    # without the discount, or where the cosine asked at least is more than the counts reach, or
    # at a kept cue: kept
    assert merge_sections([3], ids, [4.5] * 5, no_cue, rules) == [3]
    assert merge_sections([3], ids, [4.5] * 5, no_cue, replace(rules, discounted_min_cosine=0.95),
                          discounted=push) == [3]
    at_cue = no_cue.copy()
    at_cue[2] = True
    assert merge_sections([3], ids, [4.5] * 5, at_cue, rules, discounted=push) == [3]
    # two stories side by side, a link line between them: kept
    ids = StemIds.of([*OTTERS, *BUDGET])
    assert merge_sections([3], ids, [4.5] * 5, no_cue, rules, discounted=push) == [3]


def test_the_segmenter_discounts_the_push_of_the_features_the_rules_name():
    from corpuscut.segmenter import Segmenter

    segmenter = Segmenter()
    text = ("Otters return to the river\n\nOtters were seen on the river again this spring.\n\n"
            "Read more: where otters live\n\nOtters need clean water and quiet banks.\n")
    analysis = segmenter.analyse(text)
    segmenter.sections = replace(segmenter.sections, discounted=("aside_before",))
    push = segmenter._discounted(analysis.features)
    column = analysis.features.names.index("aside_before")
    fired = analysis.features.matrix[:, column] > 0
    assert fired.sum() == 1 and push is not None
    weight = dict(zip(segmenter.model.names, segmenter.model.weights))["aside_before"]
    assert push.tolist() == pytest.approx([weight if gap else 0.0 for gap in fired])
    segmenter.sections = replace(segmenter.sections, discounted=())
    assert segmenter._discounted(analysis.features) is None

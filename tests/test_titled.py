"""A new document's title: a headline-like line after a long run, between passages that share
none of their rarer words, gains log-odds before decoding."""

from dataclasses import replace

import numpy as np
import pytest

from corpuscut.segmenter import Segmenter
from corpuscut.segmenter.titled import (TitleRules, _side_stems, ends_on_stop_word, english_near, load_title_rules, title_bonus,
                                        titles_apart)
from corpuscut.text.stems import StemIds, counted_pairs

RULES = TitleRules(bonus=2.0, run_lines=4, reach=1, max_shared=0.1, common_share=0.5, min_stems=3)
# Every passage shares the desktop's words ("click", "set"); the printer's and the keyboard's are
# their own.
PRINTER = [["printer", "default", "click", "set"], ["printer", "queue", "paper", "click"],
           ["printer", "driver", "default", "set"], ["paper", "queue", "driver", "click"]]
KEYS = [["keyboard", "layout", "click", "set"], ["keyboard", "shortcut", "layout", "click"],
        ["shortcut", "key", "press", "set"], ["key", "press", "layout", "click"]]
DESKTOP = [["window", "click", "set", "workspac"], ["window", "click", "move", "set"],
           ["workspac", "move", "drag", "click"], ["window", "drag", "set", "move"]]


def heads_at(blocks: int, *at: int) -> np.ndarray:
    """Per gap: whether a headline-like line opens the block after it."""
    heads = np.zeros(blocks - 1, dtype=bool)
    heads[[b - 1 for b in at]] = True
    return heads


def test_a_title_between_passages_of_other_rarer_words_gains_by_the_lines_since_the_last():
    ids = StemIds.of([*PRINTER, *KEYS, *DESKTOP])
    gain = title_bonus(heads_at(12, 4, 8), ids, RULES)
    # whole after a run of four lines or more; the words every passage holds are left out
    assert gain[3] == pytest.approx(2.0) and gain[7] == pytest.approx(2.0)
    assert np.count_nonzero(gain) == 2
    shorter = title_bonus(heads_at(12, 2, 4, 8), ids, RULES)
    # two lines after the title above it (a subhead's place), inside the printer's page: nothing
    assert shorter[1] == 0.0
    assert shorter[3] == pytest.approx(1.0)  # the printer page's second half shares no word with the keyboard's


def test_a_subhead_between_passages_that_share_their_rarer_words_gains_nothing():
    ids = StemIds.of([*PRINTER, *PRINTER, *KEYS, *DESKTOP])
    gain = title_bonus(heads_at(16, 4, 8, 12), ids, RULES)
    assert gain[3] == 0.0 and gain[7] == pytest.approx(2.0) and gain[11] == pytest.approx(2.0)


def test_nothing_in_a_text_where_no_headline_already_reads_as_a_new_article():
    # one article of subheads: no headline-like gap scores as a new article's; a dump: one does
    ids = StemIds.of([*PRINTER, *KEYS, *DESKTOP])
    dumps_only = TitleRules(bonus=2.0, run_lines=4, reach=1, max_shared=0.1, common_share=0.5, min_stems=3,
                            min_titles=1, dump_logit=2.0)
    heads = heads_at(12, 4, 8)
    subheads = np.full(11, -3.0)
    assert not title_bonus(heads, ids, dumps_only, subheads).any()
    one_title = subheads.copy()
    one_title[7] = 2.5
    assert title_bonus(heads, ids, dumps_only, one_title)[3] == pytest.approx(2.0)


def test_a_title_between_passages_apart_is_told_whether_or_not_the_text_opens_the_bonus():
    # the pages' titles (after blocks 4 and 12) between passages of other rarer words; the
    # keyboard page's subhead (after block 8) between two halves that share theirs
    ids = StemIds.of([*PRINTER, *KEYS, *KEYS, *DESKTOP])
    heads = heads_at(16, 4, 8, 12)
    dumps_only = replace(RULES, min_titles=1, dump_logit=2.0)
    assert not title_bonus(heads, ids, dumps_only, np.full(15, -3.0)).any()
    assert np.flatnonzero(titles_apart(heads, ids, dumps_only)).tolist() == [3, 11]
    assert not titles_apart(np.zeros(15, dtype=bool), ids, dumps_only).any()


def test_nothing_without_headlines_or_with_the_bonus_off():
    ids = StemIds.of([*PRINTER, *KEYS])
    assert not title_bonus(heads_at(8), ids, RULES).any()
    assert not title_bonus(heads_at(8, 4), ids, TitleRules(bonus=0.0)).any()


def test_the_shipped_rules_are_read_and_the_segmenter_weighs_them():
    rules = load_title_rules()
    assert rules.bonus > 0 and 0 < rules.max_shared < 1
    assert Segmenter().titles == rules


def test_pairs_counted_by_a_sort_of_their_major_part_are_those_a_sort_of_the_keys_counts():
    # the passages never fall along the tokens; stems past 16 bits take the general sort
    rng = np.random.default_rng(7)
    for shift in (0, 1 << 16):
        for _ in range(30):
            size = int(rng.integers(0, 300))
            width = int(rng.integers(1, 20))
            major = rng.integers(0, 50, size) + shift * rng.integers(0, 2, size)
            minor = np.sort(rng.integers(0, width, size))
            keys, counts = counted_pairs(major, minor, width)
            expected_keys, expected_counts = np.unique(major.astype(np.int64) * width + minor, return_counts=True)
            assert keys.tolist() == expected_keys.tolist() and counts.tolist() == expected_counts.tolist()
            assert keys.dtype == np.int64


def test_above_the_most_shared_the_gain_fades_out_with_what_the_sides_share():
    # the keyboard's page names the printer's paper once: a fifth of the printer page's rarer
    # stems (printer, default, queue, paper, driver) is on both sides of its title
    mail = [["mail", "inbox", "click", "set"], ["mail", "account", "click"], ["inbox", "account", "set"],
            ["mail", "send", "click"]]
    ids = StemIds.of([*PRINTER, *[*KEYS[:3], [*KEYS[3], "paper"]], *DESKTOP, *mail])
    heads = heads_at(16, 4, 8, 12)
    assert title_bonus(heads, ids, RULES)[3] == 0.0
    fading = TitleRules(bonus=2.0, run_lines=4, reach=1, max_shared=0.1, fade_shared=0.3, common_share=0.5,
                        min_stems=3)
    gain = title_bonus(heads, ids, fading)
    assert gain[3] == pytest.approx(1.0)  # halfway from 0.1 to 0.3: half the bonus
    assert gain[7] == pytest.approx(2.0)  # sides that share nothing: the whole of it
    assert title_bonus(heads, ids, replace(fading, fade_shared=0.2))[3] == 0.0


def test_with_apart_titles_only_a_strong_title_between_pages_of_other_words_opens_the_bonus():
    # the keyboard page's title scores as a new article's, and its sides share nothing; in one
    # article of sections, the subhead that scores so shares its article's words with the section above
    ids = StemIds.of([*PRINTER, *KEYS, *DESKTOP])
    heads = heads_at(12, 4, 8)
    rules = TitleRules(bonus=2.0, run_lines=4, reach=1, max_shared=0.1, common_share=0.5, min_stems=3, min_titles=1,
                       dump_logit=2.0, apart_titles=True)
    logits = np.full(11, -3.0)
    logits[3] = 2.5
    assert title_bonus(heads, ids, rules, logits)[7] == pytest.approx(2.0)
    sections = StemIds.of([*PRINTER, *PRINTER, *KEYS, *DESKTOP])
    heads = heads_at(16, 4, 8, 12)
    logits = np.full(15, -3.0)
    logits[3] = 2.5  # the printer page's second section, which shares its rarer words
    assert not title_bonus(heads, sections, rules, logits).any()
    assert title_bonus(heads, sections, replace(rules, apart_titles=False), logits)[7] == pytest.approx(2.0)


def test_with_long_titles_a_run_of_titles_after_whole_pages_opens_the_bonus_where_none_is_strong():
    # four pages, each title after a page's four lines, between passages of other words: the
    # model is sure of none of the titles, and three of them after whole pages stand for one
    mail = [["mail", "inbox", "click", "set"], ["mail", "account", "click"], ["inbox", "account", "set"],
            ["mail", "send", "click"]]
    ids = StemIds.of([*PRINTER, *KEYS, *DESKTOP, *mail])
    heads = heads_at(16, 4, 8, 12)
    rules = TitleRules(bonus=2.0, run_lines=4, reach=1, max_shared=0.1, common_share=0.5, min_stems=3, min_titles=1,
                       dump_logit=2.0, apart_titles=True, long_titles=3, long_run=4, long_logit=-1.0)
    doubted = np.full(15, -0.5)
    gain = title_bonus(heads, ids, rules, doubted)
    assert np.flatnonzero(gain).tolist() == [3, 7, 11] and gain[7] == pytest.approx(2.0)
    assert not title_bonus(heads, ids, replace(rules, long_titles=0), doubted).any()
    assert not title_bonus(heads, ids, replace(rules, long_titles=4), doubted).any()  # only three titles
    assert not title_bonus(heads, ids, rules, np.full(15, -2.0)).any()  # scored under long_logit
    assert not title_bonus(heads, ids, replace(rules, long_run=5), doubted).any()  # after runs shorter than long_run
    # the text's 61 stems, three titles: a page of 20 stems or so a title; one of a long guide's
    # few long sections is more
    assert title_bonus(heads, ids, replace(rules, long_stems=21), doubted).any()
    assert not title_bonus(heads, ids, replace(rules, long_stems=20), doubted).any()
    # one article's subheads, each between halves of one page that share its rarer words: nothing
    sections = StemIds.of([*PRINTER, *PRINTER, *PRINTER, *PRINTER])
    assert not title_bonus(heads, sections, rules, doubted).any()


def test_a_headline_like_line_that_ends_on_a_stop_word_is_a_phrase_cut_off():
    from corpuscut.text.words import WordNormalizer

    english = WordNormalizer("english")
    texts = ["social media was awash with", "Set the default printer", "What is it for?", "two black bear cubs in tree at"]
    cut = ends_on_stop_word(texts, np.array([True, True, True, False]), english.tokens, english.stop_words)
    assert cut.tolist() == [True, False, False, False]  # a question may end so; the last line was not asked about


def test_a_subhead_beside_a_section_left_in_english_in_a_translation_is_told():
    from corpuscut.text.words import WordNormalizer, stop_words_of

    spanish, english = WordNormalizer("spanish"), stop_words_of("english")
    own = spanish.stop_words - english
    texts = ["Pulse Aplicar para guardar los cambios.", "Seguridad",
             "The Authentication section displays the settings which you are currently using.",
             "Puede cambiar la contraseña en cualquier momento.", "Compartir su escritorio",
             "Puede dejar que otras personas vean y controlen su escritorio desde otro equipo."]
    which = np.array([True, False, False, True, False])  # gap g opens texts[g + 1]
    near = english_near(texts, which, spanish.tokens, own, english, 2)
    assert near.tolist() == [True, False, False, False, False]  # "Seguridad" sits over English; the title does not
    assert not english_near(texts, which, spanish.tokens, own, english, 9).any()


def test_the_sides_distinct_stems_are_counted_from_runs_as_sets_count_them():
    # each head's sides as sets of stems, against the counts made from runs of heads per pair
    rng = np.random.default_rng(11)
    for _ in range(200):
        passages = int(rng.integers(2, 30))
        pairs = sorted({(int(s), int(p)) for s, p in zip(rng.integers(0, 12, 60), rng.integers(0, passages, 60))})
        stem = np.array([s for s, _ in pairs], dtype=np.int64)
        passage = np.array([p for _, p in pairs], dtype=np.int64)
        reach = int(rng.integers(1, 4))
        heads = passages - 1
        size_a, size_b, common = _side_stems(stem, passage, heads, reach)
        for k in range(heads):
            side_a = {s for s, p in pairs if k + 1 - reach <= p <= k}
            side_b = {s for s, p in pairs if k + 1 <= p <= k + reach}
            assert (size_a[k], size_b[k], common[k]) == (len(side_a), len(side_b), len(side_a & side_b))

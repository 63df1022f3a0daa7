import numpy as np

from corpuscut.segmenter.numbered import NumberedRules, numbered, numbered_heads
from corpuscut.segmenter.sections import SectionRules, load_section_rules, merge_sections
from corpuscut.text.stems import StemIds

SHIPPED = load_section_rules().numbered


def form(line):
    pattern = SHIPPED.compiled
    assert pattern is not None
    return numbered(line, pattern, SHIPPED.max_words)


def test_a_numbered_line_has_a_label_a_mark_and_a_number():
    assert form("Tip #3 - Avoid phishing scams") == (("tip#", "-", ()), 3)
    assert form("4 - Dolmenwood") == (("", "-", ()), 4)
    assert form("7. Pick a paint palette") == (("", ".", ()), 7)
    assert form("4.2 Roaming plans for Japan") == (("", "", (4,)), 2)


def test_a_year_a_paragraph_or_a_plain_line_heads_no_numbered_section():
    assert form("2025 Review of the year") is None
    assert form("Markets rally as rates fall") is None
    assert form("3 " + "word " * 30) is None


def test_a_numbered_line_heads_a_section_only_beside_its_neighbour_number_in_the_same_form():
    lines = ["Tips", "Tip #1 - Update", "text", "Tip #2 - Back up", "text", "3. Other", "text", "Tip 4 - Lock"]
    heads = numbered_heads([1, 3, 5, 7], lines.__getitem__, len(lines), SHIPPED)
    # 3. has no 2. or 4., and "Tip 4" no "Tip 3" (its label has no "#")
    assert heads == {1, 3}
    assert numbered_heads([1], lines.__getitem__, len(lines), NumberedRules()) == set()


def test_a_cut_before_a_numbered_section_is_merged_unless_a_cue_keeps_it_or_it_scores_high():
    ids = StemIds.of([["otter"], ["seal"], ["whale"], ["crab"]])
    rules = SectionRules(min_shared=0.9, max_logit=3.0)
    none = np.zeros(3, dtype=bool)
    assert merge_sections([1, 2, 3], ids, [0.5] * 3, none, rules) == [1, 2, 3]
    assert merge_sections([1, 2, 3], ids, [0.5] * 3, none, rules, numbered=frozenset({2, 3})) == [1]
    assert merge_sections([1, 2, 3], ids, [0.5, 0.5, 5.0], none, rules, numbered=frozenset({2, 3})) == [1, 3]
    kept = np.array([False, True, False])
    assert merge_sections([1, 2, 3], ids, [0.5] * 3, kept, rules, numbered=frozenset({2, 3})) == [1, 2]

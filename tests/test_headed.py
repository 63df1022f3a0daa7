"""A dump of headed stories: a headline over a lede gains log-odds before decoding, where the
text's headlines mostly stand over ledes."""

from dataclasses import replace

import numpy as np
import pytest

from corpuscut.segmenter import Segmenter
from corpuscut.segmenter.headed import HeadedRules, lede_bonus, load_headed_rules

RULES = HeadedRules(bonus=2.0, min_headlines=3, min_share=0.6)


def layout(kinds: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per gap, a headline over a longer text after it; per block, a one-sentence paragraph of
    lede length, and a paragraph of lede length. ``kinds``, a letter a block: H a headline,
    L a lede (one sentence), P a paragraph of several sentences, s a short line."""
    heads = np.array([k == "H" for k in kinds[1:]])
    one = np.array([k == "L" for k in kinds])
    long_enough = np.array([k in "LP" for k in kinds])
    return heads, one, long_enough


def test_headlines_over_ledes_gain_where_the_text_repeats_the_layout():
    heads, one, long_enough = layout("HLPPHLPPPHLPPHPP")
    gain = lede_bonus(heads, one, long_enough, RULES)
    # the headlines at blocks 4, 9 and 13; the one at 13 heads a paragraph of several sentences
    assert gain[3] == pytest.approx(2.0) and gain[8] == pytest.approx(2.0)
    assert gain[12] == 0.0
    assert np.count_nonzero(gain) == 2


def test_nothing_where_few_headlines_stand_over_ledes():
    # subheads over paragraphs like the others, one over a short paragraph: a web article's
    heads, one, long_enough = layout("PPHPPHLPPHPPHPP")
    assert not lede_bonus(heads, one, long_enough, RULES).any()


def test_nothing_with_too_few_headlines_or_no_ledes_to_tell():
    heads, one, long_enough = layout("PPPHLPPPHLPP")
    assert not lede_bonus(heads, one, long_enough, RULES).any()  # two headlines only
    # a sentence a paragraph (wire copy): every paragraph is "one sentence", no lede stands out
    heads, one, long_enough = layout("HLLLHLLLHLLL")
    assert not lede_bonus(heads, one, long_enough, RULES).any()
    heads, one, long_enough = layout("PPHLPPHLPPHLPP")
    assert not lede_bonus(heads, one, long_enough, replace(RULES, bonus=0.0)).any()
    assert lede_bonus(heads, one, long_enough, RULES).any()


def test_with_opening_only_a_text_that_opens_on_a_headline_over_a_lede_gains():
    opening = replace(RULES, opening=True)
    heads, one, long_enough = layout("HLPPHLPPPHLPPHPP")
    assert lede_bonus(heads, one, long_enough, opening, opens_headed=True).any()
    # a web article: its own first paragraph, then subheads over one-sentence summaries
    assert not lede_bonus(heads, one, long_enough, opening, opens_headed=False).any()
    heads, one, long_enough = layout("PLPPHLPPPHLPPHLPP")
    assert not lede_bonus(heads, one, long_enough, opening, opens_headed=False).any()
    assert lede_bonus(heads, one, long_enough, RULES, opens_headed=False).any()


def test_the_shipped_rules_load():
    rules = load_headed_rules()
    assert rules.bonus > 0 and rules.min_headlines >= 2 and 0 < rules.min_share <= 1


STORIES = [
    ("Hewitt survives Nalbandian epic",
     "Home favourite Lleyton Hewitt came through a dramatic five-set battle with David Nalbandian to reach the semi-finals.",
     "Hewitt looked to be cruising to victory after racing into a two-set lead. But Nalbandian broke his serve three "
     "times in both of the next two sets. Hewitt held his nerve in the decider.",
     "The Argentine had stoked up the temperature before the match. He said the celebrations were not good for the "
     "sport. Hewitt said he would let his tennis do the talking."),
    ("Hewitt fights back to reach final",
     "Lleyton Hewitt kept his dream of an Australian Open title alive with a four-set win over Andy Roddick on Friday.",
     "The home favourite will face Marat Safin in the final after coming through in four sets. Hewitt fought back from "
     "a set down. Roddick served well but faded in the fourth set.",
     "The crowd at Melbourne Park roared him home in the last game. Roddick said he had run out of ideas. Hewitt "
     "thanked the fans for their support."),
    ("Safin beats Hewitt in Melbourne final",
     "Marat Safin beat home favourite Lleyton Hewitt in four sets to win the Australian Open final on Sunday night.",
     "Safin lost the first set to Hewitt but took control of the match in the second. Hewitt had no answer to his "
     "serve. The Russian won his second Grand Slam title.",
     "Safin had lost three of his previous finals in Melbourne. He said this win meant more than any other. Hewitt "
     "said he was proud of his fortnight."),
    ("Williams battles to Aussie title",
     "Serena Williams staged a remarkable recovery to beat Lindsay Davenport and win her second Australian Open title.",
     "Williams had looked close to quitting with a rib injury early in the match. Davenport took advantage to race "
     "through the first set. Williams then won twelve of the last fifteen games.",
     "Davenport said she had been too passive once Williams found her range. The American will return to the top "
     "five next week. She thanked her sister for her support."),
]


def test_the_decoder_weighs_the_gain_at_each_headline_over_a_lede():
    # four short stories on one field: their headlines score as subheads, and the gain, where
    # it is large enough, is what cuts there
    text = "\n\n".join(f"{h}\n\n{lede}\n\n{body}\n\n{more}" for h, lede, body, more in STORIES) + "\n"
    none = Segmenter(headed=replace(RULES, bonus=0.0)).split(text)
    assert len(none) < len(STORIES)
    articles = Segmenter(headed=replace(RULES, bonus=12.0)).split(text)
    assert "".join(a.text for a in articles) == text
    assert [a.title for a in articles] == [story[0] for story in STORIES]
    # the same stories with a subhead over a paragraph of several sentences in each: no rhythm of
    # headlines over ledes, no gain
    subheads = "\n\n".join(f"{h}\n\n{body}\n\n{lede}\n\n{more}" for h, lede, body, more in STORIES) + "\n"
    assert len(Segmenter(headed=replace(RULES, bonus=12.0)).split(subheads)) == len(none_of(subheads))


def none_of(text: str) -> list:
    return Segmenter(headed=replace(RULES, bonus=0.0)).split(text)

"""A dump of headless stories: a lede that opens as one, or follows a quotation's end, and names
a subject new to the paragraphs before it gains log-odds before decoding."""

from dataclasses import replace

import numpy as np
import pytest

from corpuscut.segmenter import Segmenter
from corpuscut.segmenter.cues import load_cues
from corpuscut.segmenter.model import load_model
from corpuscut.segmenter.headless import (HeadlessRules, lede_gain, load_headless_rules, new_names, new_subjects,
                                          reintroduced_names, short_ledes)
from corpuscut.text.stems import StemIds

RULES = HeadlessRules(bonus=2.0, min_gaps=2, opening=True, subject_reach=2)


def marks(kinds: str, blocks: int) -> np.ndarray:
    """Per block, True at the blocks whose letter in ``kinds`` (one a block) is 'x'."""
    assert len(kinds) == blocks
    return np.array([k == "x" for k in kinds])


def test_ledes_that_open_as_one_or_follow_a_quotation_gain():
    ledes = marks("..x..x..x.", 10)  # per gap: lede_after fires before blocks 3, 6 and 9
    opening = marks("...x......x", 11)  # block 3 opens "... has ..."
    quoted = marks(".....x.....", 11)  # the paragraph before block 6 ends on a quotation's close
    fresh = np.ones(11, dtype=bool)
    gain = lede_gain(ledes, False, True, opening, quoted, fresh, RULES)
    assert gain[2] == pytest.approx(2.0) and gain[5] == pytest.approx(2.0)
    # the lede before block 9 neither opens as one nor follows a quotation
    assert gain[8] == 0.0 and np.count_nonzero(gain) == 2


def test_nothing_in_a_text_with_headlines_or_one_that_opens_otherwise():
    ledes = marks("..x..x....", 10)
    opening = marks("...x..x....", 11)
    quoted = np.zeros(11, dtype=bool)
    fresh = np.ones(11, dtype=bool)
    assert lede_gain(ledes, False, True, opening, quoted, fresh, RULES).any()
    assert not lede_gain(ledes, True, True, opening, quoted, fresh, RULES).any()
    assert not lede_gain(ledes, False, False, opening, quoted, fresh, RULES).any()
    assert lede_gain(ledes, False, False, opening, quoted, fresh, replace(RULES, opening=False)).any()
    assert not lede_gain(ledes, False, True, opening, quoted, fresh, replace(RULES, bonus=0.0)).any()
    # one such lede alone is no dump's rhythm
    assert not lede_gain(ledes, False, True, marks("...x.......", 11), quoted, fresh, RULES).any()


def test_a_subject_named_again_is_no_lede():
    ledes = marks("..x..x....", 10)
    opening = marks("...x..x....", 11)
    quoted = np.zeros(11, dtype=bool)
    fresh = np.ones(11, dtype=bool)
    fresh[6] = False
    assert not lede_gain(ledes, False, True, opening, quoted, fresh, RULES).any()  # one gap left: too few
    assert lede_gain(ledes, False, True, opening, quoted, fresh, replace(RULES, min_gaps=1))[2] > 0


def test_new_subjects_asks_the_first_content_word_against_the_paragraphs_before():
    ids = StemIds.of([["hewitt", "win", "semi"], ["nalbandian", "serve"], ["hewitt", "hold", "nerve"],
                      ["safin", "final"], [], ["nalbandian", "argentine"]])
    fresh = new_subjects(ids.starts, ids.ids, np.arange(1, 6), 2)
    # "hewitt" two paragraphs back; "safin" new; an empty paragraph no subject; "nalbandian" three back
    assert fresh.tolist() == [False, True, False, True, False, True]
    assert new_subjects(ids.starts, ids.ids, np.arange(1, 6), 0).all()


def test_the_cue_lists_read_a_lede_and_a_quotation_end():
    cues = load_cues()
    assert cues.shape("Tennis star Kim Clijsters will make her return from injury at the Antwerp event in February.").lede_opening
    assert cues.shape("japanese industrial output has fallen for a third month , official figures show .").lede_opening
    assert not cues.shape("But she is still undecided about competing in the European Championships this year.").lede_opening
    assert cues.ends_quotation('"It just took one jackass to shout out," said Roddick, adding: "They were fine."')
    assert cues.ends_quotation("it is certainly not something that i did last night . '")
    assert not cues.ends_quotation("The tournament will take place from 9-15 January.")


def test_the_shipped_rules_load():
    rules = load_headless_rules()
    assert rules.bonus > 0 and rules.min_gaps >= 1 and rules.subject_reach >= 1


STORIES = [
    "Tennis star Kim Clijsters will make her return from a career-threatening injury at the Antwerp event in February.",
    "The Belgian has not played since a wrist operation last year. She said the injury had left her close to quitting "
    "the game. Her doctors have since cleared her to play.",
    "Clijsters has been practising in Bree for a month. \"I feel ready to compete again,\" she said.",
    "Top seed Lindsay Davenport has booked her place in the last 16 of the Australian Open with a convincing win.",
    "The American needed just over an hour to see off her opponent. She served well throughout. Davenport said she "
    "was happy with her form.",
    "Davenport will next meet the winner of the match between two qualifiers. \"I am playing well,\" she said.",
    "Olympic champion Justine Henin-Hardenne will return to action in January at the Sydney International "
    "tournament after four months out with a virus.",
    "The Belgian has been out since the US Open with a virus. Her coach said she was training hard again. She will "
    "decide on her schedule after Sydney.",
]


def test_the_gain_reaches_the_decoder_and_the_split_stays_lossless():
    # every gap scored 6 log-odds lower than the shipped model scores it: stories on one field
    # whose starts the model leaves uncut, as in the dumps
    model = load_model()
    model = replace(model, bias=model.bias - 6.0)
    text = "\n\n".join(STORIES) + "\n"
    gained = Segmenter(model=model, headless=replace(RULES, bonus=12.0)).analyse(text)
    none = Segmenter(model=model, headless=replace(RULES, bonus=0.0)).analyse(text)
    assert none.logits == gained.logits  # the model's own scores; the gain is the decoder's
    assert none.boundaries == []
    assert [gained.blocks[b].text for b in gained.boundaries] == [STORIES[3], STORIES[6]]
    articles = Segmenter(model=model, headless=replace(RULES, bonus=12.0)).split(text)
    assert "".join(a.text for a in articles) == text


def test_a_paragraph_that_refers_back_to_whom_the_lede_named_makes_it_of_a_ledes_shape():
    ledes = marks("..x..x..x.", 10)
    opening = np.zeros(11, dtype=bool)
    quoted = np.zeros(11, dtype=bool)
    fresh = np.ones(11, dtype=bool)
    # the paragraphs after the ledes of blocks 3 and 9 open "The American had ...", "The 18-year-old ..."
    back = marks("....x.....x", 11)
    rules = replace(RULES, back_reference=True)
    gain = lede_gain(ledes, False, True, opening, quoted, fresh, rules, back)
    assert gain[2] == pytest.approx(2.0) and gain[8] == pytest.approx(2.0) and np.count_nonzero(gain) == 2
    assert not lede_gain(ledes, False, True, opening, quoted, fresh, RULES, back).any()  # not asked
    assert not lede_gain(ledes, False, True, opening, quoted, fresh, rules, None).any()
    # a subject named again is no lede, whatever follows it
    fresh[9] = False
    assert not lede_gain(ledes, False, True, opening, quoted, fresh, rules, back).any()


def test_the_cue_list_reads_a_description_of_someone_just_named():
    cues = load_cues()
    for line in ("The American had too much power for her 15-year-old opponent.",
                 "The Russian, ranked sixth in the world, broke Williams three times.",
                 "The 18-year-old Mirza, who got a wild card entry, lost in the third round.",
                 "The former world number one will play at the Volvo Women's Open.",
                 "The top seed was a strong favourite for the title."):
        assert cues.refers_back(line), line
    # an organisation's name, or a paragraph that opens otherwise
    for line in ("The Central Board of Secondary Education proposes to make the test optional.",
                 "The Panama Papers were published last year.",
                 "Williams saved three championship points before losing the match."):
        assert not cues.refers_back(line), line


def test_new_names_asks_a_full_name_among_the_ledes_first_words():
    texts = ["Roddick beat Hewitt in the semi-final. Top seed Roddick served well.",
             "Top seed Lindsay Davenport booked her place in the last 16.",  # a new full name
             "Top seed Andy Roddick was beaten in the final.",  # Roddick named before, Andy not: new
             "Davenport said she was happy. Lindsay Davenport will play on Monday.",
             "The President will release three books, Rashtrapati Bhavan among them.",  # past the sixth word
             "In the past, Joseph has worked with others."]  # a name alone
    fresh = new_names(texts, np.arange(1, 6), 2)
    assert fresh.tolist() == [False, True, True, False, False, False]
    assert not new_names(["Kim Clijsters will return.", "Kim Clijsters will return."], np.array([1]), 1).any()


def test_reintroduced_names_asks_an_opening_full_name_the_paragraphs_before_used():
    texts = ["Clijsters was also due to marry fellow tennis star Lleyton Hewitt in February.",
             "Lleyton Hewitt suffered a shock defeat to Taylor Dent in Adelaide.",  # named in full again
             "Hewitt said he had not played well.",  # by surname: no full name
             "Top seed Andy Roddick was beaten in the final.",  # a full name, but new to the two before
             "The President will release three books.",  # 'President' none of the words before
             "Elena Dementieva swept aside Venus Williams."]
    found = reintroduced_names(texts, np.arange(1, 6), 2)
    assert found.tolist() == [False, True, False, False, False, False]
    texts[5] = "Andy Roddick later met Hewitt."  # Roddick named in the two paragraphs before
    found = reintroduced_names(texts, np.array([5]), 2)
    assert found.tolist() == [False, False, False, False, False, True]
    assert not reintroduced_names(texts, np.array([0]), 2).any()  # the text's first block


def test_a_short_one_sentence_paragraph_is_a_lede_where_nothing_stands_against_a_cut():
    words = np.array([40, 13, 12, 9, 30, 14, 12])
    terminal = np.array([True, True, True, True, True, False, True])
    one = np.array([False, True, False, True, False, True, True])
    free = np.array([True, True, True, True, True, False])
    found = short_ledes(words, terminal, one, free, 10, 16)
    # block 1 (13 words, one sentence); not block 2 (two sentences), 3 (9 words), 5 (no final
    # stop), 6 (a cue stands before it)
    assert found.tolist() == [True, False, False, False, False, False]


def test_a_short_lede_and_a_name_used_before_reach_the_decoder():
    # a short lede (13 words, under the cues' lede_min_words) whose subject the story before named
    stories = [
        "Clijsters has been practising in Bree for a month. \"I feel ready to compete again,\" she said. "
        "Her coach is pleased with her form and her fitness.",
        "She was also due to marry fellow tennis star Lleyton Hewitt in February, but the pair split in October.",
        "Lleyton Hewitt will return to action in January's Sydney International tournament.",
        "The top seed has not played since the US Open. His coach said he was training hard again. He will "
        "decide on his schedule after Sydney.",
    ]
    model = replace(load_model(), bias=load_model().bias - 6.0)
    text = "\n\n".join(STORIES[:3] + stories) + "\n"
    rules = replace(RULES, bonus=20.0, min_gaps=1, back_reference=True, subject_names=True)
    plain = Segmenter(model=model, headless=rules).analyse(text)
    found = Segmenter(model=model, headless=replace(rules, reintroduced_names=True, short_lede_words=10)).analyse(text)
    assert plain.logits == found.logits
    lede = text.index("Lleyton Hewitt will")
    assert lede not in [plain.blocks[b].start for b in plain.boundaries]
    assert lede in [found.blocks[b].start for b in found.boundaries]
    articles = Segmenter(model=model, headless=replace(rules, reintroduced_names=True, short_lede_words=10)).split(text)
    assert "".join(a.text for a in articles) == text

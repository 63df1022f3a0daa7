"""A paragraph that ends on a link's label whose link the scrape lost ("... Also read:") ends its
story: the gap after it gains log-odds before decoding (segmenter/labels.py)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from corpuscut.segmenter import Segmenter
from corpuscut.segmenter.cues import load_cues
from corpuscut.segmenter.labels import LabelRules, label_gain, load_label_rules
from corpuscut.segmenter.model import load_model


def test_the_cue_list_reads_a_label_at_a_paragraphs_end():
    cues = load_cues()
    for line in ("The delegation handed over a memorandum to State Election Commissioner SK Srivastava. Also read:",
                 "Training needs to be focused towards this,\" the letter said. (With inputs from PTI) ALSO READ:",
                 "The video has been viewed over a million times. Also watch: ",
                 "It is the largest operator with 43 per cent revenue marketshare. Also Read: Voda-Idea merger to "
                 "create Rs 80,000 crore revenue firm"):
        assert cues.ends_on_label(line), line
    # a colon that introduces a quotation, a label that opens the line (an aside line of its
    # own, which the boundary model weighs), a label whose sentences go on past it
    for line in ("He told reporters what he had read:",
                 "Also read: how the metro's signboards came down",
                 "The minister said this. Also read: the report. It says the metro lost money."):
        assert not cues.ends_on_label(line), line


def test_a_gap_after_a_labelled_paragraph_gains_its_bonus():
    labelled = np.array([False, True, True, False, True])
    words = np.array([30, 25, 40, 4, 20])
    gain = label_gain(labelled, words, LabelRules(bonus=4.0, min_words=8, next_min_words=16))
    # after block 1 (a paragraph before a paragraph); not after block 2, whose next block is a
    # short line (the linked story's title); block 4 is the text's last
    assert gain.tolist() == [0.0, 4.0, 0.0, 0.0]
    assert not label_gain(labelled, words, LabelRules(bonus=0.0)).any()
    short = label_gain(labelled, np.array([30, 6, 40, 4, 20]), LabelRules(bonus=4.0, min_words=8))
    assert not short.any()  # a label with a few words before it is an aside line, not a paragraph's end
    assert label_gain(np.array([True]), np.array([10]), LabelRules(bonus=4.0)).size == 0


def test_the_shipped_rules_load():
    assert load_label_rules().bonus > 0


def test_the_gain_reaches_the_decoder_and_the_split_stays_lossless():
    text = ("The Trinamool Congress on Monday asked the State Election Commission to ensure that the ruling "
            "party does not use its official position while campaigning for the civic polls.\n\n"
            "The delegation handed over a memorandum to State Election Commissioner SK Srivastava. Also read:\n\n"
            "The Central Board of Secondary Education has told schools affiliated to it that educational "
            "institutions are not commercial establishments and must not sell books or uniforms.\n\n"
            "Schools found selling stationery on their premises will face action, the board said in a circular.\n")
    model = load_model()
    # every gap scored low enough that the decoder cuts only where it is pushed to
    model = replace(model, bias=model.bias - 6.0)
    none = Segmenter(model=model, labels=LabelRules(bonus=0.0)).analyse(text)
    gained = Segmenter(model=model, labels=LabelRules(bonus=40.0)).analyse(text)
    assert none.logits == gained.logits  # the model's own scores; the gain is the decoder's
    assert 2 not in none.boundaries and gained.boundaries == [2]
    articles = Segmenter(model=model, labels=LabelRules(bonus=40.0)).split(text)
    assert len(articles) == 2 and articles[1].text.startswith("The Central Board")
    assert "".join(a.text for a in articles) == text

"""A photo's caption, which places its people in brackets among its first words, opens no story:
a cut before it loses log-odds before decoding."""

import numpy as np
import pytest

from corpuscut.segmenter.captions import CaptionRules, caption_loss, load_caption_rules
from corpuscut.segmenter.cues import load_cues
from tests.conftest import decoded_with_and_without


def test_the_cue_list_reads_a_caption():
    cues = load_cues()
    for line in ("leicester 's andrej kramaric ( right ) is closed down by teammate richie de laet ( left ) during training .",
                 "Prince Harry (left) and his brother arrive at the service in London.",
                 "riyad mahrez ( centre ) scored the only goal of the game as leicester won 1 - 0 at hull ."):
        assert cues.is_caption(line), line
    # brackets that place nobody, or a place named deep in a long paragraph (a caption glued
    # into a story's paragraph is no caption opening it)
    for line in ("The company (which employs 400 people) said profits rose.",
                 "gary neville and jamie carragher pulled no punches in their scathing assessment of manchester city "
                 "'s performance during the 2 - 1 defeat . neville ( left ) and carragher were in the studio .",
                 "No brackets at all here."):
        assert not cues.is_caption(line), line


def test_a_cut_before_a_caption_loses_its_penalty():
    captions = np.array([False, True, False, True])
    loss = caption_loss(captions, CaptionRules(penalty=2.0))
    assert loss.tolist() == pytest.approx([-2.0, 0.0, -2.0])
    assert not caption_loss(captions, CaptionRules(penalty=0.0)).any()
    assert caption_loss(np.array([True]), CaptionRules(penalty=2.0)).size == 0


def test_the_shipped_rules_load():
    assert load_caption_rules().penalty > 0


def test_the_loss_reaches_the_decoder_and_the_split_stays_lossless():
    text = ("west ham striker carlton cole has accepted a football association charge over a twitter exchange with "
            "a tottenham supporter . cole had until 6 pm on tuesday to respond to the charge .\n\n"
            "the 31 - year - old will now face a fine . west ham said they would support the player .\n\n"
            "leicester 's andrej kramaric ( right ) is closed down by teammate richie de laet ( left ) during "
            "training at belvoir drive .\n\n"
            "leicester are bottom of the barclays premier league and go to manchester city on wednesday .\n")
    none, lost, articles = decoded_with_and_without(text, "captions", CaptionRules(penalty=0.0),
                                                     CaptionRules(penalty=40.0))
    assert none.logits == lost.logits  # the model's own scores; the loss is the decoder's
    assert 2 in none.boundaries and 2 not in lost.boundaries
    assert "".join(a.text for a in articles) == text

"""An interviewer's question, a paragraph that asks in its own voice among others like it, opens no
story: a cut before it loses log-odds before decoding (segmenter/interviews.py)."""

import numpy as np

from corpuscut.segmenter.cues import load_cues
from corpuscut.segmenter.interviews import InterviewRules, load_interview_rules, question_loss
from tests.conftest import decoded_with_and_without


def test_the_cue_list_reads_a_question_in_its_own_voice():
    cues = load_cues()
    for line in ("Do you see an emerging threat in the new China-Pakistan proximity and how do you propose to respond?",
                 "Have you identified any key areas for delivery during your tenure? ",
                 "¿Cuál es su prioridad？"):
        assert cues.asks(line), line
    # a quotation's question, a question inside the paragraph, none at all
    for line in ("'what are you going to say to warner ? '",
                 "He asked: \"Is this relevant in our context?\"",
                 "Is this relevant? We raised the corps as part of a transition.",
                 "The army raised the corps."):
        assert not cues.asks(line), line


def test_a_question_among_others_loses_its_penalty():
    questions = np.array([False, True, False, True, False, False, False, False, True, False])
    words = np.array([30, 20, 40, 17, 30, 30, 30, 30, 25, 30])
    loss = question_loss(questions, words, InterviewRules(penalty=2.0, min_words=16, reach=4))
    # blocks 1 and 3 are two apart; block 8 is five blocks from block 3
    assert loss.tolist() == [-2.0, 0.0, -2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    assert not question_loss(questions, words, InterviewRules(penalty=0.0)).any()
    # a short question (a headline, an FAQ's title) is no interviewer's turn
    short = question_loss(questions, np.array([30, 11, 40, 17, 30, 30, 30, 30, 25, 30]),
                          InterviewRules(penalty=2.0, min_words=16))
    assert not short.any()
    # a lone question: a story may open on one
    lone = question_loss(np.array([False, True, False, False]), np.array([30, 20, 30, 30]), InterviewRules(penalty=2.0))
    assert not lone.any()


def test_the_shipped_rules_load():
    rules = load_interview_rules()
    assert rules.penalty > 0 and rules.min_words > 0 and rules.reach >= 1


def test_the_loss_reaches_the_decoder_and_the_split_stays_lossless():
    text = ("The army chief spoke to us about the threats the country faces and how the forces are preparing "
            "for them in the years ahead.\n\n"
            "Did the surgical strikes define our new red lines in a strong response to a high-casualty attack by "
            "terrorists?\n\n"
            "All nations and armies define their own thresholds. The attack on Parliament was a threshold.\n\n"
            "Do you see an emerging threat in the new proximity of our neighbours and how do you propose to respond "
            "to it?\n\n"
            "National security strategy by any nation is defined by its national interests, he said.\n")
    none, lost, articles = decoded_with_and_without(text, "interviews", InterviewRules(penalty=0.0),
                                                     InterviewRules(penalty=40.0))
    assert none.logits == lost.logits  # the model's own scores; the loss is the decoder's
    assert {1, 3} <= set(none.boundaries) and not {1, 3} & set(lost.boundaries)
    assert "".join(a.text for a in articles) == text

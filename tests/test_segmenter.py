from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscut.segmenter import CueFileError, Segmenter, load_cues, split
from corpuscut.segmenter.articles import count_words
from corpuscut.segmenter.decoding import choose_boundaries
from tests.conftest import SAMPLES


def test_seed_dump_splits_into_its_five_articles_at_lines_1_24_25_26_27(seed_text):
    articles = split(seed_text)
    assert [a.start_line for a in articles] == [1, 24, 25, 26, 27]
    assert [a.end_line for a in articles] == [23, 24, 25, 26, 27]
    assert articles[0].text.rstrip().endswith("Natalia Ojewska")


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_every_sample_splits_losslessly_with_contiguous_offsets(path):
    text = path.read_text(encoding="utf-8")
    articles = split(text)
    assert "".join(a.text for a in articles) == text
    assert articles[0].start == 0 and articles[-1].end == len(text)
    for a, b in zip(articles, articles[1:]):
        assert a.end == b.start
    for a in articles:
        assert text[a.start:a.end] == a.text


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.gold.jsonl")), ids=lambda p: p.name)
def test_built_samples_split_at_their_gold_starts(path):
    text = path.with_name(path.name.replace(".gold.jsonl", ".txt")).read_text(encoding="utf-8")
    gold = [json.loads(line)["start"] for line in path.read_text().splitlines()]
    assert [a.start for a in split(text)] == gold


def test_blank_lines_between_articles_whose_paragraphs_are_not_blank_separated_start_new_articles():
    text = (
        "Storm closes ports across the north coast as winds reach record speeds overnight.\n"
        "Ferries stayed in harbour and the coastguard warned people to keep away from the sea.\n\n"
        "Local bakery wins national award for its sourdough bread and rye loaves this year.\n"
        "The owners said the prize belonged to their staff, who start baking at four every morning.\n"
    )
    assert [a.start_line for a in split(text)] == [1, 4]


def test_separator_lines_start_new_articles_and_stay_with_the_previous_one():
    text = (
        "Markets rally\nShares rose sharply on Monday after new data showed factory output growing again.\n----\n"
        "Floods hit town\nThe river burst its banks overnight and dozens of homes were flooded, police said.\n"
    )
    articles = split(text)
    assert [a.title for a in articles] == ["Markets rally", "Floods hit town"]
    assert articles[0].text.endswith("----\n")
    assert "separator line" in articles[1].reasons


def test_line_cut_off_mid_sentence_ends_an_article():
    a = (
        "The central bank raised interest rates again on Thursday, its fourth rise this year, in a move that "
        "analysts said would weigh on house prices and on the spending of families who are already stretched "
        "by higher food and energy bills, and that the government would"
    )
    b = (
        "Football fans queued overnight for tickets to the cup final, which sold out within an hour of going on "
        "sale, and the club said it would put a big screen in the town square so that those without tickets "
        "could watch the match together."
    )
    articles = split(f"{a}\n{b}\n")
    assert len(articles) == 2
    from corpuscut.segmenter.features import REASONS

    assert {REASONS["cut_mid_sentence_before"], REASONS["long_line_cut_before"]} & set(articles[1].reasons)


def test_caption_inside_an_article_does_not_start_a_new_one():
    text = (
        "Ministers agreed a new deal on fishing quotas after talks that lasted through the night in Brussels.\n"
        "Fishing boats in harbour\n"
        "The deal cuts quotas for cod by a fifth and gives fishing fleets more days at sea, ministers said.\n"
    )
    assert len(split(text)) == 1


def test_a_short_line_repeating_words_of_a_nearby_paragraph_is_an_echo_and_a_headline_is_not():
    from corpuscut.segmenter.echo import echoes

    texts = [
        "Talks collapse over fishing quotas",  # a headline: its words stand nowhere else
        "Ministers failed to agree on quotas, and the talks collapsed over cod after a long night.",
        "the talks collapsed over cod",  # a pull quote: punctuation and case aside, a run of line 1
        "cod after",  # too few words to count
        "The deal cuts quotas for cod by a fifth, ministers said.",
    ]
    flagged = echoes(texts, np.array([True, False, True, True, False]), min_words=3, reach=12)
    assert flagged.tolist() == [False, False, True, False, False]
    assert not echoes(texts, np.array([False, False, True, False, False]), min_words=3, reach=0).any()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ .,'\"-*()\u00e9\u0130\u03a3\u2019\u201c\u2014\u2026\u00ab\u00df")) | st.characters(),
               max_size=60))
def test_a_lines_bare_words_are_its_lower_case_text_without_punctuation(text):
    from corpuscut.segmenter.echo import MAX_NEIGHBOUR_CHARS, PUNCTUATION, _bare

    assert _bare(text) == text[:MAX_NEIGHBOUR_CHARS].lower().translate(str.maketrans("", "", PUNCTUATION))


def test_a_headline_its_first_paragraph_restates_is_no_echo_but_a_repeat_further_down_is():
    from corpuscut.segmenter.echo import echoes

    texts = [
        "Add an account",
        "Add an account to link your online accounts to your desktop.",
        "Add an account",  # the same words as a line of their own further on: a caption
        "Open the Activities overview and start typing Online Accounts.",
    ]
    candidates = np.array([True, False, True, False])
    # The opening words of the line right under it do not make an echo; words further into a
    # line, or in another line, do.
    assert echoes(texts, candidates, min_words=3, reach=12).tolist() == [False, False, True, False]
    texts[1] = "You can link your online accounts to your desktop once you add an account in Settings."
    assert echoes(texts, candidates, min_words=3, reach=12).tolist() == [True, False, True, False]


def test_a_short_question_over_a_paragraph_is_a_question_headline_and_a_q_and_a_turn_is_not():
    text = (
        "What is an IP address?\n"
        "An IP address is like a phone number for your computer: every device on a network has one, and "
        "others use it to send it data.\n"
        "Q: Can it change?\n"
        "Yes. Most networks give your computer a new address from time to time, unless you ask for a fixed "
        "one in the network settings of the desktop.\n"
    )
    feats = Segmenter().analyse(text).features
    column = feats.matrix[:, feats.names.index("question_after")]
    assert column.tolist() == [0.0, 0.0, 0.0]  # the first line starts the text: no gap before it
    lead = "The network settings hold every address the computer has been given so far, one per line.\n"
    feats = Segmenter().analyse(lead + text).features
    assert feats.matrix[:, feats.names.index("question_after")].tolist() == [1.0, 0.0, 0.0, 0.0]
    assert not feats.matrix[:, feats.names.index("headline_after")].any()


def test_a_long_line_cut_off_mid_sentence_raises_the_score_of_the_gap_before_it():
    segmenter = Segmenter()
    lead = ("Ministers agreed a new deal on fishing quotas after talks that lasted through the night in Brussels, "
            "and the fleets will have more days at sea.\n")
    teaser = ("Oil prices fell sharply on Tuesday after the producers' cartel said it was unlikely to cut its output "
              "at the meeting next month, and traders who had bet on higher prices rushed to sell as the dollar rose "
              "against the euro and")
    cut = segmenter.analyse(lead + teaser + "\n")
    whole = segmenter.analyse(lead + teaser + " the yen.\n")
    assert cut.logits[0] > whole.logits[0]
    assert dict(segmenter.model.evidence(cut.features.row(0)))["cut_line_after"] > 0


PARAGRAPHS = (
    "The minister said the plan would be published next week. Officials expect a vote before the summer. "
    "Critics say it goes too far.\n"
    "Talks with the unions have stalled since March. Both sides blame the other for the delay, and no new "
    "meeting has been set.\n"
)
LEDE = "Heavy snow has closed hundreds of schools across the north of England and left drivers stranded overnight.\n"
AFTER_LEDE = ("Police said several roads were impassable. Forecasters expect more snow on Friday, and rail "
              "operators have cut services.\n")


def test_a_one_sentence_paragraph_among_longer_ones_raises_the_score_of_the_gap_before_it():
    segmenter = Segmenter()
    lede = segmenter.analyse(PARAGRAPHS + LEDE + AFTER_LEDE)
    longer = segmenter.analyse(PARAGRAPHS + LEDE.replace(" and left", ". It left") + AFTER_LEDE)
    assert lede.logits[1] > longer.logits[1]
    assert dict(segmenter.model.evidence(lede.features.row(1)))["lede_after"] > 0
    from corpuscut.segmenter.features import REASONS

    # Named among the reasons of that gap (a lede alone, against a text's vocabulary, may not cut).
    assert REASONS["lede_after"] in segmenter.model.reasons(lede.features.row(1))


def test_one_sentence_paragraphs_tell_nothing_where_most_paragraphs_are_one_sentence():
    segmenter = Segmenter()
    wire = LEDE + "Police said several roads across the region were impassable and that drivers should stay at home.\n" * 3
    features = segmenter.analyse(wire).features
    column = features.names.index("lede_after")
    assert not features.matrix[:, column].any()
    assert features.matrix[:, features.names.index("no_lede_layout")].all()


def test_a_pull_quote_lowers_the_score_of_the_gap_before_it():
    segmenter = Segmenter()
    lead = ("Ministers failed to agree on fishing quotas, and the talks collapsed over cod stocks after a night "
            "of bargaining in Brussels.\n")
    tail = "The deal would have cut quotas for cod by a fifth and given the fleets more days at sea.\n"
    quote = segmenter.analyse(lead + "The talks collapsed over cod stocks\n" + tail)
    headline = segmenter.analyse(lead + "Europe weighs a new cod plan\n" + tail)
    assert quote.logits[0] < headline.logits[0]
    assert dict(segmenter.model.evidence(quote.features.row(0)))["echo_after"] < 0


@pytest.mark.parametrize("line, continues", [
    ('"We will not back down," the minister said on Monday.', True),
    ("But the plan failed within a week.", True),
    ("Mr Blair said the vote would go ahead.", True),
    ("- a list item", True),
    ("The plan failed within a week.", False),
    ("Butter prices rose for a third month.", False),
])
def test_a_paragraph_opening_like_a_continuation_is_marked(line, continues):
    assert load_cues().shape(line).continues is continues


def test_a_continuation_paragraph_lowers_the_score_of_the_gap_before_it():
    segmenter = Segmenter()
    lead = "The government has announced plans to cut taxes for small firms from next April.\n\n"
    plain = segmenter.analyse(lead + "Shares in the largest retailers rose sharply in early trading on Tuesday.\n")
    continued = segmenter.analyse(lead + "But shares in the largest retailers rose sharply in early trading on Tuesday.\n")
    assert continued.logits[0] < plain.logits[0]


def test_empty_text_has_no_articles_and_whitespace_is_one_article():
    assert split("") == []
    only = split(" \n\n\t\n")
    assert len(only) == 1 and only[0].text == " \n\n\t\n"


def test_every_boundary_reports_score_and_reasons(seed_text):
    for article in split(seed_text)[1:]:
        assert 0.0 < article.score <= 1.0
        assert article.reasons


def test_a_score_is_the_calibrated_probability_of_the_cut_logit():
    from dataclasses import replace

    from corpuscut.segmenter.model import load_model, sigmoid

    model = load_model()
    assert replace(model, calibration=(1.0, 0.0)).probability(1.5) == sigmoid(1.5)
    slope, intercept = model.calibration
    assert model.probability(2.0) == sigmoid(slope * 2.0 + intercept)
    assert slope > 0  # a higher logit is never a less likely cut


WIRE = (
    "GREAT LAKES <GL.TO> IN 390 MLN DLR EXPANSION\n"
    "TORONTO, April 13 - Great Lakes Forest Products Ltd said it plans a 390 mln dlr modernization and expansion "
    "of its newsprint business.\n"
    "It said the expansion's effect on company employment levels will be minimal.\n"
    "Reuter\n"
    "ALTEX <AII> SETS ACQUISITION OF COMPUTER FIRMS\n"
    "DENVER, April 3 - Altex Industries Inc said it has agreed in principle to buy 82 pct of two privately-held "
    "affiliated computer firms.\n"
    "Altex said it expects to close the transaction, which is subject to financing, in July.\n"
    "Reuter\n"
)


def test_a_wire_sign_off_ends_its_story_and_the_next_headline_starts_one():
    articles = split(WIRE)
    assert [a.text.splitlines()[0][:12] for a in articles] == ["GREAT LAKES ", "ALTEX <AII> "]
    assert articles[0].text.rstrip().endswith("Reuter")


def test_a_trailing_credit_line_stays_with_the_article_it_credits():
    first = ("Scientists find water ice on the moon\n"
             "Researchers said on Monday they had found water ice in craters near the lunar south pole, a discovery "
             "that could help future missions.\n"
             "The ice lies in places that never see sunlight, the team said in a paper published on Monday.\n"
             "(Image credit: NASA)\n")
    second = ("Markets rally as inflation cools\n"
              "Stocks rose on Wednesday after figures showed inflation slowing for a third month in a row, and "
              "investors bet that rates would fall.\n"
              "The main index closed up 1.2 percent, its best day since March.\n")
    articles = split(first + second)
    assert [a.text for a in articles] == [first, second]


@pytest.mark.parametrize("line", [
    "3. 'Not some irregular channel'", "Q: What happens to the money now?", "A: It goes back to the taxpayers.",
    "\u2022 Ministers will vote on Tuesday", "2) The second reason",
])
def test_list_items_numbered_sections_and_question_and_answer_turns_are_marked(line):
    assert load_cues().shape(line).item


def test_a_numbered_section_lowers_the_score_of_the_gap_before_it():
    segmenter = Segmenter()
    lead = ("The minister said the plan would be published next week. Officials expect a vote before the summer, "
            "and critics say it goes too far.\n")
    tail = ("Talks with the unions have stalled since March. Both sides blame the other for the delay, and no new "
            "meeting has been set.\n")
    numbered = segmenter.analyse(lead + "3. The unions' objections\n" + tail)
    plain = segmenter.analyse(lead + "The unions' objections\n" + tail)
    assert numbered.logits[0] < plain.logits[0]
    assert dict(segmenter.model.evidence(numbered.features.row(0)))["item_after"] < 0


def test_a_line_ending_with_a_colon_is_not_cut_off_mid_sentence():
    segmenter = Segmenter()
    lead = ("The committee published the five main decisions it took at the meeting on Tuesday, after a long "
            "debate that went on late into the night:\n")
    features = segmenter.analyse(lead + "Implementation of the new tax on goods and services from July.\n").features
    assert features.row(0)[features.names.index("cut_mid_sentence_before")] == 0


def test_user_cue_file_adds_patterns(tmp_path):
    cues = tmp_path / "cues.json"
    cues.write_text(json.dumps({"end_of_article": ["^END OF STORY$"]}))
    text = (
        "The first story is here, and it tells of a town that built a bridge across its river.\nEND OF STORY\n"
        "The second story is here, and it tells of a village that planted an orchard on the hill.\n"
    )
    assert len(Segmenter(cues=load_cues(cues)).split(text)) == 2


@pytest.mark.parametrize(
    "content, message",
    [
        ("not json", "not valid JSON"),
        ('{"byline": ["(unclosed"]}', "does not compile"),
        ('{"nope": []}', "unknown key"),
        ('{"byline": ["(?<=x)y"]}', "linear-time engine"),
    ],
)
def test_bad_cue_file_raises_an_error_naming_the_problem(tmp_path, content, message):
    cues = tmp_path / "cues.json"
    cues.write_text(content)
    with pytest.raises(CueFileError, match=message):
        load_cues(cues)


def test_decoder_drops_cuts_that_leave_a_tiny_article():
    assert choose_boundaries([5.0, 5.0], [50, 2, 50], min_words=20, short_penalty=20.0) in ([1], [2])
    assert choose_boundaries([5.0, 5.0], [50, 30, 50], min_words=20, short_penalty=20.0) == [1, 2]
    assert choose_boundaries([-1.0], [50, 50], min_words=20, short_penalty=6.0) == []


_lines = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80),
        st.sampled_from(["", "----", "* * *", "By Jane Doe", "LONDON (Reuters) - Shares fell.", "\x0c", "\r"]),
    ),
    max_size=30,
)


@settings(max_examples=150, deadline=None)
@given(_lines, st.sampled_from(["\n", "\r\n", "\r"]))
def test_splitting_any_text_is_lossless_and_deterministic(lines, newline):
    text = newline.join(lines)
    segmenter = Segmenter()
    articles = segmenter.split(text)
    assert "".join(a.text for a in articles) == text
    pos = 0
    for i, a in enumerate(articles):
        assert a.index == i and a.start == pos and a.end >= a.start and text[a.start:a.end] == a.text
        assert a.words == count_words(a.text)
        pos = a.end
    assert segmenter.split(text) == articles


def test_a_catastrophic_user_pattern_runs_in_linear_time(tmp_path):
    cues = tmp_path / "cues.json"
    cues.write_text(json.dumps({"end_of_article": ["^(a+)+$"], "byline": ["(x|x)*y"]}))
    segmenter = Segmenter(cues=load_cues(cues))
    text = ("a" * 5000 + "!\n") * 20 + "x" * 300 + "\n"
    assert "".join(a.text for a in segmenter.split(text)) == text


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["tax", "vote", "goal", "match", "rate", "bank", "x"]), max_size=30), max_size=60),
       st.integers(1, 80))
def test_vectorised_cohesion_equals_its_gap_by_gap_definition(block_stems, window):
    import corpuscut.segmenter.cohesion as module
    from corpuscut.segmenter.cohesion import cohesion, cohesion_reference
    from corpuscut.text.stems import StemIds

    saved, module.VECTORISE_FROM = module.VECTORISE_FROM, 2  # vectorised however few the blocks
    try:
        fast = cohesion(StemIds.of(block_stems), window)
    finally:
        module.VECTORISE_FROM = saved
    slow = cohesion_reference(block_stems, window)
    for a, b in ((fast.similarity, slow.similarity), (fast.depth, slow.depth), (fast.split_gain, slow.split_gain)):
        assert len(a) == len(b) and all(abs(x - y) < 1e-9 for x, y in zip(a, b))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["tax", "vote", "goal", "match", "rate", "bank", "x"]), max_size=12), max_size=40),
       st.lists(st.booleans(), max_size=40))
def test_context_overlap_is_the_share_of_a_lines_stems_found_in_the_blocks_around_it(block_stems, flags):
    from corpuscut.segmenter.features import CONTEXT_BLOCKS, context_overlap
    from corpuscut.segmenter.lexical import StemIds

    n = len(block_stems)
    candidates = np.array((flags + [False] * n)[:n], dtype=bool)
    before, after = context_overlap(StemIds.of(block_stems), candidates)
    for b in range(n):
        own = set(block_stems[b])
        earlier = {s for stems in block_stems[max(0, b - CONTEXT_BLOCKS): b] for s in stems}
        later = {s for stems in block_stems[b + 1: b + 1 + CONTEXT_BLOCKS] for s in stems}
        wanted = (len(own & earlier) / len(own), len(own & later) / len(own)) if candidates[b] and own else (0.0, 0.0)
        assert (before[b], after[b]) == wanted


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.integers(0, 40), max_size=12), min_size=1, max_size=30), st.integers(0, 1 << 16))
def test_the_lexical_programmes_unit_counts_are_those_a_sort_of_the_keys_gives(unit_ids, offset):
    """Each unit's distinct words and their counts, as a sort of the (unit, word) keys gives
    them, whatever the ids (marked up to the largest, past 16 bits too)."""
    from corpuscut.segmenter.lexical import _unit_counts
    from corpuscut.text.stems import StemIds

    flat = np.array([i + offset * (i % 2) for ids in unit_ids for i in ids], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum([len(ids) for ids in unit_ids])]).astype(np.int64)
    counts = _unit_counts(StemIds(flat, starts))
    words, local = np.unique(flat, return_inverse=True)
    vocab = max(1, len(words))
    unit_of = np.repeat(np.arange(len(unit_ids)), np.diff(starts))
    pairs, pair_count = np.unique(unit_of * vocab + local, return_counts=True)
    assert counts.vocab == len(words)
    assert counts.pair_unit.tolist() == (pairs // vocab).tolist() and counts.pair_count.tolist() == pair_count.tolist()
    assert counts.pair_start.tolist() == np.searchsorted(pairs // vocab, np.arange(len(unit_ids) + 1)).tolist()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["tax", "vote", "goal", "match", "rate", "bank", "x"]), max_size=30),
                min_size=2, max_size=50),
       st.integers(1, 12), st.floats(-3, 3), st.integers(0, 30), st.sampled_from([None, 0.5, 0.05]))
def test_compiled_lexical_programme_cuts_where_its_numpy_form_does(unit_stems, max_blocks, logit, min_words, dirichlet):
    from corpuscut.text.compiled import Tier
    from corpuscut.segmenter.lexical import LexicalParams, segment_boundaries
    from corpuscut.text.stems import StemIds

    units = StemIds.of(unit_stems)
    logits = [logit * ((i % 3) - 1) for i in range(len(unit_stems) - 1)]
    words = [len(s) for s in unit_stems]
    params = LexicalParams(lexical_weight=0.5, cue_weight=1.0, max_blocks=max_blocks, candidate_logit=-2.0,
                           dirichlet=dirichlet)
    with_numpy = segment_boundaries(units, logits, words, min_words, 4.0, params, Tier(compile_after=None))
    compiled = segment_boundaries(units, logits, words, min_words, 4.0, params, Tier(compile_after=0))
    assert compiled == with_numpy


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["tax", "vote", "goal", "match", "x"]), max_size=20), min_size=2, max_size=30),
       st.integers(1, 10), st.integers(0, 10_000))
def test_compiled_lexical_programme_with_another_segment_cost_cuts_where_its_numpy_form_does(unit_stems, max_blocks, seed):
    from corpuscut.text.compiled import Tier
    from corpuscut.segmenter.lexical import LexicalParams, segment_boundaries
    from corpuscut.text.stems import StemIds

    units = StemIds.of(unit_stems)
    logits = [0.0] * (len(unit_stems) - 1)
    words = [len(s) for s in unit_stems]
    extra = np.random.default_rng(seed).uniform(0, 6, size=(len(unit_stems) + 1, max_blocks + 1))
    params = LexicalParams(max_blocks=max_blocks, candidate_logit=float("-inf"), dirichlet=0.5)
    with_numpy = segment_boundaries(units, logits, words, 0, 0.0, params, Tier(compile_after=None), extra)
    compiled = segment_boundaries(units, logits, words, 0, 0.0, params, Tier(compile_after=0), extra)
    assert compiled == with_numpy


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(st.sampled_from("ab cD\u00e9 \u0130x'-.\n\t1\u03a3\u2028\u3000\x1c\ud800"), max_size=40),
                max_size=12),
       st.lists(st.text(st.sampled_from("ab cd e'x"), max_size=30), max_size=6), st.integers(1, 50),
       st.booleans())
def test_stem_ids_of_a_section_do_not_depend_on_what_was_read_before(texts, earlier, max_tokens, compiles):
    """Nor on how the tokens are looked up: by a dictionary, or by the compiled kernel (whose
    table starts small here, and grows while a text is looked up)."""
    import corpuscut.segmenter.vocabulary as module
    from corpuscut.text.compiled import Tier
    from corpuscut.text.stems import StemIds
    from corpuscut.segmenter.vocabulary import Vocabulary
    from corpuscut.text.words import WordNormalizer

    normalizer = WordNormalizer()
    expected = StemIds.of([normalizer.stems(t) for t in texts])
    saved, module.MAX_TOKENS = module.MAX_TOKENS, max_tokens  # forgets often
    saved_chunk, module.CHUNK_POINTS = module.CHUNK_POINTS, 16  # the texts' code points read in several chunks
    try:
        vocabulary = Vocabulary(WordNormalizer(), Tier(compile_after=-1) if compiles else None)
        if compiles:
            vocabulary._table = module._TokenTable(table=np.full(4, -1, dtype=np.int32))
        vocabulary.stem_ids(earlier)
        ids, words = vocabulary.stem_ids(texts)
        assert (vocabulary._table is not None) == compiles
    finally:
        module.MAX_TOKENS, module.CHUNK_POINTS = saved, saved_chunk
    assert ids.ids.tolist() == expected.ids.tolist() and ids.starts.tolist() == expected.starts.tolist()
    assert words == [len(t.split()) for t in texts]


def test_the_compiled_token_lookup_splits_where_str_split_does():
    """Its table of white space ends at the last code point that is white space."""
    from corpuscut.segmenter.vocabulary import _LAST_SPACE, _space_table

    assert chr(_LAST_SPACE).isspace()
    assert not any(chr(c).isspace() for c in range(_LAST_SPACE + 1, sys.maxunicode + 1))
    assert _space_table().tolist() == [chr(c).isspace() for c in range(_LAST_SPACE + 1)]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.integers(0, 12), max_size=30), min_size=40, max_size=80), st.integers(1, 70))
def test_compiled_cohesion_sums_equal_their_numpy_form_exactly(block_ids, window):
    import corpuscut.segmenter.cohesion as module
    from corpuscut.segmenter.cohesion import cohesion
    from corpuscut.text.compiled import Tier
    from corpuscut.text.stems import StemIds

    ids = StemIds.of(block_ids)
    saved, module.CHUNK_GAPS = module.CHUNK_GAPS, 16  # several chunks
    try:
        with_numpy = cohesion(ids, window, Tier(compile_after=None))
    finally:
        module.CHUNK_GAPS = saved
    compiled = cohesion(ids, window, Tier(compile_after=0))
    assert compiled == with_numpy


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 9), min_size=1, max_size=60), st.sampled_from([0.1, 0.5, 2.0]))
def test_dirichlet_segment_cost_is_the_negative_log_dirichlet_multinomial_likelihood(words, alpha):
    from collections import Counter
    from math import lgamma

    from corpuscut.segmenter.lexical import cost_tables

    vocab = 10
    counts = Counter(words)
    size_cost, clog = cost_tables(len(words), max(counts.values()), float(vocab), alpha)
    ours = size_cost[len(words)] - sum(clog[c] for c in counts.values())
    # log p(words) = log G(V a) - log G(n + V a) + sum_w [log G(c_w + a) - log G(a)]
    log_p = lgamma(vocab * alpha) - lgamma(len(words) + vocab * alpha)
    log_p += sum(lgamma(c + alpha) - lgamma(alpha) for c in counts.values())
    assert abs(ours + log_p) < 1e-9 * max(1.0, abs(log_p))


def test_sentence_per_line_text_without_cues_is_cut_where_its_topics_change():
    """Choi's shape: a sentence a line, no cue anywhere, topics of three to five sentences."""
    from corpuscut.segmenter import Segmenter

    topics = [
        ["the farmer planted wheat in the field", "wheat grows well when the field gets rain",
         "rain came late so the farmer watered the wheat", "the field gave a good harvest of wheat"],
        ["the orchestra played a symphony tonight", "the conductor led the orchestra through the symphony",
         "violins opened the second movement of the symphony"],
        ["engineers tested the bridge for cracks", "steel cables hold the bridge above the river",
         "the river floods so the bridge cables were checked", "engineers found no cracks in the steel",
         "the bridge reopened after engineers approved the cables"],
        ["the senator proposed a new tax bill", "voters asked the senator about the tax",
         "the bill cuts the tax on small shops"],
    ]
    lines = [f"{sentence} ." for topic in topics for sentence in topic]
    text = "\n".join(lines) + "\n"
    starts = [text.count("\n", 0, a.start) + 1 for a in Segmenter().split(text)]
    assert starts == [1, 5, 8, 13]


def test_without_cues_a_cut_before_a_line_opening_with_a_connective_costs_the_fallbacks_penalty():
    """Vocabulary alone would start the second topic at its "However" line; with the penalty
    the cut moves to a line that does not go on from the one before it."""
    from dataclasses import replace

    from corpuscut.segmenter import Segmenter, load_model

    topics = [
        ["the farmer planted wheat in the field", "wheat grows well when the field gets rain",
         "rain came late so the farmer watered the wheat", "the field gave a good harvest of wheat"],
        ["However the orchestra played a symphony tonight", "the conductor led the orchestra through the symphony",
         "violins opened the second movement of the symphony", "the orchestra bowed after the symphony"],
        ["engineers tested the bridge for cracks", "steel cables hold the bridge above the river",
         "the river floods so the bridge cables were checked", "engineers found no cracks in the steel"],
    ]
    text = "\n".join(f"{sentence} ." for topic in topics for sentence in topic) + "\n"
    model = load_model()

    def starts(penalty: float) -> list[int]:
        # stems alone, and a text this short taken by the fallback
        fallback = replace(model.fallback, connective_penalty=penalty, vector_weight=0.0, min_lines=10)
        segmenter = Segmenter(model=replace(model, fallback=fallback))
        return [text.count("\n", 0, a.start) + 1 for a in segmenter.split(text)]

    assert starts(0.0) == [1, 5, 9]
    assert 5 not in starts(4.0) and 9 in starts(4.0)


#: A lower-cased local news story, one sentence a paragraph: a truck crash, the driver's family, the bridge.
TRUCK_CRASH = [
    "the driver lost control of the truck on the wet road near the bridge on monday night , police said .",
    "the truck hit the rail of the bridge and rolled down the bank into the river , where it sank in minutes .",
    "divers pulled the driver from the cab and took him to the hospital in the town , where he is said to be stable .",
    "police closed the road for six hours while a crane lifted the truck out of the river .",
    "his wife told reporters that he had driven the same route to the farm every week for ten years .",
    "she said their two children had stayed with her sister while she waited at the hospital .",
    "the family has thanked the nurses and the neighbours who brought food to the house .",
    "a fund set up by friends had raised more than $ 5,000 by tuesday , his sister said .",
    "the county will now look at whether the rail of the bridge was strong enough , officials said .",
    "the bridge was built in 1962 and was last checked two years ago .",
]


def test_a_lower_cased_story_of_short_paragraphs_apart_by_blank_lines_stays_whole_where_the_fallback_would_cut():
    """Without cues, a sentence a line is the fallback's (vocabulary alone: it starts a topic
    where the story turns to the driver's family and to the bridge); the same lines as
    paragraphs apart by blank lines are an article's, which the boundary model reads."""
    paragraphs = TRUCK_CRASH
    from dataclasses import replace

    from corpuscut.segmenter import load_model

    model = load_model()  # a text this short taken by the fallback
    segmenter = Segmenter(model=replace(model, fallback=replace(model.fallback, min_lines=10)))
    assert len(segmenter.split("\n".join(paragraphs) + "\n")) > 1
    assert len(segmenter.split("\n\n".join(paragraphs) + "\n")) == 1


def test_once_the_kernels_are_loaded_every_segmenter_runs_them_at_once_and_splits_the_same():
    from corpuscut.text.compiled import Tier

    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    Segmenter().load_compiled()
    loaded = Segmenter(tier=Tier())
    assert loaded.tier.compiles(0)
    plain = Segmenter(tier=Tier(compile_after=None))
    assert [(a.start, a.reasons) for a in loaded.split(text)] == [(a.start, a.reasons) for a in plain.split(text)]


def test_segmenters_without_a_tier_of_their_own_count_their_work_together():
    """A batch of small inputs, or of several languages, switches to the compiled kernels
    once the process's work together passes the threshold, not each segmenter's own."""
    from corpuscut.text.compiled import process_tier

    # A dump whose cuts the lexical programme weighs (the seed's are all at end-of-article cues).
    text = (SAMPLES / "bbc-blank-lines.txt").read_text(encoding="utf-8")
    english, german = Segmenter(), Segmenter(language="german")
    assert english.tier is german.tier is process_tier()
    before = process_tier().done
    english.split(text)
    after_english = process_tier().done
    german.split(text)
    assert before < after_english < process_tier().done


def test_stop_words_are_sumys_and_snowballs_for_every_language_with_a_stemmer():
    import json
    from importlib import resources

    from sumy.utils import get_stop_words

    from corpuscut.text.words import STOP_WORDS_RESOURCE, _stop_words, supported_languages

    added = json.loads(resources.files("corpuscut.text").joinpath(STOP_WORDS_RESOURCE).read_text(encoding="utf-8"))
    for language in supported_languages():
        try:
            expected = frozenset(get_stop_words(language))
        except LookupError:
            expected = frozenset()
        assert _stop_words(language) == expected | frozenset(added.get(language, ())), language
    assert "the" in _stop_words("english")
    # sumy's lists lack these; Snowball's hold them
    assert {"de", "del", "al"} <= _stop_words("spanish") and {"de", "aux"} <= _stop_words("french")
    assert {"diese", "dann"} <= _stop_words("german")


_NUMBA_WITHOUT_BLAS = """
import sys
import numpy as np
from corpuscut.segmenter import Segmenter
Segmenter.from_files().load_compiled()
skipped = "scipy.linalg" not in sys.modules and "scipy.linalg.cython_blas" not in sys.modules
import numba
dot = numba.njit(lambda a, b: np.dot(a, b))
print(skipped, dot(np.ones(3), np.ones(3)))
"""


def test_loading_the_kernels_skips_scipys_linear_algebra_and_leaves_numbas_dot_working():
    import subprocess
    import sys
    from pathlib import Path

    done = subprocess.run([sys.executable, "-c", _NUMBA_WITHOUT_BLAS], capture_output=True, text=True,
                          timeout=120, cwd=Path(__file__).resolve().parent.parent)
    assert done.stdout.split() == ["True", "3.0"], done.stderr


def test_files_joined_by_cat_are_split_where_each_one_starts():
    """Four BBC sport stories, each file ending in one line end, joined by ``cat``: the next
    headline stands right under the last paragraph, with no blank line, where the text's
    paragraphs are apart by blank lines."""
    text = (Path(__file__).parent / "fixtures" / "bbc-sport-cat.txt").read_text(encoding="utf-8")
    found = split(text)
    assert [a.title for a in found] == ["Claxton hunting first major medal", "O'Sullivan could run in Worlds",
                                        "Dibaba breaks 5,000m world record", "Isinbayeva claims new world best"]



@pytest.mark.parametrize("line, kind", [
    ("G Murphy; G Dempsey, B O'Driscoll, S Horgan, D Hickie; R O'Gara, P Stringer; R Corrigan.", "item"),
    ("F Sheahan, M Horan, D O'Callaghan, E Miller, G Easterby, D Humphreys, K Maggs.", "item"),
    (": P Montgomery; B Paulse, M Joubert, De Wet Barry, A Willemse, J van der Westhuyzen; F Du Preez.", "item"),
    ("Horak, Staniforth, Penney, Nordt, Bishop; Mapletoft, Edwards; Hatley, van der Walt, Hardwick.", "item"),
    ("Dimitri Yachvili (Biarritz), Pierre Mignoni (Clermont), Yann Delaigue (Castres), Damien Traille (Biarritz)",
     "item"),
    ("Margaret Atwood (Canada) Saul Bellow (Canada) Gabriel Garcia Marquez (Colombia) Gunter Grass (Germany)", "item"),
    ("Replacements: Everitt for Mapletoft (53), Hodgson for Edwards (77)", "item"),
    ("16th PREM", "item"), ("10th League One", "item"), ("WINNERS (six times)", "item"),
    # lower-cased, tokenised text (CNN/DailyMail's)
    ("1 . frank de boer . with four dutch titles in a row under his belt the ajax supremo is the most attainable .",
     "item"),
    ("goalkeepers : wayne hennessey ( crystal palace ) , owain fon williams ( tranmere rovers ) , daniel ward ( "
     "liverpool ) . defence : ashley williams ( swansea city ) , neil taylor ( swansea city )", "item"),
    ("arsenal - 2 , aston villa - 4 , burnley - 7 , chelsea - 2 , crystal palace - 5 , everton - 5 , hull - 2", "item"),
    # a fixture list: two home-or-away marks
    ("the games he could miss for united : arsenal ( h ) , monday ; tottenham ( h ) , march 15 ; liverpool ( a )", "item"),
    ("chelsea . hull ( away ) - march 22 . stoke ( home ) - april 4 .", "item"),
    ("Remaining fixtures: Arsenal (H), Spurs (A), Everton (H)", "item"),
    ("(Saumya Khandelwal/HT PHOTO)", "embedded"), ("(AP)", "embedded"), ("(IANS)", "embedded"),
    ("(REUTERS)", "embedded"), ("(PMOIndia/Twitter)", "embedded"), ("(Picture: Sourced)", "embedded"),
    ("(Chris Pizzello/Invision/AP)", "embedded"), ("(Photo by Prodip Guha/Hindustan Times)", "embedded"),
    ("Also Read: Six held for murder of Ghaziabad teenager", "aside"), ("ALSO READ | Monsoon arrives early", "aside"),
    ("Read: TV channels flash news of the chief minister's escape, his office says it is untrue", "aside"),
    ("Watch: Our Facebook Live discussion on the week's releases", "aside"),
    ("Interact with Rohit Vats at Twitter/@nawabjha", "aside"),
])
def test_team_sheets_photo_credits_and_also_read_lines_are_marked(line, kind):
    assert getattr(load_cues().shape(line), kind)


@pytest.mark.parametrize("line", [
    "Scotland, Wales, Ireland, France, Italy and England meet in the Six Nations.",
    "Yesterday, Smith and Jones, who led the talks, said so.",
    "Howard Webb (South Yorkshire)",
    "London Irish 19-33 Wasps",
    "10th anniversary of the tsunami remembered",
    "manchester united midfielder juan mata ( left ) is aiming for a return to the spain squad .",
    "the 26 - year - old has not featured for la roja since a 3 - 0 triumph over belarus in 2013 .",
])
def test_prose_headlines_and_score_lines_are_not_list_items(line):
    assert not load_cues().shape(line).item


def test_a_long_line_that_opens_with_watch_is_no_aside():
    # a scrape that glued the link to the paragraph under it: the paragraph is the article's
    line = ("Watch: Our Facebook Live discussion on the week's releases" + " The film follows a similar trajectory,"
            " with a double role for its lead and a wedding that goes wrong in London and in Punjab" * 2)
    assert not load_cues().shape(line).aside


#: A rugby story that ends in the side's squad, a line of names with clubs (forwards, backs),
#: as sports pages print it.
SQUAD_STORY = (
    "Laporte keeps faith with his pack\n\n"
    "France coach Bernard Laporte has named an unchanged pack for Saturday's Six Nations match with Ireland in "
    "Dublin, despite last weekend's defeat by Wales.\n\n"
    "Number eight Imanol Harinordoquy, dropped after a poor display in Paris, is the only forward left out of the "
    "22, while the fit-again centre Damien Traille returns to the back line.\n\n"
    "\"We have to be braver at the breakdown,\" Laporte said. \"Ireland will test us there for 80 minutes, and we "
    "know what is at stake for the championship.\"\n\n"
    "Dimitri Yachvili (Biarritz), Pierre Mignoni (Clermont), Yann Delaigue (Castres), Frederic Michalak (Stade "
    "Toulousain), Damien Traille (Biarritz), Yannick Jauzion (Stade Toulousain), Ludovic Valbon (Biarritz), "
    "Christophe Dominici (Stade Francais), Cedric Heymans (Stade Toulousain), Julien Laharrague (Brive)\n\n"
    "Sylvain Marconnet (Stade Francais), Nicolas Mas (Perpignan), Olivier Milloud (Bourgoin), Sebastien Bruno "
    "(Sale), William Servat (Stade Toulousain), Fabien Pelous (Stade Toulousain, capt), Jerome Thion (Biarritz), "
    "Pascal Pape (Bourgoin), Gregory Lamboley (Stade Toulousain), Serge Betsen (Biarritz)\n"
)


def test_a_squad_list_stays_with_its_story_alone_and_among_other_stories():
    segmenter = Segmenter()
    assert [a.title for a in segmenter.split(SQUAD_STORY)] == ["Laporte keeps faith with his pack"]
    found = segmenter.split(ONE_STORY + "\n" + SQUAD_STORY + "\n" + ONE_STORY)
    assert [a.title for a in found] == ["Humanoid robot learns how to run", "Laporte keeps faith with his pack",
                                        "Humanoid robot learns how to run"]
    assert found[1].text.rstrip().endswith("Serge Betsen (Biarritz)")


#: One story as a file of BBC's layout holds it (the news summary corpus's tech/246.txt):
#: headline, blank line, paragraphs apart by blank lines; its long fourth paragraph turns to
#: the robot's wider fame, with names met nowhere before.
ONE_STORY = (Path(__file__).parent / "fixtures" / "bbc-one-story.txt").read_text(encoding="utf-8")


def test_a_story_that_opens_with_its_headline_and_holds_no_other_start_is_kept_whole():
    segmenter = Segmenter()
    assert [a.title for a in segmenter.split(ONE_STORY)] == ["Humanoid robot learns how to run"]
    row = segmenter.analyse(ONE_STORY).features.row(3)
    assert dict(segmenter.model.evidence(row))["one_article_text"] < 0


def test_a_second_headed_story_after_one_story_still_starts_an_article():
    second = ("Rail fares to rise by four per cent\n\n"
              "Train fares in England will rise by an average of four per cent in January, the rail industry said.\n\n"
              "Season tickets on some commuter routes will go up by more than seven per cent, passenger groups "
              "warned, and unions called the rise a tax on work.\n")
    found = Segmenter().split(ONE_STORY + "\n" + second)
    assert found[0].title == "Humanoid robot learns how to run"
    assert found[-1].title == "Rail fares to rise by four per cent"
    assert found[-1].text.startswith("Rail fares")


def test_the_reasons_of_many_gaps_at_once_are_those_of_each_gap(seed_text):
    segmenter = Segmenter()
    analysis = segmenter.analyse(seed_text)
    matrix = analysis.features.matrix
    assert segmenter.model.reasons_of(matrix) == [segmenter.model.reasons(row) for row in matrix.tolist()]
    assert any(segmenter.model.reasons_of(matrix))


def test_a_short_story_a_sentence_a_line_with_no_cue_is_the_boundary_models_and_stays_whole():
    """The fallback (vocabulary alone, made for long texts of a sentence a line such as Choi's)
    takes only texts of its ``min_lines`` lines or more: in a story of 16 lines it started new
    topics where the story turned to the driver's family and to the bridge."""
    from dataclasses import replace

    from corpuscut.segmenter import load_model

    lines = TRUCK_CRASH + [
        "engineers will inspect the steel of the rail and the concrete of the deck next week .",
        "the road is open again but drivers are asked to slow down on the bridge when it rains .",
        "the truck 's cargo of grain was lost in the river , the farm 's owner said .",
        "he said the driver was one of his best and had never had an accident before .",
        "a report on the crash is due next month , the county said .",
        "doctors said he should go home by the end of the week .",
    ]
    text = "\n".join(lines) + "\n"
    model = load_model()
    assert model.fallback is not None and model.fallback.min_lines > len(lines)
    assert len(Segmenter().split(text)) == 1
    taken = Segmenter(model=replace(model, fallback=replace(model.fallback, min_lines=10)))
    assert len(taken.split(text)) > 1


def test_a_cue_is_found_in_a_line_exactly_where_a_search_finds_it():
    """``found_in`` asks a one-pattern RE2 set, not a search: the same answer for every shipped
    cue list and body cue list, on every line of the samples and on their ends."""
    from corpuscut.segmenter.body import load_body_ends
    from corpuscut.segmenter.cues import found_in

    cues = load_cues()
    ends = load_body_ends()
    patterns = [*cues.patterns.values(), ends.pattern, ends.related, ends.form]
    lines = [line for path in sorted(SAMPLES.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    lines += ["", "—", "  * * *  ", "Copyright © 2024 Société Générale. Tous droits réservés.", "“Quoted.” (AP)"]
    found = 0
    for pattern in patterns:
        for line in lines:
            for text in (line, line[-60:]):
                assert found_in(pattern, text) == (pattern.search(text) is not None), (pattern.pattern[:80], text)
                found += found_in(pattern, text)
    assert found > 0


@pytest.mark.parametrize("line", [
    "Copyright 2017 The Associated Press. All rights reserved.", "Copyright Reuters", "© 2026 Site Ltd",
    "Copyright: Getty Images", "Copyright \u00a9 Georg Jensen.", "Copyright PrestaShop - Legal Notice - Terms of Use",
])
def test_a_copyright_line_is_an_end_of_article_cue(line):
    assert load_cues().shape(line).end_cue


@pytest.mark.parametrize("line", [
    "Copyright Complexity in a Fragmented World",  # an article's subhead
    "Copyright Office Weighs In on AI Training and Fair Use | Skadden",  # a reference's title
    "Copyright law was not written for machines.",
])
def test_a_line_that_speaks_of_copyright_is_no_copyright_line(line):
    assert not load_cues().shape(line).end_cue

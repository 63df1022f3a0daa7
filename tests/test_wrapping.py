"""Hard-wrapped text is read a paragraph at a time; cuts stay at line starts, nothing is lost."""

from __future__ import annotations

import textwrap
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscut.segmenter import Segmenter
from corpuscut.segmenter.articles import count_words
from corpuscut.segmenter.blocks import make_blocks
from corpuscut.text.lines import iter_lines
from corpuscut.segmenter.streaming import Limits
from corpuscut.segmenter.wrapping import WrapRules, continues_next, load_wrap_rules

STORM = [
    "Storm closes ports across the north coast",
    "Ferries stayed in harbour on Monday and the coastguard warned people to keep away from the sea "
    "front, where waves of more than ten metres were seen breaking over the harbour walls at dawn.",
    "Forecasters said the winds would ease by Wednesday, although more rain was expected across "
    "the region and rivers in the valleys were already running high after a wet month.",
    "The port authority said it would reopen the ferry terminal once inspectors had checked the "
    "piers, and that passengers with tickets for cancelled sailings would be refunded in full.",
]
BAKERY = [
    "Village bakery wins national bread award",
    "A family bakery that has traded from the same corner shop for ninety years has won the "
    "national award for its sourdough loaves, beating more than four hundred entries from bakers.",
    "The owners said the prize belonged to their staff, who start baking at four every morning "
    "and sell out of the prize-winning loaf most days before the lunchtime rush has even begun.",
]


def _wire(articles: list[list[str]], width: int = 64) -> str:
    """Articles as wire copy: the headline, then paragraphs wrapped at ``width``, each indented."""
    out = []
    for headline, *paragraphs in articles:
        out.append(headline)
        for paragraph in paragraphs:
            lines = textwrap.wrap(paragraph, width)
            out.append("\n".join(["    " + lines[0], *lines[1:]]))
    return "\n".join(out) + "\n"


def test_a_hard_wrapped_paragraph_is_one_block_and_a_headline_another():
    text = _wire([STORM, BAKERY])
    lines = list(iter_lines(text))
    blocks = make_blocks(lines, lambda line: False, continues_next(text, lines, load_wrap_rules()))
    assert [b.text for b in blocks] == [*STORM, *BAKERY]
    assert all(b.start == lines[b.line.number - 1].start for b in blocks)


def test_hard_wrapped_wire_copy_splits_at_its_headlines():
    text = _wire([STORM, BAKERY])
    articles = Segmenter().split(text)
    assert [a.title for a in articles] == [STORM[0], BAKERY[0]]
    assert "".join(a.text for a in articles) == text


def test_wire_copy_whose_tables_stand_indented_keeps_each_headline_a_line_of_its_own():
    # A results table indents its lines as deep as the paragraphs' first lines and the
    # headlines, so the usual indentation is the margin the paragraphs go on at, not the most
    # common one; else a full-width headline runs on into the dateline below it.
    table = ["RESULTS OF PACIFIC MILLS FOR THE YEAR", "PORTLAND, Ore., March 2 - Shr 12 cts vs 10 cts",
             *(f"Line {k} {k + 2} mln vs {k + 1} mln" for k in range(6))]
    storm = ["Storm closes every port and ferry across the north coast", *STORM[1:]]
    text = "".join(f"    {line}\n" for line in table) + " Reuter\n" + _wire([storm, BAKERY])
    text = text.replace("\nStorm", "\n    Storm").replace("\nVillage", "\n    Village")
    lines = list(iter_lines(text))
    blocks = make_blocks(lines, lambda line: False, continues_next(text, lines, load_wrap_rules()))
    assert storm[0] in [b.text.strip() for b in blocks]
    assert [a.title for a in Segmenter().split(text)] == [table[0], storm[0], BAKERY[0]]


def test_a_headline_never_runs_on_into_a_paragraph_written_on_one_line_after_wire_copy():
    # A dump of wire copy (wrapped) that also holds scraped stories (headline, then the story
    # on one line): the headline reaches most of the width, but the line below runs past it,
    # so no wrapper wrote the two: the headline stays a line of its own (and an article's
    # title), not "headline + first words".
    scraped = ["City library extends its opening hours for the exam season",
               "Students will be able to use the central library until midnight from next week, the council said, "
               "after a petition signed by more than two thousand pupils asked for more quiet space to revise."]
    text = _wire([STORM, BAKERY]) + "\n" + "\n".join(scraped) + "\n\n" + _wire([BAKERY, STORM])
    lines = list(iter_lines(text))
    joins = continues_next(text, lines, load_wrap_rules())
    assert any(joins)
    assert not joins[[line.content for line in lines].index(scraped[0])]
    blocks = make_blocks(lines, lambda line: False, joins)
    assert scraped[0] in [b.text for b in blocks]


def test_text_of_a_paragraph_a_line_is_not_read_as_wrapped():
    text = "\n".join([*STORM, *BAKERY, *STORM[1:]]) + "\n"
    lines = list(iter_lines(text))
    assert not any(continues_next(text, lines, load_wrap_rules()))


def test_a_line_the_next_word_would_have_fitted_after_ends_its_paragraph():
    short = "The harbour master agreed."
    text = _wire([STORM]).replace("    Forecasters", short + "\nForecasters", 1)
    lines = list(iter_lines(text))
    joins = continues_next(text, lines, load_wrap_rules())
    assert not joins[[line.content for line in lines].index(short)]


def test_a_closing_quote_on_its_own_line_stays_with_the_paragraph_before():
    text = ("Storm closes ports\n\n\"The sea has never been this high,\" the harbour master said on Monday "
            "as crews tied down the boats.\n\n\"\n\nVillage bakery wins award\n\nA family bakery has won "
            "the national award for its sourdough loaves.\n")
    lines = list(iter_lines(text))
    blocks = make_blocks(lines, lambda line: False)
    assert [b.text[:7] for b in blocks] == ["Storm c", "\"The se", "Village", "A famil"]
    assert blocks[1].text.endswith(" \"")
    assert all(a.text.strip() != "\"" for a in Segmenter().split(text))


def test_wrapping_rules_are_data_and_a_bad_file_is_named(tmp_path):
    import pytest

    from corpuscut.segmenter import CueFileError

    good = tmp_path / "wrapping.json"
    good.write_text('{"min_lines": 4, "_comment": "x"}')
    assert load_wrap_rules(good) == replace(load_wrap_rules(), min_lines=4)
    bad = tmp_path / "bad.json"
    bad.write_text('{"columns": 4}')
    with pytest.raises(CueFileError, match="columns"):
        load_wrap_rules(bad)


def test_words_of_a_wrapped_article_count_once_when_sections_end_inside_its_paragraphs():
    text = _wire([STORM, BAKERY, STORM, BAKERY], width=50)
    segmenter = Segmenter(limits=Limits(section_lines=5, margin_lines=4))
    articles = segmenter.split(text)
    assert "".join(a.text for a in articles) == text
    assert [a.words for a in articles] == [count_words(a.text) for a in articles]


words = st.text(alphabet="abcdefghij", min_size=1, max_size=9)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(words, min_size=3, max_size=40), min_size=1, max_size=8),
       st.integers(min_value=30, max_value=90), st.booleans())
def test_splitting_wrapped_text_is_lossless_and_cuts_only_at_line_starts(paragraphs, width, indent):
    wrapped = ["\n".join(textwrap.wrap(" ".join(p) + ".", width)) for p in paragraphs]
    text = ("\n    " if indent else "\n\n").join(wrapped) + "\n"
    articles = Segmenter().split(text)
    assert "".join(a.text for a in articles) == text
    starts = {line.start for line in iter_lines(text)}
    assert all(a.start in starts for a in articles)


#: A Reuters story (reuters21578, article 1) as the wire sent it: wrapped at about 64 columns,
#: each paragraph indented.
COCOA = """BAHIA COCOA REVIEW
    SALVADOR, Feb 26 - Showers continued throughout the week in
the Bahia cocoa zone, alleviating the drought since early
January and improving prospects for the coming temporao,
although normal humidity levels have not been restored,
Comissaria Smith said in its weekly review.
    The dry period means the temporao will be late this year.
    Arrivals for the week ended February 22 were 155,221 bags
of 60 kilos making a cumulative total for the season of 5.93
mln against 5.81 at the same stage last year. Again it seems
that cocoa delivered earlier on consignment was included in the
arrivals figures.
    Comissaria Smith said there is still some doubt as to how
much old crop cocoa is still available as harvesting has
practically come to an end. With total Bahia crop estimates
around 6.4 mln bags and sales standing at almost 6.2 mln there
are a few hundred thousand bags still in the hands of farmers,
middlemen, exporters and processors.
"""


def test_the_segmenter_bodies_and_sentences_read_one_shipped_file_of_wrapping_rules():
    from corpuscut.text.wrapping import shipped_wrap_rules

    assert load_wrap_rules() is shipped_wrap_rules()
    with pytest.raises(TypeError):
        WrapRules()  # no thresholds in code: they are the data file's


def test_sentences_of_hard_wrapped_text_run_on_over_line_ends_and_keep_their_offsets():
    from corpuscut.summarizer import split_sentences

    sentences = split_sentences(COCOA)
    assert sentences[0].text == "BAHIA COCOA REVIEW"
    assert " ".join(sentences[1].text.split()).startswith("SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia")
    assert " ".join(sentences[1].text.split()).endswith("Comissaria Smith said in its weekly review.")
    assert " ".join(sentences[3].text.split()) == (
        "Arrivals for the week ended February 22 were 155,221 bags of 60 kilos making a cumulative total for the "
        "season of 5.93 mln against 5.81 at the same stage last year."
    )
    assert all(s.text == COCOA[s.start:s.end] and s.text == s.text.strip() for s in sentences)
    assert len(sentences) == 7


def test_a_hard_wrapped_story_summarizes_into_whole_sentences():
    from corpuscut.summarizer import summarize

    summary = summarize(COCOA, sentences=3)
    flat = " ".join(COCOA.split())
    for s in summary.sentences:
        text = " ".join(s.text.split())
        assert text in flat and text[-1] == "." and text[0].isupper()
    assert "Showers continued throughout the week in the Bahia cocoa zone" in summary.text


def test_sentences_of_text_that_is_not_wrapped_still_end_at_each_line():
    from corpuscut.summarizer import split_sentences

    text = "\n".join(STORM) + "\n"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == STORM



def test_a_headline_that_ends_on_a_quoted_phrase_is_not_glued_to_the_paragraph_above():
    storm = [STORM[0] + " 'within hours'", *STORM[1:]]
    bakery = ["Village bakery wins 'bread of the year'", *BAKERY[1:]]
    # the paragraph above the second headline fills its last line and ends a sentence there
    storm[-1] = ("The port authority said it would reopen the ferry terminal once inspectors had checked "
                 "the piers and the harbour walls at the dock.")
    text = _wire([storm, bakery], width=44)
    lines = list(iter_lines(text))
    blocks = make_blocks(lines, lambda line: False, continues_next(text, lines, load_wrap_rules()))
    assert bakery[0] in [b.text for b in blocks]


def test_a_headline_under_a_story_whose_last_line_has_no_stop_stays_a_line_of_its_own():
    # the story ends on a link's title, without a stop; "Village" would have fitted after it
    storm = [*STORM[:-1], "The port authority said it would reopen the ferry terminal once inspectors had checked "
             "the piers. Read more: Winter ferry timetables for the islands and the northern coast"]
    text = _wire([storm, BAKERY])
    lines = list(iter_lines(text))
    blocks = make_blocks(lines, lambda line: False, continues_next(text, lines, load_wrap_rules()))
    assert BAKERY[0] in [b.text for b in blocks]
    assert blocks[3].text.endswith("the northern coast")
    assert [a.title for a in Segmenter().split(text)] == [STORM[0], BAKERY[0]]

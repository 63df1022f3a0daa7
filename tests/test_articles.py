"""An article's own facts, which every output format reads from it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscut.segmenter import Article, split
from corpuscut.segmenter.articles import body_only, count_words, glued_headline, make_title, without_glued_furniture


def _as_written(title: str, text: str) -> bool:
    """The definition: the title differs from the text's first line with words, its white
    space normalised (no title where there is no such line)."""
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split()) != title
    return bool(title)


def _article(text: str, title: str) -> Article:
    return Article(0, 0, len(text), 1, 1, text, title, 1.0, len(text.split()))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029\u00a0")), max_size=30),
       st.sampled_from(["", "a", "a b", "ab", "a…"]))
def test_a_title_is_guessed_exactly_where_it_is_not_the_first_line_with_words(text, title):
    assert _article(text, title).title_guessed == _as_written(title, text)


def test_a_headline_is_not_guessed_and_opening_words_are(seed_text):
    articles = split("Storm hits coast\nHigh winds closed roads and ports across the region on Monday.\n" + seed_text)
    assert articles[0].title == "Storm hits coast" and not articles[0].title_guessed
    assert all(a.title_guessed for a in articles if a.title.endswith("…"))


def test_an_article_cut_to_its_body_tells_against_the_body():
    text = "Home | News | Sport\nStorm hits coast\nHigh winds closed roads.\n"
    article = Article(0, 0, len(text), 1, 3, text, "Storm hits coast", 1.0, 9, body_start=len("Home | News | Sport\n"))
    assert article.title_guessed and not body_only(article).title_guessed


@pytest.mark.parametrize("line, title", [
    ("By Jacqueline Frank, Reuters WASHINGTON (Reuters) - The Senate voted on Tuesday to raise the limit",
     "The Senate voted on Tuesday to raise the limit"),
    ("Calgary, Alberta, March 16 - Smoky River Coal Ltd said it agreed to sell its mine",
     "Smoky River Coal Ltd said it agreed to sell its mine"),
    ("By John Smith The company said on Monday that it would buy", "By John Smith The company said on Monday that it would buy"),
    ("NEW YORK - Stocks fell", "NEW YORK - Stocks fell"),
    ("( cnn ) -- police and fbi agents are investigating the discovery of an empty rocket launcher tube",
     "police and fbi agents are investigating the discovery of an empty rocket"),
    ("london , england ( cnn ) -- a chronology of bombings and attempted bomb attacks in the mainland uk since",
     "a chronology of bombings and attempted bomb attacks in the mainland uk"),
    ("islamabad , pakistan ( cnn ) -- pakistan 's president said on monday that the vote would go ahead",
     "pakistan 's president said on monday that the vote would go ahead"),
    ("( cnn ) -- short one", "( cnn ) -- short one"),  # too little left after it
])
def test_a_made_up_title_leaves_out_a_wire_storys_byline_and_dateline(line, title):
    assert make_title(line, 18, is_headline=False).rstrip("\u2026") == title


@pytest.mark.parametrize("line, title", [
    ("On Monday the Environment Minister and the Science and Technology Minister Dr Harsh Vardhan said the plan would go ahead",
     "On Monday the Environment Minister and the Science and Technology Minister Dr Harsh Vardhan…"),
    ("The board of the company met in the city of New York Stock Exchange Listed Firms Group on Monday",
     "The board of the company met in the city of New York…"),  # a run of capitals too long for a name
    ("THE BOARD OF THE COMPANY MET IN THE CITY OF NEW YORK ON MONDAY AND SAID",
     "THE BOARD OF THE COMPANY MET IN THE CITY OF NEW YORK…"),
])
def test_a_made_up_title_is_not_cut_inside_a_name(line, title):
    assert make_title(line, 18, is_headline=False) == title


#: Wire stories run into one line each, headline, byline and dateline together (Reuters-21578's
#: shape, as a scraper of a wire feed that drops the line breaks dumps them).
GLUED_DUMP = (
    "E.F. HUTTON <EFH> SETS FINANCES TELEPHONE DEAL NEW YORK, April 8 - E.F. Hutton Group Inc said "
    "it arranged the financing of a telephone company's purchase of a regional network. The company "
    "said the deal was worth about 100 mln dlrs and would close in May. Reuter\n"
    "TOWER REPORT DIMINISHES REAGAN'S HOPES OF REBOUND By Michael Gelb, Reuters WASHINGTON, Feb 26 - "
    "The Tower Commission report, which says President Reagan was ignorant of much of the Iran arms "
    "deal, just about ends his prospects of regaining political dominance in Washington, analysts said. Reuter\n"
)


@pytest.mark.parametrize("line, headline", [
    (GLUED_DUMP.splitlines()[0], "E.F. HUTTON <EFH> SETS FINANCES TELEPHONE DEAL"),
    (GLUED_DUMP.splitlines()[1], "TOWER REPORT DIMINISHES REAGAN'S HOPES OF REBOUND"),
    ("TOWER REPORT DIMINISHES REAGAN'S HOPES OF REBOUND By Michael Gelb, Reuters",
     "TOWER REPORT DIMINISHES REAGAN'S HOPES OF REBOUND"),
    ("DOLLAR DROP SEEN AS TEST OF PARIS AGREEMENT By Franz-Josef Ebel, Reuters FRANKFURT, March 24 - The",
     "DOLLAR DROP SEEN AS TEST OF PARIS AGREEMENT"),
    ("VOLCKER LEAVES VOID ON LDC DEBT, BANKERS SAY BY ALAN WHEATLEY, REUTERS NEW YORK, June 2 - Paul",
     "VOLCKER LEAVES VOID ON LDC DEBT, BANKERS SAY"),
    ("CPC <CPC> TO SELL UNIT TO HI-PORT <HIPT> ENGLEWOOD CLIFFS, N.J., March 11 - CPC International",
     "CPC <CPC> TO SELL UNIT TO HI-PORT <HIPT>"),
    ("HAWKEYE <HWKB> 1986 ANNUAL REPORT QUALIFIED DES MOINES, IOWA, April 8 - Hawkeye Bancorp's",
     "HAWKEYE <HWKB> 1986 ANNUAL REPORT QUALIFIED"),
    ("BET TO APPLY FOR LISTINGS IN NEW YORK, TORONTO LONDON, June 29 - BET Plc said",
     "BET TO APPLY FOR LISTINGS IN NEW YORK, TORONTO"),
    ("SABENA BEGINS BRUSSELS-TORONTO SERVICE Toronto, March 30 - Sabena Belgian World Airlines said",
     "SABENA BEGINS BRUSSELS-TORONTO SERVICE"),
    ("FORD <F> SHARES RISE ON HIGHER EARNING ESTIMATE NEW YORK, MARCH 9 - Ford Motor Co's stock rose",
     "FORD <F> SHARES RISE ON HIGHER EARNING ESTIMATE"),
    ("DOM REPUBLIC SELLS CZARNIKOW 35,000 TONS SUGAR ****SANTO DOMINGO, March 5 - The Dominican Republic sold",
     "DOM REPUBLIC SELLS CZARNIKOW 35,000 TONS SUGAR"),
])
def test_a_wire_headline_glued_to_its_byline_or_dateline_is_the_headline_alone(line, headline):
    assert glued_headline(line) == headline
    assert make_title(line, 18, is_headline=False) == headline
    assert make_title(line[:120], 18, is_headline=True) == headline


@pytest.mark.parametrize("line", [
    "NEW YORK, April 8 - E.F. Hutton Group Inc said it arranged the financing",  # a dateline, no headline
    "Storm Hits Coast Miami, April 3 - High winds closed roads",  # a headline not in upper case
    "E.F. HUTTON <EFH> SETS FINANCES TELEPHONE DEAL",  # a headline alone
    "US GDP Rises London, April 3 - The economy grew",  # too few upper-case words to tell
    "PLANES GROUNDED BY FOG AT HEATHROW",  # "BY" inside an upper-case headline is no byline
    "By Michael Gelb, Reuters WASHINGTON, Feb 26 - The Tower Commission report",
])
def test_a_line_that_opens_with_no_glued_wire_headline_is_left_alone(line):
    assert glued_headline(line) is None


def test_a_dump_of_glued_wire_stories_is_titled_by_their_headlines():
    titles = [a.title for a in split(GLUED_DUMP)]
    assert "E.F. HUTTON <EFH> SETS FINANCES TELEPHONE DEAL" in titles
    assert all("April 8" not in t and "Gelb" not in t for t in titles)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["E.F.", "HUTTON", "<EFH>", "SETS", "DEAL", "NEW", "YORK,", "April", "8", "-", "By",
                                 "Michael", "Gelb,", "Reuters", "N.J.,", "(Reuters)", "said", "the", "CITY", "KANSAS"]),
                max_size=14))
def test_a_glued_headline_is_always_the_lines_own_opening_words(tokens):
    line = " ".join(tokens)
    headline = glued_headline(line)
    assert headline is None or (line.startswith(headline.rstrip(",;:-")) and len(headline.split()) >= 3)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Storm", "hits", "COAST", "NEW", "YORK,", "April", "8", "-", "By", "Gelb,", "eBay",
                                 "iPHONE", "SALES", "RISE", "(Reuters)", "mid-APRIL", "DEAL"]), max_size=12))
def test_a_line_whose_first_word_holds_a_lower_case_letter_has_no_glued_headline(tokens):
    line = " ".join(tokens)
    if tokens and any(ch.islower() for ch in tokens[0]):
        assert glued_headline(line) is None


@pytest.mark.parametrize("line, rest", [
    ("Privacy PolicyTerms of Servicethe extent of the fall - out is not yet known",
     "the extent of the fall - out is not yet known"),
    ("Contact Us \u00b7 Privacy PolicyTerms of Use( cnn ) when an officer kills", "( cnn ) when an officer kills"),
    ("\u00a9 2024 Example Media Inc. All rights reserved.LONDON (Reuters) - Shares rose on Monday",
     "LONDON (Reuters) - Shares rose on Monday"),
    ("Privacy PolicyTerms of Service the extent of the fall", "the extent of the fall"),
])
def test_footer_links_glued_onto_the_next_storys_first_line_are_left_out_of_its_title(line, rest):
    assert without_glued_furniture(line) == rest
    assert make_title(line, 18, is_headline=False) == make_title(rest, 18, is_headline=False)


@pytest.mark.parametrize("line", [
    "Contact us today for a free quote on your roof",  # a sentence that opens with a footer's words
    "Terms of Services apply to every user of the site",  # a plural, not a glued word
    "Termsheet signed by the two firms on Monday",
    "Contact Us About usage of the tool",  # a word goes on after a piece not glued to the one before
    "Terms of Servicethe extent of it",  # one piece alone, glued by letters of one case: a word may go on
    "Privacy PolicyTerms of Use",  # nothing left after the links
])
def test_a_line_without_glued_footer_links_keeps_its_opening(line):
    assert without_glued_furniture(line) == line


def test_a_story_after_a_file_that_ends_without_a_line_break_is_not_titled_by_the_footer(seed_text):
    # each of the seed's stories a file that ends in footer links and no line break, put one after another
    own = {a.title for a in split(seed_text)}
    dump = "".join(a.text.rstrip("\n") + "\nShare this article\nPrivacy PolicyTerms of Service" for a in split(seed_text))
    articles = split(dump)
    assert "".join(a.text for a in articles) == dump
    assert len(articles) > 1 and all(a.title in own for a in articles)


def test_a_story_run_into_the_footer_before_it_starts_after_the_footer_inside_the_line(seed_text):
    dump = "".join(a.text.rstrip("\n") + "\nShare this article\nPrivacy PolicyTerms of Service" for a in split(seed_text))
    articles = split(dump)
    assert "".join(a.text for a in articles) == dump and len(articles) > 1
    for before, article in zip(articles, articles[1:]):
        assert before.text.endswith("\nPrivacy PolicyTerms of Service") and not article.text.startswith("Privacy")
        assert before.end_line == article.start_line  # the line is shared: its front ends the article before
        assert dump.count("\n", 0, article.start) + 1 == article.start_line
    assert [a.words for a in articles] == [count_words(a.text) for a in articles]

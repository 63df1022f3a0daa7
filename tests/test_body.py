from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from corpuscut.segmenter import split
from corpuscut.segmenter.articles import Article, body_only
from corpuscut.segmenter.body import find_body
from tests.conftest import SAMPLES

MENU = [
    "Harbour Gazette | Otters return to the river after forty years",
    "Skip to main content",
    "Home", "News", "Sport", "Business", "Opinion", "Culture", "Weather", "Subscribe", "Log in",
    "We use cookies to improve your experience. By continuing you agree to our cookie policy.",
    "Accept all", "Manage preferences",
]
HEADLINE = "Otters return to the river after forty years"
BODY = [
    "Otters have been seen on the River Wend for the first time in forty years, volunteers who "
    "survey the banks every spring said on Tuesday.",
    "The animals were spotted near the old mill bridge early in the morning, and a camera left by "
    "the trust recorded two adults and a cub feeding in the shallows.",
    "\u201cWe had almost given up hope,\u201d said Mary Collins, who has led the survey since 1998. "
    "\u201cThe water is cleaner than it has been in my lifetime, and this is the proof.\u201d",
    "The otters disappeared from the river in the 1980s, when runoff from farms and a tannery upstream "
    "poisoned the fish they feed on. The tannery closed in 2003.",
    "The trust now plans to plant willows along the banks to give the animals cover, and asks walkers "
    "to keep their dogs on a lead near the bridge until the summer.",
]
FOOTER = [
    "Share this article", "Facebook", "Twitter", "Email",
    "Related articles", "Council approves new cycle lanes", "Flood defences finished early", "Ten best walks",
    "Comments (12)",
    "About us", "Contact", "Privacy policy", "Terms of use",
    "\u00a9 2024 Harbour Gazette Ltd. All rights reserved.",
]
PAGE = "\n".join(MENU + ["By Tom Rivers", HEADLINE] + BODY + FOOTER) + "\n"


def test_page_furniture_is_left_out_of_the_body():
    body = find_body(PAGE)
    main = PAGE[body.start:body.end]
    for paragraph in BODY:
        assert paragraph in main
    for line in MENU[1:] + FOOTER:
        assert f"\n{line}\n" not in f"\n{main}\n"
    assert 0.2 < body.boilerplate < 0.6
    assert body.headline == HEADLINE


def test_split_record_of_a_page_has_its_body_and_its_headline_as_title():
    articles = split(PAGE)
    [article] = [a for a in articles if BODY[0] in a.text]
    assert article.body.strip().endswith(BODY[-1])
    assert BODY[0] in article.body
    assert article.title == HEADLINE
    assert "".join(a.text for a in articles) == PAGE


def test_explain_says_which_lines_were_dropped_and_why():
    body = find_body(PAGE, explain=True)
    assert body.dropped and body.dropped[0][0] == 1
    assert all(lo <= hi and why for lo, hi, why in body.dropped)


CLEAN = sorted(p for p in SAMPLES.glob("*.txt") if "noisy" not in p.name)


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_clean_articles_are_their_own_body(path):
    for article in split(path.read_text(encoding="utf-8")):
        assert (article.body_start, article.body_end) == (0, len(article.text))
        assert article.boilerplate == 0.0


def test_noisy_articles_lose_at_most_a_credit_or_follow_line():
    articles = split((SAMPLES / "bbc-noisy.txt").read_text(encoding="utf-8"))
    for article in articles:
        left_out = article.text[:article.body_start] + article.text[article.body_end:]
        assert len(left_out.strip().splitlines()) <= 1


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(MENU + BODY + FOOTER + ["", "  ", "----"]), max_size=40))
def test_body_offsets_stay_inside_the_article_and_splitting_stays_lossless(lines):
    text = "\n".join(lines)
    articles = split(text)
    assert "".join(a.text for a in articles) == text
    for a in articles:
        assert 0 <= a.body_start <= a.body_end <= len(a.text)
        assert 0.0 <= a.boilerplate <= 1.0


def test_body_only_keeps_offsets_into_the_input():
    text = "Menu\nHome\nThe body line one.\nThe body line two.\nFooter\n"
    article = Article(0, 10, 10 + len(text), 3, 7, text, "t", 1.0, 11, body_start=10, body_end=47)
    cut = body_only(article)
    assert cut.text == "The body line one.\nThe body line two."
    assert (cut.start, cut.end, cut.start_line, cut.end_line) == (20, 57, 5, 6)
    assert (cut.body_start, cut.body_end, cut.words) == (0, len(cut.text), 8)


def _records(result) -> list[dict]:
    return [json.loads(line) for line in result.out_text.splitlines()]


def test_body_option_outputs_the_body_only(run, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    whole = _records(run(["split", str(page), "-f", "jsonl"]))
    bodies = _records(run(["split", str(page), "-f", "jsonl", "--body"]))
    assert len(bodies) == len(whole)
    for full, cut in zip(whole, bodies):
        assert cut["text"] == full["text"][full["body_start"]:full["body_end"]]
        assert cut["start"] == full["start"] + full["body_start"]
        assert PAGE[cut["start"]:cut["end"]] == cut["text"]
    [main] = [r for r in bodies if BODY[0] in r["text"]]
    assert "Accept all" not in main["text"] and "All rights reserved" not in main["text"]
    out = tmp_path / "out"
    assert run(["split", str(page), "--body", "--out-dir", str(out)]).exit_code == 0
    written = [p.read_text(encoding="utf-8") for p in sorted(out.glob("*.txt"))]
    assert written == [r["text"] for r in bodies]
    digests = _records(run(["digest", str(page), "-f", "jsonl", "--body", "-n", "1"]))
    [digest] = [r for r in digests if BODY[0] in r["text"]]
    assert digest["text"] == main["text"] and digest["summary"] in main["text"]


def test_explain_record_lists_the_dropped_lines(run, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    records = _records(run(["split", str(page), "-f", "jsonl", "--explain"]))
    assert any(r["body_dropped"] and r["body_dropped"][0].startswith("lines 1-") for r in records)


def test_library_digest_summarizes_the_body():
    from corpuscut.summarizer import Length, Summarizer, digest

    pairs = digest(PAGE, summarizer=Summarizer("lead"), length=Length(sentences=1))
    for article, summary in pairs:
        assert summary.text in article.body


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
@example("The 3 cats, of 2024: | / > # @ and_more\x1cTO\tthe end.")
def test_an_ascii_lines_counts_from_its_bytes_equal_those_of_the_patterns(head):
    from corpuscut.segmenter.body import _ascii_counts, _ascii_stop_words, _counts
    from corpuscut.text.words import _stop_words

    assert _ascii_counts(head, _ascii_stop_words("english")) == _counts(head, _stop_words("english"))


#: Characters beyond ASCII of every kind the counts tell apart: parts of words (letters, digits
#: of other scripts), symbols, and those that only part words (quotes, dashes, spaces).
_BEYOND_ASCII = "\u2019\u2018\u201c\u201d\u2013\u2014\u2026\u00a3\u20ac\u00a0\u00e9\u00c9\u0661\u00bb\u203a\u00b7\u2022\u017f\u212a\u00df\u0130"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127) | st.sampled_from(_BEYOND_ASCII), max_size=80))
@example("Don\u2019t \u201cstop\u201d \u2013 \u00a35, 20:30 | caf\u00e9 \u00bb next")
@example("\u201cNo,\u201d he said \u2014 3.5% of 2024\u2019s vote.")
def test_a_lines_counts_are_those_of_the_patterns_whichever_way_they_are_counted(head):
    from corpuscut.segmenter.body import _ascii_stop_words, _counts, _line_counts
    from corpuscut.text.words import _stop_words

    stops = _stop_words("english")
    assert _line_counts(head, stops, _ascii_stop_words("english")) == _counts(head, stops)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127) | st.sampled_from(_BEYOND_ASCII + "\u0391\u03a9\u0410\u042f\u00d7\u3000\x85"), max_size=60))
@example("\"(A quote\u201cOr \u2018Б\u2019 and \u00c9t\u00e9\x1cNext")
def test_capitalised_words_are_counted_as_white_space_words_that_open_with_a_capital(head):
    import re

    from corpuscut.segmenter.body import _CAPITALISED

    capitals = re.compile("[\"'(\\[\u201c\u2018]*[A-Z\u00c0-\u00de\u0391-\u03a9\u0410-\u042f]")
    assert len(_CAPITALISED.findall(" " + head)) == sum(1 for word in head.split() if capitals.match(word))



@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["The ", " \"A", "'(B", " ( [\"Q", "\x1c", "x", " "]) | st.text(alphabet=st.characters(max_codepoint=127), max_size=8),
                max_size=12).map("".join))
@example("\"(A quote 'Or (B and [\"C\x1cNext, 3.5% | of the 2024 vote.")
def test_an_ascii_lines_counts_and_capitals_from_its_bytes_equal_those_of_the_patterns(head):
    from corpuscut.segmenter.body import _CAPITALISED, _ascii_line, _ascii_stop_words, _counts
    from corpuscut.text.words import _stop_words

    expected = (*_counts(head, _stop_words("english")), len(_CAPITALISED.findall(" " + head)))
    assert _ascii_line(head.encode("ascii"), _ascii_stop_words("english")) == expected


def test_a_lines_features_are_the_same_read_from_its_bytes_or_as_text():
    from corpuscut.segmenter import body

    lines = ["Storm closes ports \u2013 \u201cAll\u201d ferries stay in harbour", "", "  ", "\u00a0", "Share",
             "By Jane Doe, 3 May 2024 | News", "\"(Quoted) Words\" of [The] harbour master, 10 metres.", "x " * 300]
    rows = body.line_features(lines)
    # each line alone, read as text by the patterns (the bytes' counts are only for ASCII)
    for i, line in enumerate(lines):
        head = line[:body.LINE_HEAD_CHARS]
        tokens = head.split()
        if not tokens:
            assert not rows[i, :body._OWN_COLUMNS].any()
            continue
        key, stops, words, punctuation, digits, symbols = body._counts(head, body._stop_words("english"))
        assert rows[i, 0] == math.log1p(len(line.split()))
        assert rows[i, 3] == (stops / words if words else 0.0)
        assert rows[i, 4] == punctuation / len(tokens)
        assert rows[i, 5] == len(body._CAPITALISED.findall(" " + head)) / len(tokens)
        assert rows[i, 6] == digits / len(head)
        assert rows[i, 7] == symbols / len(tokens)


#: A news story of three long paragraphs under its headline.
HARBOUR = [
    "Storm closes ports across the north coast",
    "Ferries stayed in harbour on Monday and the coastguard warned people to keep away from the sea front, where "
    "waves of more than ten metres were seen breaking over the harbour walls at dawn. The port authority said that "
    "no vessel would leave before the wind dropped, and that the ferry company had offered to put up stranded "
    "passengers in hotels in the town. Fishing boats that had been at sea over the weekend came in early on "
    "Sunday evening, their skippers said, after the forecast was changed twice in a single afternoon. \"We have "
    "not seen a storm like this in twenty years,\" the harbour master told reporters on the quay.",
    "Forecasters said the winds would ease by Wednesday, although more rain was expected across the region and "
    "rivers in the valleys were already running high after a wet month. The environment agency issued flood "
    "warnings for three towns and asked people living near the river banks to move their cars to higher ground. "
    "Schools in two districts stayed closed because the buses could not run on the coast road, which was shut "
    "after part of a sea wall gave way in the night. Engineers were sent to inspect the damage as soon as the "
    "tide had turned, the council said.",
    "The port authority said it would reopen the ferry terminal once inspectors had checked the piers, and that "
    "passengers with tickets for cancelled sailings would be refunded in full or could travel later in the week. "
    "Hauliers said hundreds of lorries were parked on the approach roads and that fresh food bound for the "
    "islands would be late. The island councils asked shops not to ration goods and said that supplies of fuel "
    "and medicine were enough for at least a fortnight, whatever the weather did next.",
]


@pytest.mark.parametrize("width", [60, 64, 72, 78])
def test_a_hard_wrapped_article_is_judged_by_paragraph_and_its_body_is_all_of_it(width):
    import textwrap

    text = "\n\n".join(textwrap.fill(p, width) for p in HARBOUR) + "\n"
    body = find_body(text, explain=True)
    assert (body.start, body.end, body.dropped) == (0, len(text), ())


def _page_under(title_line: str, above_body: list[str]) -> str:
    return "\n".join([title_line, *MENU[1:], *above_body, *BODY, *FOOTER]) + "\n"


def test_the_headline_on_the_page_wins_over_a_title_line_worded_otherwise():
    page = _page_under("Otter sightings: the full story | Harbour Gazette",
                       ["Nature", HEADLINE, "By Tom Rivers", "March 3, 2024"])
    assert find_body(page).headline == HEADLINE


def test_a_page_that_shows_no_headline_is_titled_by_its_title_lines_headline_part():
    page = _page_under(f"{HEADLINE} | Harbour Gazette", ["Nature", "By Tom Rivers", "March 3, 2024"])
    assert find_body(page).headline == HEADLINE


def test_a_long_first_paragraph_is_no_title_line_whose_dateline_would_head_the_page():
    # a lower-cased CNN story run into a wire table: its part before " -- " is a dateline, not a headline
    text = (Path(__file__).parent / "fixtures" / "cnn-story-before-wire-table.txt").read_text(encoding="utf-8")
    assert find_body(text).headline is None
    assert split(text)[0].title.startswith("a chronology of bombings")


def test_the_title_lines_headline_shown_with_its_subtitle_is_the_headline_not_a_teaser_below():
    from corpuscut.segmenter.body import FEATURES, line_features

    shown = "Otters return to the river (2024) - Forty years on, volunteers count a cub"
    teaser = "Otters return to the lake in 2024"
    page = _page_under(f"{shown} | Harbour Gazette", ["Nature", shown, "By Tom Rivers"]) + teaser + "\n"
    lines = page.split("\n")
    marked = np.flatnonzero(line_features(lines)[:, FEATURES.index("is_title_line")])
    # the shown line is too long to share enough words with the title's headline part, the
    # teaser far below shares most of them; the shown line holds them all, and only the title's words
    assert [lines[i] for i in marked] == [shown]


def test_a_breadcrumb_that_ends_in_the_headline_is_not_the_headline():
    page = _page_under("Otters return | Harbour Gazette",
                       [f"News / Nature / {HEADLINE}", HEADLINE, "By Tom Rivers", "March 3, 2024"])
    assert find_body(page).headline == HEADLINE


def test_a_pages_long_headline_is_its_records_title_whole():
    long = ("Otters return to the river after forty years as volunteers who survey the banks every "
            "spring count two adults and a cub")
    assert len(long) > 100
    page = _page_under(f"{long} | Harbour Gazette", ["Nature", long, "By Tom Rivers", "March 3, 2024"])
    [article] = [a for a in split(page) if BODY[0] in a.text]
    assert article.title == long


COMMENTS = [
    "3 Comments on \u201cOtters return to the river after forty years\u201d",
    "Janet Hill",
    "March 4, 2024 at 9:12 am",
    "I walk my dog by the mill bridge every morning and saw them last week, what a wonderful sight "
    "it was for all of us who remember the river as it used to be.",
    "Reply",
    "Peter Marsh",
    "March 5, 2024 at 6:40 pm",
    "Great news, and a reminder that cleaning up the tannery was worth every penny the council spent "
    "on it over all those years of arguments.",
    "Reply",
]


def test_a_pages_comments_are_left_out_of_its_body():
    page = "\n".join(MENU + [HEADLINE, "By Tom Rivers"] + BODY + COMMENTS + FOOTER) + "\n"
    main = page[(body := find_body(page, explain=True)).start:body.end]
    assert main.rstrip().endswith(BODY[-1])
    assert "Janet Hill" not in main
    after = body.dropped[-1]
    assert page.split("\n")[after[0] - 1] == COMMENTS[0] and after[2].startswith("what follows the article")


def test_a_pages_body_is_the_text_below_its_headline_which_titles_it():
    page = "\n".join(MENU + [HEADLINE, "By Tom Rivers", "March 3, 2024"] + BODY + FOOTER) + "\n"
    body = find_body(page)
    assert page[body.start:body.end].startswith(BODY[0]) and body.headline == HEADLINE
    [article] = [a for a in split(page) if BODY[0] in a.text]
    assert article.title == HEADLINE and article.body.startswith(BODY[0])


def test_a_pages_body_opens_below_the_standfirst_and_byline_under_its_headline():
    standfirst = "Volunteers say the animals are back because the river is cleaner than it has been for decades."
    page = "\n".join(MENU + [HEADLINE, standfirst, "Tom Rivers \u2022 March 3, 2024"] + BODY + FOOTER) + "\n"
    body = find_body(page)
    assert page[body.start:body.end].startswith(BODY[0]) and body.headline == HEADLINE


def test_a_pages_body_does_not_open_with_the_short_labels_left_below_its_headline():
    for labels in (["Show"], ["Insights, Video & Podcasts"], ["Accounting Programs", "Best Bookkeeping Certificate Programs"]):
        page = "\n".join(MENU + [HEADLINE, *labels, "By Tom Rivers"] + BODY + FOOTER) + "\n"
        body = find_body(page)
        assert page[body.start:body.end].startswith(BODY[0]), labels


def test_a_pages_body_ends_before_its_authors_box():
    box = ["Tom Rivers", "Tom Rivers is a freelance writer who covers rivers, wildlife and the towns along "
           "the coast for the Gazette and several national papers."]
    page = "\n".join(MENU + [HEADLINE, "By: Tom Rivers"] + BODY + box + FOOTER) + "\n"
    body = find_body(page)
    main = page[body.start:body.end]
    assert main.startswith(BODY[0]) and main.rstrip().endswith(BODY[-1])


@pytest.mark.parametrize("name, opening", [
    ("About Tom Rivers", "Tom Rivers is"), ("Tom Rivers (Harbour Gazette)", "Tom is"), ("Tom Rivers, MD*", "Tom Rivers, MD, is"),
])
def test_an_authors_box_is_found_under_about_or_with_a_part_after_the_name(name, opening):
    box = [name, f"{opening} a senior researcher who covers rivers, wildlife and the towns along "
           "the coast for the Gazette and several national papers."]
    page = "\n".join(MENU + [HEADLINE, "By: Tom Rivers"] + BODY + box + FOOTER) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert main.rstrip().endswith(BODY[-1]), name



@pytest.mark.parametrize("between", [["Staff Writer, Harbour Gazette"], ["Follow", "Staff Writer, Harbour Gazette"]])
def test_an_authors_box_is_found_with_the_authors_role_between_the_name_and_the_sentence(between):
    box = ["Tom Rivers", *between, "Tom Rivers is a reporter who covers rivers, wildlife and the towns along "
           "the coast for the Gazette and several national papers.",
           "He lives by the harbour with two dogs and a boat that he has been repairing for eleven years.",
           "His first book, a history of the mills along the river and the families who ran them, came out last spring.",
           "He is writing a second book, about the harbour's ferries and the crews who have worked on them."]
    page = "\n".join(MENU + [HEADLINE, "By: Tom Rivers"] + BODY + box + FOOTER) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert main.rstrip().endswith(BODY[-1]), between



@pytest.mark.parametrize("name, sentence", [
    ("Tom Rivers, Founder of the River Trust", "Tom Rivers is a reporter who covers rivers, wildlife and the towns along the coast."),
    ("Tom Rivers", "Hi there! I\u2019m Tom, and I started this blog about rivers, wildlife and the towns along the coast in 2011."),
])
def test_an_authors_box_is_found_with_the_role_after_the_name_or_the_author_introducing_themselves(name, sentence):
    box = [name, sentence,
           "He lives by the harbour with two dogs and a boat that he has been repairing for eleven years.",
           "His first book, a history of the mills along the river and the families who ran them, came out last spring.",
           "He is writing a second book, about the harbour's ferries and the crews who have worked on them."]
    page = "\n".join(MENU + [HEADLINE, "By: Tom Rivers"] + BODY + box + FOOTER) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert main.rstrip().endswith(BODY[-1]), name

def test_a_label_under_a_listed_items_name_is_no_authors_role():
    # a list of brands, each with its rating under its name, then a sentence about it: no author's box
    items = []
    for name in ("Otter Outfitters", "River Mills"):
        items += [name, "Rated: Good", f"{name.split()[0]} is a designer of waterproof clothes for volunteers who "
                  "survey the banks of rivers and the coast every spring."]
    page = "\n".join(MENU + [HEADLINE] + BODY[:3] + items + BODY[3:] + FOOTER) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert items[2] in main and main.rstrip().endswith(BODY[-1])

TEASERS = [
    "Council approves new cycle lanes",
    "The council voted on Monday to build four miles of cycle lanes along the river road by next spring.",
    "Read more",
    "Flood defences finished early",
    "Workers finished the new flood wall by the harbour three weeks ahead of the date the council had set.",
    "Read more",
]


def test_a_pages_body_ends_before_a_list_of_teasers_of_other_posts():
    page = "\n".join(MENU + [HEADLINE] + BODY + TEASERS + FOOTER) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert main.startswith(BODY[0]) and main.rstrip().endswith(BODY[-1])


def test_one_teaser_inside_an_article_is_no_list_of_teasers():
    page = "\n".join(MENU + [HEADLINE] + BODY[:2] + TEASERS[:3] + BODY[2:] + FOOTER) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert TEASERS[1] in main and main.rstrip().endswith(BODY[-1])


def test_a_product_heading_above_its_description_is_no_authors_box():
    products = ["Otter Cam Pro", "Otter Cam is a waterproof camera that the trust's volunteer manager "
                "straps to the old mill bridge every spring to watch the river at night."]
    page = "\n".join(MENU + [HEADLINE] + BODY[:3] + products + BODY[3:] + FOOTER) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert products[1] in main and main.rstrip().endswith(BODY[-1])


def test_a_cookie_notice_that_opens_a_text_is_no_title_of_its_page():
    page = _page_under("Do Not Sell or Share My Personal Information", ["Nature", "By Tom Rivers", "March 3, 2024"])
    assert find_body(page).headline != "Do Not Sell or Share My Personal Information"


def test_a_word_alone_above_the_body_is_a_label_not_a_headline_candidate():
    from corpuscut.segmenter.body import BodyFinder, line_features, page_lines
    from corpuscut.segmenter.headline import candidates

    page = _page_under(f"{HEADLINE} | Harbour Gazette", ["Wildlife", "By Tom Rivers", "March 3, 2024"])
    lines = page.split("\n")
    finder = BodyFinder()
    rows = line_features(lines, finder.model.common)
    logits = finder.model.logits(rows)
    found, _ = candidates(page_lines(lines, rows, logits), lines.index(BODY[0]))
    assert "Wildlife" not in [text for text, _ in found] and find_body(page).headline == HEADLINE


def _relation_of(line: str, title_line: str) -> dict[str, float]:
    from corpuscut.segmenter.body import BodyFinder, line_features, page_lines
    from corpuscut.segmenter.headline import RELATION_FEATURES, relation

    lines = _page_under(title_line, [line, "By Tom Rivers", "March 3, 2024"]).split("\n")
    finder = BodyFinder()
    rows = line_features(lines, finder.model.common)
    view = page_lines(lines, rows, finder.model.logits(rows))
    first = lines.index(BODY[0])
    from corpuscut.segmenter.headline import page_title

    return dict(zip(RELATION_FEATURES, relation(view, first, (line, lines.index(line)), page_title(title_line))))


def test_the_choice_between_a_line_and_the_title_reads_a_year_and_a_search_word_only_the_title_has():
    related = _relation_of("Otters return to the river", "Best otter walks of 2025: otters return to the river | Harbour Gazette")
    assert related["title year only"] == 1.0 and related["title cue only"] == 1.0 and related["line within title"] == 1.0
    assert related["line year only"] == 0.0 and related["title within line"] == 0.0


def test_the_choice_between_a_line_and_the_title_reads_a_character_lost_in_decoding_and_sentence_case():
    related = _relation_of("The basics of event planning: beginner?s guide to otters",
                           "The Basics Of Event Planning: Beginner's Guide To Otters | Harbour Gazette")
    assert related["line damaged"] == 1.0 and related["line sentence case"] == 1.0


def test_a_headline_twenty_lines_above_the_body_is_a_candidate_marked_far_above_it():
    from corpuscut.segmenter.body import BodyFinder, line_features, page_lines
    from corpuscut.segmenter.headline import FEATURES, candidates

    labels = ["Gallery", "Video", "Podcasts", "Newsletters", "Events", "Archive", "Jobs", "Shop", "Puzzles",
              "Letters", "Obituaries", "Travel", "Food", "Homes", "Motoring", "Money", "Health", "Science"]
    page = _page_under(f"{HEADLINE} | Harbour Gazette", [HEADLINE, *labels, "By Tom Rivers", "March 3, 2024"])
    lines = page.split("\n")
    finder = BodyFinder()
    rows = line_features(lines, finder.model.common)
    found, x = candidates(page_lines(lines, rows, finder.model.logits(rows)), lines.index(BODY[0]))
    at = [line for _, line in found].index(lines.index(HEADLINE))
    assert x[at, FEATURES.index("far_above")] == 1.0


@pytest.mark.parametrize("line", [
    "I agree to receive personalized marketing emails from Harbour Gazette", "Start a project", "Have a Reference Code?",
    "PlumbingSeptic Tank CleaningDrain CleaningSeptic System RepairWater Main",
])
def test_a_line_that_is_never_a_headline_is_no_candidate(line):
    from corpuscut.segmenter.body import BodyFinder, line_features, page_lines
    from corpuscut.segmenter.headline import candidates

    page = _page_under(f"{HEADLINE} | Harbour Gazette", [line, "By Tom Rivers", "March 3, 2024"])
    lines = page.split("\n")
    finder = BodyFinder()
    rows = line_features(lines, finder.model.common)
    found, _ = candidates(page_lines(lines, rows, finder.model.logits(rows)), lines.index(BODY[0]))
    assert line not in [text for text, _ in found] and find_body(page).headline == HEADLINE


#: A table whose cells a crude scraper puts one a line: the survey's counts by year.
TABLE = ["Year", "Adults", "Cubs", *[cell for year in range(2018, 2025) for cell in (str(year), str(year % 7), str(year % 3))]]


def test_an_article_goes_on_below_a_table_whose_cells_stand_one_a_line():
    page = "\n".join(MENU + [HEADLINE] + BODY[:3] + TABLE + BODY[3:] + FOOTER) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert main.startswith(BODY[0]) and main.rstrip().endswith(BODY[-1])


def test_a_tables_cells_run_from_its_first_figure_to_its_last_and_menus_are_no_table():
    from corpuscut.segmenter.body import BodyFinder, line_features, table_lines

    lines = MENU + [HEADLINE] + BODY + TABLE + FOOTER
    rows = line_features(lines, BodyFinder().model.common)
    cells = table_lines(rows, np.rint(np.expm1(rows[:, 0])))
    start = len(MENU) + 1 + len(BODY) + 3  # the table's first figure, below its header row
    end = start + len(TABLE) - 3
    assert cells[start:end].all() and not cells[:start].any() and not cells[end:].any()


def test_a_pages_body_ends_before_the_short_lines_and_the_authors_bio_below_it():
    bio = ("Tom Rivers is a freelance writer and editor who has covered rivers, wildlife and the towns along the "
           "coast for the Gazette and several national papers since 2010.")
    for tail in ([bio], ["Like", bio], [bio, "Follow Tom"]):
        page = "\n".join(MENU + [HEADLINE] + BODY + tail + FOOTER) + "\n"
        main = page[(body := find_body(page)).start:body.end]
        assert main.startswith(BODY[0]) and main.rstrip().endswith(BODY[-1]), tail


@pytest.mark.parametrize("bio", [
    # the role after a comma, and more than six words before it
    "Brian Stormont is a comprehensive, fee-only financial advisor with Insight Wealth Strategies who began his "
    "career in the industry in 2004 and has helped many families plan for retirement.",
    "Manoj Jain is adjunct faculty at Emory University and a physician based in Memphis who writes about public "
    "health, hospitals and the care of older patients for several papers.",
    # an author's note in brackets
    "(Paul Fenaroli is an Associate Attorney at Pastore admitted in Connecticut. He provides counsel to clients "
    "in commercial disputes and writes about the law of the river towns.)",
])
def test_a_pages_body_ends_before_an_authors_bio_of_other_shapes(bio):
    page = "\n".join(MENU + [HEADLINE] + BODY + [bio] + FOOTER) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert main.startswith(BODY[0]) and main.rstrip().endswith(BODY[-1])


def test_a_bio_by_the_first_name_alone_ends_the_body_where_it_speaks_of_a_person():
    bio = ("Summer is the trust's marketing manager. When not working, you can find her searching the river "
           "banks for tracks, cooking for the volunteers and reading anything she can get her hands on.")
    page = "\n".join(MENU + [HEADLINE] + BODY + [bio] + FOOTER) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert main.rstrip().endswith(BODY[-1])
    # a product that "is a handy code editor" is no author
    from corpuscut.segmenter.body import _is_bio

    assert _is_bio(bio) and not _is_bio("Flatliner is a handy code editor that helps to test the expressions.")


def test_a_body_that_ends_in_code_keeps_its_closing_lines():
    code = ["Run it with the script below.", "def main():", "    count_otters()", "main()"]
    page = "\n".join(MENU + [HEADLINE] + BODY + code + FOOTER) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert main.rstrip().endswith("main()")


@pytest.mark.parametrize("notice", [
    ["This post may contain affiliate links. Read our disclosure policy for more information."],
    ["Awesome, you're subscribed!", "Thanks for subscribing! Look out for your first newsletter in your inbox soon!"],
    ["Two otters in the shallows by the old mill bridge, Mary Collins/Getty Images",
     "We may earn commission from links on this page, but we only recommend products we back."],
])
def test_a_pages_body_opens_below_the_notices_above_it(notice):
    page = "\n".join(MENU + [HEADLINE] + notice + BODY + FOOTER) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert main.startswith(BODY[0]), notice


def _paragraphs(count: int) -> list[str]:
    """Distinct paragraphs of one article about the otters, each a long sentence."""
    subjects = ["The volunteers", "The trust", "Anglers on the weir", "The council", "Walkers by the mill",
                "Farmers upstream", "The water board", "Schoolchildren from the village"]
    verbs = ["counted", "recorded", "photographed", "reported", "mapped", "noticed", "measured", "described"]
    objects = ["the tracks left in the mud along the banks", "the fish that the animals feed on in the shallows",
               "the holts dug under the roots of the old willows", "the droppings left on the stones below the bridge",
               "the changes in the river since the tannery closed", "the birds that came back with the cleaner water",
               "the nights when the otters were seen near the weir", "the reeds planted by the trust three years ago"]
    return [f"{subjects[k % 8]} {verbs[(k * 3) % 8]} {objects[(k * 5) % 8]} during the spring of {1990 + k}, and said "
            f"that the work would go on for as long as there were people willing to help with it." for k in range(count)]


@pytest.mark.parametrize("button", ["Share", "Share this article"])
def test_a_share_button_between_paragraphs_does_not_end_the_body(button):
    paragraphs = _paragraphs(14)
    page = "\n".join(MENU + [HEADLINE] + paragraphs[:8] + [button] + paragraphs[8:] + FOOTER) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert main.startswith(paragraphs[0]) and main.rstrip().endswith(paragraphs[-1])


def test_a_pages_body_ends_before_the_link_to_more_posts_by_its_author():
    teaser = "A walk along the Wend in winter, where the herons fish below the mill and the path floods after rain."
    page = "\n".join(MENU + [HEADLINE] + BODY + ["More posts from this author", teaser] + FOOTER) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert main.rstrip().endswith(BODY[-1])


def test_a_photos_credit_is_found_and_a_caption_or_paragraph_is_not():
    from corpuscut.segmenter.body import credit_lines

    lines = ["Photo: Mary Collins", "Two otters in the shallows by the old mill bridge", "Photo courtesy of the Wend Trust",
             BODY[0], "Mary Collins/Getty Images"]
    found = credit_lines(lines, np.array([len(line.split()) for line in lines], dtype=float))
    assert found.tolist() == [True, False, True, False, True]


def test_summarize_titles_a_page_by_its_headline_as_split_does(run, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(_page_under(f"{HEADLINE} | Harbour Gazette", ["Nature", "By Tom Rivers", "March 3, 2024"]),
                    encoding="utf-8")
    [summary] = _records(run(["summarize", str(page), "-f", "jsonl"]))
    assert summary["title"] == HEADLINE and summary["title_guessed"]  # not the page's first line as it stands
    assert HEADLINE in {r["title"] for r in _records(run(["split", str(page), "-f", "jsonl"]))}


#: A bank's menu as page text keeps it: each entry with the line of description under it, or
#: run into it ("Mortgages Find a home loan ...").
ADVERTS = [
    "Savings accounts", "Grow your money with a rate that rises as you save",
    "Current accounts", "Switch to us and get a free travel card",
    "Mortgages Find a home loan that fits your budget",
    "Credit cards", "Compare our cards and apply online in minutes",
    "Loans Borrow from 1,000 to 25,000 pounds",
    "Insurance Cover your home, your car and your pet",
    "Investments Start investing from 25 pounds a month",
    "Business banking", "Accounts and lending for small firms",
    "Help and support", "Report a lost card or a scam",
]


@pytest.mark.parametrize("headline", [[], [HEADLINE]])
def test_a_pages_body_opens_below_a_menu_whose_entries_carry_descriptions(headline):
    page = "\n".join(MENU + ADVERTS + headline + BODY + FOOTER) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert main.startswith(BODY[0]) and main.rstrip().endswith(BODY[-1])


def test_an_article_of_short_sentences_keeps_its_opening_above_its_first_long_paragraph():
    opening = ["It isn't.", "Trains lose connectivity.", "Factories operate behind firewalls.", "Hospitals isolate systems.",
               "Devices move, disconnect, and fail.", "This is not a limitation of hardware.", "It is a limitation of mindset.",
               "Latency is unpredictable.", "Costs grow without bounds.", "Privacy is compromised by design.",
               "Failure becomes systemic instead of local.", "Offline is the baseline."]
    page = "\n".join(MENU + [HEADLINE] + opening + BODY + FOOTER) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert main.startswith(opening[0])


@pytest.mark.parametrize("heading", [
    "YOU MIGHT ALSO LIKE:", "You\u2019ll Also Love...", "You may be interested in the following topics as well:",
    "This might be interesting to you:", "Check Out Other Top Subscriptions",
])
def test_a_pages_body_ends_before_a_list_of_other_posts_under_its_heading(heading):
    paragraphs = _paragraphs(4)
    related = [heading, "12 DIY Deck & Porch Projects", "Turn a Baby Changing Table into a Lego Table (IKEA Hack)",
               "DIY Modern Farmhouse Dining Table & Benches", "Project Gallery", "You can also connect with me here:"]
    page = "\n".join(MENU + [HEADLINE] + paragraphs + related + FOOTER) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert main.startswith(paragraphs[0]) and main.rstrip().endswith(paragraphs[-1])


def test_a_box_of_related_links_inside_an_article_ends_nothing():
    paragraphs = _paragraphs(4)
    box = ["Related", "Council approves new cycle lanes", "Flood defences finished early"]
    page = "\n".join(MENU + [HEADLINE] + paragraphs[:2] + box + paragraphs[2:] + FOOTER) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert main.startswith(paragraphs[0]) and main.rstrip().endswith(paragraphs[-1])


def test_the_body_is_the_run_that_holds_the_lines_most_likely_main_text():
    from corpuscut.segmenter.body import BodyFinder

    # a short article's paragraphs, a long stretch of menus, then hundreds of near-even lines
    # (a search page's facets) that the decoder's shift lifts above zero
    logits = np.array([3.0] * 4 + [-5.0] * 300 + [-0.2] * 400)
    words = np.array([80.0] * 4 + [1.0] * 300 + [5.0] * 400)
    assert BodyFinder().decode(logits, words) == (0, 3)


def test_a_pages_body_opens_below_a_menu_of_descriptions_right_under_its_title_line():
    page = "\n".join([MENU[0]] + ADVERTS + BODY + FOOTER) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert main.startswith(BODY[0]) and main.rstrip().endswith(BODY[-1])


def test_a_short_articles_body_is_not_carried_over_the_footer_into_a_long_list_below_it():
    # a short article (three long lines the model reads as main text), a footer (menus, share
    # buttons: strong evidence against) and a long list of near-even lines below it (hundreds of
    # "2011 - Alice project-team"), which the decoder's shift lifts above the article
    from corpuscut.segmenter.body import BodyFinder

    logits = np.array([3.0] * 3 + [-3.0] * 40 + [-0.2] * 400)
    words = np.array([30.0] * 3 + [2.0] * 40 + [4.0] * 400)
    hard = np.array([False] * 3 + [True] * 40 + [False] * 400)
    assert BodyFinder().decode(logits, words, hard) == (0, 2)


def test_a_comments_heading_that_quotes_a_long_title_ends_the_body():
    heading = ("3 thoughts on \u201cOtters return to the river after forty years, and the volunteers who "
               "survey its banks every spring are delighted\u201d")
    comments = ["Jane Hill", "March 3, 2024 at 7:03 am",
                "Wonderful news, I walked by the old mill bridge this morning and saw one of them in the water!",
                "Reply", "Sam Cole", "March 4, 2024 at 9:12 am",
                "We saw the cub last weekend near the weir, my children could not believe how small it was.", "Reply"]
    page = "\n".join(MENU + [HEADLINE] + BODY + [heading] + comments + FOOTER[-5:]) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert main.rstrip().endswith(BODY[-1])


#: A sign-up form below an article: its lead-in (a heading and the sentence asking to sign up),
#: its fields, and the site's prose below it.
SIGNUP_FORM = ["Get the river news every Friday",
               "Join 20,000 readers who get our weekly round-up of wildlife stories from the valley.",
               "First Name", "Email Address *", "Subscribe",
               "By submitting this form, you agree to receive our newsletter and accept our privacy policy.",
               "Thank you for your interest in the river!",
               "The Wend Valley Trust looks after forty miles of riverbank and the wildlife that lives along it, "
               "with the help of its volunteers."]


def test_a_pages_body_ends_above_a_sign_up_form_and_its_lead_in():
    page = "\n".join(MENU + [HEADLINE] + BODY + SIGNUP_FORM + FOOTER) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert main.startswith(BODY[0]) and main.rstrip().endswith(BODY[-1])


@pytest.mark.parametrize("form", [SIGNUP_FORM[2:6], ["Name", "Email", "Message", "Submit"]])
def test_a_form_inside_an_article_ends_nothing(form):
    paragraphs = _paragraphs(8)
    page = "\n".join(MENU + [HEADLINE] + paragraphs[:4] + form + paragraphs[4:] + FOOTER) + "\n"
    main = page[(body := find_body(page)).start:body.end]
    assert main.startswith(paragraphs[0]) and main.rstrip().endswith(paragraphs[-1])


def test_an_end_line_with_as_much_of_the_article_below_it_ends_nothing():
    # "About the Author" opens what follows many an article; where the lines below it (a
    # subheading, a photo's credit, then paragraphs) read as much like main text as those above,
    # the article goes on below it
    from corpuscut.segmenter.body import _before_end

    paragraphs = _paragraphs(8)
    lines = paragraphs[:4] + ["About the Author", "What the second year found", "Photo: River Wend Trust"] + paragraphs[4:]
    words = np.array([float(len(line.split())) for line in lines])
    article_below = np.array([3.0] * 4 + [-2.4, -0.8, 0.2] + [3.0] * 4)
    assert _before_end(lines, 0, len(lines) - 1, words, article_below) == len(lines) - 1
    # where they read as less like it (an author's box, comments), the body ends above the line
    box_below = np.array([3.0] * 4 + [-2.4, -0.8, 0.2] + [1.5] * 4)
    assert _before_end(lines, 0, len(lines) - 1, words, box_below) == 3


def test_a_pages_body_opens_below_an_authors_box_that_stands_over_the_article():
    # the name on a line of its own, then a sentence about the author, then the article: the box
    # is no part of the article the page hand-checks
    box = ["Tom Rivers", "tom.rivers@example.com",
           "Tom Rivers covers rivers, wildlife and the towns along the coast for the Gazette and writes its weekly newsletter."]
    page = "\n".join(MENU + [HEADLINE, "By Tom Rivers", "March 3, 2024"] + box + BODY + FOOTER) + "\n"
    body = find_body(page)
    assert page[body.start:body.end].startswith(BODY[0]) and body.headline == HEADLINE


def test_a_bio_sentence_whose_author_the_page_does_not_name_above_it_opens_the_body():
    # "Tom Rivers covers ..." with no line naming Tom Rivers above it is the article's own opening
    from corpuscut.segmenter.body import _below_author_box

    lines = ["Rivers of the north", "Tom Rivers covers rivers, wildlife and the towns along the coast for the Gazette.",
             *BODY]
    words = np.array([float(len(line.split())) for line in lines])
    assert _below_author_box(lines, words, 1, len(lines) - 1) == 1
    named = ["By Tom Rivers", *lines[1:]]
    assert _below_author_box(named, words, 1, len(lines) - 1) == 2


@pytest.mark.parametrize("footer", [
    "\u00a9 2025 Harbour Gazette. All rights reserved.", "Copyright \u00a9 2025 URGE FITNESS. All Rights Reserved",
    "Copyright 2012-2025 Tom Rivers.",
])
def test_the_sites_copyright_line_ends_the_body(footer):
    from corpuscut.segmenter.body import _before_end

    paragraphs = _paragraphs(8)
    lines = paragraphs + [footer, "Areas we serve", "Affordable gym in Bucks County, Pennsylvania"]
    words = np.array([float(len(line.split())) for line in lines])
    logits = np.array([3.0] * 8 + [-2.0, 0.2, 0.2])
    assert _before_end(lines, 0, len(lines) - 1, words, logits) == 7
    # a photo's credit with its copyright mark is no footer: the article goes on below it
    credit = paragraphs[:4] + ["River Wend at dawn | \u00a9 2019 Tom Rivers"] + paragraphs[4:]
    words = np.array([float(len(line.split())) for line in credit])
    assert _before_end(credit, 0, len(credit) - 1, words, np.array([3.0] * 4 + [0.0] + [3.0] * 4)) == len(credit) - 1


@pytest.mark.parametrize("before, headline", [
    ("Dec 18 2025 ", "Preparing a transition in Debusine"),  # a date set before the headline is no part of it
    ("", "Preparing a transition in Debusine"),
    ("Part two: ", "Part two: Preparing a transition in Debusine"),  # words that are no date stay
])
def test_a_titled_pages_headline_line_keeps_no_date_set_before_it(before, headline):
    prose = [f"Paragraph {k} of the post tells how the packages were uploaded and which of the builds failed, and why."
             for k in range(12)]
    text = "\n".join(["Preparing a transition in Debusine | Colin Watson's blog", "Colin Watson's blog",
                      f"{before}Preparing a transition in Debusine", *prose, "Comments", "Categories",
                      *(f"tag{k}" for k in range(50))]) + "\n"
    assert find_body(text).headline == headline


def test_a_titled_pages_body_opens_below_its_headline_and_byline():
    # a page whose body runs up to its <title> line: the headline shown below it, then a byline or a date
    prose = [f"Paragraph {k} of the post tells how the packages were uploaded and which of the builds failed, and why."
             for k in range(12)]
    for below in ([], ["By Colin Watson"], ["December 18, 2025"], ["By Colin Watson", "December 18, 2025"]):
        text = "\n".join(["Preparing a transition in Debusine | Colin Watson's blog", "Preparing a transition in Debusine",
                          *below, *prose, "Comments", "Categories", *(f"tag{k}" for k in range(50))]) + "\n"
        body = find_body(text)
        assert body.headline == "Preparing a transition in Debusine"
        assert text[body.start:body.end].startswith("Paragraph 0 "), below


@pytest.mark.parametrize("rule", ["----", "* * *", "==========", "________________", "###"])
def test_an_article_with_a_separator_line_is_plainly_prose_and_the_line_model_keeps_it_whole(rule):
    from corpuscut.segmenter.body import Body, BodyFinder, _plainly_prose, line_features

    finder = BodyFinder()
    texts = [HARBOUR[0] + "\n" + "\n".join([*HARBOUR[1:3], rule, *HARBOUR[3:], rule]) + "\n",
             "\n\n".join([*HARBOUR, rule]) + "\n\n"]
    for text in texts:
        lines = text.split("\n")
        assert _plainly_prose(lines)
        assert not _plainly_prose([*lines[:2], "Share this article", *lines[2:]])
        # the shortcut's answer is the line model's, scored line by line
        rows = line_features(lines, finder.model.common)
        scored = finder.body(text, lines, rows, finder.model.logits(rows), explain=True)
        assert (scored.start, scored.end, scored.boilerplate, scored.dropped) == (0, len(text), 0.0, ())
        assert find_body(text, explain=True) == Body(0, len(text), 0.0)

"""The headline of a page: which lines are candidates, and which the page names itself."""

from __future__ import annotations

import pytest

from corpuscut.segmenter.body import BodyFinder, find_body, line_features, page_lines
from corpuscut.segmenter.headline import (
    FEATURES, HEADLINE_SEARCH, PageLines, _after_byline_label, _cues, _named, candidates, choose_headline,
    crumb_last_step, doubled, load_headline_model, search_top, shortened,
)
from tests.test_body import BODY, FOOTER, HEADLINE, _page_under

#: A subheading like the page's <title> that the lines model would take for its headline.
TITLE_LIKE = "Otters back in the river: the full story"


def _view(page: str) -> tuple[PageLines, int]:
    lines = page.split("\n")
    finder = BodyFinder()
    rows = line_features(lines, finder.model.common)
    return page_lines(lines, rows, finder.model.logits(rows)), lines.index(BODY[0])


@pytest.mark.parametrize("line", ["1Why otters came back to the river after forty years", "Watch Video: How the otters came back",
                                  "3.1Step 1: Find the otters along the river", "How Can We Help?(Required)"])
def test_a_glued_contents_entry_a_players_label_and_a_forms_field_are_no_candidates(line):
    view, first = _view(_page_under(f"{HEADLINE} | Harbour Gazette", [line, "By Tom Rivers", "March 3, 2024"]))
    found, _ = candidates(view, first)
    assert line not in [text for text, _ in found]
    assert any(text == HEADLINE for text, _ in found)


@pytest.mark.parametrize("top", [
    [f"Home > Nature > {HEADLINE}"],  # a breadcrumb on one line
    ["Home", "/", "Nature", "/", "Rivers", "/"],  # laid out a step to a line
], ids=["one-line", "a-step-to-a-line"])
def test_a_breadcrumbs_last_step_names_the_headline_below_it(top):
    page = _page_under(f"{TITLE_LIKE} | Harbour Gazette", [*top, HEADLINE, "By Tom Rivers", "March 3, 2024", TITLE_LIKE])
    view, first = _view(page)
    found, _ = candidates(view, first)
    assert _named(view, found) == (HEADLINE, page.split("\n").index(HEADLINE))
    assert find_body(page).headline == HEADLINE


@pytest.mark.parametrize("line, step", [
    (f"Home \u00bb Nature \u00bb {HEADLINE}", HEADLINE),
    (f"You are here: Home / Nature / Rivers / {HEADLINE}", HEADLINE),
    (f"Home / {HEADLINE}", HEADLINE),  # two steps: "Home" first
    (f"Nature > {HEADLINE}", HEADLINE),  # two steps: a mark that parts nothing else
    (f"Harbour Gazette | Nature | Blog | {HEADLINE}", HEADLINE),
    (f"Nature / {HEADLINE}", None),  # a slash alone between two parts: no breadcrumb
    (f"{HEADLINE} | Nature | Harbour Gazette", None),  # a <title>: its first part is the long one
    ("Home / Blog /", None),  # no last step
    ("Credit: Harbour Gazette / Tom Rivers", None),
], ids=["marks", "label", "home", "mark", "pipes", "one-slash", "title", "no-step", "credit"])
def test_a_breadcrumb_on_one_line_is_read_as_its_last_step(line, step):
    assert crumb_last_step(line) == step


def test_a_breadcrumbs_line_is_a_candidate_for_its_last_step_and_still_a_breadcrumb():
    crumb = f"You are here: Home / Nature / {HEADLINE}"
    page = _page_under(f"{TITLE_LIKE} | Harbour Gazette", [crumb, "By Tom Rivers", "March 3, 2024"])
    view, first = _view(page)
    found, rows = candidates(view, first)
    k = found.index((HEADLINE, page.split("\n").index(crumb)))
    assert rows[k, FEATURES.index("breadcrumb")] == 1.0


def test_menu_entries_glued_at_a_capital_are_marked_glued():
    glued = "Become a Homeyou ProLogin to my account"
    page = _page_under(f"{TITLE_LIKE} | Harbour Gazette", [glued, HEADLINE, "By Tom Rivers", "March 3, 2024"])
    view, first = _view(page)
    found, rows = candidates(view, first)
    marks = {text: row[FEATURES.index("glued")] for (text, _), row in zip(found, rows)}
    assert marks[glued] == 1.0 and marks[HEADLINE] == 0.0


def test_a_call_to_action_as_the_title_is_no_candidate():
    page = _page_under("Start a project", [HEADLINE, "By Tom Rivers", "March 3, 2024"])
    view, first = _view(page)
    found, _ = candidates(view, first)
    assert all(line for _, line in found)  # no <title>'s part (line 0)
    assert find_body(page).headline == HEADLINE


def test_the_title_the_comments_quote_is_the_headline_where_no_line_shows_it():
    comments = [f"2 thoughts on \u201c{HEADLINE}\u201d", "Janet Hill", "What a sight."]
    page = _page_under(f"{TITLE_LIKE} | Harbour Gazette", ["Nature", "By Tom Rivers", "March 3, 2024"]) + "\n".join(comments) + "\n"
    view, first = _view(page)
    found, _ = candidates(view, first)
    assert HEADLINE not in [text for text, _ in found]
    assert _named(view, found) == (HEADLINE, 0)
    assert find_body(page).headline == HEADLINE


def test_a_bylines_row_apart_by_slashes_is_no_breadcrumb():
    page = _page_under(f"{TITLE_LIKE} | Harbour Gazette",
                       [HEADLINE, "Nature", "/", "March 3, 2024", "/", "Tom Rivers", TITLE_LIKE])
    view, first = _view(page)
    found, _ = candidates(view, first)
    assert _named(view, found) is None


def test_a_comments_heading_names_the_headline_it_quotes():
    comments = ["2 thoughts on \u201cOtters return to the river after forty years\u201d", "Janet Hill", "What a sight."]
    page = _page_under(f"{TITLE_LIKE} | Harbour Gazette", [HEADLINE, "By Tom Rivers", "March 3, 2024"]) + "\n".join(comments) + "\n"
    view, first = _view(page)
    found, _ = candidates(view, first)
    assert _named(view, found) == (HEADLINE, page.split("\n").index(HEADLINE))


def test_candidates_named_in_different_words_name_no_headline():
    # the breadcrumb names one line, the comments heading another: the models choose
    comments = [f"2 thoughts on \u201c{TITLE_LIKE}\u201d", "Janet Hill", "What a sight."]
    page = _page_under(f"{TITLE_LIKE} | Harbour Gazette",
                       [f"Home > Nature > {HEADLINE}", HEADLINE, TITLE_LIKE, "By Tom Rivers"]) + "\n".join(comments) + "\n"
    view, first = _view(page)
    found, _ = candidates(view, first)
    assert _named(view, found) is None


def test_a_web_address_is_no_breadcrumb():
    page = _page_under(f"{TITLE_LIKE} | Harbour Gazette",
                       ["https://example.org/nature/Otter walks", "Otter walks", HEADLINE, "By Tom Rivers"])
    view, first = _view(page)
    found, _ = candidates(view, first)
    assert _named(view, found) is None


def test_a_short_first_part_of_the_title_that_the_page_shows_as_a_line_is_its_headline_part():
    from corpuscut.segmenter.headline import headline_part, page_title

    top = "Otter Walks | Harbour Gazette Nature Desk"
    shown = [top, "Home", "Otter Walks", "By Tom Rivers"]
    assert headline_part(top, shown, [len(line.split()) for line in shown]) == "Otter Walks"
    hidden = [top, "Home", "Otter walks and more", "By Tom Rivers"]
    assert headline_part(top, hidden, [len(line.split()) for line in hidden]) == page_title(top) == "Harbour Gazette Nature Desk"


def test_the_name_a_copyright_line_gives_is_no_headline():
    # the <title> and a line under the logo are the site's name, which the footer's copyright line gives
    page = _page_under("Harbour Gazette", ["Harbour Gazette", HEADLINE, "By Tom Rivers", "March 3, 2024"])
    page += "Copyright \u00a9 2026. Harbour Gazette. All rights reserved.\n"
    view, first = _view(page)
    found, _ = candidates(view, first)
    assert HEADLINE in [text for text, _ in found]
    assert "Harbour Gazette" not in [text for text, _ in found]
    assert find_body(page).headline == HEADLINE


def test_a_headline_line_leaves_out_a_last_part_that_dates_it_or_names_the_site():
    from corpuscut.segmenter.headline import bare_headline

    sites = {("harbour", "gazette")}
    assert bare_headline(f"{HEADLINE} / Dec 2025", set()) == HEADLINE
    assert bare_headline(f"{HEADLINE} | March 3, 2024", set()) == HEADLINE
    assert bare_headline(f"{HEADLINE} | Harbour Gazette", sites) == HEADLINE
    # a subtitle, or a site the page names nowhere, stays
    assert bare_headline(f"{HEADLINE} - a survey's story", sites) == f"{HEADLINE} - a survey's story"
    assert bare_headline(f"{HEADLINE} | Harbour Gazette", set()) == f"{HEADLINE} | Harbour Gazette"
    assert bare_headline("Dec 2025", set()) == "Dec 2025"


def test_a_headline_line_leaves_out_the_section_that_ends_the_title_too():
    from corpuscut.segmenter.headline import title_tail

    # "Opinion" ends the <title> and the headline's line: a section's name, not the headline's
    page = _page_under(f"{TITLE_LIKE} | Opinion", [f"{HEADLINE} | Opinion", "By Tom Rivers", "March 3, 2024"])
    view, first = _view(page)
    found, _ = candidates(view, first)
    assert HEADLINE in [text for text, _ in found]
    assert f"{HEADLINE} | Opinion" not in [text for text, _ in found]
    assert title_tail(f"{TITLE_LIKE} | Opinion", TITLE_LIKE) == {("opinion",)}
    # a longer last part may be a subtitle, and a <title> of one part has no tail
    assert title_tail(f"{TITLE_LIKE} - How the river came back to life", TITLE_LIKE) == set()
    assert title_tail(TITLE_LIKE, TITLE_LIKE) == set()
    # a line that is the <title>'s last part alone stays a candidate (a breadcrumb's last step
    # read as a <title> ends with the headline: "| Resources | Blog | Packing Tips Guide")
    page = _page_under(f"{TITLE_LIKE} | Otter News", ["Otter News", HEADLINE, "By Tom Rivers", "March 3, 2024"])
    view, first = _view(page)
    assert "Otter News" in [text for text, _ in candidates(view, first)[0]]


def test_the_headline_is_sought_some_lines_into_the_body_found():
    # a body found from a few lines above the headline (a sign-up box, a teaser over it)
    page = _page_under(f"{TITLE_LIKE} | Harbour Gazette", [HEADLINE, "By Tom Rivers", "March 3, 2024"])
    view, _ = _view(page)
    at = page.split("\n").index(HEADLINE)
    found, _ = candidates(view, at - 6)
    assert (HEADLINE, at) in found


@pytest.mark.parametrize("below", [["March 3, 2024", "By Tom Rivers"], ["By Tom Rivers"], ["Updated 3 March 2024"]],
                         ids=["date-and-byline", "byline", "updated"])
def test_a_first_line_over_a_byline_or_a_date_is_the_storys_headline(below):
    # a story cut from a page opens with its headline, its byline and date: a subheading above
    # its body, worded like it, is not taken for the headline
    page = "\n".join([HEADLINE, *below, "Mill bridge", "Old weir", TITLE_LIKE, *BODY, *FOOTER]) + "\n"
    view, first = _view(page)
    assert choose_headline(view, first, load_headline_model()) == (HEADLINE, 0)


@pytest.mark.parametrize("top", [f"{HEADLINE} | Harbour Gazette", HEADLINE], ids=["title-line", "menu-below"])
def test_a_title_line_or_a_first_line_over_a_menu_is_weighed_against_the_lines(top):
    # a page's <title> is followed by its menu, whatever dates it: the models weigh the lines below
    below = ["March 3, 2024", "By Tom Rivers"] if "|" in top else ["Home", "Nature"]
    page = "\n".join([top, *below, "Mill bridge", "Old weir", TITLE_LIKE, *BODY, *FOOTER]) + "\n"
    view, first = _view(page)
    assert choose_headline(view, first, load_headline_model()) == (TITLE_LIKE, page.split("\n").index(TITLE_LIKE))


def test_a_line_shown_twice_within_four_lines_is_doubled_and_one_repeated_far_below_is_not():
    # a site that renders its headline twice (for narrow and wide screens) shows it on two lines
    # in a row, or with its deck and a label between the copies; a teaser of it among the related
    # links below is no such copy
    page = _page_under(f"{TITLE_LIKE} | Harbour Gazette", [HEADLINE, HEADLINE, "By Tom Rivers", "March 3, 2024"])
    view, first = _view(page)
    at = page.split("\n").index(HEADLINE)
    assert doubled(view, at) and doubled(view, at + 1)
    assert not doubled(view, at + 2)
    between = ["Otters are back, and the volunteers who count them are glad", "Nature hub", "Rivers and wildlife"]
    apart = _page_under(f"{TITLE_LIKE} | Harbour Gazette", [HEADLINE, *between, HEADLINE, "By Tom Rivers"])
    assert doubled(_view(apart)[0], apart.split("\n").index(HEADLINE))
    wider = _page_under(f"{TITLE_LIKE} | Harbour Gazette", [HEADLINE, *between, "Weather", HEADLINE, "By Tom Rivers"])
    assert not doubled(_view(wider)[0], wider.split("\n").index(HEADLINE))
    found, rows = candidates(view, first)
    assert rows[found.index((HEADLINE, at)), FEATURES.index("doubled")] == 1.0
    once = _page_under(f"{TITLE_LIKE} | Harbour Gazette", [HEADLINE, "By Tom Rivers", "March 3, 2024"]) + HEADLINE + "\n"
    view, _ = _view(once)
    assert not doubled(view, once.split("\n").index(HEADLINE))


def test_a_breadcrumb_naming_a_line_a_word_off_the_title_defers_to_the_title():
    # the breadcrumb's step is the headline cut short by a word (its year): the <title>'s headline
    # part is its full form; a step worded otherwise than the title by more is still taken
    title = "Otters return to the river after forty years 2024"
    step = HEADLINE
    page = _page_under(f"{title} | Harbour Gazette", [f"Home > Nature > {step}", step, "By Tom Rivers", "March 3, 2024"])
    view, first = _view(page)
    found, _ = candidates(view, first)
    assert _named(view, found) == (step, page.split("\n").index(step))
    assert choose_headline(view, first, load_headline_model()) == (title, 0)
    far = _page_under(f"{TITLE_LIKE} | Harbour Gazette", [f"Home > Nature > {step}", step, "By Tom Rivers", "March 3, 2024"])
    view, first = _view(far)
    assert choose_headline(view, first, load_headline_model()) == (step, far.split("\n").index(step))


def test_a_line_that_opens_a_longer_line_just_above_is_a_copy_cut_short():
    short = "Otters return to the river"
    page = _page_under(f"{TITLE_LIKE} | Harbour Gazette", [HEADLINE, "By Tom Rivers", "Contents", short, "March 3, 2024"])
    view, first = _view(page)
    lines = page.split("\n")
    assert shortened(view, lines.index(short), short)
    assert not shortened(view, lines.index(HEADLINE), HEADLINE)
    found, rows = candidates(view, first)
    assert rows[found.index((short, lines.index(short))), FEATURES.index("shortened")] == 1.0
    # the same words far below the longer line, or the longer line itself below: no copy
    far = _page_under(f"{TITLE_LIKE} | Harbour Gazette", [HEADLINE, *MENU_GAP, short, "By Tom Rivers"])
    view, _ = _view(far)
    assert not shortened(view, far.split("\n").index(short), short)
    below = _page_under(f"{TITLE_LIKE} | Harbour Gazette", [short, HEADLINE, "By Tom Rivers"])
    view, _ = _view(below)
    assert not shortened(view, below.split("\n").index(short), short)


#: Lines between a headline and a copy of its opening words, more than a copy's reach.
MENU_GAP = ["Nature", "Rivers", "Weather", "Sport", "Letters", "Events", "Jobs"]


#: A table of contents: a label over one line per section, longer than the headline's search.
CONTENTS = [f"Part {n}: where the otters went" for n in range(1, HEADLINE_SEARCH + 4)]


@pytest.mark.parametrize("label", ["Table of Contents", "On this page", "Contents:"])
def test_the_headline_is_sought_above_a_table_of_contents_longer_than_the_search(label):
    # the table's entries, a line each, push the headline above them out of the search's reach
    page = _page_under(f"{TITLE_LIKE} | Harbour Gazette", [HEADLINE, "By Tom Rivers", "March 3, 2024", label, *CONTENTS])
    view, _ = _view(page)
    lines = page.split("\n")
    first = lines.index(BODY[0])
    assert first - lines.index(HEADLINE) > HEADLINE_SEARCH
    assert search_top(view, first) <= lines.index(HEADLINE)
    found, _ = candidates(view, first)
    assert (HEADLINE, lines.index(HEADLINE)) in found
    # without the label the entries are lines like any other: the search stops where it did
    bare = _page_under(f"{TITLE_LIKE} | Harbour Gazette", [HEADLINE, "By Tom Rivers", "March 3, 2024", *CONTENTS])
    view, _ = _view(bare)
    first = bare.split("\n").index(BODY[0])
    assert search_top(view, first) == first - HEADLINE_SEARCH


def test_a_contents_label_above_a_paragraph_does_not_widen_the_search():
    # a label with prose between it and the body labels something else than the lines below it
    prose = ("The volunteers who count the otters every spring have walked the banks of the Wend "
             "for twenty years and kept a tally of every sighting.")
    page = _page_under(f"{TITLE_LIKE} | Harbour Gazette", [HEADLINE, "Table of Contents", prose, *CONTENTS])
    view, _ = _view(page)
    first = page.split("\n").index(BODY[0])
    assert search_top(view, first) == first - HEADLINE_SEARCH


@pytest.mark.parametrize("label", ["By:", "Written by", "Author"])
def test_a_byline_on_two_lines_marks_the_headline_above_it(label):
    # a byline's label on a line of its own and the author's name below it: the name is no
    # headline, and the line above them stands over a byline as a headline does
    name = "Tom Rivers and Ann Wend"
    page = _page_under(f"{TITLE_LIKE} | Harbour Gazette", ["Nature", HEADLINE, label, name])
    view, first = _view(page)
    lines = page.split("\n")
    pattern = _cues()["byline_label"]
    assert _after_byline_label(view, lines.index(label), pattern)
    assert _after_byline_label(view, lines.index(name), pattern)
    assert not _after_byline_label(view, lines.index(HEADLINE), pattern)
    found, rows = candidates(view, first)
    assert rows[found.index((HEADLINE, lines.index(HEADLINE))), FEATURES.index("meta_below")] == 1.0
    assert rows[found.index((name, lines.index(name))), FEATURES.index("date")] == 1.0
    # a name of more words than a byline's, or a line under none: no byline
    plain = _page_under(f"{TITLE_LIKE} | Harbour Gazette", ["Nature", HEADLINE, "Tom Rivers and Ann Wend", "By Tom Rivers"])
    view, _ = _view(plain)
    assert not _after_byline_label(view, plain.split("\n").index("Tom Rivers and Ann Wend"), pattern)

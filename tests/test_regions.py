"""News glued around web pages: runs of prose that no page holds are cut by the article model."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from corpuscut.segmenter import Segmenter
from corpuscut.segmenter.body import load_body_model
from corpuscut.segmenter.pages import line_facts
from corpuscut.segmenter.regions import bare_stretches, load_region_rules, page_lines, shared_share
from corpuscut.text.stems import StemIds
from tests.test_pages import BRIDGE, OTTERS, SITE_A, SITE_B, page

STORIES = [
    ["Dock strike halts grain exports at three ports",
     "Dockers at three eastern ports walked out on Monday over a pay offer, halting grain exports at the height "
     "of the harvest season, the union said.",
     "About forty ships were waiting to load wheat and barley, and traders said prices for the nearest delivery "
     "rose by two percent on the news.",
     "The port authority said talks would resume on Wednesday, and that perishable cargo would be handled by "
     "managers in the meantime so that fruit and medicines were not left on the quays.",
     "Farmers' groups warned that storage on farms was nearly full after a record crop, and that a strike of "
     "more than a week would force some growers to sell at a loss to local mills.",
     "The union is asking for a rise of nine percent over two years, against the employers' offer of five, and "
     "says its members have had no increase since the ports were sold to private owners."],
    ["Central bank holds rates, signals cut later this year",
     "The central bank kept its main interest rate unchanged at four percent on Thursday, but said inflation had "
     "eased enough for a cut to be considered before the end of the year.",
     "Economists had expected the decision, and bond yields fell slightly after the statement was published.",
     "The governor told reporters that the labour market was cooling faster than the bank had forecast.",
     "Retail sales fell for the third month running in the summer, and mortgage lending is at its lowest level "
     "in a decade, figures published by the statistics office last week showed.",
     "Two of the nine members of the rate-setting committee voted for an immediate cut of a quarter point, the "
     "minutes of the meeting showed, up from one member at the previous meeting."],
    ["Storm closes mountain pass for second day",
     "Heavy snow kept the main mountain pass closed for a second day on Saturday, stranding hundreds of lorries "
     "on both sides of the border.",
     "Road crews said they hoped to reopen one lane by Sunday evening if the wind dropped, and police urged "
     "drivers to take the coastal route.",
     "Two villages below the pass were without power after a line came down in the night.",
     "Forecasters said more snow was likely on Monday, and the regional government asked hauliers to delay "
     "journeys across the mountains until the middle of the week.",
     "Hotels in the valley towns opened their halls to stranded drivers, and volunteers handed out hot food "
     "and blankets from the fire station car park through the night."],
    ["Museum returns bronze figures to their home city",
     "A national museum has handed back twelve bronze figures taken from the city more than a century ago, "
     "after years of talks between the two governments.",
     "The figures will go on show in a new gallery next spring, the city's mayor said at a ceremony on Friday.",
     "Curators said the museum would keep copies made from scans for its own collection.",
     "The figures, cast in the seventeenth century for a royal palace, were taken by soldiers during a war "
     "and sold to collectors before the museum bought them in the 1890s.",
     "Several other museums in Europe hold objects from the same palace, and the city's delegation said it "
     "hoped the return would encourage them to open talks of their own."],
]


def _dump(pieces: list[list[str]]) -> tuple[str, list[int]]:
    text, starts = "", []
    for lines in pieces:
        starts.append(text.count("\n") + 1)
        text += "\n".join(lines) + "\n"
    return text, starts


def test_stories_before_and_after_a_web_page_are_each_cut_and_the_page_is_one_article():
    web = page(SITE_A, "Otters return to the river after forty years", OTTERS)
    text, starts = _dump([STORIES[0], STORIES[1], web, STORIES[2], STORIES[3]])
    articles = Segmenter().split(text)
    assert "".join(a.text for a in articles) == text
    assert [a.start_line for a in articles] == starts


def test_stories_after_the_last_of_two_pages_are_cut_and_the_pages_stay_whole():
    first = page(SITE_A, "Otters return to the river after forty years", OTTERS)
    second = page(SITE_B, "Footbridge over the railway approved at last", BRIDGE)
    text, starts = _dump([first, second, STORIES[0], STORIES[1]])
    articles = Segmenter().split(text)
    assert [a.start_line for a in articles] == starts
    # the stories' starts are the article model's
    assert all("page start" not in a.reasons for a in articles[2:])


def test_a_pages_own_text_below_its_footer_stays_with_the_page():
    web = page(SITE_A, "Otters return to the river after forty years", OTTERS) + [
        f"{SITE_A} Ltd publishes the {SITE_A} in print and online. The {SITE_A} takes care that what it "
        "publishes is accurate, but accepts no liability for the content of sites it links to.",
        f"Readers may reproduce {SITE_A} articles for their own use only. Otters, rivers and trust photographs "
        f"remain the property of the {SITE_A} and the river trust.",
    ]
    text = "\n".join(web) + "\n"
    assert len(Segmenter().split(text)) == 1


def test_menus_are_page_lines_and_a_headline_among_paragraphs_is_not():
    rules = load_region_rules()
    texts = [*STORIES[0], "Home", "News", "Sport", "Business", "Opinion", "Weather", *STORIES[1]]
    marked = page_lines(line_facts(texts, load_body_model().common), rules)
    n = len(STORIES[0])
    assert marked[n: n + 6].all()
    assert not marked[:n].any() and not marked[n + 6:].any()


def test_the_shared_share_counts_a_runs_distinct_stems_found_in_the_other_blocks():
    stems = StemIds.of([["otter", "river"], ["otter", "bridge"], ["river", "mill"], ["grain"]])
    assert shared_share(stems, (1, 3), (0, 1)) == 2 / 4
    assert shared_share(stems, (3, 4), (0, 3)) == 0.0
    assert np.isclose(shared_share(stems, (0, 1), (1, 3)), 1.0)


def test_stories_before_a_page_whose_title_line_ends_like_a_sentence_are_each_cut():
    # the page's first line reads as prose ("... at last!"): the run of stories still ends there
    title = "Otters have come back to the River Wend at last, after forty years away!"
    web = page(SITE_A, title, OTTERS)
    web[0] = title
    text, starts = _dump([STORIES[0], STORIES[1], STORIES[2], web])
    articles = Segmenter().split(text)
    assert [a.start_line for a in articles] == starts


def test_a_news_paragraph_that_speaks_of_consent_is_no_cookie_notice():
    from corpuscut.segmenter.regions import consent_lines

    rules = load_region_rules()
    texts = ["Marsh said the quality of the videos is irrelevant because they were made without consent, "
             "and that the sailors involved had been disciplined by their commanders last year.",
             "We use cookies to improve your experience on our website. By browsing, you accept them."]
    assert consent_lines(line_facts(texts, load_body_model().common), rules).tolist() == [False, True]


WIRES = [
    ["HARBOUR POWER CO <HPC> FEBRUARY NET",
     "PORTVILLE, Ore., March 30 - Shr 13 cts vs 5 cts",
     "Net 5,568,319 vs 2,968,437", "Rev 36.5 mln vs 34.0 mln", "12 months", "Shr 1.60 dlrs vs 1.79 dlrs",
     "Net 72,865,101 vs 85,198,853",
     "NOTE: Twelve months includes the effect of a change in accounting methods for unbilled revenues.",
     "Reuter", ""],
    ["NORTHFIELD LABS <NFL> GETS FDA APPROVAL",
     "NORTHFIELD, N.J., June 1 - Northfield Laboratories Inc said its skin cream for inflammatory disorders has "
     "been approved for marketing by the U.S. Food and Drug Administration in two forms.",
     "The company said registrations with health agencies overseas are to be filed in a number of major "
     "markets this year and in other areas next year.",
     "Reuter", ""],
    ["GREAT LAKES SAVINGS <GLS> OPENS UNITS",
     "ERIE, Pa., March 20 - Great Lakes Savings Bank said it has opened four new branches in grocery stores.",
     "The branches are all in the Erie area, and two more will open next week, the company said.",
     "Reuter", ""],
]


def test_a_stretch_between_page_starts_with_no_page_furniture_in_it_is_told():
    first = page(SITE_A, "Otters return to the river after forty years", OTTERS)
    second = page(SITE_B, "Footbridge over the railway approved at last", BRIDGE)
    wires = [line for story in WIRES for line in story if line]
    facts = line_facts([*first, *wires, *second], frozenset())
    starts = [len(first), len(first) + len(wires)]  # where the page model cut
    assert bare_stretches(facts, starts, load_region_rules()) == [(len(first), len(first) + len(wires))]
    # a page's own stretch holds its menus and footer
    assert bare_stretches(facts, [len(first)], load_region_rules()) == []
    assert bare_stretches(facts, starts, replace(load_region_rules(), bare_min_prose_lines=0)) == []


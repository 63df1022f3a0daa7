"""Page text (a crude scraper's dump of web pages) is split page by page."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscut.segmenter import Segmenter
from corpuscut.segmenter.pages import CONTEXT_FEATURES, FEATURES, load_page_model
from tests.conftest import SAMPLES, SEED

SITE_A = "Harbour Gazette"
SITE_B = "Valley Courier"


def page(site: str, headline: str, paragraphs: list[str]) -> list[str]:
    """A page as get_text keeps it: its <title>, skip link and menu, headline, body, footer."""
    return [
        f"{headline} | {site}", "Skip to main content", site,
        "Home", "News", "Sport", "Business", "Opinion", "Culture", "Weather", "Subscribe", "Log in",
        "Search", "Menu",
        headline, "By Jane Doe", "12 March 2024",
        *paragraphs,
        "Share this article", "Facebook", "Twitter", "Email",
        "Related articles", "Council approves new cycle lanes", "Flood defences finished early",
        "About us", "Contact", "Privacy policy", "Terms of use",
        f"\u00a9 2024 {site} Ltd. All rights reserved.",
    ]


OTTERS = [
    "Otters have been seen on the River Wend for the first time in forty years, volunteers who "
    "survey the banks every spring said on Tuesday.",
    "The animals were spotted near the old mill bridge early in the morning, and a camera left by "
    "the trust recorded two adults and a cub feeding in the shallows.",
    "The otters disappeared from the river in the 1980s, when runoff from farms and a tannery upstream "
    "poisoned the fish they feed on. The tannery closed in 2003.",
    "The trust now plans to plant willows along the banks to give the animals cover, and asks walkers "
    "to keep their dogs on a lead near the bridge until the summer.",
]
BRIDGE = [
    "The county council has approved a new footbridge over the railway at Millbrook, ending a ten-year "
    "campaign by residents who now walk a mile around the station.",
    "The bridge will cost four million pounds, most of it from a government fund for walking and cycling, "
    "and work is due to start in the autumn.",
    "Residents said the crossing would reunite the two halves of the village, which the railway split "
    "when it was built in the 1850s.",
    "Network Rail said the line would close for two weekends while the span is lifted into place.",
]


def test_a_dump_of_two_pages_is_cut_once_at_the_second_pages_title():
    first = page(SITE_A, "Otters return to the river after forty years", OTTERS)
    second = page(SITE_B, "Footbridge over the railway approved at last", BRIDGE)
    text = "\n".join(first + second) + "\n"
    articles = Segmenter().split(text)
    assert [a.start_line for a in articles] == [1, len(first) + 1]
    assert "page start" in articles[1].reasons
    assert 0.0 <= articles[1].score <= 1.0
    assert "".join(a.text for a in articles) == text


def test_a_single_page_is_kept_whole():
    text = "\n".join(page(SITE_A, "Otters return to the river after forty years", OTTERS)) + "\n"
    assert len(Segmenter().split(text)) == 1


def test_a_breadcrumb_that_opens_with_a_separator_under_the_menu_starts_no_page():
    # "| Resources | Blog | Packing Tips Guide" is no "Headline | Site" title line
    text = (Path(__file__).parent / "fixtures" / "page-breadcrumb-under-menu.txt").read_text(encoding="utf-8")
    assert len(Segmenter().split(text)) == 1


def test_a_page_cut_is_explained_by_the_page_model():
    first = page(SITE_A, "Otters return to the river after forty years", OTTERS)
    second = page(SITE_B, "Footbridge over the railway approved at last", BRIDGE)
    articles = Segmenter().split("\n".join(first + second) + "\n")
    names = {name for name, _ in articles[1].evidence}
    assert names and all(name.startswith("page: ") for name in names)
    assert names - {"page: base"} <= {f"page: {f}" for f in FEATURES + CONTEXT_FEATURES}
    # the pushes and the base add up to the cut's log-odds, which the score is calibrated from
    model = load_page_model()
    logit = sum(push for _, push in articles[1].evidence)
    assert abs(model.probability(logit) - articles[1].score) < 0.01


def test_news_dumps_are_not_page_text():
    segmenter = Segmenter()
    for path in (SEED, *sorted(SAMPLES.glob("bbc-*.txt"))):
        assert segmenter.analyse(path.read_text(encoding="utf-8")).page is None, path.name
    assert load_page_model().min_short_share > 0.3


def test_boosted_trees_explain_each_log_odds_exactly():
    import numpy as np

    from corpuscut.segmenter.trees import Trees, fit_trees

    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 3))
    y = ((x[:, 0] > 0) & (x[:, 1] > -0.5)).astype(float)
    trees = fit_trees(x, y, rounds=20, depth=2, min_hessian=1.0)
    logits = trees.logits(x)
    assert ((logits > 0) == (y > 0)).mean() > 0.9
    for row, logit in zip(x[:20], logits[:20]):
        assert abs(trees.base + trees.contributions(row, 3).sum() - logit) < 1e-9
    again = Trees.from_json(trees.to_json())
    assert np.allclose(again.logits(x), logits, atol=1e-4)


def test_a_title_line_whose_site_name_stands_below_it_is_marked():
    import numpy as np

    from corpuscut.segmenter.pages import _WORD, title_parts_below

    texts = ["Preparing a transition in Debusine | Colin Watson's blog", "Colin Watson's blog",
             "Dec 18 2025", "Home", "About", "Contact us today for a quote", "Colin Watson's blog"]
    normal = [" ".join(_WORD.findall(t.lower())) for t in texts]
    words = np.array([len(t.split()) for t in texts], dtype=float)
    marked = title_parts_below(texts, normal, words)
    assert marked[0] == 1.0
    # "Contact us today..." has no part of its own below it; one-word menu lines are not titles
    assert marked[5] == 0.0 and marked[3] == 0.0


def test_a_headline_inside_a_longer_line_below_counts_as_held():
    import numpy as np

    from corpuscut.segmenter.pages import title_echoes

    texts = ["Preparing a transition in Debusine | Colin Watson's blog", "Home",
             "Dec 18 2025 Preparing a transition in Debusine", "We announced a public beta last week."]
    words = np.array([len(t.split()) for t in texts], dtype=float)
    similar, held = title_echoes(texts, words, frozenset({"a", "in"}))
    assert held[0] == 1.0
    assert similar[0] < 0.6  # the dateline's extra words keep it from reading as a repeat


def test_the_second_pass_compares_each_gap_with_the_likeliest_nearby():
    import numpy as np

    from corpuscut.segmenter.pages import NEARBY, context_columns

    first = np.full(3 * NEARBY, -8.0)
    first[10] = 3.0
    columns = context_columns(first)
    assert np.array_equal(columns[:, 0], first)
    # the gaps just above the likely one see it below them; those just below see it above
    assert columns[9, 1] == 11.0 and columns[9, 2] == 0.0
    assert columns[11, 2] == 11.0 and columns[11, 1] == 0.0
    assert columns[10, 1] == -11.0
    # out of reach it counts no more
    assert columns[10 - NEARBY - 1, 1] == 0.0
    assert columns[0, 2] == -12.0  # nothing above the first gap


def test_a_sign_in_box_after_a_footer_stays_with_its_page():
    popup = ["Sign in or create an account", "Email address", "Password", "Sign in", "Forgot your password?"]
    first = page(SITE_A, "Otters return to the river after forty years", OTTERS) + popup
    second = page(SITE_B, "Footbridge over the railway approved at last", BRIDGE)
    articles = Segmenter().split("\n".join(first + second) + "\n")
    assert [a.start_line for a in articles] == [1, len(first) + 1]
    assert articles[1].title.startswith("Footbridge over the railway")


def test_a_title_line_after_a_long_copyright_line_starts_a_page():
    copyright_line = (f"Copyright \u00a9 2024 {SITE_A} Limited, registered in England and Wales, company number "
                      "01234567. All rights reserved.")
    first = page(SITE_A, "Otters return to the river after forty years", OTTERS)[:-1] + [copyright_line]
    second = page(SITE_B, "Footbridge over the railway approved at last", BRIDGE)
    articles = Segmenter().split("\n".join(first + second) + "\n")
    assert [a.start_line for a in articles] == [1, len(first) + 1]


def test_a_title_lines_words_are_counted_below_it_and_above_it():
    import numpy as np

    from corpuscut.segmenter.pages import _WORD, title_word_shares

    texts = ["Otters return to the river", "Home", "Otters seen on the river again", "Contact",
             "Footbridge approved | Valley Courier", "Valley Courier", "The footbridge over the railway"]
    normal = [" ".join(_WORD.findall(t.lower())) for t in texts]
    words = np.array([len(t.split()) for t in texts], dtype=float)
    below, above = title_word_shares(normal, words, frozenset({"the", "to", "on", "over"}))
    # "otters", "return", "river": two come again below, none stand above
    assert abs(below[0] - 2 / 3) < 1e-9 and above[0] == 0.0
    # the next page's title: three of its four words below, none in the page before
    assert below[4] == 0.75 and above[4] == 0.0
    assert below[1] == above[1] == 0.0  # a one-word menu line is no title


def test_the_vocabulary_shift_is_high_where_one_pages_words_give_way_to_anothers():
    from corpuscut.segmenter.pages import SHIFT_REACH, _WORD, vocabulary_shift

    lines = ["Otters feed in the shallows near the mill", "Volunteers survey the river banks"] * SHIFT_REACH
    lines += ["Council approves railway footbridge plan", "Residents walk around the station"] * SHIFT_REACH
    normal = [" ".join(_WORD.findall(t.lower())) for t in lines]
    shift = vocabulary_shift(normal, frozenset({"the", "in", "near"}))
    assert len(shift) == len(lines) - 1
    boundary = len(lines) // 2 - 1  # the gap before the first line on the bridge
    assert shift[boundary] > 0.5 > shift[boundary // 2]
    assert shift.argmax() == boundary
    assert (vocabulary_shift(normal, frozenset({"the", "in", "near"})) == shift).all()  # the same text, the same figures


def test_lines_that_close_a_page_are_told():
    from corpuscut.segmenter.pages import line_facts

    texts = ["Back to top", "bottom of page", "Accept all", "\u00d7", "Otters return to the river",
             "Top stories of the week"]
    facts = line_facts(texts, frozenset())
    assert facts.end.tolist() == [1.0, 1.0, 1.0, 1.0, 0.0, 0.0]


def test_a_page_whose_long_article_outweighs_its_menus_is_page_text():
    long_article = [f"{p} It was the {n}th report of the kind this year." for n in range(30) for p in OTTERS]
    text = "\n".join(page(SITE_A, "Otters return to the river after forty years", long_article)) + "\n"
    analysis = Segmenter().analyse(text)
    assert analysis.page is not None
    assert len(Segmenter().split(text)) == 1
    # without its footer (as an extractor would keep it) it is read as articles are
    lines = [line for line in text.splitlines() if "\u00a9" not in line and line not in ("Privacy policy", "Terms of use")]
    assert Segmenter().analyse("\n".join(lines) + "\n").page is None
    # news with a menu word or two in it is not
    news = "\n".join(["Otters return", *OTTERS, "Home", *BRIDGE, "Contact", *OTTERS]) + "\n"
    assert Segmenter().analyse(news).page is None


#: Lines of every kind the quick look at a text tells apart: furniture (menus, skip links, lines
#: many sites share, cookie notices), short lines that are none, sentences, long lines.
QUICK_LOOK_LINES = [
    *page(SITE_A, "Otters return to the river", OTTERS), *page(SITE_B, "Footbridge approved", BRIDGE),
    "Accept all cookies", "Home", "Read more", "Storm closes ports", "The council met.", "A short line",
    "word " * 120, "Menu.", "Search",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(QUICK_LOOK_LINES), max_size=30), st.integers(min_value=1, max_value=6))
def test_the_quick_look_for_furniture_counts_as_the_line_facts_do(texts, enough):
    from corpuscut.segmenter.body import load_body_model
    from corpuscut.segmenter.pages import furniture_lines, has_furniture, line_facts

    common = load_body_model().common
    assert has_furniture(texts, common, enough) == (furniture_lines(line_facts(texts, common)) >= enough)


def wire_story(n: int) -> list[str]:
    """A wire story as a plain-text dump holds it: headline, dateline paragraph, more, sign-off."""
    return [
        f"OTTERS RETURN TO RIVER WEND {n}",
        f"    WEND, March {n % 28 + 1} - {OTTERS[0]}",
        f"    {OTTERS[1]}",
        f"    {OTTERS[2]}",
        " Reuter",
        "",
    ]


def test_a_long_stretch_of_wire_copy_with_a_few_stray_menu_words_is_not_page_text():
    from dataclasses import replace

    # 4 stray "More" lines and one line that reads as a footer, as 2 MB of wire copy holds them
    stories = [wire_story(n) for n in range(60)]
    for n in (5, 20, 35, 50):
        stories[n].insert(4, "More")
    stories[40].insert(4, "Copyright 1987 Reuters Ltd. All rights reserved.")
    text = "\n".join(line for story in stories for line in story)
    one_page = load_page_model()
    # counted as if all of it were one page, it is page text...
    assert Segmenter(pages=one_page).analyse(text).page is not None
    # ...counted once per 100 lines, as a page holds its menus and footer, it is not
    per_hundred = replace(one_page, count_lines=100)
    assert Segmenter(pages=per_hundred).analyse(text).page is None
    assert len(Segmenter(pages=per_hundred).split(text)) == 60
    # while pages, however many, are still page text
    pages = [line for n in range(6) for line in page(SITE_A if n % 2 else SITE_B, f"Otters seen again {n}", OTTERS)]
    assert Segmenter(pages=replace(one_page, count_lines=20)).analyse("\n".join(pages) + "\n").page is not None


def test_a_run_of_wire_stories_in_page_text_is_cut_by_the_article_model_where_no_page_is_that_long():
    from dataclasses import replace

    pages = [line for n in range(4) for line in page(SITE_A if n % 2 else SITE_B, f"Otters seen again {n}", OTTERS)]
    wire = [line for n in range(25) for line in wire_story(n)]
    text = "\n".join([*pages, *wire, *page(SITE_A, "Footbridge approved", BRIDGE)]) + "\n"
    starts = [text.index(f"OTTERS RETURN TO RIVER WEND {n}\n") for n in range(25)]
    pages_only = replace(load_page_model(), max_page_words=10**9)
    assert Segmenter(pages=pages_only).analyse(text).page is not None
    # the page model alone takes the 25 stories for one page...
    assert len({a.start for a in Segmenter(pages=pages_only).split(text)} & set(starts)) <= 1
    # ...which holds more words than a page does: there the article model cuts
    capped = replace(load_page_model(), max_page_words=1000)
    articles = Segmenter(pages=capped).split(text)
    assert len({a.start for a in articles} & set(starts)) >= 24
    assert "".join(a.text for a in articles) == text
    at_stories = [a for a in articles if a.start in starts]
    assert all(a.reasons[0] != "page start" for a in at_stories)
    assert any(a.reasons[0] == "page start" for a in articles[1:])


def test_a_page_is_never_one_line_of_two_likely_starts_a_line_apart_the_likelier_stays():
    import numpy as np

    from corpuscut.segmenter.pages import decode

    model = load_page_model()
    logits = np.full(59, -10.0)
    logits[19], logits[20] = 6.0, 8.0  # a footer line shaped like a title, then the next page's title
    logits[39] = 7.0
    assert decode(logits, [50] * 60, model) == [21, 40]
    logits[19], logits[20] = 8.0, 6.0
    assert decode(logits, [50] * 60, model) == [20, 40]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(QUICK_LOOK_LINES), min_size=15, max_size=60), st.sampled_from([2000, 20, 7]))
def test_a_text_ruled_out_by_its_short_lines_is_never_page_text(texts, count_lines):
    from dataclasses import replace

    from corpuscut.segmenter.body import load_body_model
    from corpuscut.segmenter.pages import is_page_text, line_facts, load_page_model, may_be_page_text

    common = load_body_model().common
    model = replace(load_page_model(), count_lines=count_lines)
    if is_page_text(line_facts(texts, common), model):
        assert may_be_page_text(texts, common, model)


def test_a_copyright_or_consent_line_never_starts_a_page():
    import numpy as np

    from corpuscut.segmenter.body import load_body_model
    from corpuscut.segmenter.pages import decode, line_facts

    texts = ["Otters return to the river | Harbour Gazette", "\u00a9 2024 Harbour Gazette Ltd. All rights reserved.",
             "Manage Cookie Consent", "Do Not Sell or Share My Personal Information", "Privacy policy",
             "Bryan University Online\u00a9", "Copyright law explained for writers"]
    facts = line_facts(texts, load_body_model().common)
    assert facts.no_start.tolist() == [0, 1, 1, 1, 1, 0, 0]
    model = load_page_model()
    logits = np.full(59, -10.0)
    logits[19] = 8.0  # the gap before line 20, a copyright line
    no_start = np.zeros(60)
    assert decode(logits, [50] * 60, model, None, no_start) == [20]
    no_start[20] = 1.0
    assert decode(logits, [50] * 60, model, None, no_start) == []


def test_a_start_whose_page_holds_no_main_text_stays_with_the_page_above():
    import numpy as np

    from corpuscut.segmenter.pages import decode

    model = load_page_model()
    logits = np.full(59, -10.0)
    logits[19], logits[39] = 8.0, 8.0
    main = np.full(60, 50)
    assert decode(logits, [50] * 60, model, main) == [20, 40]
    main[40:] = 0  # the last stretch: a footer's last lines and a cookie panel, no main text
    assert decode(logits, [50] * 60, model, main) == [20]
    main[40:], main[20:40] = 50, 0  # a stretch inside the text without main text goes with the page above
    assert decode(logits, [50] * 60, model, main) == [40]
    main[20:40], main[:20] = 50, 0  # no main text above the first start: the first page's menus above its headline
    assert decode(logits, [50] * 60, model, main) == [40]


def test_a_sign_in_panel_after_the_last_pages_copyright_line_stays_with_it():
    # a crude scrape keeps the panels a page hides below its footer: no main text, no page
    panel = [f"\u00a92026 {SITE_B.upper()}, LLC. ALL RIGHTS RESERVED", "Back", "SIGN IN OR CREATE AN ACCOUNT",
             "Access to a free customization code", "Free shipping on all orders", "Email", "Password", "Sign in",
             "Create account"]
    first = page(SITE_A, "Otters return to the river after forty years", OTTERS)
    second = page(SITE_B, "Footbridge over the railway approved at last", BRIDGE) + panel
    articles = Segmenter().split("\n".join(first + second) + "\n")
    assert [a.start_line for a in articles] == [1, len(first) + 1]

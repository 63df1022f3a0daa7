"""Where a page echoes its headline candidates: breadcrumbs, title lines, copyright lines."""

from __future__ import annotations

from tests.test_body import BODY, HEADLINE, _page_under


def _view_of(page: str):
    from corpuscut.segmenter.body import BodyFinder, line_features, page_lines

    lines = page.split("\n")
    finder = BodyFinder()
    rows = line_features(lines, finder.model.common)
    return page_lines(lines, rows, finder.model.logits(rows)), lines.index(BODY[0])


def test_headline_candidates_read_where_the_page_echoes_them():
    from corpuscut.segmenter.headline import FEATURES, candidates

    page = _page_under(f"{HEADLINE} | Harbour Gazette", [
        "Home > Nature > Otters return to the river after forty years", "Harbour Gazette Ltd",
        HEADLINE, "By Tom Rivers", "March 3, 2024",
        "Table of contents", "Where the otters were seen", "What the trust plans"])
    view, first = _view_of(page)
    found, x = candidates(view, first)
    row = {text: dict(zip(FEATURES, values)) for (text, line), values in zip(found, x) if line}
    assert row[HEADLINE]["crumb_tail"] == 1.0 and row[HEADLINE]["after_contents"] == 0.0
    assert row["Where the otters were seen"]["after_contents"] == 1.0
    assert row["Harbour Gazette Ltd"]["in_copyright"] == 1.0 and row[HEADLINE]["in_copyright"] == 0.0


def test_a_title_part_that_the_pages_copyright_line_names_is_the_sites_not_the_headline():
    from corpuscut.segmenter.headline import echoes, headline_part, page_title

    title_line = f"Harbour Gazette Ltd - {HEADLINE}"
    view, _ = _view_of(_page_under(title_line, ["Nature", "By Tom Rivers", "March 3, 2024"]))
    assert page_title(title_line) == "Harbour Gazette Ltd"
    assert headline_part(title_line, echoes(view)) == HEADLINE


def test_a_breadcrumb_of_dashes_echoes_the_headline_and_a_title_lines_last_part_names_the_site():
    from corpuscut.segmenter.headline import _normal, echoes

    view, _ = _view_of(_page_under(f"{HEADLINE} | Harbour Gazette", [
        f"Home - Nature - Wildlife - {HEADLINE}", f"{HEADLINE} | Riverside News", HEADLINE, "By Tom Rivers"]))
    seen = echoes(view)
    assert tuple(_normal(HEADLINE)) in seen.crumb_tails and tuple(_normal(HEADLINE)) in seen.heads
    assert tuple(_normal("Riverside News")) in seen.tails and tuple(_normal(HEADLINE)) not in seen.tails

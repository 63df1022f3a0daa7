"""What the boundary model learns structured articles from (WCXB's training pages, the help's
tune part: never a held-out page), and the cue that tells a subhead from a headline."""

from __future__ import annotations

import gzip
import json

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscut.segmenter import Segmenter, structured, wcxb
from corpuscut.segmenter.cues import load_cues
from corpuscut.segmenter.features import passages_overlap
from corpuscut.text.compiled import Tier
from corpuscut.text.stems import StemIds

PARAGRAPHS = [
    "Otters have been seen on the river for the first time in forty years, volunteers said on Monday.",
    "The animals were spotted near the old mill bridge on Tuesday morning by a group of walkers.",
    "Nobody expected them to come back so soon after the clean-up of the water upstream began.",
    "Local schools will hold lessons about the animals and the river over the coming weeks.",
    "The council said it would keep the footpath along the east bank closed until the spring.",
    "Anglers have been asked to report sightings to the wildlife trust through its website.",
]


def _wcxb_folder(root, count: int) -> list[str]:  # type: ignore[no-untyped-def]
    """A wcxb-dev folder of ``count`` article pages, each with a title and six paragraphs."""
    (root / "html").mkdir(parents=True)
    entries, ids = [], []
    for n in range(count):
        file_id = f"{n:04d}"
        ids.append(file_id)
        html = f"<html lang='en'><body><nav>Home</nav><h1>Page {file_id}</h1>" + "".join(
            f"<p>{p}</p>" for p in PARAGRAPHS) + "<footer>All rights reserved.</footer></body></html>"
        with gzip.open(root / "html" / f"{file_id}.html.gz", "wb") as out:
            out.write(html.encode("utf-8"))
        entries.append({"file": f"{file_id}.json", "file_id": file_id, "url": f"https://example.org/{file_id}",
                        "_internal": {"page_type": {"primary": "article"}},
                        "ground_truth": {"title": f"Page {file_id}", "main_content": "\n\n".join(PARAGRAPHS)}})
    with gzip.open(root / "ground-truth.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write("\n".join(json.dumps(e) for e in entries) + "\n")
    return ids


def test_structured_articles_come_from_wcxb_training_pages_only(tmp_path):
    ids = _wcxb_folder(tmp_path / structured.FOLDER, 40)
    fit = structured.load_structured(tmp_path, "fit")
    tune = structured.load_structured(tmp_path, "tune")
    fit_titles = {a.headline for a in fit.articles}
    tune_titles = {a.headline for a in tune.articles}
    training = {f"Page {i}" for i in ids if not wcxb.is_held_out(i)}
    assert fit_titles | tune_titles == training  # every training page, and no held-out one
    assert fit_titles and tune_titles and not fit_titles & tune_titles
    assert all(a.paragraphs == tuple(PARAGRAPHS) for a in fit.articles)
    # each article page's main text as its page text holds it: no menu, no footer
    assert len(fit.main_texts) == len(fit.articles)
    assert all(t.startswith(PARAGRAPHS[0]) and "Home" not in t and "rights" not in t for t in fit.main_texts)


def test_passages_around_a_subhead_share_words_and_those_around_a_new_article_do_not():
    # blocks 0-2 and 4-6 about otters, block 3 a headline-like line between them; then a new
    # subject (blocks 8-10) after the headline-like block 7
    otters = [["otter", "river", "bridg"], ["otter", "walker", "river"], ["river", "water", "otter"]]
    budget = [["tax", "budget", "minist"], ["budget", "spend", "tax"], ["minist", "vote", "tax"]]
    blocks = [*otters, ["return"], *otters, ["plan"], *budget]
    candidates = np.zeros(len(blocks), dtype=bool)
    candidates[[3, 7]] = True
    share = passages_overlap(StemIds.of(blocks), candidates, reach=3)
    assert share[3] == 1.0  # the same words on both sides: a subhead
    assert share[7] < 0.3  # the words change under it: a headline
    assert share[[0, 1, 2, 4, 5, 6, 8, 9, 10]].sum() == 0  # only candidates are measured
    assert share.tolist() == passages_overlap(StemIds.of(blocks), candidates, 3, Tier(compile_after=-1)).tolist()


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.integers(0, 15), max_size=8), min_size=1, max_size=40), st.data(), st.integers(1, 7))
def test_the_compiled_passages_overlap_equals_its_python_form_exactly(blocks, data, reach):
    ids = StemIds.of(blocks)
    candidates = np.array(data.draw(st.lists(st.booleans(), min_size=len(blocks), max_size=len(blocks) + 2)))
    with_sets = passages_overlap(ids, candidates, reach)
    assert passages_overlap(ids, candidates, reach, Tier(compile_after=-1)).tolist() == with_sets.tolist()


HOW_TO = """How to plant a small vegetable garden in spring
A vegetable garden does not need much room. A few square metres of sunny ground, some compost and an afternoon of work are enough to grow salad, beans and herbs through the summer.
Choose the right spot
Vegetables need at least six hours of sun a day. Look for a place away from large trees, whose roots take water and whose shade slows growth, and close enough to a tap that watering is not a chore.
Prepare the soil
1. Clear the ground of grass and weeds, taking out as many roots as you can.
2. Dig the soil to the depth of a spade and break up the large clods.
3. Spread a layer of compost five centimetres deep and fork it into the top of the soil.
4. Rake the surface level and leave it to settle for a week before sowing.
What should I grow first?
Start with crops that forgive mistakes: lettuce, radishes, dwarf beans and courgettes grow quickly and give a harvest within weeks. Tomatoes and peppers need more care and are best bought as young plants.
Note: sow a short row of lettuce every two weeks rather than one long row, so that the plants do not all mature at once.
Watering and feeding
Water in the morning, at the base of the plants, and give each bed a good soak twice a week rather than a little every day. Once the first fruits form, feed tomatoes and courgettes every fortnight.
"""

COUNCIL = """City council approves new budget after long debate
The city council approved next year's budget late on Tuesday after a debate that lasted more than six hours, with spending on roads and schools rising for the first time in five years.
Councillors voted 31 to 18 in favour of the plan, which raises the property tax by two percent and draws on reserves to close a gap left by lower income from parking fees.
The mayor said the budget kept the city's finances on a sound footing while repairing streets that residents had complained about for years.
Opposition members argued that the tax rise would hit families already struggling with higher rents and energy bills, and proposed cuts to the council's own administration instead.
Where the money goes
Road repairs will receive 14 million, almost twice this year's sum, and three primary schools will get new roofs and heating systems before next winter.
The library service, which had faced closures, will keep all of its branches open, though two will shorten their opening hours on weekdays.
The budget takes effect on the first of January.
"""


def test_an_article_with_subheads_numbered_steps_a_question_and_a_note_stays_whole():
    articles = Segmenter().split(HOW_TO)
    assert [a.title for a in articles] == ["How to plant a small vegetable garden in spring"]


def test_two_articles_with_subheads_are_cut_at_the_second_headline_only():
    for first, second in ((HOW_TO, COUNCIL), (COUNCIL, HOW_TO)):
        articles = Segmenter().split(first + second)
        assert [a.text for a in articles] == [first, second]


def test_source_and_link_lines_are_a_cue_of_their_own_and_no_headline():
    cues = load_cues()
    for line in ("Read more: How to reduce taxable income", "Source: pewresearch.org", "(Image credit: NASA)"):
        shape = cues.shape(line)
        assert shape.aside and not shape.end_cue
    assert cues.shape("Reuter").end_cue and not cues.shape("Reuter").aside


def test_an_ellipsis_or_an_interpreter_prompt_on_its_own_line_is_no_separator():
    cues = load_cues()
    assert not any(cues.is_separator(line) for line in ("...", ". . .", ">>>"))
    assert all(cues.is_separator(line) for line in ("----", "* * *", "###", "....", ">>>>", "=========="))

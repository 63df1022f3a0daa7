"""The gap features and the kinds of cue are each declared once, in one table: what the rest of
the segmenter reads (names, reasons, flags, cue lists) follows from those tables."""

from __future__ import annotations

from corpuscut.segmenter import Segmenter
from corpuscut.segmenter.cues import CUE_KINDS, LINE_LISTS, PATTERN_LISTS, LineShape, load_cues
from corpuscut.segmenter.features import CUE_FEATURES, FEATURES, REASONS, STRONG_CUES, TABLE
from corpuscut.segmenter.model import load_model


def test_every_kind_of_cue_names_a_field_of_line_shape_and_a_list_of_the_shipped_cue_file():
    import json
    from importlib.resources import files

    shipped = json.loads(files("corpuscut.segmenter").joinpath("data/cues.json").read_text(encoding="utf-8"))
    for kind in CUE_KINDS:
        assert kind.name in shipped, kind.name
        assert kind.field is None or kind.field in LineShape._fields, kind.field
    assert PATTERN_LISTS == tuple(kind.name for kind in CUE_KINDS)
    assert set(LINE_LISTS) == {kind.name for kind in CUE_KINDS if kind.per_line}


def test_a_line_matching_a_kind_of_cue_sets_its_field():
    cues = load_cues()
    shape = cues.shape("By Jane Smith, Staff Reporter")
    assert shape.byline and not shape.end_cue


def test_the_feature_table_gives_the_model_its_names_reasons_and_flags():
    assert FEATURES == tuple(f.name for f in TABLE) == load_model().names
    assert len(set(FEATURES)) == len(FEATURES)
    assert all(REASONS[f.name] == f.reason for f in TABLE)
    assert set(CUE_FEATURES) | set(STRONG_CUES) <= set(FEATURES)
    assert "separator" in STRONG_CUES and "headline_after" in CUE_FEATURES


def test_each_feature_gives_one_value_per_gap(seed_text):
    analysis = Segmenter().analyse(seed_text)
    assert analysis.features.matrix.shape == (len(analysis.blocks) - 1, len(TABLE))


def test_the_strong_cue_fires_exactly_where_a_feature_flagged_strong_does(seed_text):
    feats = Segmenter().analyse(seed_text).features
    strong = feats.matrix[:, FEATURES.index("strong_cue")] > 0
    flagged = (feats.matrix[:, [FEATURES.index(name) for name in STRONG_CUES]] > 0).any(axis=1)
    assert strong.any() and (strong == flagged).all()


def _column(text: str, name: str) -> list[float]:
    return Segmenter().analyse(text).features.matrix[:, FEATURES.index(name)].tolist()


_LEDES = [
    "Former world number one Juan Carlos Ferrero insists he can get back to his best despite a tough start to the year.",
    "The Spaniard lost in the first round in Sydney and then again in Auckland last week. He said his fitness was "
    "improving all the time. His coach agreed with him.",
    "Consumers want music rather than movies on portable players while on the move, a new report by analysts says.",
    "The report found that few of those asked wanted a device that plays video on the train. Music was what sold the "
    "players. Video was an extra.",
    "Olympic champion Kelly Holmes comfortably won the women's race at the indoor meeting in Birmingham on Friday night.",
    "Holmes said she was still undecided about the European Championships in Madrid next month. She will decide next "
    "week. Her coach will advise her.",
    "She has run twice this winter and won both times. The crowd in Birmingham cheered her home. She thanked them "
    "afterwards.",
]


def test_a_stray_headline_shaped_line_among_headless_paragraphs_does_not_make_the_text_headed():
    # one short line without a stop (a result) among the ledes of six stories with no headline above them
    text = "\n\n".join([*_LEDES[:4], "Result: Nadal 6-7 6-2 7-6 6-2 Roddick", *_LEDES[4:], *_LEDES]) + "\n"
    assert not any(_column(text, "lede_in_headed_text"))
    assert any(_column(text, "lede_after"))
    assert any(_column(text, "headline_before_in_headless_text"))


def test_headlines_over_the_ledes_make_the_text_headed():
    heads = ["Ferrero vows to return to top", "Music drives portable player sales", "Holmes wins in Birmingham"]
    parts = [p for i, head in enumerate(heads) for p in (head, *_LEDES[2 * i: 2 * i + 2 + (i == 2)])]
    text = "\n\n".join(parts) + "\n"
    assert not any(_column(text, "headline_before_in_headless_text"))
    assert not any(_column(text, "headline_after_in_headless_text"))


def _gaps(text: str):
    from corpuscut.segmenter.features import Gaps

    segmenter = Segmenter()
    analysis = segmenter.analyse(text)
    return analysis, Gaps(analysis.blocks, analysis.shapes, None, segmenter.cues, analysis.stems)


def test_a_link_title_under_also_read_closes_the_story_among_headless_paragraphs():
    text = "\n\n".join([*_LEDES[:2], "ALSO READ:", "Ferrero splits with his coach after Auckland defeat",
                        *_LEDES[2:], *_LEDES]) + "\n"
    analysis, gaps = _gaps(text)
    title = [b.text for b in analysis.blocks].index("Ferrero splits with his coach after Auckland defeat")
    assert gaps.link_title[title] and not gaps.headline[title]
    aside_before = _column(text, "aside_before")
    # the aside ends under the title: the cue fires after it, not between "ALSO READ:" and it
    assert aside_before[title] and not aside_before[title - 1]
    assert _column(text, "headline_after")[title - 1] == 0


def test_a_line_under_also_read_is_no_link_title_where_a_separator_parts_them_or_it_ends_a_sentence():
    parted = "\n\n".join([*_LEDES[:2], "ALSO READ:", "* * *", "Ferrero splits with his coach", *_LEDES[2:],
                          *_LEDES]) + "\n"
    assert not _gaps(parted)[1].link_title.any()
    sentence = "\n\n".join([*_LEDES[:2], "Also read:", "Ever yearned to swap tales with the stars of Titanic?",
                            *_LEDES[2:], *_LEDES]) + "\n"
    assert not _gaps(sentence)[1].link_title.any()


def test_a_line_under_also_read_stays_a_headline_where_articles_have_headlines():
    heads = ["Ferrero vows to return to top", "Music drives portable player sales", "Holmes wins in Birmingham"]
    parts = [p for i, head in enumerate(heads) for p in (head, *_LEDES[2 * i: 2 * i + 2 + (i == 2)])]
    parts.insert(3, "Also read:")
    text = "\n\n".join(parts) + "\n"
    analysis, gaps = _gaps(text)
    assert gaps.headed_text and not gaps.link_title.any()
    assert gaps.headline[[b.text for b in analysis.blocks].index(heads[1])]


def test_a_line_under_also_read_with_no_body_under_it_is_a_link_title_where_articles_have_headlines():
    heads = ["Ferrero vows to return to top", "Music drives portable player sales", "Holmes wins in Birmingham"]
    link = "Ferrero splits with his coach after Auckland defeat"
    parts = [p for i, head in enumerate(heads) for p in (head, *_LEDES[2 * i: 2 * i + 2])]
    text = "\n".join(parts[:3] + ["ALSO READ:", link]) + "\n\n" + "\n".join(parts[3:]) + "\n"
    analysis, gaps = _gaps(text)
    title = [b.text for b in analysis.blocks].index(link)
    assert gaps.headed_text and gaps.link_title[title] and not gaps.headline[title]
    starts = [a.start for a in Segmenter().split(text)]
    assert text.index(link) not in starts and text.index(heads[1]) in starts
    # a byline under the line opens its story: the line is the next article's headline
    bylined = text.replace(link + "\n\n", link + "\nBy Tom Rivers\n")
    assert not _gaps(bylined)[1].link_title.any()


def test_a_line_of_an_embedded_post_is_no_headline():
    text = "\n\n".join([*_LEDES[:2], "Giving it a try! #DogFilter pic.twitter.com/0lmClCS7CF", *_LEDES[2:]]) + "\n"
    analysis, gaps = _gaps(text)
    assert not gaps.headline[[b.text for b in analysis.blocks].index(
        "Giving it a try! #DogFilter pic.twitter.com/0lmClCS7CF")]

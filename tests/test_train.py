"""The boundary model's trainer runs end to end and writes a model the segmenter loads."""

from __future__ import annotations

from corpuscut.segmenter import Segmenter, load_model
from corpuscut.segmenter.features import FEATURES
from corpuscut.segmenter.train import main
from tests.conftest import SAMPLES


def _fake_bbc(root, lines):  # type: ignore[no-untyped-def]
    """A BBC-shaped folder (articles/<topic>/<NNN>.txt: headline, blank line, paragraphs)."""
    for n in range(1, 41):
        topic = root / "bbc-news-summary" / "articles" / ("business" if n % 2 else "sport")
        topic.mkdir(parents=True, exist_ok=True)
        paragraphs = [lines[(n * 7 + k) % len(lines)] for k in range(3)]
        (topic / f"{n:03d}.txt").write_text(f"Headline number {n}\n\n" + "\n\n".join(paragraphs) + "\n")


def test_training_writes_a_model_the_segmenter_loads(tmp_path, capsys):
    lines = [line.strip() for path in sorted(SAMPLES.glob("*.txt")) for line in path.read_text().splitlines()]
    _fake_bbc(tmp_path, [line for line in lines if len(line.split()) >= 12])
    out = tmp_path / "model.json"
    cache = tmp_path / "cache"
    assert main(["--data", str(tmp_path), "--out", str(out), "--dumps-per-shape", "2", "--cache", str(cache)]) == 0
    assert list(cache.glob("bbc-*.npz"))  # the features are kept for the next fit
    model = load_model(out)
    assert model.names == FEATURES and len(model.weights) == len(FEATURES)
    assert "decoder:" in capsys.readouterr().out
    assert Segmenter(model=model).split("One line.\nAnother line.\n")
    # the decoder chosen again keeps the fitted weights, and the file says how it was chosen
    assert main(["--data", str(tmp_path), "--out", str(out), "--decoder-only"]) == 0
    again = load_model(out)
    assert again.weights == model.weights and again.bias == model.bias
    assert "--decoder-only" in out.read_text() and "decoder:" in capsys.readouterr().out


def test_fallback_tuning_on_a_choi_shaped_folder_writes_the_chosen_prior_into_the_model(tmp_path, capsys):
    from corpuscut.segmenter.tune_fallback import DIRICHLET_GRID, PRIOR_SCALE_GRID, VECTOR_PRIOR_SCALE_GRID, VECTOR_WEIGHT_GRID
    from corpuscut.segmenter.tune_fallback import main as tune_main

    topics = [
        ["wheat", "field", "farmer", "harvest", "rain"], ["symphony", "violin", "conductor", "concert", "orchestra"],
        ["bridge", "steel", "cable", "river", "engineer"], ["senator", "tax", "bill", "voter", "vote"],
    ]
    for name in ("3-5", "6-8"):
        folder = tmp_path / "choi" / "4" / name
        folder.mkdir(parents=True)
        for sample in range(2):
            parts = ["=========="]
            for t, words in enumerate(topics * 3):
                parts += [f"the {words[(s + t + sample) % 5]} and the {words[(s + 2) % 5]} met the {words[s % 5]} ."
                          for s in range(3 + t % 3)]
                parts.append("==========")
            (folder / f"{sample}.ref").write_text("\n".join(parts) + "\n", encoding="latin-1")
    out = tmp_path / "model.json"
    assert tune_main(["--data", str(tmp_path), "--out", str(out)]) == 0
    fallback = load_model(out).fallback
    assert fallback is not None and fallback.dirichlet in DIRICHLET_GRID and fallback.prior_scale in PRIOR_SCALE_GRID
    assert fallback.vector_weight == 0.0 or (
        fallback.vector_weight in VECTOR_WEIGHT_GRID and fallback.vector_prior_scale in VECTOR_PRIOR_SCALE_GRID
    )
    printed = capsys.readouterr().out
    assert "<- chosen" in printed and "3-5" in printed and "6-8" in printed
    assert load_model(out).weights == load_model().weights  # only the fallback changed


def test_fallback_tuning_without_choi_data_says_it_is_skipped(tmp_path, capsys):
    from corpuscut.segmenter.tune_fallback import main as tune_main

    assert tune_main(["--data", str(tmp_path), "--out", str(tmp_path / "model.json")]) == 1
    assert "SKIPPED" in capsys.readouterr().err and not (tmp_path / "model.json").exists()


def _write_jsonl_gz(path, records):  # type: ignore[no-untyped-def]
    import gzip
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")


WIRE_BODY = ("Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\n"
             "January and improving prospects for the coming temporao.\n    The dry period means the temporao will "
             "be late this year,\nthe review said, and arrivals were lower than a year ago.\n Reuter")


def test_wire_stories_keep_headline_dateline_paragraphs_and_sign_off(tmp_path):
    from corpuscut.segmenter.sources import load_corpus

    _write_jsonl_gz(tmp_path / "reuters21578" / "reuters21578.jsonl.gz", [
        {"newid": str(n), "title": "BAHIA COCOA REVIEW", "dateline": "SALVADOR, Feb 26 -", "author": None,
         "body": WIRE_BODY} for n in range(1, 21)
    ] + [{"newid": "99", "title": "TABLE", "dateline": "", "author": None, "body": "Qtly div 35 cts\n Reuter"}])
    everything = load_corpus(tmp_path, "reuters")
    assert len(everything) == 20  # the 5-word table is left out
    story = everything[0]
    assert story.headline == "BAHIA COCOA REVIEW"
    assert story.paragraphs[0].startswith("SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia")
    assert story.paragraphs[1].startswith("The dry period") and story.paragraphs[-1] == "Reuter"
    held = load_corpus(tmp_path, "reuters", "heldout")
    trained = load_corpus(tmp_path, "reuters", "train")
    assert len(held) + len(trained) == 20 and {a.number for a in held}.isdisjoint(a.number for a in trained)
    assert [a.number for a in held] == [a.number for a in load_corpus(tmp_path, "reuters", "heldout")]


def test_scraped_paragraphs_glued_together_are_taken_apart_and_glued_subheads_become_lines(tmp_path):
    from corpuscut.segmenter.sources import load_corpus

    article = ("The government has roped in Interpol in a bid to crack down on abuse of children online, officials "
               "said on Monday in the capital.EXPLOSION IN CHILD ABUSEExperts say the advent of digital cameras has "
               "fueled an explosion in such material. Last year, 96 reports were filed, a rise of 140 per cent from 2014 "
               "according to the records bureau, and the rise went on this year in every state of the country as "
               "well.The ministry approved it.")
    _write_jsonl_gz(tmp_path / "inshorts" / "news_summary.jsonl.gz",
                    [{"headline": "Government ropes in Interpol", "article": article, "url": "http://x/1"}])
    (story,) = load_corpus(tmp_path, "inshorts")
    assert story.headline == "Government ropes in Interpol"
    assert story.paragraphs[1] == "EXPLOSION IN CHILD ABUSE"
    assert story.paragraphs[2].startswith("Experts say") and story.paragraphs[-1] == "The ministry approved it."


def test_tokenised_text_without_line_breaks_becomes_paragraphs_of_whole_sentences(tmp_path):
    from corpuscut.segmenter.sources import load_corpus

    sentences = [f"( cnn ) sentence number {k} says that the river rose by {k} feet on monday ." for k in range(12)]
    _write_jsonl_gz(tmp_path / "cnndm" / "val.jsonl.gz", [{"article": " ".join(sentences), "highlights": []}])
    (story,) = load_corpus(tmp_path, "cnndm")
    assert story.headline == "" and len(story.paragraphs) >= 4
    assert all(p.endswith(" .") for p in story.paragraphs)
    assert " ".join(story.paragraphs) == " ".join(sentences)


def test_hard_wrapped_dumps_start_each_article_at_its_headline_and_keep_lines_short():
    from corpuscut.segmenter.corpus import SourceArticle, build_dump

    paragraph = "The committee met on Tuesday to discuss the budget for next year, and agreed to most of it. " * 3
    articles = [SourceArticle("t", n, f"Headline {n}", (paragraph, paragraph)) for n in range(3)]
    dump = build_dump("hard-wrapped", articles, seed=2)
    assert [dump.text[s: s + 10] for s in dump.starts] == ["Headline 0", "Headline 1", "Headline 2"]
    assert max(len(line) for line in dump.text.splitlines()) <= 84


def test_a_decoder_setting_tried_on_an_analysis_cuts_as_a_segmenter_made_with_it_does():
    from dataclasses import replace

    from corpuscut.segmenter.lexical import LexicalParams

    text = "".join(path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt")))
    shipped = load_model()
    analysis = Segmenter(model=shipped).analyse(text)
    assert Segmenter(model=shipped).redecode(analysis) == analysis.boundaries
    # vocabulary weighed four times as much as the cues: a decoder that cuts elsewhere
    other = replace(shipped, lexical=LexicalParams(lexical_weight=2.0, cue_weight=0.5, candidate_logit=-6.0))
    tried = Segmenter(model=other).redecode(analysis)
    assert tried == Segmenter(model=other).analyse(text).boundaries != analysis.boundaries

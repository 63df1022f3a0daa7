from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscut.summarizer import METHODS, BadLengthError, Length, Summarizer, UnknownMethodError, summarize
from tests.conftest import SAMPLES

ARTICLE = (SAMPLES / "kursk-taiwan-dump.txt").read_text(encoding="utf-8").split("\nWith assistance")[0]


@pytest.mark.parametrize("method", METHODS)
def test_every_method_returns_the_asked_number_of_sentences_in_document_order(method):
    summary = summarize(ARTICLE, sentences=3, method=method)
    assert summary.method == method
    assert len(summary.sentences) == 3
    starts = [s.start for s in summary.sentences]
    assert starts == sorted(starts) and len(set(starts)) == 3
    for s in summary.sentences:
        assert ARTICLE[s.start:s.end] == s.text


def test_ratio_and_word_budget_set_the_length():
    total = summarize(ARTICLE, sentences=1000).total_sentences
    assert len(summarize(ARTICLE, ratio=0.25).sentences) == -(-total // 4)
    budget = summarize(ARTICLE, words=60)
    assert 0 < sum(len(s.text.split()) for s in budget.sentences) <= 60


def test_short_text_comes_back_whole_and_empty_text_gives_empty_summary():
    assert summarize("One sentence only.").text == "One sentence only."
    assert summarize("").sentences == ()


def test_headline_is_left_out_of_the_summary():
    text = "Ad sales boost Time Warner profit\n\n" + ARTICLE
    assert all(s.text != "Ad sales boost Time Warner profit" for s in summarize(text).sentences)


def test_unknown_method_and_bad_lengths_raise_our_errors():
    with pytest.raises(UnknownMethodError, match="choose one of"):
        Summarizer("magic")
    with pytest.raises(BadLengthError):
        Length(ratio=1.5)
    with pytest.raises(BadLengthError):
        Length(words=0)


def test_language_option_uses_that_languages_stemmer():
    text = "Le gouvernement a annoncé un plan. Le plan prévoit des aides. Les syndicats ont protesté. Le débat continue."
    assert len(summarize(text, sentences=2, language="french").sentences) == 2


@pytest.mark.parametrize(
    "text",
    [
        "no punctuation at all just words running on and on without any stop",
        "1 2 3 4 5. 6 7 8 9. 10 11 12. 13 14 15 16.",
        "北京市政府周一宣布新的措施。措施包括减税。企业表示欢迎。专家认为效果有限。",
        "وقالت الحكومة إنها ستخفض الضرائب. ورحب رجال الأعمال بالقرار. وانتقدت المعارضة الخطة.",
        "!!! ??? ... ;;; ---",
        "Word. " * 10_000,
    ],
    ids=["no-punctuation", "numbers", "chinese", "arabic", "punctuation", "10k-sentences"],
)
def test_odd_texts_never_fail(text):
    summary = summarize(text, sentences=3)
    assert len(summary.sentences) <= 3
    for s in summary.sentences:
        assert s.text in text


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_summaries_are_made_of_sentences_of_the_text_in_order(text):
    summary = summarize(text, sentences=2)
    positions = [s.start for s in summary.sentences]
    assert positions == sorted(positions)
    for s in summary.sentences:
        assert text[s.start:s.end] == s.text


def test_huge_text_is_summarized_from_its_bounded_opening():
    from corpuscut.summarizer.summarizing import MAX_CHARS

    text = "The council met on Monday. " * (MAX_CHARS // 10)
    summary = summarize(text, sentences=2)
    assert len(summary.sentences) == 2 and summary.sentences[-1].end <= MAX_CHARS


def test_a_teasers_cut_off_ending_is_not_used_as_a_sentence():
    teaser = (SAMPLES / "kursk-taiwan-dump.txt").read_text(encoding="utf-8").splitlines()[24]
    summary = summarize(teaser, sentences=3)
    assert all(s.text.rstrip()[-1] in ".!?\u201d\"" for s in summary.sentences)


def _sample_articles() -> list[str]:
    from corpuscut.segmenter import split

    texts = [(SAMPLES / name).read_text(encoding="utf-8") for name in ("bbc-blank-lines.txt", "bbc-noisy.txt", "bbc-separators.txt", "bbc-teasers.txt", "kursk-taiwan-dump.txt")]
    return [article.text for text in texts for article in split(text)]


@pytest.mark.parametrize("length", [Length(sentences=3), Length(sentences=1), Length(ratio=0.5), Length(words=60)])
def test_compiled_newsrank_picks_the_sentences_its_numpy_form_picks(length):
    from corpuscut.segmenter.kernels import Tier

    with_numpy, compiled = Summarizer(), Summarizer()
    with_numpy.tier, compiled.tier = Tier(compile_after=None), Tier(compile_after=0)
    articles = _sample_articles()
    assert len(articles) > 20
    for text in articles:
        assert compiled.summarize(text, length) == with_numpy.summarize(text, length)


@given(st.lists(st.sampled_from(["Rates rose.", "The bank held rates.", "Shares fell sharply.", "Rain fell.", "Shares rose."]), min_size=1, max_size=12))
@settings(max_examples=60, deadline=None)
def test_compiled_newsrank_breaks_ties_as_its_numpy_form_does(sentences):
    from corpuscut.segmenter.kernels import Tier

    text = " ".join(sentences)
    with_numpy, compiled = Summarizer(), Summarizer()
    with_numpy.tier, compiled.tier = Tier(compile_after=None), Tier(compile_after=0)
    for count in (1, 2, 3):
        assert compiled.summarize(text, Length(sentences=count)) == with_numpy.summarize(text, Length(sentences=count))


def test_newsranks_sparse_form_for_long_texts_picks_what_its_dense_form_picks(monkeypatch):
    from corpuscut.segmenter.kernels import Tier
    from corpuscut.summarizer import newsrank

    summarizer = Summarizer()
    summarizer.tier = Tier(compile_after=None)
    articles = _sample_articles()
    dense = [summarizer.summarize(text, Length(sentences=3)) for text in articles]
    monkeypatch.setattr(newsrank, "DENSE_CELLS", 10)  # every text takes scipy's sparse matrices
    assert [summarizer.summarize(text, Length(sentences=3)) for text in articles] == dense

"""sumy's methods, run offline: our sentences and word tokens instead of NLTK's punkt data."""

from __future__ import annotations

import re
from typing import Callable

from corpuscut.text.datafiles import read_json

from .errors import UnknownMethodError

_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")

#: Our method names -> sumy summarizer class paths.
SUMY_METHODS: dict[str, str] = {
    "lex-rank": "sumy.summarizers.lex_rank:LexRankSummarizer",
    "lsa": "sumy.summarizers.lsa:LsaSummarizer",
    "luhn": "sumy.summarizers.luhn:LuhnSummarizer",
    "text-rank": "sumy.summarizers.text_rank:TextRankSummarizer",
    "edmundson": "sumy.summarizers.edmundson:EdmundsonSummarizer",
    "kl": "sumy.summarizers.kl:KLSummarizer",
    "sum-basic": "sumy.summarizers.sum_basic:SumBasicSummarizer",
    "reduction": "sumy.summarizers.reduction:ReductionSummarizer",
    "random": "sumy.summarizers.random:RandomSummarizer",
}


class OfflineTokenizer:
    """The two calls sumy makes of a tokenizer, answered without NLTK data."""

    def __init__(self, language: str, to_sentences: Callable[[str], list[str]]) -> None:
        self._language = language
        self._to_sentences = to_sentences

    @property
    def language(self) -> str:
        return self._language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(self._to_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def _edmundson_words(language: str) -> dict[str, list[str]]:
    table = read_json("corpuscut.summarizer", "data/edmundson.json")
    return table.get(language, table["english"])


def _summarizer(method: str, language: str):  # type: ignore[no-untyped-def]
    from importlib import import_module

    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    module_name, class_name = SUMY_METHODS[method].split(":")
    cls = getattr(import_module(module_name), class_name)
    try:
        stemmer = Stemmer(language)
    except LookupError:
        stemmer = Stemmer("english")
    summarizer = cls(stemmer)
    try:
        stop_words = get_stop_words(language)
    except LookupError:
        stop_words = frozenset()
    if method == "edmundson":
        cue = _edmundson_words(language)
        summarizer.bonus_words = cue["bonus"]
        summarizer.stigma_words = cue["stigma"]
        summarizer.null_words = stop_words
    else:
        summarizer.stop_words = stop_words
    return summarizer


def sumy_select(method: str, sentences: list[str], count: int, language: str) -> list[int]:
    """Indices of the sentences sumy's ``method`` keeps, in document order."""
    if method not in SUMY_METHODS:
        raise UnknownMethodError(f"unknown sumy method {method!r}")
    if count <= 0 or not sentences:
        return []
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = OfflineTokenizer(language, lambda text: [text])
    sumy_sentences = [SumySentence(text, tokenizer) for text in sentences]
    document = ObjectDocumentModel([Paragraph(sumy_sentences)])
    position = {id(s): i for i, s in enumerate(sumy_sentences)}
    picked = _summarizer(method, language)(document, count)
    return sorted({position[id(s)] for s in picked if id(s) in position})

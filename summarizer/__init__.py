"""corpuscut's summarizer: extractive summaries, offline, by our method or any of sumy's.

>>> from summarizer import summarize
>>> summarize("One fact. Another fact. A third.", sentences=1, method="lead").text
'One fact.'
"""

from .errors import BadLengthError, SummarizerError, UnknownMethodError
from .length import Length
from .newsrank import NewsRankModel, load_newsrank
from .sentences import Sentence, split_sentences
from .summarizing import DEFAULT_METHOD, METHODS, Summarizer, Summary, summarize



def __getattr__(name: str) -> object:
    # digest() needs the segmenter; summarizing alone does not, and loading it (its features,
    # model and cues) cost every summarizing process 0.2 s at start.
    if name == "digest":
        from .digesting import digest

        return digest
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULT_METHOD",
    "METHODS",
    "BadLengthError",
    "Length",
    "NewsRankModel",
    "Sentence",
    "Summarizer",
    "SummarizerError",
    "Summary",
    "UnknownMethodError",
    "digest",
    "load_newsrank",
    "split_sentences",
    "summarize",
]

"""corpuscut's segmenter: find where each article of a concatenated dump starts and ends.

>>> from segmenter import split
>>> dump = ("Storm hits coast\\nHigh winds closed roads and ports across the region on Monday.\\n"
...         "----\\nMarkets rally\\nShares rose sharply in early trading after the bank held rates.\\n")
>>> [a.title for a in split(dump)]
['Storm hits coast', 'Markets rally']
"""

from corpuscut.text.words import UnknownLanguageError, WordNormalizer

from .articles import Article
from .cues import CueSet, load_cues
from .errors import BinaryInputError, CueFileError, InputError, SegmenterError
from .model import BoundaryModel, load_model
from .source import Document, decode_bytes, expand_inputs, read_document
from .splitting import Analysis, Segmenter, split

__all__ = [
    "Analysis",
    "Article",
    "BinaryInputError",
    "BoundaryModel",
    "CueFileError",
    "CueSet",
    "Document",
    "InputError",
    "Segmenter",
    "SegmenterError",
    "UnknownLanguageError",
    "WordNormalizer",
    "decode_bytes",
    "expand_inputs",
    "load_cues",
    "load_model",
    "read_document",
    "split",
]

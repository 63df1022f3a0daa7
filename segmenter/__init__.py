"""corpuscut's segmenter: find where each article of a concatenated dump starts and ends.

>>> from segmenter import split
>>> dump = ("Storm hits coast\\nHigh winds closed roads and ports across the region on Monday.\\n"
...         "----\\nMarkets rally\\nShares rose sharply in early trading after the bank held rates.\\n")
>>> [a.title for a in split(dump)]
['Storm hits coast', 'Markets rally']
"""

from corpuscut.reading import BinaryInputError, Document, InputError, decode_bytes, expand_inputs, input_documents, read_document
from corpuscut.text.words import UnknownLanguageError, WordNormalizer

from .articles import Article
from .cues import CueSet, load_cues
from .errors import CueFileError, SegmenterError
from .model import BoundaryModel, load_model
from .splitting import Analysis, Segmenter, split, with_languages

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
    "input_documents",
    "load_cues",
    "load_model",
    "read_document",
    "split",
    "with_languages",
]

"""corpuscut: split dumps of concatenated scraped articles into articles and condense each one.

The library's three entry points, for a text already in memory:

>>> from corpuscut import split, summarize, digest
>>> dump = ("Storm hits coast\\nHigh winds closed roads and ports across the region on Monday.\\n"
...         "----\\nMarkets rally\\nShares rose sharply in early trading after the bank held rates.\\n")
>>> [a.title for a in split(dump)]
['Storm hits coast', 'Markets rally']

Everything installs under this one import name: ``corpuscut.segmenter``,
``corpuscut.summarizer`` and ``corpuscut.cli``. In the source tree those packages are the
top-level folders ``segmenter/``, ``summarizer/`` and ``cli/``; the wheel maps them here.
Reading inputs (files, compressed or not, JSON Lines, WARC) is ``corpuscut.reading``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

# In a source checkout the sub-packages are this folder's siblings; an installed wheel holds
# them inside this folder. Looking in both lets tests and benchmarks run from the checkout.
_ROOT = Path(__file__).resolve().parent.parent
if not (Path(__file__).parent / "segmenter").is_dir() and (_ROOT / "segmenter" / "__init__.py").is_file():
    __path__.append(str(_ROOT))  # noqa: F821 (a package's __path__)

from .errors import CorpuscutError  # noqa: E402 (after __path__ is set)

__all__ = ["CorpuscutError", "digest", "split", "summarize"]

# Imported on first use: the command sets numpy's thread limits before numpy is loaded, and a
# bare `import corpuscut` stays cheap.
_LAZY = {
    "split": ("corpuscut.segmenter", "split"),
    "summarize": ("corpuscut.summarizer", "summarize"),
    "digest": ("corpuscut.summarizer", "digest"),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'corpuscut' has no attribute {name!r}")
    from importlib import import_module

    module, attribute = _LAZY[name]
    return getattr(import_module(module), attribute)


def __dir__() -> list[str]:
    return sorted(list(globals()) + list(_LAZY))

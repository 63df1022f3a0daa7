"""Hard-wrapped text: the segmenter's reading of the rules (the shipped
``corpuscut/text/data/wrapping.json``, or a file of the user's); the detection itself is a text
basic (:mod:`corpuscut.text.wrapping`), shared with article bodies and sentence splitting."""

from __future__ import annotations

from pathlib import Path

from corpuscut.text.datafiles import read_json
from corpuscut.text.wrapping import RULES_FILE, WrapRules, continues_next, shipped_wrap_rules, wrap_rules_from
from .errors import CueFileError

__all__ = ["WrapRules", "continues_next", "load_wrap_rules"]


def load_wrap_rules(path: Path | str | None = None) -> WrapRules:
    """The shipped rules, or those of ``path`` (a JSON object of WrapRules' fields; a field it
    leaves out keeps its shipped value)."""
    name = path or RULES_FILE
    try:
        if path is None:
            return shipped_wrap_rules()
        return wrap_rules_from(read_json("corpuscut.text", RULES_FILE, path), shipped_wrap_rules())
    except (OSError, ValueError) as error:
        raise CueFileError(f"{name}: cannot read the wrapping rules ({error})") from error

"""Hard-wrapped text: the segmenter's reading of the rules (``data/wrapping.json``); the detection
itself is a text basic (:mod:`corpuscut.text.wrapping`), shared with sentence splitting."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from corpuscut.text.datafiles import read_json
from corpuscut.text.wrapping import WrapRules, continues_next
from .errors import CueFileError

__all__ = ["WrapRules", "continues_next", "load_wrap_rules"]


def load_wrap_rules(path: Path | str | None = None) -> WrapRules:
    """The shipped rules, or those of ``path`` (a JSON object of WrapRules' fields)."""
    try:
        raw = read_json("corpuscut.segmenter", "data/wrapping.json", path)
    except (OSError, ValueError) as error:
        raise CueFileError(f"{path or 'data/wrapping.json'}: cannot read the wrapping rules ({error})") from error
    known = {f.name for f in fields(WrapRules)}
    values = {k: v for k, v in raw.items() if not k.startswith("_")}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise CueFileError(f"{path or 'data/wrapping.json'}: unknown key(s) {', '.join(unknown)}")
    wrong = sorted(k for k, v in values.items() if isinstance(v, bool) or not isinstance(v, (int, float)))
    if wrong:
        raise CueFileError(f"{path or 'data/wrapping.json'}: {', '.join(wrong)} must be numbers")
    return WrapRules(**values)

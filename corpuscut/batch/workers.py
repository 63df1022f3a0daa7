"""Where the batch engine's tasks run: a local pool of worker processes started on first need
(forked from the command's process where that is safe), or a Dask cluster's workers
(:mod:`corpuscut.batch.cluster`); how many are worth starting; their errors."""

from __future__ import annotations

import os
from concurrent.futures import Executor, Future
from contextlib import suppress
from typing import Any, Callable, Iterable

from corpuscut.errors import CorpuscutError
from corpuscut.segmenter.streaming import Limits

from .processes import available_cores, ignore_interrupts, one_blas_thread


#: Sections are sent to a task together until they hold this many characters: a folder of
#: small files then costs a task (pickling, a trip through the pool's queues) per megabyte,
#: not per file, and their words are looked up together. A section of a large input (2 MB)
#: makes a task alone, as before.
BATCH_CHARS = 1_000_000


class Workers:
    """Where tasks run: an executor made on first need, so that a run with a single task
    (one small input) never pays for starting processes. ``jobs``: how many workers were asked
    for (it sets how far ahead of them the run reads)."""

    def __init__(self, make: Callable[[], Executor], jobs: int = 1) -> None:
        self._make = make
        self.jobs = jobs
        self.executor: Executor | None = None

    @property
    def ahead(self) -> int:
        """How many tasks may be in flight: enough to keep every worker busy while the
        results of the first are taken, few enough that memory stays bounded."""
        return 2 * max(1, self.jobs) + 2

    def get(self) -> Executor:
        if self.executor is None:
            self.executor = self._make()
        return self.executor

    def start_early(self, sources: list[str], limits: Limits | None = None) -> None:
        """Start the workers before the first input is read, where the run will surely have
        more than one task: several inputs, or files holding more than one section."""
        if self.executor is not None:
            return
        if len(sources) > 1 or files_size(sources) > (limits or Limits()).section_chars:
            self.get()

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
                raise TaskLost(f"the Dask workers running a task of this input died ({exc})") from exc
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


def process_pool(jobs: int) -> Executor:
    """A pool of ``jobs`` processes, started now. On Linux (Python 3.11 on) they are forked
    from this process, which has imported everything and built the run's segmenter, and each
    loads the compiled kernels itself (:func:`prepare_worker`), both workers at once; their
    first tasks begin sooner than from a fork server, which first starts an interpreter,
    imports the modules and loads the kernels before forking any worker. They are forked only
    while this process runs no other thread (the command makes its pool before it starts any),
    and all at once: a fork context starts every worker at the pool's first task, before the
    pool's own thread. Elsewhere, or from a process with threads, they start from a fork
    server that has done the same (:mod:`corpuscut.batch.forkserver_preload`), or as fresh
    interpreters where there is none."""
    from concurrent.futures import ProcessPoolExecutor

    context = _pool_context()
    if context.get_start_method() != "fork":
        if context.get_start_method() == "forkserver":  # it gets ready while the input is read
            from multiprocessing import forkserver

            forkserver.ensure_running()
        return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=ignore_interrupts)
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
    ignore_interrupts(parent)
    prepare_worker()


def files_size(sources: Iterable[str]) -> int:
    """How many bytes the sources that are files hold on disk (standard input counts none)."""
    size = 0
    for source in sources:
        if source != "-" and os.path.isfile(source):
            size += os.path.getsize(source)
    return size


#: How much of the first file is looked at for a line break before the kernels are loaded.
LINES_HEAD_BYTES = 64 << 10


def first_file_has_lines(sources: Iterable[str], head_bytes: int = LINES_HEAD_BYTES) -> bool:
    """Whether the first of ``sources`` that is a file holds a line break in its first
    ``head_bytes`` (or is shorter): a dump run into one line gains nothing from the compiled
    kernels, which walk its lines, and loading them costs a process some 100 MB."""
    for source in sources:
        if source != "-" and os.path.isfile(source):
            try:
                with open(source, "rb") as handle:
                    head = handle.read(head_bytes)
            except OSError:
                return True  # reading it reports why
            return len(head) < head_bytes or b"\n" in head or b"\r" in head
    return True


def prepare_worker() -> None:
    """Build the default job's segmenter in this process and load the compiled kernels, so
    that its first tasks pay for neither (they run compiled from the first section on). Done
    once by each forked worker, or by a local pool's fork server, whose workers inherit it.
    Never raises: a process that cannot prepare must start all the same, and its first task
    then builds its own."""
    from .engine import Job

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
        context.set_forkserver_preload(["corpuscut.batch.forkserver_preload"])
    return context


class WorkerError(CorpuscutError):
    """Worker processes cannot be started, or died."""


class ClusterError(WorkerError):
    """The Dask cluster cannot be used."""


class TaskLost(CorpuscutError):
    """The workers running one task died (the cluster goes on): that task's input fails, the
    run does not."""


def usable_jobs(requested: int | None, tasks: int | None) -> int:
    """Worker processes worth starting: the ``requested`` number (one per core by default),
    never more than the cores this process may run on, nor than the run's ``tasks`` when
    they are known (more would only cost memory and start-up time)."""
    cores = available_cores()
    jobs = min(requested or cores, cores)
    return max(1, min(jobs, tasks) if tasks is not None else jobs)


def estimate_tasks(sources: list[str], limits: Limits, enough: int | None = None) -> int | None:
    """How many tasks the inputs will make, when that is known from their sizes (counting
    stops at ``enough``): a section of a large file is a task, and small files go together
    into tasks of BATCH_CHARS (a folder of a megabyte of small
    files is one task, done in this process). None if any input is standard input,
    compressed or a WARC file (its text may be far larger), or not a regular file."""
    from corpuscut.reading import sniff_compression, sniff_records

    sections = size = 0

    def tasks() -> int:
        return min(sections, -(-size // BATCH_CHARS))

    for source in sources:
        if enough is not None and tasks() >= enough:
            return tasks()
        try:
            if source == "-" or not os.path.isfile(source):
                return None
            with open(source, "rb") as handle:
                head = handle.read(8)
            length = os.path.getsize(source)
        except OSError:
            return None
        if sniff_compression(head) or sniff_records(head):
            return None
        sections += max(1, -(-length // limits.section_chars))
        size += max(1, length)
    return tasks()


def local_workers(requested: int, sources: list[str], sized: bool = True, limits: Limits | None = None) -> Workers | None:
    """Worker processes for ``requested`` jobs above 1 (started only if the run has more than
    one task), never more than the cores nor the run's tasks when the inputs' sizes tell them
    (``sized``: each input is one text, not records); None where they would not pay."""
    if requested <= 1:
        return None
    tasks = estimate_tasks(sources, limits or Limits(), enough=requested) if sized else None
    jobs = usable_jobs(requested, tasks)
    if jobs <= 1:
        return None
    return Workers(lambda: process_pool(jobs), requested)

"""The path every command's work takes: inputs in, events out, records through one writer.

A command gives :func:`run` a producer: a generator of events over the inputs, made either by
the batch engine (:func:`batch_events`, for ``split`` and ``digest``) or one document at a time
in this process (:func:`document_events`, for ``summarize`` and ``eval split``). ``run`` picks
the writer, shows progress, and reports the inputs that failed.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

from corpuscut.errors import CorpuscutError
from corpuscut.segmenter import Document, expand_inputs
from corpuscut.segmenter.articles import body_only
from corpuscut.segmenter.language import Language, language_for
from corpuscut.segmenter.source import STDIN, TextStream, check_encoding, input_documents
from corpuscut.segmenter.streaming import Limits
from corpuscut.summarizer.pipeline import (
    Articles, Failed, Finished, InputDone, Job, Opened, Workers, dask_executor, estimate_tasks, process_pool,
    run_batch, usable_jobs,
)

from . import parquet
from .environment import Environment
from .errors import CannotWrite, InputsFailed, UsageError, say
from .options import Options, View
from .output import HashingReader, Journal, atomic_text_file, file_identity
from .records import article_record, digest_record
from .render import FolderWriter, OutputFormat, Writer, make_writer


@dataclass(frozen=True)
class Records:
    """Some records of one input."""

    doc: Any
    records: list[dict[str, Any]]


#: What a command's work yields, in input order, for :func:`run` to write.
RunEvent = Opened | Records | Finished | Failed | InputDone
Produce = Callable[[list[str], Optional[Workers]], Iterator[RunEvent]]


def run(env: Environment, opts: Options, produce: Produce, parallel: bool = False) -> None:
    """Run a command's work over every input and write its records as they come; failed
    inputs are reported and skipped (then :class:`InputsFailed`). Work that is ``parallel``
    goes to the workers of ``--jobs`` or ``--dask``."""
    fmt = output_format(env, opts)
    if opts.resume and (opts.output is None or fmt is not OutputFormat.jsonl):
        raise UsageError("--resume needs --output FILE and the jsonl format")
    if fmt is OutputFormat.parquet and (opts.output is None or not parquet.available()):
        raise UsageError("--format parquet needs --output FILE and pyarrow (pip install 'corpuscut[parquet]')")
    if opts.encoding is not None:
        try:
            check_encoding(opts.encoding)
        except CorpuscutError as exc:
            raise UsageError(str(exc)) from None
    sources = expand_inputs(opts.inputs or [])
    failed: list[str] = []
    journal = Journal(opts.output) if opts.resume and opts.output is not None else None
    workers = _workers(opts, sources) if parallel else None
    _start_early(workers, sources)
    stdin = env.stdin
    if journal is not None and STDIN in sources:  # standard input is recognised by its hash
        env.stdin = HashingReader(stdin)  # type: ignore[assignment]
    try:
        with _sink(env, opts.output, journal) as out, _progress(env, opts, len(sources)) as advance:
            if journal is not None and journal.done:
                before = len(sources)
                sources = [s for s in sources if not journal.is_done(s, _identity(env, s, drain=True))]
                if not opts.quiet:
                    say(env, f"resuming {opts.output}: {before - len(sources)} of {before} inputs already done")
            writer = _writer(env, opts, fmt, out, len(sources))
            held: list[dict[str, Any]] = []
            warned: set[str] = set()  # languages without a stemmer, said once each
            for event in produce(sources, workers):
                if isinstance(event, Opened):
                    held = []
                    if not event.language.has_stemmer and event.language.name not in warned and not opts.quiet:
                        warned.add(event.language.name)
                        say(env, _no_stemmer(event.doc.source, event.language))
                    if not opts.quiet:
                        for note in getattr(event.doc, "notes", ()):
                            say(env, f"warning: {event.doc.source}: {note}")
                    writer.start(event.doc)
                elif isinstance(event, Records):
                    if writer.streaming:
                        writer.emit(event.doc, event.records, 0.0)
                    else:
                        held.extend(event.records)
                elif isinstance(event, Finished):
                    if not writer.streaming:
                        writer.emit(event.doc, held, event.seconds)
                    held = []
                elif isinstance(event, InputDone):
                    if journal is not None:
                        journal.mark(event.source, _identity(env, event.source))
                    advance()
                else:
                    failed.append(event.source)
                    held = []
                    if journal is not None:
                        journal.discard()
                    _report_failure(env, event)
                    advance()
            writer.close()
    except KeyboardInterrupt:
        if workers is not None:
            workers.close(cancel=True)
        raise
    except BrokenPipeError:
        raise
    except OSError as exc:
        target = opts.output or opts.out_dir or "standard output"
        raise CannotWrite(f"{target}: cannot write ({exc.strerror or exc})") from None
    finally:
        env.stdin = stdin
        if workers is not None:
            workers.close()
    if failed:
        many = len(sources) > 1
        raise InputsFailed(f"{len(failed)} of {len(sources)} inputs failed: {', '.join(dict.fromkeys(failed))}" if many else "")


def _identity(env: Environment, source: str, drain: bool = False) -> str | None:
    """What identifies an input's content for --resume (standard input: read to its end
    first when ``drain``, to compare it with the stopped run's)."""
    if source != STDIN:
        return file_identity(source)
    if not isinstance(env.stdin, HashingReader):
        return None
    return env.stdin.drain() if drain else env.stdin.identity()


def _no_stemmer(source: str, language: Language) -> str:
    return (f"warning: {source}: the text is in {language.name}, which has no stemmer; its words are stemmed as "
            f"{language.stemmer} (said once per language)")


def output_format(env: Environment, opts: Options) -> OutputFormat:
    """``--format``, with ``auto`` resolved: rich on a terminal, jsonl when piped or to a file."""
    if opts.fmt is OutputFormat.auto:
        return OutputFormat.rich if env.stdout_isatty and opts.output is None else OutputFormat.jsonl
    return opts.fmt


def _writer(env: Environment, opts: Options, fmt: OutputFormat, out: Any, sources: int) -> Writer:
    if opts.out_dir is not None:
        return FolderWriter(opts.out_dir, per_source=sources > 1)
    if fmt is OutputFormat.parquet:
        return parquet.ParquetWriter(out.buffer)
    console = env.console(opts.no_color)
    if out is not env.stdout:
        console.file = out
    return make_writer(fmt, out, console, table=opts.view is View.table)


@contextlib.contextmanager
def _sink(env: Environment, output: Path | None, journal: Journal | None = None) -> Iterator[Any]:
    if journal is not None:
        handle = journal.open()
        try:
            yield handle
        except BaseException:
            journal.close()  # the partial file and its journal stay for the next --resume
            raise
        journal.finish()
    elif output is None:
        yield env.stdout
    else:
        with atomic_text_file(output) as handle:
            yield handle


def _report_failure(env: Environment, event: Failed) -> None:
    if isinstance(event.error, CorpuscutError):
        say(env, str(event.error))
        return
    if env.debug:
        raise event.error
    say(env, f"{event.source}: internal error: {type(event.error).__name__}: {event.error} "
        "(CORPUSCUT_DEBUG=1 shows the traceback)")


def _workers(opts: Options, sources: list[str]) -> Workers | None:
    """Worker processes for --jobs above 1 (started only if the run has more than one task),
    never more than the cores nor the run's tasks (when its inputs' sizes tell them), or a Dask
    cluster's for --dask."""
    if opts.dask:  # connected now: a cluster that cannot be reached fails the run at once
        executor = dask_executor(opts.dask)
        workers = Workers(lambda: executor)
        workers.get()
        return workers
    tasks = None if opts.text_field else estimate_tasks(sources, Limits())
    jobs = usable_jobs(opts.workers, tasks)
    if jobs <= 1:
        return None
    return Workers(lambda: process_pool(jobs))


def _start_early(workers: Workers | None, sources: list[str]) -> None:
    """Start the pool before the first input is read, where the run will surely have more
    than one task: several inputs, or files holding more than one section."""
    if workers is None or workers.executor is not None:
        return
    size = 0
    for source in sources:
        if source != "-" and os.path.isfile(source):
            size += os.path.getsize(source)
    if len(sources) > 1 or size > Limits().section_chars:
        workers.get()


def documents(env: Environment, opts: Options) -> Callable[[str], Iterator[Any]]:
    """How a source becomes documents: one text stream, or the records of a format of records."""

    def open_source(source: str) -> Iterator[Any]:
        return input_documents(source, env.stdin, opts.encoding, opts.text_field, opts.id_field)

    return open_source


def batch_events(env: Environment, opts: Options, job: Job) -> Produce:
    """split and digest: the batch engine's events, articles turned into records (each cut
    down to its body with ``--body``)."""

    def produce(sources: list[str], workers: Workers | None) -> Iterator[RunEvent]:
        ahead = 2 * max(1, opts.workers) + 2
        for event in run_batch(job, sources, documents(env, opts), workers, ahead):
            if isinstance(event, Articles):
                name = event.language.name
                pairs = [(body_only(a), s) for a, s in event.pairs] if opts.body else event.pairs
                if job.summarize:
                    yield Records(event.doc, [digest_record(event.doc, a, s, name, opts.explain) for a, s in pairs])  # type: ignore[arg-type]
                else:
                    yield Records(event.doc, [article_record(event.doc, a, name, opts.explain) for a, _ in pairs])
            else:
                yield event

    return produce


#: What a command makes of one whole document in its language.
RecordsOf = Callable[[Document, Language], list[dict[str, Any]]]


def document_events(env: Environment, opts: Options, records_of: RecordsOf, max_chars: int | None = None) -> Produce:
    """summarize and eval split: each document read whole (or its first ``max_chars``
    characters only: the rest is never read), its language told (unless --language names it),
    and turned into records here."""

    def produce(sources: list[str], workers: Workers | None) -> Iterator[RunEvent]:
        for source in sources:
            try:
                for doc in documents(env, opts)(source):
                    started = time.perf_counter()
                    if isinstance(doc, TextStream):
                        whole = doc.read_all() if max_chars is None else doc.read_head(max_chars)
                    else:
                        whole = doc
                    language = language_for(whole.text, opts.language)
                    yield Opened(whole, language)
                    yield Records(whole, records_of(whole, language))
                    yield Finished(whole, time.perf_counter() - started)
            except Exception as exc:  # the input fails, not the batch
                yield Failed(source, exc)
            else:
                yield InputDone(source)

    return produce


@contextlib.contextmanager
def _progress(env: Environment, opts: Options, total: int) -> Iterator[Callable[[], None]]:
    """A transient progress bar on stderr, only when stderr is a terminal and there is more
    than one input (never typer's own bar: it writes to stdout)."""
    if opts.quiet or not env.stderr_isatty or total < 2:
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("corpuscut"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=env.error_console(opts.no_color), transient=True,
    ) as progress:
        task = progress.add_task("inputs", total=total)
        yield lambda: progress.advance(task)

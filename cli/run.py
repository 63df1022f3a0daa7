"""The path every command's work takes: inputs in, events out, records through one writer.

A command gives :func:`run` a producer: a generator of events over the inputs, made either by
the batch engine (:func:`batch_events`, for ``split`` and ``digest``) or one document at a time
in this process (:func:`document_events`, for ``summarize`` and ``eval split``). ``run`` picks
the writer, shows progress, and reports the inputs that failed.
"""

from __future__ import annotations

import contextlib
import io
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

from corpuscut.errors import CorpuscutError
from corpuscut.reading import STDIN, Document, TextStream, check_encoding, input_documents
from corpuscut.segmenter.articles import body_only
from corpuscut.text.language import Language, language_for
from corpuscut.batch.cluster import cluster_workers
from corpuscut.batch.engine import Articles, Failed, Finished, InputDone, Job, Opened, run_batch
from corpuscut.batch.workers import Workers, local_workers

from . import parquet
from .display import Display, LibraryNotes, library_notes, page
from .environment import Environment
from .errors import CannotWrite, InputsFailed, UsageError, say
from .inputs import select_inputs
from .options import Options
from .output import HashingReader, Journal, atomic_text_file, file_identity
from .records import article_record, digest_record
from .render import EXTENSIONS, FolderWriter, OutputFormat, Writer, make_writer
from .text import count, size


@dataclass(frozen=True)
class Records:
    """Some records of one input."""

    doc: Any
    records: list[dict[str, Any]]


#: What a command's work yields, in input order, for :func:`run` to write.
RunEvent = Opened | Records | Finished | Failed | InputDone
Produce = Callable[[list[str], Optional[Workers]], Iterator[RunEvent]]


#: What a command's records are called, one and many, for the line said after writing a file.
NOUNS = {"split": ("article", "articles"), "digest": ("article", "articles"),
         "summarize": ("summary", "summaries"), "eval": ("result", "results")}


#: The command line of each kind of run, where it is not the kind's name.
COMMANDS = {"eval": "eval split"}


def run(env: Environment, opts: Options, produce: Produce, kind: str, parallel: bool = False) -> None:
    """Run a command's work over every input and write its records as they come; failed
    inputs are reported and skipped (then :class:`InputsFailed`). ``kind`` names the command
    (how its records are shown); work that is ``parallel`` goes to the workers of ``--jobs``
    or ``--dask``."""
    with library_notes(env, opts.quiet) as notes:
        _run(env, opts, produce, kind, parallel, notes)


def _run(env: Environment, opts: Options, produce: Produce, kind: str, parallel: bool, notes: LibraryNotes | None) -> None:
    fmt = output_format(env, opts)
    _check(opts, fmt)
    sources = _sources(env, opts, kind)
    failed: list[str] = []
    written = 0
    journal = (Journal(opts.output, {"--text-field": opts.text_field, "--id-field": opts.id_field})
               if opts.resume and opts.output is not None else None)
    workers = _workers(opts, sources) if parallel else None
    if workers is not None:
        workers.start_early(sources)
    stdin = env.stdin
    if journal is not None and STDIN in sources:  # standard input is recognised by its hash
        env.stdin = HashingReader(stdin)  # type: ignore[assignment]
    paged = _paging(env, opts, fmt)
    writer: Writer | None = None
    kept = False
    try:
        with _sink(env, opts.output, journal) as out, \
                Display(env, sources, opts.quiet, opts.when_colour, stdout_shared=_shares_screen(env, opts)) as display:
            if notes is not None:
                notes.display = display
            if journal is not None and journal.done:
                before = len(sources)
                sources = [s for s in sources if not journal.is_done(s, _identity(env, s, drain=True))]
                if not opts.quiet:
                    display.say(f"resuming {opts.output}: {before - len(sources)} of {before} inputs already done"
                                + (_by_name(opts.output) if journal.from_finished and len(sources) < before else ""))
            writer = _writer(env, opts, fmt, out, paged, kind, several=len(sources) > 1)
            held: list[dict[str, Any]] = []
            warned: set[str] = set()  # languages without a stemmer, said once each
            records_of_doc = 0
            for event in produce(sources, workers):
                if isinstance(event, Opened):
                    held = []
                    records_of_doc = 0
                    if not (event.language.has_stemmer or event.language.needs_no_stemmer) and event.language.name not in warned \
                            and not opts.quiet:
                        warned.add(event.language.name)
                        display.say(_no_stemmer(event.doc.source, event.language))
                    if not opts.quiet:
                        for note in getattr(event.doc, "notes", ()):
                            display.say(f"warning: {event.doc.source}: {note}")
                    with display.cleared():
                        writer.start(event.doc)
                elif isinstance(event, Records):
                    written += len(event.records)
                    records_of_doc += len(event.records)
                    display.reading(event.doc, event.records[-1].get("end") if event.records else None)
                    if writer.streaming:
                        with display.cleared():
                            writer.emit(event.doc, event.records, 0.0)
                    else:
                        held.extend(map(writer.hold, event.records))
                elif isinstance(event, Finished):
                    if not records_of_doc and not opts.quiet:  # an empty input: said, not an error
                        display.say(f"warning: {event.doc.source}: empty input, no articles")
                    with display.cleared():
                        if writer.streaming:
                            writer.finish(event.doc, event.seconds)
                        else:
                            writer.emit(event.doc, held, event.seconds)
                    held = []
                elif isinstance(event, InputDone):
                    if journal is not None:
                        journal.mark(event.source, _identity(env, event.source))
                    display.input_done(event.source)
                else:
                    failed.append(event.source)
                    held = []
                    if journal is not None:
                        journal.discard()
                    _report_failure(env, display, event)
                    display.input_done(event.source)
            with display.cleared():
                writer.close()
            if opts.output is not None and journal is None and failed and len(set(failed)) >= len(sources):
                raise _NothingRead  # every input failed: FILE is left as it was, not emptied
    except _NothingRead:
        kept = True
    except KeyboardInterrupt:
        if workers is not None:
            workers.close(cancel=True)
        if isinstance(writer, FolderWriter):
            _stop_folder(env, opts, writer)
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
    if paged is not None:
        _show(env, opts, paged.getvalue())
    if kept and not opts.quiet:
        say(env, f"{opts.output} left as it was: no input was read")
    elif (opts.output or opts.out_dir) is not None and not opts.quiet:
        say(env, _wrote(opts, kind, written, journal.kept if journal is not None else 0))
    if failed:
        many_inputs = len(sources) > 1
        raise InputsFailed(f"{len(failed)} of {len(sources)} inputs failed: {', '.join(dict.fromkeys(failed))}"
                           if many_inputs else "")


class _NothingRead(Exception):
    """Every input failed: the output file's temporary copy is dropped, not put in its place."""


def _check(opts: Options, fmt: OutputFormat) -> None:
    """What only the run can tell of the options: a usage error before any work."""
    if opts.resume and (opts.output is None or fmt is not OutputFormat.jsonl):
        raise UsageError("--resume needs --output FILE and the jsonl format")
    if fmt is OutputFormat.parquet and opts.output is None:
        raise UsageError("--format parquet needs --output FILE")
    if fmt is OutputFormat.parquet and not parquet.available():
        raise UsageError("--format parquet needs pyarrow: pip install 'corpuscut[parquet]'")
    if opts.encoding is not None:
        try:
            check_encoding(opts.encoding)
        except CorpuscutError as exc:
            raise UsageError(str(exc)) from None


def _sources(env: Environment, opts: Options, kind: str) -> list[str]:
    """The inputs to read; what was skipped, and a terminal on stdin, said on stderr."""
    selection = select_inputs(opts.inputs or [], opts.include, opts.exclude)
    if selection.own and not opts.quiet:
        say(env, _skipped(selection.own, "corpuscut wrote", "corpuscut wrote"))
    if selection.skipped and not opts.quiet:
        say(env, _skipped(selection.skipped))
    if not selection.sources:
        raise InputsFailed("nothing to read: every file found was skipped")
    if selection.sources == [STDIN] and env.stdin_isatty and not opts.quiet:
        say(env, "reading standard input from the terminal: paste or type the text, then Ctrl-D "
                 f"(or name a file: corpuscut {COMMANDS.get(kind, kind)} FILE)")
    return selection.sources


def _show(env: Environment, opts: Options, text: str) -> None:
    """A gathered preview: through the pager where it is longer than the screen (or --pager)."""
    if opts.pager or text.count("\n") >= env.height:
        page(env, text)
    else:
        env.stdout.write(text)
        env.stdout.flush()


def _wrote(opts: Options, kind: str, written: int, kept: int = 0) -> str:
    """The line said after writing a file; ``kept``: the records a resumed run appended to."""
    one, many = NOUNS[kind]
    if opts.out_dir is not None:
        where = f"{opts.out_dir}{os.sep} (and index.jsonl)"
    else:
        assert opts.output is not None
        where = f"{opts.output} ({size(_file_size(opts.output))})"
    if kept:
        return f"wrote {written:,} more {one if written == 1 else many} to {where}: {written + kept:,} in all"
    return f"wrote {written:,} {one if written == 1 else many} to {where}"


def _by_name(output: Path) -> str:
    return (f" (it holds records of theirs, and inputs are matched by name: records made with other options, "
            f"such as another --id-field, are kept as they are; remove {output.name} to make them afresh)")


def _stop_folder(env: Environment, opts: Options, writer: FolderWriter) -> None:
    """An interrupted ``--out-dir`` run: its index lists the files written so far."""
    try:
        done = writer.stopped()
    except (OSError, KeyboardInterrupt):
        return  # the folder stays as it was left; a later run with --overwrite cleans it
    if done and not opts.quiet:
        say(env, f"stopped after {count(done, 'article')} written to {opts.out_dir}{os.sep}, listed in its "
                 "index.jsonl (the same command with --overwrite writes the folder anew)")


def _skipped(skipped: list[str], what: str = "is not a text dump", whats: str = "are not text dumps") -> str:
    names = ", ".join(os.path.basename(s) for s in skipped[:3]) + (", …" if len(skipped) > 3 else "")
    several = len(skipped) != 1
    return (f"skipped {len(skipped):,} file{'s' if several else ''} that {whats if several else what} "
            f"({names}); --include GLOB reads them")


def _file_size(path: Path) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


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
    """``--format``, with ``auto`` resolved: with ``--output``, by the file's extension (jsonl
    where it names no format); else rich on a terminal (or where ``--color always`` asks for
    colour), jsonl when piped."""
    if opts.fmt is not OutputFormat.auto:
        return opts.fmt
    if opts.output is not None:
        return EXTENSIONS.get(opts.output.suffix.lower(), OutputFormat.jsonl)
    if env.stdout_isatty or opts.when_colour == "always":
        return OutputFormat.rich
    return OutputFormat.jsonl


def _shares_screen(env: Environment, opts: Options) -> bool:
    """Whether what is written to stdout lands on the terminal the progress bar is on."""
    return env.stdout_isatty and opts.output is None and opts.out_dir is None


def _paging(env: Environment, opts: Options, fmt: OutputFormat) -> io.StringIO | None:
    """Where a terminal preview is gathered to go through the pager once it is complete (and
    longer than the screen), or None where it goes straight to stdout."""
    if opts.pager is False or fmt is not OutputFormat.rich or not _shares_screen(env, opts):
        return None
    return io.StringIO()


def _writer(env: Environment, opts: Options, fmt: OutputFormat, out: Any, paged: io.StringIO | None,
            kind: str, several: bool) -> Writer:
    if opts.out_dir is not None:
        return FolderWriter(opts.out_dir, per_source=several)
    if fmt is OutputFormat.parquet:
        return parquet.ParquetWriter(out.buffer)
    console = env.console(opts.when_colour)
    if paged is not None:
        console = env.console(opts.when_colour, file=paged)
        console.width = env.width or env.console(opts.when_colour).width  # the screen's, not a file's 80
    elif out is not env.stdout:
        console.file = out
    return make_writer(fmt, out, console, kind, several, opts.view)


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


def _report_failure(env: Environment, display: Display, event: Failed) -> None:
    if isinstance(event.error, CorpuscutError):
        display.say(str(event.error))
        return
    if env.debug:
        raise event.error
    display.say(f"{event.source}: internal error: {type(event.error).__name__}: {event.error} "
                "(CORPUSCUT_DEBUG=1 shows the traceback)")


def _workers(opts: Options, sources: list[str]) -> Workers | None:
    """The workers of --jobs (worker processes, where the run has more than one task) or of
    --dask (a cluster's)."""
    if opts.dask:
        return cluster_workers(opts.dask, opts.workers)
    return local_workers(opts.workers, sources, sized=not opts.text_field)


def documents(env: Environment, opts: Options) -> Callable[[str], Iterator[Any]]:
    """How a source becomes documents: one text stream, or the records of a format of records."""

    def open_source(source: str) -> Iterator[Any]:
        return input_documents(source, env.stdin, opts.encoding, opts.text_field, opts.id_field)

    return open_source


def batch_events(env: Environment, opts: Options, job: Job) -> Produce:
    """split and digest: the batch engine's events, articles turned into records (each cut
    down to its body with ``--body``)."""

    def produce(sources: list[str], workers: Workers | None) -> Iterator[RunEvent]:
        for event in run_batch(job, sources, documents(env, opts), workers):
            if isinstance(event, Articles):
                name = event.language.name
                pairs = [(body_only(a), s) for a, s in event.pairs] if opts.body else event.pairs
                if job.summarize:
                    yield Records(event.doc, [digest_record(event.doc, a, s, a.language or name, opts.explain)  # type: ignore[arg-type]
                                              for a, s in pairs])
                else:
                    yield Records(event.doc, [article_record(event.doc, a, a.language or name, opts.explain) for a, _ in pairs])
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

"""The ``corpuscut`` command line: parses options, calls the libraries, renders records."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Callable, Iterator, Optional

import typer

import orjson

from corpuscut.segmenter import Segmenter, SegmenterError, expand_inputs, read_document
from corpuscut.segmenter.source import TextStream, WarcStream, json_lines_documents, open_input
from corpuscut.segmenter.warc import warc_documents
from corpuscut.segmenter.evaluate import Scores, offsets_to_text_lines, read_gold, text_line_numbers
from corpuscut.segmenter.language import Language, given_language, language_for
from corpuscut.segmenter.words import DEFAULT_LANGUAGE
from corpuscut.summarizer import DEFAULT_METHOD, METHODS, Length, Summarizer
from corpuscut.summarizer.pipeline import (
    Articles, Failed, Finished, InputDone, Job, Opened, Workers, dask_executor, process_pool, run_batch,
)
from corpuscut.segmenter.streaming import Limits

from .environment import Environment
from .output import Journal, atomic_text_file
from .records import article_record, digest_record, summary_record
from . import parquet
from .render import FolderWriter, OutputFormat, Writer, make_writer
from .status import ExitStatus

Method = Enum("Method", {m.replace("-", "_"): m for m in METHODS}, type=str)  # type: ignore[misc]

app = typer.Typer(
    name="corpuscut",
    help="Split dumps of concatenated scraped articles into articles, and condense each one.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version  # only here: 0.02 s of every start

        try:
            v = version("corpuscut")
        except PackageNotFoundError:
            v = "unknown (not installed)"
        typer.echo(f"corpuscut {v}")
        raise typer.Exit()


@app.callback()
def main_callback(
    ctx: typer.Context,
    _: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = None,
) -> None:
    """Split dumps of concatenated scraped articles into articles, and condense each one.

    Exit codes: 0 all inputs done; 1 some input failed; 2 usage error; 130 interrupted;
    141 output pipe closed.
    """
    if ctx.obj is None:
        ctx.obj = Environment.from_system()


Inputs = Annotated[
    Optional[list[str]],
    typer.Argument(help="Files, folders, globs, or - for standard input (the default).", show_default=False),
]
Format = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="auto: rich on a terminal, jsonl when piped."),
]
Output = Annotated[
    Optional[Path],
    typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.", dir_okay=False),
]
Encoding = Annotated[
    Optional[str], typer.Option("--encoding", help="Decode inputs with this encoding instead of detecting it.")
]
Cues = Annotated[
    Optional[Path],
    typer.Option("--cues", help="A JSON file of extra cue patterns (see segmenter/data/cues.json).", exists=True, dir_okay=False),
]
LanguageOpt = Annotated[
    Optional[str],
    typer.Option("--language", "-l", show_default="each document's own, detected",
                 help="Language of the text (stemmer and stop words): any Snowball language. By default each document's language is detected from its start."),
]
NoColor = Annotated[bool, typer.Option("--no-color", help="No colour (also when NO_COLOR is set).")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")]
class View(str, Enum):
    panels = "panels"
    table = "table"


TextField = Annotated[
    Optional[str],
    typer.Option("--text-field", help="Inputs are JSON Lines: each record's FIELD is a document of its own."),
]
IdField = Annotated[
    Optional[str], typer.Option("--id-field", help="With --text-field: name each document INPUT#ID by this field.")
]
ViewOpt = Annotated[View, typer.Option("--view", help="Rich output: a panel per article, or a table (long dumps).")]
Explain = Annotated[
    bool, typer.Option("--explain", help="Add each boundary's evidence: every cue's push towards (+) or against (-) the cut.")
]
Sentences = Annotated[int, typer.Option("--sentences", "-n", min=1, help="Sentences per summary.")]
Ratio = Annotated[
    Optional[float], typer.Option("--ratio", min=0.001, max=1.0, help="Keep this share of the sentences instead.")
]
Words = Annotated[Optional[int], typer.Option("--words", min=1, help="Keep at most this many words instead.")]
Jobs = Annotated[
    Optional[int],
    typer.Option("--jobs", "-j", min=1, show_default="one per core",
                 help="Worker processes for inputs and parts of long inputs (a single small input runs in this process)."),
]
Dask = Annotated[
    Optional[str],
    typer.Option("--dask", metavar="ADDRESS",
                 help="Run the work on the Dask cluster whose scheduler is at ADDRESS, e.g. tcp://10.0.0.5:8786 (needs corpuscut[dask])."),
]
Resume = Annotated[
    bool,
    typer.Option("--resume", help="With --output FILE: skip the inputs already complete in FILE (or in the run that stopped) and append the rest."),
]
MethodOpt = Annotated[Method, typer.Option("--method", "-m", help="Summarizing method.")]  # type: ignore[valid-type]


def _say(env: Environment, message: str) -> None:
    """One line on stderr, never wrapped or styled."""
    env.stderr.write(f"corpuscut: {' '.join(message.split())}\n")
    env.stderr.flush()


def _usage_error(env: Environment, message: str) -> typer.Exit:
    _say(env, f"error: {message}")
    return typer.Exit(ExitStatus.USAGE)


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


@dataclass(frozen=True)
class RunOptions:
    """How a command's records are read and written (everything but what it computes)."""

    fmt: OutputFormat = OutputFormat.auto
    output: Path | None = None
    encoding: str | None = None
    no_color: bool = False
    quiet: bool = False
    view: View = View.panels
    out_dir: Path | None = None
    text_field: str | None = None
    id_field: str | None = None
    jobs: int = 1
    dask: str | None = None
    resume: bool = False


@dataclass(frozen=True)
class Records:
    """Some records of one input."""

    doc: Any
    records: list[dict[str, Any]]


#: What a command's work yields, in input order, for ``_run`` to write.
RunEvent = Opened | Records | Finished | Failed | InputDone
Produce = Callable[[list[str], Optional[Workers]], Iterator[RunEvent]]


def _documents(env: Environment, opts: RunOptions) -> Callable[[str], Iterator[Any]]:
    """How a source becomes documents: one text stream, or a JSON Lines file's records."""

    def open_source(source: str) -> Iterator[Any]:
        stream = open_input(source, env.stdin, opts.encoding)
        if isinstance(stream, WarcStream):
            yield from warc_documents(stream)
        elif opts.text_field:
            yield from json_lines_documents(stream, opts.text_field, opts.id_field)
        else:
            yield stream

    return open_source


def _run(env: Environment, inputs: list[str] | None, opts: RunOptions, produce: Produce) -> None:
    """Run a command's work over every input and write its records as they come; failed
    inputs are reported and skipped. Exits with the status of the run."""
    fmt = opts.fmt
    if fmt is OutputFormat.auto:
        fmt = OutputFormat.rich if env.stdout_isatty and opts.output is None else OutputFormat.jsonl
    if opts.resume and (opts.output is None or fmt is not OutputFormat.jsonl):
        raise _usage_error(env, "--resume needs --output FILE and the jsonl format")
    if fmt is OutputFormat.parquet and (opts.output is None or not parquet.available()):
        raise _usage_error(env, "--format parquet needs --output FILE and pyarrow (pip install 'corpuscut[parquet]')")
    sources = expand_inputs(inputs or [])
    failed: list[str] = []
    journal = Journal(opts.output) if opts.resume and opts.output is not None else None
    try:
        workers = _workers(env, opts)
    except SegmenterError as exc:
        _say(env, str(exc))
        raise typer.Exit(ExitStatus.INPUT_FAILED) from None
    _start_early(workers, sources)
    try:
        with _sink(env, opts.output, journal) as out, _progress(env, opts, len(sources)) as advance:
            if journal is not None and journal.done:
                before = len(sources)
                sources = [s for s in sources if s not in journal.done]
                if not opts.quiet:
                    _say(env, f"resuming {opts.output}: {before - len(sources)} of {before} inputs already done")
            console = env.console(opts.no_color)
            if out is not env.stdout:
                console.file = out
            writer: Writer
            if opts.out_dir is not None:
                writer = FolderWriter(opts.out_dir, per_source=len(sources) > 1)
            elif fmt is OutputFormat.parquet:
                writer = parquet.ParquetWriter(out.buffer)
            else:
                writer = make_writer(fmt, out, console, table=opts.view is View.table)
            held: list[dict[str, Any]] = []
            warned: set[str] = set()  # languages without a stemmer, said once each
            for event in produce(sources, workers):
                if isinstance(event, Opened):
                    held = []
                    if not event.language.has_stemmer and event.language.name not in warned and not opts.quiet:
                        warned.add(event.language.name)
                        _say(env, _no_stemmer(event.doc.source, event.language))
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
                        journal.mark(event.source)
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
        raise typer.Exit(ExitStatus.INTERRUPTED) from None  # cli.entry says so on stderr
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(ExitStatus.BROKEN_PIPE) from None
    except OSError as exc:
        target = opts.output or opts.out_dir
        if target is None:
            raise
        _say(env, f"{target}: cannot write ({exc.strerror or exc})")
        raise typer.Exit(ExitStatus.INPUT_FAILED) from None
    finally:
        if workers is not None:
            workers.close()
    if failed:
        if len(sources) > 1:
            _say(env, f"{len(failed)} of {len(sources)} inputs failed: {', '.join(dict.fromkeys(failed))}")
        raise typer.Exit(ExitStatus.INPUT_FAILED)


def _no_stemmer(source: str, language: Language) -> str:
    return (f"warning: {source}: the text is in {language.name}, which has no stemmer; its words are stemmed as "
            f"{language.stemmer} (said once per language)")


def _report_failure(env: Environment, event: Failed) -> None:
    if isinstance(event.error, SegmenterError):
        _say(env, str(event.error))
        return
    if env.debug:
        raise event.error
    _say(env, f"{event.source}: internal error: {type(event.error).__name__}: {event.error} "
         "(CORPUSCUT_DEBUG=1 shows the traceback)")


def _workers(env: Environment, opts: RunOptions) -> Workers | None:
    """Worker processes for --jobs above 1 (started only if the run has more than one task),
    or a Dask cluster's for --dask."""
    if opts.dask:  # connected now: a cluster that cannot be reached fails the run at once
        executor = dask_executor(opts.dask)
        workers = Workers(lambda: executor)
        workers.get()
        return workers
    if opts.jobs <= 1:
        return None
    return Workers(lambda: process_pool(opts.jobs))


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


def _pipeline_events(job: Job, env: Environment, opts: RunOptions, explain: bool) -> Produce:
    """split and digest: the batch pipeline's events, articles turned into records."""

    def produce(sources: list[str], workers: Workers | None) -> Iterator[RunEvent]:
        ahead = 2 * max(1, opts.jobs) + 2
        for event in run_batch(job, sources, _documents(env, opts), workers, ahead):
            if isinstance(event, Articles):
                name = event.language.name
                if job.summarize:
                    yield Records(event.doc, [digest_record(event.doc, a, s, name, explain) for a, s in event.pairs])  # type: ignore[arg-type]
                else:
                    yield Records(event.doc, [article_record(event.doc, a, name, explain) for a, _ in event.pairs])
            else:
                yield event

    return produce


@contextlib.contextmanager
def _progress(env: Environment, opts: RunOptions, total: int) -> Iterator[Callable[[], None]]:
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


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the final flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _jobs(jobs: int | None) -> int:
    return jobs if jobs is not None else max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _check_segmenter(env: Environment, job: Job) -> None:
    """A bad cue file or language is a usage error, before any work. The segmenter is built
    the way the run's tasks get theirs, so the run's first section, decided in this process,
    uses this one instead of building another."""
    try:
        job.segmenter()
    except SegmenterError as exc:
        raise _usage_error(env, str(exc)) from None


def _segmenter(env: Environment, cues: Path | None, language: str) -> Segmenter:
    try:
        return Segmenter.from_files(cues=cues, language=language)
    except SegmenterError as exc:
        raise _usage_error(env, str(exc)) from None


def _check_language(env: Environment, language: str | None) -> None:
    """A language without a stemmer, named with --language, is a usage error."""
    if language is not None:
        try:
            given_language(language)
        except SegmenterError as exc:
            raise _usage_error(env, str(exc)) from None


def _summarizing(
    env: Environment, method: str, language: str | None, sentences: int, ratio: float | None, words: int | None
) -> tuple[Summarizer, Length]:
    """The summarizer and summary length the options ask for, or a usage error."""
    if ratio is not None and words is not None:
        raise _usage_error(env, "give --ratio or --words, not both")
    _check_language(env, language)
    try:
        return Summarizer(method, language or DEFAULT_LANGUAGE), Length(sentences=sentences, ratio=ratio, words=words)
    except SegmenterError as exc:
        raise _usage_error(env, str(exc)) from None


@app.command(
    epilog="Example: corpuscut split samples/kursk-taiwan-dump.txt --format jsonl | jq -r .title",
)
def split(
    ctx: typer.Context,
    inputs: Inputs = None,
    fmt: Format = OutputFormat.auto,
    output: Output = None,
    encoding: Encoding = None,
    cues: Cues = None,
    language: LanguageOpt = None,
    explain: Explain = False,
    out_dir: Annotated[
        Optional[Path],
        typer.Option("--out-dir", file_okay=False, help="Write each article to DIR/NNNN-slug.txt, plus DIR/index.jsonl."),
    ] = None,
    view: ViewOpt = View.panels,
    text_field: TextField = None,
    id_field: IdField = None,
    jobs: Jobs = None,
    dask: Dask = None,
    resume: Resume = False,
    no_color: NoColor = False,
    quiet: Quiet = False,
) -> None:
    """Split each input into articles: offsets, title, boundary score and reasons, text."""
    env: Environment = ctx.obj
    _check_language(env, language)
    job = Job(summarize=False, language=language, cues=str(cues) if cues else None, evidence=explain)
    _check_segmenter(env, job)
    if out_dir is not None and output is not None:
        raise _usage_error(env, "give --output or --out-dir, not both")
    opts = RunOptions(fmt, output, encoding, no_color, quiet, view, out_dir, text_field, id_field,
                      _jobs(jobs), dask, resume)
    _run(env, inputs, opts, _pipeline_events(job, env, opts, explain))


@app.command(
    epilog="Example: corpuscut summarize article.txt --sentences 2 --method lex-rank",
)
def summarize(
    ctx: typer.Context,
    inputs: Inputs = None,
    sentences: Sentences = 3,
    ratio: Ratio = None,
    words: Words = None,
    method: MethodOpt = Method(DEFAULT_METHOD),
    language: LanguageOpt = None,
    fmt: Format = OutputFormat.auto,
    output: Output = None,
    encoding: Encoding = None,
    text_field: TextField = None,
    id_field: IdField = None,
    no_color: NoColor = False,
    quiet: Quiet = False,
) -> None:
    """Summarize each input as one document: its most telling sentences, in order."""
    env: Environment = ctx.obj
    first, length = _summarizing(env, method.value, language, sentences, ratio, words)
    opts = RunOptions(fmt, output, encoding, no_color, quiet, text_field=text_field, id_field=id_field)
    summarizers = {first.language: first}  # one per language met

    def produce(sources: list[str], workers: Workers | None) -> Iterator[RunEvent]:
        for source in sources:
            try:
                for doc in _documents(env, opts)(source):
                    started = time.perf_counter()
                    whole = doc.read_all() if isinstance(doc, TextStream) else doc
                    lang = language_for(whole.text, language)
                    yield Opened(whole, lang)
                    if lang.stemmer not in summarizers:
                        summarizers[lang.stemmer] = Summarizer(method.value, lang.stemmer)
                    summary = summarizers[lang.stemmer].summarize(whole.text, length)
                    yield Records(whole, [summary_record(whole, summary, lang.name)])
                    yield Finished(whole, time.perf_counter() - started)
            except Exception as exc:  # the input fails, not the batch
                yield Failed(source, exc)
            else:
                yield InputDone(source)

    _run(env, inputs, opts, produce)


@app.command(
    name="digest",
    epilog="Example: corpuscut digest samples/kursk-taiwan-dump.txt   (or: cat dump.txt | corpuscut digest - | jq .summary)",
)
def digest_(
    ctx: typer.Context,
    inputs: Inputs = None,
    sentences: Sentences = 3,
    ratio: Ratio = None,
    words: Words = None,
    method: MethodOpt = Method(DEFAULT_METHOD),
    language: LanguageOpt = None,
    fmt: Format = OutputFormat.auto,
    output: Output = None,
    encoding: Encoding = None,
    cues: Cues = None,
    explain: Explain = False,
    view: ViewOpt = View.panels,
    text_field: TextField = None,
    id_field: IdField = None,
    jobs: Jobs = None,
    dask: Dask = None,
    resume: Resume = False,
    no_color: NoColor = False,
    quiet: Quiet = False,
) -> None:
    """Split each input into articles and summarize every article (the main job)."""
    env: Environment = ctx.obj
    _, length = _summarizing(env, method.value, language, sentences, ratio, words)
    job = Job(summarize=True, language=language, cues=str(cues) if cues else None, method=method.value, length=length,
              evidence=explain)
    _check_segmenter(env, job)
    opts = RunOptions(fmt, output, encoding, no_color, quiet, view, text_field=text_field, id_field=id_field,
                      jobs=_jobs(jobs), dask=dask, resume=resume)
    _run(env, inputs, opts, _pipeline_events(job, env, opts, explain))


eval_app = typer.Typer(help="Measure the segmenter on your own dumps with known article starts.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command(
    "split",
    epilog="Example: corpuscut eval split samples/bbc-noisy.txt --gold samples/bbc-noisy.gold.jsonl",
)
def eval_split(
    ctx: typer.Context,
    dump: Annotated[Path, typer.Argument(help="The dump to split.", exists=True, dir_okay=False)],
    gold: Annotated[
        Path,
        typer.Option("--gold", "-g", exists=True, dir_okay=False,
                     help="Article starts: JSON Lines with start (offset) or line, or the dump with ========== lines between articles."),
    ],
    fmt: Format = OutputFormat.auto,
    encoding: Encoding = None,
    cues: Cues = None,
    language: LanguageOpt = None,
) -> None:
    """Split DUMP and score the boundaries against GOLD: precision, recall, F1, Pk, WindowDiff."""
    env: Environment = ctx.obj
    _check_language(env, language)
    segmenter = _segmenter(env, cues, language or DEFAULT_LANGUAGE)
    try:
        doc = read_document(str(dump), env.stdin, encoding)
        gold_starts = read_gold(gold, doc.text)
    except SegmenterError as exc:
        _say(env, str(exc))
        raise typer.Exit(ExitStatus.INPUT_FAILED) from None
    except (ValueError, KeyError, IndexError) as exc:
        _say(env, f"{gold}: not a gold file this tool reads ({type(exc).__name__}: {exc})")
        raise typer.Exit(ExitStatus.INPUT_FAILED) from None
    stemmer = language_for(doc.text, language).stemmer
    if stemmer != segmenter.vocabulary.normalizer.language:
        segmenter = _segmenter(env, cues, stemmer)
    found = [a.start for a in segmenter.split(doc.text)]
    text_starts, _ = text_line_numbers(doc.text)
    scores = Scores()
    scores.add(offsets_to_text_lines(gold_starts, text_starts), offsets_to_text_lines(found, text_starts), len(text_starts))
    record = {
        "source": str(dump), "gold_articles": len(gold_starts), "found_articles": len(found),
        "precision": round(scores.precision, 4), "recall": round(scores.recall, 4), "f1": round(scores.f1, 4),
        "pk": round(scores.pk, 4), "windowdiff": round(scores.windowdiff, 4), "exact_rate": round(scores.exact_rate, 4),
    }
    if fmt is OutputFormat.auto:
        fmt = OutputFormat.rich if env.stdout_isatty else OutputFormat.jsonl
    if fmt is OutputFormat.json:
        env.stdout.write(orjson.dumps(record, option=orjson.OPT_INDENT_2).decode() + "\n")
    elif fmt is OutputFormat.jsonl:
        env.stdout.write(orjson.dumps(record).decode() + "\n")
    else:
        env.stdout.write("".join(f"{k:14} {v}\n" for k, v in record.items()))


def main() -> None:
    """Run the command (``cli.entry.main`` wraps this for the console script)."""
    try:
        app()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(ExitStatus.BROKEN_PIPE)

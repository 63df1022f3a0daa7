"""The ``corpuscut`` command line: parses options, calls the libraries, renders records."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
import sys
import time
from enum import Enum
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated, Any, Callable, Iterator, Optional

import typer

import orjson

from segmenter import Document, Segmenter, SegmenterError, expand_inputs, read_document
from segmenter.source import json_lines_documents
from segmenter.evaluate import Scores, offsets_to_text_lines, read_gold, text_line_numbers
from summarizer import DEFAULT_METHOD, METHODS, Length, Summarizer, digest

from .environment import Environment
from .output import atomic_text_file
from .records import article_record, digest_record, summary_record
from .render import FolderWriter, OutputFormat, make_writer
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
Language = Annotated[str, typer.Option("--language", "-l", help="Language of the text (stemmer and stop words).")]
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
MethodOpt = Annotated[Method, typer.Option("--method", "-m", help="Summarizing method.")]  # type: ignore[valid-type]


def _say(env: Environment, message: str) -> None:
    """One line on stderr, never wrapped or styled."""
    env.stderr.write(f"corpuscut: {' '.join(message.split())}\n")
    env.stderr.flush()


def _usage_error(env: Environment, message: str) -> typer.Exit:
    _say(env, f"error: {message}")
    return typer.Exit(ExitStatus.USAGE)


@contextlib.contextmanager
def _sink(env: Environment, output: Path | None) -> Iterator[Any]:
    if output is None:
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


def _run(
    env: Environment,
    inputs: list[str] | None,
    opts: RunOptions,
    process: Callable[[Document], list[dict[str, Any]]],
) -> None:
    """Read every input, process it, and write its records; failed inputs are reported and
    skipped. Exits with the status of the run."""
    fmt = opts.fmt
    if fmt is OutputFormat.auto:
        fmt = OutputFormat.rich if env.stdout_isatty and opts.output is None else OutputFormat.jsonl
    sources = expand_inputs(inputs or [])
    failed: list[str] = []
    try:
        with _sink(env, opts.output) as out, _progress(env, opts, len(sources)) as advance:
            console = env.console(opts.no_color)
            if out is not env.stdout:
                console.file = out
            writer = (
                FolderWriter(opts.out_dir, per_source=len(sources) > 1) if opts.out_dir is not None
                else make_writer(fmt, out, console, table=opts.view is View.table)
            )
            for source in sources:
                started = time.perf_counter()
                try:
                    doc = read_document(source, env.stdin, opts.encoding)
                    docs = (
                        json_lines_documents(doc, opts.text_field, opts.id_field) if opts.text_field else [doc]
                    )
                    outputs = [(d, process(d)) for d in docs]
                except SegmenterError as exc:
                    failed.append(source)
                    _say(env, str(exc))
                    continue
                except Exception as exc:
                    if env.debug:
                        raise
                    failed.append(source)
                    _say(env, f"{source}: internal error: {type(exc).__name__}: {exc} "
                         "(CORPUSCUT_DEBUG=1 shows the traceback)")
                    continue
                finally:
                    advance()
                for d, records in outputs:
                    writer.emit(d, records, (time.perf_counter() - started) / len(outputs))
            writer.close()
    except KeyboardInterrupt:
        _say(env, "interrupted")
        raise typer.Exit(ExitStatus.INTERRUPTED) from None
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(ExitStatus.BROKEN_PIPE) from None
    except OSError as exc:
        target = opts.output or opts.out_dir
        if target is None:
            raise
        _say(env, f"{target}: cannot write ({exc.strerror or exc})")
        raise typer.Exit(ExitStatus.INPUT_FAILED) from None
    if failed:
        if len(sources) > 1:
            _say(env, f"{len(failed)} of {len(sources)} inputs failed: {', '.join(failed)}")
        raise typer.Exit(ExitStatus.INPUT_FAILED)


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


def _segmenter(env: Environment, cues: Path | None, language: str) -> Segmenter:
    try:
        return Segmenter.from_files(cues=cues, language=language)
    except SegmenterError as exc:
        raise _usage_error(env, str(exc)) from None


def _summarizing(
    env: Environment, method: str, language: str, sentences: int, ratio: float | None, words: int | None
) -> tuple[Summarizer, Length]:
    """The summarizer and summary length the options ask for, or a usage error."""
    if ratio is not None and words is not None:
        raise _usage_error(env, "give --ratio or --words, not both")
    try:
        return Summarizer(method, language), Length(sentences=sentences, ratio=ratio, words=words)
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
    language: Language = "english",
    explain: Explain = False,
    out_dir: Annotated[
        Optional[Path],
        typer.Option("--out-dir", file_okay=False, help="Write each article to DIR/NNNN-slug.txt, plus DIR/index.jsonl."),
    ] = None,
    view: ViewOpt = View.panels,
    text_field: TextField = None,
    id_field: IdField = None,
    no_color: NoColor = False,
    quiet: Quiet = False,
) -> None:
    """Split each input into articles: offsets, title, boundary score and reasons, text."""
    env: Environment = ctx.obj
    segmenter = _segmenter(env, cues, language)
    if out_dir is not None and output is not None:
        raise _usage_error(env, "give --output or --out-dir, not both")
    opts = RunOptions(fmt, output, encoding, no_color, quiet, view, out_dir, text_field, id_field)
    _run(env, inputs, opts, lambda doc: [article_record(doc, a, explain) for a in segmenter.split(doc.text)])


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
    language: Language = "english",
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
    summarizer, length = _summarizing(env, method.value, language, sentences, ratio, words)
    opts = RunOptions(fmt, output, encoding, no_color, quiet, text_field=text_field, id_field=id_field)
    _run(env, inputs, opts, lambda doc: [summary_record(doc, summarizer.summarize(doc.text, length))])


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
    language: Language = "english",
    fmt: Format = OutputFormat.auto,
    output: Output = None,
    encoding: Encoding = None,
    cues: Cues = None,
    explain: Explain = False,
    view: ViewOpt = View.panels,
    text_field: TextField = None,
    id_field: IdField = None,
    no_color: NoColor = False,
    quiet: Quiet = False,
) -> None:
    """Split each input into articles and summarize every article (the main job)."""
    env: Environment = ctx.obj
    summarizer, length = _summarizing(env, method.value, language, sentences, ratio, words)
    segmenter = _segmenter(env, cues, language)
    opts = RunOptions(fmt, output, encoding, no_color, quiet, view, text_field=text_field, id_field=id_field)
    _run(env, inputs, opts,
         lambda doc: [digest_record(doc, a, s, explain) for a, s in digest(doc.text, segmenter, summarizer, length)])


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
    language: Language = "english",
) -> None:
    """Split DUMP and score the boundaries against GOLD: precision, recall, F1, Pk, WindowDiff."""
    env: Environment = ctx.obj
    segmenter = _segmenter(env, cues, language)
    try:
        doc = read_document(str(dump), env.stdin, encoding)
        gold_starts = read_gold(gold, doc.text)
    except SegmenterError as exc:
        _say(env, str(exc))
        raise typer.Exit(ExitStatus.INPUT_FAILED) from None
    except (ValueError, KeyError, IndexError) as exc:
        _say(env, f"{gold}: not a gold file this tool reads ({type(exc).__name__}: {exc})")
        raise typer.Exit(ExitStatus.INPUT_FAILED) from None
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
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("corpuscut: interrupted\n")
        sys.exit(ExitStatus.INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(ExitStatus.BROKEN_PIPE)

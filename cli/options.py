"""Every option of every command, declared once (after sqlite-utils' ``output_options``).

:class:`Options` holds them all, each field with its Typer declaration. A command names the
ones it takes with :func:`command`, which gives Typer a function whose signature holds those
fields (in the order named, as ``--help`` lists them) and hands the command one ``Options``,
checked (:meth:`Options.check`) before any work.
"""

from __future__ import annotations

import copy
import functools
import inspect
import os
import typing
from dataclasses import dataclass, fields
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Callable, Optional

import typer

from corpuscut.summarizer import DEFAULT_METHOD, METHODS

from .environment import Environment
from .errors import UsageError, exit_codes
from .render import OutputFormat, View

Method = Enum("Method", {m.replace("-", "_"): m for m in METHODS}, type=str)  # type: ignore[misc]


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"




@dataclass(frozen=True)
class Options:
    """What the command line asked for. Fields a command does not take keep their defaults."""

    inputs: Annotated[
        Optional[list[str]],
        typer.Argument(metavar="INPUT", show_default=False,
                       help="Files, folders, globs, or - for standard input (the default)."),
    ] = None
    sentences: Annotated[
        Optional[int],
        typer.Option("--sentences", "-n", metavar="N",
                     help="Sentences per summary (default: newsrank's word budget, about Lead-3's length; 3 for other methods)."),
    ] = None
    ratio: Annotated[
        Optional[float],
        typer.Option("--ratio", metavar="R", help="Keep this share of the sentences instead (more than 0, at most 1)."),
    ] = None
    words: Annotated[
        Optional[int], typer.Option("--words", metavar="W", help="Keep at most this many words instead.")
    ] = None
    method: Annotated[
        Method,  # type: ignore[valid-type]
        typer.Option("--method", "-m", metavar="METHOD",
                     help=f"Summarizing method: {', '.join(METHODS)}."),
    ] = Method(DEFAULT_METHOD)
    fmt: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", metavar="FORMAT",
                     help="auto (rich on a terminal; with --output, from FILE's extension; else jsonl), "
                          "rich, text, json, jsonl, markdown, csv, tsv or parquet."),
    ] = OutputFormat.auto
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="FILE", dir_okay=False,
                     help="Write to FILE (atomically) instead of stdout; its extension picks the format."),
    ] = None
    encoding: Annotated[
        Optional[str],
        typer.Option("--encoding", metavar="NAME", help="Decode inputs with this encoding instead of detecting it."),
    ] = None
    include: Annotated[
        Optional[list[str]],
        typer.Option("--include", metavar="GLOB",
                     help="In folders, read only files whose name matches GLOB (repeatable; instead of the default skip list)."),
    ] = None
    exclude: Annotated[
        Optional[list[str]],
        typer.Option("--exclude", metavar="GLOB", help="In folders, skip files whose name or path matches GLOB (repeatable)."),
    ] = None
    cues: Annotated[
        Optional[Path],
        typer.Option("--cues", metavar="FILE", exists=True, dir_okay=False,
                     help="A JSON file of extra cue patterns, in the form of the shipped corpuscut/segmenter/data/cues.json."),
    ] = None
    language: Annotated[
        Optional[str],
        typer.Option("--language", "-l", metavar="NAME",
                     help="Language of the text (stemmer and stop words): any Snowball language. By default each document's language is detected from its start."),
    ] = None
    explain: Annotated[
        bool,
        typer.Option("--explain",
                     help="Add each boundary's evidence: every cue's push towards (+) or against (-) the cut."),
    ] = False
    body: Annotated[
        bool,
        typer.Option("--body", help="Output each article's body only: its main text, without menus, cookie notices, share links and footers."),
    ] = False
    out_dir: Annotated[
        Optional[Path],
        typer.Option("--out-dir", metavar="DIR", file_okay=False,
                     help="Write each article to DIR/NNNN-slug.txt, plus DIR/index.jsonl (each record without its text; with digest, its summary)."),
    ] = None
    overwrite: Annotated[
        bool,
        typer.Option("--overwrite",
                     help="With --out-dir: write into a folder that already holds files (those of the same names are replaced, and those an earlier run's index.jsonl listed that this run does not write are removed; the others are kept)."),
    ] = False
    view: Annotated[
        View,
        typer.Option("--view", metavar="VIEW",
                     help="On a terminal: auto (panels for a short dump, the overview for a long one or for more than 20 documents; digest: a table of the summaries up to 200 articles, and its overview shows the first five summaries), panels, table or overview."),
    ] = View.auto
    text_field: Annotated[
        Optional[str],
        typer.Option("--text-field", metavar="FIELD", help="Inputs are JSON Lines: each record's FIELD is a document of its own."),
    ] = None
    id_field: Annotated[
        Optional[str],
        typer.Option("--id-field", metavar="FIELD", help="With --text-field: name each document INPUT#ID by this field."),
    ] = None
    jobs: Annotated[
        Optional[int],
        typer.Option("--jobs", "-j", metavar="N",
                     help="Worker processes for inputs and parts of long inputs: at most one per core (the default), and no more than the run has tasks (a single small input runs in this process)."),
    ] = None
    dask: Annotated[
        Optional[str],
        typer.Option("--dask", metavar="ADDRESS",
                     help="Run the work on the Dask cluster whose scheduler is at ADDRESS, e.g. tcp://10.0.0.5:8786 (needs corpuscut\\[dask])."),
    ] = None
    resume: Annotated[
        bool,
        typer.Option("--resume",
                     help="With --output FILE: skip the inputs already complete in FILE (or in the run that stopped) and append the rest."),
    ] = False
    pager: Annotated[
        Optional[bool],
        typer.Option("--pager/--no-pager", show_default=False,
                     help="Show a terminal preview longer than the screen through $PAGER (default less -R); --no-pager never."),
    ] = None
    color: Annotated[
        Color,
        typer.Option("--color", metavar="WHEN",
                     help="auto (on a terminal, unless NO_COLOR; FORCE_COLOR too), always (and rich output when piped), never."),
    ] = Color.auto
    no_color: Annotated[bool, typer.Option("--no-color", help="The same as --color never.")] = False
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")] = False

    @property
    def workers(self) -> int:
        """``--jobs``, or one per core the process may run on; never more than the cores."""
        from corpuscut.batch.processes import available_cores

        cores = available_cores()
        return min(self.jobs, cores) if self.jobs is not None else cores

    @property
    def when_colour(self) -> str:
        """``--color``, with ``--no-color`` folded in."""
        return Color.never.value if self.no_color else self.color.value

    def check(self) -> None:
        """Options that cannot go together, or a value out of range: a usage error."""
        given = [name for name, value in (("--sentences", self.sentences), ("--ratio", self.ratio), ("--words", self.words))
                 if value is not None]
        if len(given) > 1:
            raise UsageError(f"give one of --sentences, --ratio and --words, not {' and '.join(given)}")
        for name, value in (("--sentences", self.sentences), ("--words", self.words), ("--jobs", self.jobs)):
            if value is not None and value < 1:
                raise UsageError(f"{name} must be at least 1 (not {value})")
        if self.ratio is not None and not 0 < self.ratio <= 1:
            raise UsageError(f"--ratio must be more than 0 and at most 1 (not {self.ratio:g})")
        if self.out_dir is not None and self.output is not None:
            raise UsageError("give --output or --out-dir, not both")
        if self.out_dir is not None and self.fmt is not OutputFormat.auto:
            raise UsageError(f"--format {self.fmt.value} does not apply to --out-dir, which writes each article as "
                             "a text file and the records to index.jsonl; give one or the other")
        if self.out_dir is not None and not self.overwrite:
            held = files_held(self.out_dir)
            if held:
                raise UsageError(f"--out-dir {self.out_dir} already holds {_entries(self.out_dir, held)} "
                                 f"(such as {held[0]}); give an empty or new folder, or --overwrite to write into it anyway")


def _entries(folder: Path, names: list[str]) -> str:
    """``names`` in ``folder`` counted as what they are: "3 files", "2 folders", "1 file and 4 folders"."""
    folders = sum(1 for name in names if (folder / name).is_dir())
    counted = [f"{n} {noun}{'s' if n > 1 else ''}" for n, noun in ((len(names) - folders, "file"), (folders, "folder")) if n]
    return " and ".join(counted)


def files_held(folder: Path) -> list[str]:
    """The names in ``folder`` (sorted; none if it is missing or cannot be listed), leaving out
    the temporary files of killed runs, which writing there removes, and folders that hold
    nothing else (a run stopped before its first article leaves its input's folder empty):
    files a run writing there would mix its own with, and its index would not list."""
    from .output import is_stale_part

    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted(name for name in names if not is_stale_part(name) and not _empty_folder(folder / name))


def _empty_folder(path: Path) -> bool:
    """Whether ``path`` is a folder (not a link to one) holding nothing but killed runs'
    temporary files."""
    from .output import is_stale_part

    if not path.is_dir() or path.is_symlink():
        return False
    try:
        return all(is_stale_part(name) for name in os.listdir(path))
    except OSError:
        return False


# The groups commands share, in the order ``--help`` lists them.
LENGTH = ("sentences", "ratio", "words", "method", "language")
OUTPUT = ("fmt", "output", "encoding", "include", "exclude")
FIELDS = ("text_field", "id_field")
WORKERS = ("jobs", "dask", "resume")
TERMINAL = ("pager", "color", "no_color", "quiet")

_DECLARED = {f.name: f for f in fields(Options)}
_HINTS = typing.get_type_hints(Options, include_extras=True)


def _with_help(annotation: Any, text: str) -> Any:
    """An option's declaration with other help (where one command's use of it differs)."""
    base, info, *rest = typing.get_args(annotation)
    info = copy.copy(info)
    info.help = text
    return Annotated[(base, info, *rest)]  # type: ignore[return-value]


def command(*names: str, helps: dict[str, str] | None = None) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give Typer a function taking the options ``names`` (and any parameters of the command's
    own after ``env``, such as ``eval split``'s DUMP); it calls the command with the run's
    :class:`Environment`, its own parameters, and one checked :class:`Options`. ``helps``: the
    help of an option where it says something else for this command."""
    helps = helps or {}

    def decorate(run: Callable[..., None]) -> Callable[..., None]:
        own = list(inspect.signature(run, eval_str=True).parameters.values())[1:-1]  # after env, before opts
        hints = typing.get_type_hints(run, include_extras=True)
        params = [inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)]
        params += [p.replace(annotation=hints[p.name]) for p in own]
        params += [
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=_DECLARED[name].default,
                              annotation=_with_help(_HINTS[name], helps[name]) if name in helps else _HINTS[name])
            for name in names
        ]

        @functools.wraps(run)
        def typer_command(ctx: typer.Context, **values: Any) -> None:
            env: Environment = ctx.obj
            own_values = {p.name: values.pop(p.name) for p in own}
            with exit_codes(env, ctx):
                opts = Options(**values)
                opts.check()
                run(env, **own_values, opts=opts)

        del typer_command.__wrapped__  # Typer must read the signature below, not run's
        typer_command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        typer_command.__annotations__ = {p.name: p.annotation for p in params}
        return typer_command

    return decorate

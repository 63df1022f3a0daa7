"""Every option of every command, declared once (after sqlite-utils' ``output_options``).

:class:`Options` holds them all, each field with its Typer declaration. A command names the
ones it takes with :func:`command`, which gives Typer a function whose signature holds those
fields (in the order named, as ``--help`` lists them) and hands the command one ``Options``.
"""

from __future__ import annotations

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
from .errors import exit_codes
from .render import OutputFormat

Method = Enum("Method", {m.replace("-", "_"): m for m in METHODS}, type=str)  # type: ignore[misc]


class View(str, Enum):
    panels = "panels"
    table = "table"


@dataclass(frozen=True)
class Options:
    """What the command line asked for. Fields a command does not take keep their defaults."""

    inputs: Annotated[
        Optional[list[str]],
        typer.Argument(help="Files, folders, globs, or - for standard input (the default).", show_default=False),
    ] = None
    sentences: Annotated[
        Optional[int],
        typer.Option("--sentences", "-n", min=1, show_default=False,
                     help="Sentences per summary [default: newsrank's word budget, about Lead-3's length; 3 for other methods]."),
    ] = None
    ratio: Annotated[
        Optional[float], typer.Option("--ratio", min=0.001, max=1.0, help="Keep this share of the sentences instead.")
    ] = None
    words: Annotated[Optional[int], typer.Option("--words", min=1, help="Keep at most this many words instead.")] = None
    method: Annotated[Method, typer.Option("--method", "-m", help="Summarizing method.")] = Method(DEFAULT_METHOD)  # type: ignore[valid-type]
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="auto: rich on a terminal, jsonl when piped.")] = (
        OutputFormat.auto
    )
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.", dir_okay=False),
    ] = None
    encoding: Annotated[
        Optional[str], typer.Option("--encoding", help="Decode inputs with this encoding instead of detecting it.")
    ] = None
    cues: Annotated[
        Optional[Path],
        typer.Option("--cues", help="A JSON file of extra cue patterns (see segmenter/data/cues.json).", exists=True,
                     dir_okay=False),
    ] = None
    language: Annotated[
        Optional[str],
        typer.Option("--language", "-l", show_default="each document's own, detected",
                     help="Language of the text (stemmer and stop words): any Snowball language. By default each document's language is detected from its start."),
    ] = None
    explain: Annotated[
        bool,
        typer.Option("--explain", help="Add each boundary's evidence: every cue's push towards (+) or against (-) the cut."),
    ] = False
    body: Annotated[
        bool,
        typer.Option("--body", help="Output each article's body only: its main text, without menus, cookie notices, share links and footers."),
    ] = False
    out_dir: Annotated[
        Optional[Path],
        typer.Option("--out-dir", file_okay=False, help="Write each article to DIR/NNNN-slug.txt, plus DIR/index.jsonl."),
    ] = None
    view: Annotated[
        View, typer.Option("--view", help="Rich output: a panel per article, or a table (long dumps).")
    ] = View.panels
    text_field: Annotated[
        Optional[str],
        typer.Option("--text-field", help="Inputs are JSON Lines: each record's FIELD is a document of its own."),
    ] = None
    id_field: Annotated[
        Optional[str], typer.Option("--id-field", help="With --text-field: name each document INPUT#ID by this field.")
    ] = None
    jobs: Annotated[
        Optional[int],
        typer.Option("--jobs", "-j", min=1, show_default="one per core",
                     help="Worker processes for inputs and parts of long inputs: at most one per core, and no more than the run has tasks (a single small input runs in this process)."),
    ] = None
    dask: Annotated[
        Optional[str],
        typer.Option("--dask", metavar="ADDRESS",
                     help="Run the work on the Dask cluster whose scheduler is at ADDRESS, e.g. tcp://10.0.0.5:8786 (needs corpuscut[dask])."),
    ] = None
    resume: Annotated[
        bool,
        typer.Option("--resume", help="With --output FILE: skip the inputs already complete in FILE (or in the run that stopped) and append the rest."),
    ] = False
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour (also when NO_COLOR is set).")] = False
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")] = False

    @property
    def workers(self) -> int:
        """``--jobs``, or one per core the process may run on; never more than the cores."""
        cores = max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
        return min(self.jobs, cores) if self.jobs is not None else cores


# The groups commands share, in the order ``--help`` lists them.
LENGTH = ("sentences", "ratio", "words", "method", "language")
OUTPUT = ("fmt", "output", "encoding")
FIELDS = ("text_field", "id_field")
WORKERS = ("jobs", "dask", "resume")
TERMINAL = ("no_color", "quiet")

_DECLARED = {f.name: f for f in fields(Options)}
_HINTS = typing.get_type_hints(Options, include_extras=True)


def command(*names: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give Typer a function taking the options ``names`` (and any parameters of the command's
    own after ``env``, such as ``eval split``'s DUMP); it calls the command with the run's
    :class:`Environment`, its own parameters, and one :class:`Options`."""

    def decorate(run: Callable[..., None]) -> Callable[..., None]:
        own = list(inspect.signature(run, eval_str=True).parameters.values())[1:-1]  # after env, before opts
        hints = typing.get_type_hints(run, include_extras=True)
        params = [inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)]
        params += [p.replace(annotation=hints[p.name]) for p in own]
        params += [
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=_DECLARED[name].default, annotation=_HINTS[name])
            for name in names
        ]

        @functools.wraps(run)
        def typer_command(ctx: typer.Context, **values: Any) -> None:
            env: Environment = ctx.obj
            own_values = {p.name: values.pop(p.name) for p in own}
            with exit_codes(env):
                run(env, **own_values, opts=Options(**values))

        del typer_command.__wrapped__  # Typer must read the signature below, not run's
        typer_command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        typer_command.__annotations__ = {p.name: p.annotation for p in params}
        return typer_command

    return decorate

"""The ``corpuscut`` command line: the Typer application and its commands (one module each,
under ``cli.commands``)."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from .commands import digest, eval_split, split, summarize
from .environment import Environment
from .errors import silence_stdout
from .status import ExitStatus

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

    Exit codes: 0 all inputs done; 1 some input failed or the output cannot be written; 2 usage
    error; 130 interrupted; 141 output pipe closed; 143 terminated (SIGTERM).
    """
    if ctx.obj is None:
        ctx.obj = Environment.from_system()


app.command("split", epilog=f"Example: {split.EXAMPLE}")(split.split)
app.command("summarize", epilog=f"Example: {summarize.EXAMPLE}")(summarize.summarize)
app.command("digest", epilog=f"Example: {digest.EXAMPLE}")(digest.digest)

eval_app = typer.Typer(help="Measure the segmenter on your own dumps with known article starts.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
eval_app.command("split", epilog=f"Example: {eval_split.EXAMPLE}")(eval_split.eval_split)


def main() -> None:
    """Run the command (``cli.entry.main`` wraps this for the console script)."""
    try:
        app()
    except BrokenPipeError:
        silence_stdout()
        sys.exit(ExitStatus.BROKEN_PIPE)

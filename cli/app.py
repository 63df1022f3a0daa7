"""The ``corpuscut`` command line: the Typer application and its commands (one module each,
under ``cli.commands``)."""

from __future__ import annotations

import errno
import os
import re
import sys
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperArgument, TyperGroup, TyperOption

from .commands import digest, eval_split, split, summarize
from .environment import Environment
from .errors import plain_message, say_usage_error, silence_stdout
from .status import ExitStatus


def _no_python_types() -> None:
    """Help shows an option's metavar (FILE, N, FORMAT) and nothing for a flag, never Typer's
    Python type (``<bool>``, ``<list[str]>``, ``<str>``). Typer (0.29) has no setting for it:
    its help asks each parameter's ``display_type_rich``; where a Typer lacks that method, its
    help is left as it is (``tests/test_screen.py`` checks the help shows no Python type)."""
    shown = getattr(TyperOption, "display_type_rich", None)
    if shown is None or not hasattr(TyperArgument, "display_type_rich"):
        return

    def option_type(self: TyperOption, ctx: Any) -> str | None:
        return None if self.is_flag else shown(self, ctx)

    TyperOption.display_type_rich = option_type  # type: ignore[method-assign]
    TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]


_no_python_types()


def _plain_required_arguments() -> None:
    """The usage line names a required argument as POSIX usage does (``DUMP``), an optional one
    in brackets (``[INPUT]...``); Typer (0.29) puts a required one in braces (``{DUMP}``), which
    reads as a choice of values (``tests/test_screen.py`` checks the usage line)."""
    shown = TyperArgument.get_usage_pieces

    def usage_pieces(self: TyperArgument, ctx: Any) -> list[str]:
        return [re.sub(r"^\{([^{}]*)\}", r"\1", piece) if self.required else piece for piece in shown(self, ctx)]

    TyperArgument.get_usage_pieces = usage_pieces  # type: ignore[method-assign]


_plain_required_arguments()


class CommandGroup(TyperGroup):
    """A bad command line is one plain line and the usage (not Typer's boxed panel), the way
    every other error is reported."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except typer.TyperException as exc:  # Typer's errors of a bad command line
            if type(exc).__name__ != "NoArgsIsHelpError":  # the help was shown: that is the message
                say_usage_error(sys.stderr, plain_message(exc), getattr(exc, "ctx", None))
            result = exc.exit_code
        code = result if isinstance(result, int) else ExitStatus.SUCCESS
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(
    name="corpuscut",
    help="Split dumps of concatenated scraped articles into articles, and condense each one.",
    epilog="Example: corpuscut digest samples/kursk-taiwan-dump.txt   (or: corpuscut split dump.txt -o articles.jsonl)",
    cls=CommandGroup,
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

eval_app = typer.Typer(help="Measure the segmenter on your own dumps with known article starts.", no_args_is_help=True,
                       cls=CommandGroup)
app.add_typer(eval_app, name="eval")
eval_app.command("split", epilog=f"Example: {eval_split.EXAMPLE}")(eval_split.eval_split)


def _plain_help_under_no_color() -> None:
    """NO_COLOR (https://no-color.org) asks for no colour; Rich drops colours for it but keeps
    bold and dim, which Typer's help is full of. Under NO_COLOR the help is plain text, even
    with FORCE_COLOR."""
    if not os.environ.get("NO_COLOR"):
        return
    from typer import rich_utils  # only here: it imports Rich, which most runs never need

    rich_utils.COLOR_SYSTEM = None
    rich_utils.FORCE_TERMINAL = False


def main() -> None:
    """Run the command (``cli.entry.main`` wraps this for the console script)."""
    _plain_help_under_no_color()
    try:
        app()
    except BrokenPipeError:
        silence_stdout()
        sys.exit(ExitStatus.BROKEN_PIPE)
    except SystemExit as exc:
        # Rich and Click meet a broken pipe in what they print themselves (--help) with exit 1,
        # raised while the pipe's error is handled: the reader went away, as above.
        broke = exc.__context__
        if exc.code == 1 and isinstance(broke, OSError) and broke.errno == errno.EPIPE:
            silence_stdout()
            sys.exit(ExitStatus.BROKEN_PIPE)
        raise

"""The one place where what went wrong becomes a line on stderr and an exit code (after
httpie's ``core.raw_main``). Every error is one plain line, ``corpuscut: …``; a usage error
is followed by the command's usage and where to read more."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from typing import Iterator, TextIO

import typer

from corpuscut.errors import CorpuscutError
from corpuscut.text.names import printable

from .environment import Environment
from .output import JournalError
from .status import ExitStatus


class UsageError(Exception):
    """The options cannot be run as given; nothing was done."""


class InputsFailed(Exception):
    """Some inputs failed (each already reported); the others were done. The message, if any,
    lists them."""


class CannotWrite(Exception):
    """The output file or folder cannot be written."""


def say(env: Environment, message: str) -> None:
    """One line on stderr, never wrapped or styled."""
    write_line(env.stderr, message)


def write_line(stream: TextIO, message: str) -> None:
    """``corpuscut: message`` on one line; control characters (from a file name, say) shown as
    escapes, never sent to the terminal."""
    stream.write(f"corpuscut: {printable(' '.join(message.split()), keep_newlines=False)}\n")
    stream.flush()


def usage_hint(ctx: typer.Context | None) -> str:
    """The line after a usage error: the command's usage, and where to read more."""
    if ctx is None:
        return "Usage: corpuscut COMMAND [OPTIONS] [INPUT]...  (corpuscut --help for more)\n"
    usage = " ".join(ctx.get_usage().split())
    return f"{usage}  ({ctx.command_path} --help for more)\n"


def say_usage_error(stream: TextIO, message: str, ctx: typer.Context | None) -> None:
    write_line(stream, f"error: {message}")
    stream.write(usage_hint(ctx))
    stream.flush()


#: Typer's wording of bad values, in plain words.
_PLAIN = [
    (re.compile(r"^Invalid value for '([^']+)'(?: / '[^']+')*: "), r"\1: "),
    (re.compile(r"^Missing option '([^']+)'(?: / '[^']+')*\."), r"\1 is required"),
    (re.compile(r"^Missing argument '([^']+)'\."), r"\1 is required"),
    (re.compile(r"Value error, "), ""),
    (re.compile(r"Input should be greater than or equal to (\S+)"), r"must be at least \1"),
    (re.compile(r"Input should be less than or equal to (\S+)"), r"must be at most \1"),
    (re.compile(r"Input should be a valid integer.*"), "must be a whole number"),
    (re.compile(r"Input should be a valid number.*"), "must be a number"),
    (re.compile(r"'([^']+)' is not one of (.*)\.$"), lambda m: f"'{m.group(1)}' is not one of {m.group(2).replace(chr(39), '')}"),
    (re.compile(r"^No such option: (\S+) \(Possible options: (.*)\)$"), lambda m: _suggest(f"no such option {m.group(1)}", m.group(1), m.group(2))),
    (re.compile(r"^No such option: (\S+) Did you mean (.*)\?$"), lambda m: _suggest(f"no such option {m.group(1)}", m.group(1), m.group(2))),
    (re.compile(r"^No such option: "), "no such option "),
    (re.compile(r"^No such command '([^']+)'\. Did you mean (.*)\?$"), lambda m: _suggest(f"no such command '{m.group(1)}'", m.group(1), m.group(2))),
    (re.compile(r"^No such command '([^']+)'\."), r"no such command '\1'"),
]


def close_names(typed: str, names: list[str]) -> list[str]:
    """The names a slip of the keyboard away from ``typed`` (a third of its letters, at least one,
    leading dashes and quotes aside), or that it begins, closest first. Typer's own guesses share little more than
    the dashes (``--bogus``: ``--body``, ``--cues``, ``--jobs``)."""
    from nltk.metrics.distance import edit_distance  # on a mistyped command line only

    bare = typed.strip("'\"").lstrip("-").lower()
    reach = max(1, len(bare) // 3)
    scored = [(edit_distance(bare, name.strip("'\"").lstrip("-").lower(), transpositions=True), name) for name in names]
    return [name for distance, name in sorted(scored)
            if distance <= reach or (len(bare) >= 3 and name.lstrip("-'\"").lower().startswith(bare))]


def _suggest(message: str, typed: str, names: str) -> str:
    """``message; did you mean a, b or c?`` from Typer's comma-separated names, keeping those
    close to what was typed; ``message`` alone where none is."""
    choices = close_names(typed, [name.strip() for name in names.split(",") if name.strip()])
    if not choices:
        return message
    listed = choices[0] if len(choices) == 1 else f"{', '.join(choices[:-1])} or {choices[-1]}"
    return f"{message}; did you mean {listed}?"


def plain_message(exc: typer.TyperException) -> str:
    """Typer's message for a bad command line, without its internals' wording: one sentence,
    a suggestion after a semicolon (``no such command 'splt'; did you mean 'split'?``)."""
    message = " ".join(exc.format_message().split())
    for pattern, replacement in _PLAIN:
        message = pattern.sub(replacement, message)  # type: ignore[arg-type]
    return message.rstrip(".")


@contextlib.contextmanager
def exit_codes(env: Environment, ctx: typer.Context | None = None) -> Iterator[None]:
    """Run a command (``ctx``: its context, for a usage error's usage line); turn its
    failures into the documented exit codes."""
    try:
        yield
    except UsageError as exc:
        say_usage_error(env.stderr, str(exc), ctx)
        raise typer.Exit(ExitStatus.USAGE) from None
    except (InputsFailed, CannotWrite, CorpuscutError, JournalError) as exc:
        if str(exc):
            say(env, str(exc))
        raise typer.Exit(ExitStatus.INPUT_FAILED) from None
    except KeyboardInterrupt:
        raise typer.Exit(ExitStatus.INTERRUPTED) from None  # cli.entry says so on stderr
    except BrokenPipeError:
        silence_stdout()
        raise typer.Exit(ExitStatus.BROKEN_PIPE) from None
    except OSError as exc:  # standard output cannot be written (closed, a full device)
        say(env, f"standard output: cannot write ({exc.strerror or exc})")
        silence_stdout()
        raise typer.Exit(ExitStatus.INPUT_FAILED) from None


def silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the final flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())

"""The one place where what went wrong becomes a line on stderr and an exit code (after
httpie's ``core.raw_main``)."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Iterator

import typer

from corpuscut.errors import CorpuscutError
from corpuscut.segmenter.names import printable

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
    """One line on stderr, never wrapped or styled; control characters (from a file name, say)
    shown as escapes, never sent to the terminal."""
    env.stderr.write(f"corpuscut: {printable(' '.join(message.split()), keep_newlines=False)}\n")
    env.stderr.flush()


@contextlib.contextmanager
def exit_codes(env: Environment) -> Iterator[None]:
    """Run a command; turn its failures into the documented exit codes."""
    try:
        yield
    except UsageError as exc:
        say(env, f"error: {exc}")
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

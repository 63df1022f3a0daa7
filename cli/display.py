"""What a person sees on stderr while a run goes, and the pager a long preview goes through.

The progress bar (inputs done, and bytes read where the inputs' sizes are known, so that one
large input shows it too) lives on stderr and is taken off the screen before anything else is
printed there or on a terminal stdout, then drawn again below it: a line never mixes with it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
from typing import Any, Iterator

from .environment import Environment
from .errors import say, write_line
from .text import fit

#: A single input at least this large gets a progress bar (about one section of work).
LARGE_INPUT = 2_000_000
#: The shell's exit status when the pager's command does not exist.
COMMAND_NOT_FOUND = 127


class Display:
    """The progress of a run over ``sources`` on stderr (only on a terminal, never with -q)."""

    def __init__(self, env: Environment, sources: list[str], quiet: bool, colour: str, stdout_shared: bool) -> None:
        self.env = env
        #: Whether stdout is the same screen (a terminal), so that writing to it clears the bar too.
        self.stdout_shared = stdout_shared
        self.progress: Any = None
        self.sources = len(sources)
        self.done_inputs = 0
        self.done_bytes = 0
        sizes = [_size(s) for s in sources]
        self.total_bytes = sum(sizes) if sizes and all(n is not None for n in sizes) else None  # type: ignore[misc]
        if quiet or not env.stderr_isatty:
            return
        if self.sources < 2 and (self.total_bytes or 0) < LARGE_INPUT:
            return
        from rich.progress import (
            BarColumn, DownloadColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn,
            TimeRemainingColumn,
        )

        # The spinner and the elapsed time move while the first section is still being worked
        # on (a 2 MB section of a digest can take half a minute on a busy machine): a bar that
        # stood at 0.0 MB that long looked hung.
        columns: list[Any] = [SpinnerColumn(), TextColumn("corpuscut"), TextColumn("{task.description}"), BarColumn()]
        columns.append(DownloadColumn() if self.total_bytes else MofNCompleteColumn())
        columns += [TimeElapsedColumn(), TimeRemainingColumn()]
        self.progress = Progress(*columns, console=env.error_console(colour), transient=True)
        total = self.total_bytes or self.sources
        self.task = self.progress.add_task(self._description(sources[0] if sources else ""), total=total)

    def _description(self, source: str) -> str:
        if self.sources > 1:
            return f"{self.done_inputs}/{self.sources} inputs"
        return fit(source, 30)

    def __enter__(self) -> "Display":
        if self.progress is not None:
            self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()

    def reading(self, doc: Any, done_chars: int | None = None) -> None:
        """Part of ``doc`` was read and its records made, up to character ``done_chars`` of its
        text where that is known (a record of a JSON Lines or WARC input: the input's bytes
        read so far)."""
        if self.progress is not None and self.total_bytes:
            read = getattr(doc, "input_read", None)
            if read is None:
                read = getattr(doc, "size_bytes", 0)
                if done_chars is not None and getattr(doc, "compression", None) is None:
                    # Reading runs sections ahead of the work done: the text's records reach
                    # this far (a character is at least a byte, so this never runs ahead).
                    read = min(read, done_chars)
            self.progress.update(self.task, completed=self.done_bytes + read)

    def input_done(self, source: str) -> None:
        self.done_inputs += 1
        self.done_bytes += _size(source) or 0
        if self.progress is not None:
            completed = self.done_bytes if self.total_bytes else self.done_inputs
            self.progress.update(self.task, completed=completed, description=self._description(source))

    @contextlib.contextmanager
    def cleared(self, stdout: bool = True) -> Iterator[None]:
        """The bar off the screen while something is printed (on stdout, where it is the same
        screen, or on stderr), then drawn again."""
        live = self.progress is not None and self.progress.live.is_started and (self.stdout_shared or not stdout)
        if live:
            self.progress.stop()
        try:
            yield
        finally:
            if live:
                self.progress.start()

    def say(self, message: str) -> None:
        with self.cleared(stdout=False):
            say(self.env, message)


def _size(source: str) -> int | None:
    if source == "-":
        return None
    try:
        return os.path.getsize(source) if os.path.isfile(source) else 0
    except OSError:
        return 0


def page(env: Environment, text: str) -> None:
    """Show ``text`` through the pager (``env.pager``; ``LESS=FRX`` unless set, as git does), or
    write it where there is none. Ctrl-C belongs to the pager while it runs."""
    command = env.pager.strip()
    if not command or command == "cat":
        env.stdout.write(text)
        env.stdout.flush()
        return
    environ = dict(os.environ)
    environ.setdefault("LESS", "FRX")
    environ.setdefault("LV", "-c")
    env.stdout.flush()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        try:
            pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=environ)
        except OSError:
            env.stdout.write(text)
            return
        with contextlib.suppress(BrokenPipeError, OSError):  # the reader quit before the end
            assert pager.stdin is not None
            pager.stdin.write(text.encode("utf-8", "replace"))
            pager.stdin.close()
        if pager.wait() == COMMAND_NOT_FOUND:  # no such pager here: the text, as it is
            env.stdout.write(text)
            env.stdout.flush()
    finally:
        signal.signal(signal.SIGINT, previous)


class LibraryNotes(logging.Handler):
    """The libraries' notes (the ``corpuscut`` logger, INFO and above: a first run compiling
    its kernels) as lines on stderr, through the display once it is up, each note once: worker
    processes forked from the command share the notes already said (two workers compiling at
    once say it once)."""

    def __init__(self, env: Environment) -> None:
        import multiprocessing

        super().__init__(logging.INFO)
        self.env = env
        self.display: Display | None = None
        self.pid = os.getpid()
        #: Hashes of the notes said, in memory the forked workers share.
        self.said = multiprocessing.Array("q", 8)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
            key = hash(message) or 1
            with self.said.get_lock():
                if key in self.said[:]:
                    return
                free = self.said[:].index(0) if 0 in self.said[:] else len(self.said) - 1
                self.said[free] = key
            if os.getpid() != self.pid:
                write_line(sys.stderr, message)
            elif self.display is not None:
                self.display.say(message)
            else:
                say(self.env, message)
        except Exception:
            self.handleError(record)


@contextlib.contextmanager
def library_notes(env: Environment, quiet: bool) -> Iterator[LibraryNotes | None]:
    """The libraries' notes shown while a run goes (none with -q)."""
    if quiet:
        yield None
        return
    logger = logging.getLogger("corpuscut")
    handler = LibraryNotes(env)
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)

"""One object that knows the streams and the terminal (after httpie's ``context.py``).

Commands take it from ``ctx.obj``; tests inject their own instead of patching ``isatty()``.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field
from typing import IO, BinaryIO, TextIO

from rich.console import Console


@dataclass
class Environment:
    """Streams, whether they are terminals, the terminal's size, and the settings the
    environment gives (NO_COLOR, FORCE_COLOR, PAGER, CORPUSCUT_DEBUG)."""

    stdin: BinaryIO = field(default_factory=lambda: sys.stdin.buffer)
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    stdin_isatty: bool = field(default_factory=lambda: _isatty(sys.stdin))
    stdout_isatty: bool = field(default_factory=lambda: _isatty(sys.stdout))
    stderr_isatty: bool = field(default_factory=lambda: _isatty(sys.stderr))
    #: NO_COLOR (https://no-color.org): no colour unless --color always asks for it.
    no_color: bool = field(default_factory=lambda: bool(os.environ.get("NO_COLOR")))
    #: FORCE_COLOR: colour even where the output is not a terminal (unless NO_COLOR).
    force_color: bool = field(default_factory=lambda: bool(os.environ.get("FORCE_COLOR")))
    #: Re-raise unexpected errors with their traceback (tests; CORPUSCUT_DEBUG=1).
    debug: bool = field(default_factory=lambda: bool(os.environ.get("CORPUSCUT_DEBUG")))
    width: int | None = None
    #: Lines on the terminal (for deciding whether a preview needs the pager).
    height: int = field(default_factory=lambda: shutil.get_terminal_size((80, 24)).lines)
    #: The pager's command line: CORPUSCUT_PAGER, else PAGER, else ``less -R`` (as git and bat).
    pager: str = field(default_factory=lambda: os.environ.get("CORPUSCUT_PAGER") or os.environ.get("PAGER") or "less -R")

    @classmethod
    def from_system(cls) -> "Environment":
        stdin = getattr(sys.stdin, "buffer", None) or sys.stdin
        return cls(stdin=stdin)  # type: ignore[arg-type]

    def colour(self, when: str, isatty: bool) -> bool:
        """Whether to colour a stream, for ``--color`` ``when`` (auto, always or never)."""
        if when != "auto":
            return when == "always"
        if self.no_color:
            return False
        return isatty or self.force_color

    def console(self, when: str = "auto", file: TextIO | None = None) -> Console:
        """A console on stdout (or ``file`` in its place), built now so it sees the colour
        settings of this run. Without colour it writes plain text: no escape codes at all."""
        return self._console(file or self.stdout, self.stdout_isatty, self.colour(when, self.stdout_isatty))

    def error_console(self, when: str = "auto") -> Console:
        """A console on stderr for progress, warnings and errors."""
        return self._console(self.stderr, self.stderr_isatty, self.colour(when, self.stderr_isatty))

    def _console(self, file: TextIO, isatty: bool, colour: bool) -> Console:
        return Console(
            file=file,
            force_terminal=isatty or colour,
            color_system="auto" if colour else None,
            no_color=not colour,
            width=self.width,
            highlight=False,
            soft_wrap=False,
        )


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False

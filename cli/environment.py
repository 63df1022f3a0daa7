"""One object that knows the streams and the terminal (after httpie's ``context.py``).

Commands take it from ``ctx.obj``; tests inject their own instead of patching ``isatty()``.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import IO, BinaryIO, TextIO

from rich.console import Console


@dataclass
class Environment:
    """Streams, whether they are terminals, and the colour and debug settings."""

    stdin: BinaryIO = field(default_factory=lambda: sys.stdin.buffer)
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    stdout_isatty: bool = field(default_factory=lambda: _isatty(sys.stdout))
    stderr_isatty: bool = field(default_factory=lambda: _isatty(sys.stderr))
    no_color: bool = field(default_factory=lambda: bool(os.environ.get("NO_COLOR")))
    #: Re-raise unexpected errors with their traceback (tests; CORPUSCUT_DEBUG=1).
    debug: bool = field(default_factory=lambda: bool(os.environ.get("CORPUSCUT_DEBUG")))
    width: int | None = None

    @classmethod
    def from_system(cls) -> "Environment":
        stdin = getattr(sys.stdin, "buffer", None) or sys.stdin
        return cls(stdin=stdin)  # type: ignore[arg-type]

    def console(self, no_color: bool = False) -> Console:
        """A console on stdout, built now so it sees the colour settings of this run. Without
        colour (NO_COLOR, --no-color) it writes plain text: no escape codes at all."""
        return self._console(self.stdout, self.stdout_isatty, no_color)

    def error_console(self, no_color: bool = False) -> Console:
        """A console on stderr for progress, warnings and errors."""
        return self._console(self.stderr, self.stderr_isatty, no_color)

    def _console(self, file: TextIO, isatty: bool, no_color: bool) -> Console:
        plain = self.no_color or no_color
        return Console(
            file=file,
            force_terminal=isatty,
            color_system=None if plain else "auto",
            no_color=plain,
            width=self.width,
            highlight=False,
            soft_wrap=False,
        )


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False

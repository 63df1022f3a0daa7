"""The console script's entry point: Ctrl-C at any moment is one line on stderr and exit 130
(SIGTERM: exit 143, cleaned up the same way).

The command's modules take most of a second to import; a Ctrl-C in that time, or while Typer
parses options (Typer turns it into a silent exit 130), or inside a library that swallows the
interrupt, must still end the same way. So the handler is installed before anything heavy is
imported, and the interruption is remembered rather than inferred from where it surfaced.
"""

from __future__ import annotations

import errno
import io
import os
import signal
import sys
from types import FrameType

from .status import ExitStatus


def main() -> None:
    """Run the command; report an interruption once, whatever it interrupted."""
    interrupted = False
    terminated = False

    def on_interrupt(signum: int, frame: FrameType | None) -> None:
        nonlocal interrupted
        if interrupted:
            return  # a second Ctrl-C would break off the clean-up the first one started
        interrupted = True
        raise KeyboardInterrupt

    def on_terminate(signum: int, frame: FrameType | None) -> None:
        # SIGTERM unwinds as Ctrl-C does: workers stopped, temporary files removed.
        nonlocal interrupted, terminated
        terminated = True
        if interrupted:
            return  # (``timeout`` signals the process, then its group: the same signal twice)
        interrupted = True
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, on_interrupt)
    signal.signal(signal.SIGTERM, on_terminate)
    _closed_streams()
    if not os.environ.get("CORPUSCUT_DEBUG"):
        # Libraries' warnings (deprecations, a dependency's own complaints) are not the
        # user's business: stderr holds only our progress, warnings and errors.
        import warnings

        warnings.simplefilter("ignore")
    _pad_heap()
    code: int | str | None = ExitStatus.SUCCESS
    try:
        from corpuscut.batch.processes import collect_garbage_rarely

        from .app import main as run

        collect_garbage_rarely()
        run()
    except KeyboardInterrupt:
        interrupted = True
    except SystemExit as exc:
        code = exc.code
    except Exception:
        # An interruption can surface as another error: a module the Ctrl-C left half
        # imported fails on its next import. After a Ctrl-C that is still the interruption.
        if not interrupted:
            raise
    if interrupted:
        # A signal that comes while the interpreter shuts down would kill it by the default
        # handler (exit -2 for the caller), so the rest of the way is deaf to them.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if terminated:
        sys.stderr.write("corpuscut: terminated\n")
        code = ExitStatus.TERMINATED
    elif interrupted or code == ExitStatus.INTERRUPTED:
        sys.stderr.write("corpuscut: interrupted\n")
        code = ExitStatus.INTERRUPTED
    sys.exit(code)


#: glibc's M_TOP_PAD: how much memory beyond a request its allocator takes from the system
#: when the heap grows, and keeps when memory is freed. Each section of a split builds and
#: frees some tens of MB of arrays and lists; with glibc's default (128 KB) the heap is
#: trimmed after every section and its pages are faulted in again by the next one. Padded,
#: a split faults about a quarter as many pages and two jobs run measurably quicker, with
#: the same peak memory (pages never touched are not resident). See the batch benchmark's history in
#: CHANGELOG.md (its 2026-12-02 entries).
HEAP_PAD = 256 * 2**20
M_TOP_PAD = -2


def _pad_heap() -> None:
    """Pad this process's heap (glibc only) and, through the environment glibc reads at
    start, that of any worker started afresh; forked workers inherit it. A value the user set
    is kept."""
    pad = os.environ.setdefault("MALLOC_TOP_PAD_", str(HEAP_PAD))
    try:
        if not os.confstr("CS_GNU_LIBC_VERSION"):
            return
        import ctypes

        ctypes.CDLL(None).mallopt(M_TOP_PAD, int(pad))
    except (AttributeError, OSError, ValueError):  # not glibc, or a value glibc ignores too
        pass


class _ClosedOutput(io.TextIOBase):
    """Standard output when the command was started with it closed (``>&-``): writing to it
    fails as writing to a closed descriptor does, and the command reports that in one line."""

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def fileno(self) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))


def _closed_streams() -> None:
    """Python sets a standard stream that was closed at start to None: stdout becomes one whose
    writes fail (so that a run with --output still works), stderr a sink."""
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")

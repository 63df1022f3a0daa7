"""The console script's entry point: Ctrl-C at any moment is one line on stderr and exit 130.

The command's modules take most of a second to import; a Ctrl-C in that time, or while Typer
parses options (Typer turns it into a silent exit 130), or inside a library that swallows the
interrupt, must still end the same way. So the handler is installed before anything heavy is
imported, and the interruption is remembered rather than inferred from where it surfaced.
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType

from .status import ExitStatus


def main() -> None:
    """Run the command; report an interruption once, whatever it interrupted."""
    interrupted = False

    def on_interrupt(signum: int, frame: FrameType | None) -> None:
        nonlocal interrupted
        interrupted = True
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, on_interrupt)
    # One BLAS thread, set before numpy is loaded: pool workers forked from this process
    # inherit numpy as loaded here, and with the default (a thread per core) their BLAS
    # threads would fight the workers for the cores (summarizer.pipeline._pool_context).
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    code: int | str | None = ExitStatus.SUCCESS
    try:
        from summarizer.pipeline import collect_garbage_rarely

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
    if interrupted or code == ExitStatus.INTERRUPTED:
        sys.stderr.write("corpuscut: interrupted\n")
        code = ExitStatus.INTERRUPTED
    sys.exit(code)

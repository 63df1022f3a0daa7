"""Exit codes, documented in the README (after httpie's ``status.py``)."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """What ``corpuscut`` exits with."""

    SUCCESS = 0  #: every input was done
    INPUT_FAILED = 1  #: at least one input failed (missing, binary, undecodable); the others were done
    USAGE = 2  #: bad option or argument; nothing was done
    INTERRUPTED = 130  #: Ctrl-C (128 + SIGINT); any output file is left as it was
    BROKEN_PIPE = 141  #: the reader of stdout went away (128 + SIGPIPE), e.g. ``| head``
    TERMINATED = 143  #: SIGTERM (128 + 15); cleaned up as after Ctrl-C

"""Where output goes: stdout, or a file written atomically (temporary file, then rename)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator, TextIO


@contextlib.contextmanager
def atomic_text_file(path: Path) -> Iterator[TextIO]:
    """Yield a file beside ``path``; it replaces ``path`` only if the block ends normally,
    so an interrupted run leaves no half-written file."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _mode_for(path: Path) -> int:
    """The mode a plain ``open(path, "w")`` would give: the old file's, or 0666 less the umask
    (mkstemp's own 0600 would hide the output from the user's group)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    with atomic_text_file(path) as handle:
        handle.write(text)


class Journal:
    """``--resume``: the output grows in ``FILE.partial``; after each input is complete, the
    partial file's length and the input's name are appended to ``FILE.partial.done``. A run
    that is stopped leaves both; the next run with ``--resume`` cuts the partial file back to
    the last complete input, skips the inputs already complete, and appends. A finished run
    renames the partial file to FILE. A finished FILE's inputs (those with records in it)
    count as complete too."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.partial = path.with_name(path.name + ".partial")
        self.journal = path.with_name(path.name + ".partial.done")
        self.done: set[str] = set()
        self.handle: TextIO | None = None
        self.marked = 0

    def open(self) -> TextIO:
        """The partial file, open for appending, and ``done`` filled in."""
        import orjson

        if self.partial.exists() and self.journal.exists():
            for line in self.journal.read_text(encoding="utf-8").splitlines():
                with contextlib.suppress(ValueError):
                    entry = orjson.loads(line)
                    self.done.add(entry["source"])
                    self.marked = int(entry["bytes"])
        elif self.path.exists():
            with open(self.path, "rb") as finished:
                for line in finished:
                    with contextlib.suppress(ValueError):
                        self.done.add(orjson.loads(line)["source"].split("#", 1)[0])
            import shutil

            shutil.copyfile(self.path, self.partial)
            self.marked = self.partial.stat().st_size
        else:
            self.partial.write_bytes(b"")
        with open(self.partial, "r+b") as raw:
            raw.truncate(self.marked)  # drop an input that was half written when the run stopped
        self.handle = open(self.partial, "a", encoding="utf-8", newline="")
        if not self.journal.exists():
            self.journal.write_text("", encoding="utf-8")
        return self.handle

    def mark(self, source: str) -> None:
        """``source`` is complete: its records are on disk."""
        import orjson

        assert self.handle is not None
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.marked = self.handle.tell()
        with open(self.journal, "ab") as journal:
            journal.write(orjson.dumps({"bytes": self.marked, "source": source}) + b"\n")
            journal.flush()
            os.fsync(journal.fileno())

    def discard(self) -> None:
        """Drop what was written since the last complete input (an input that failed)."""
        assert self.handle is not None
        self.handle.flush()
        self.handle.truncate(self.marked)

    def finish(self) -> None:
        """The run is over: the partial file becomes FILE."""
        assert self.handle is not None
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        os.replace(self.partial, self.path)
        self.journal.unlink(missing_ok=True)

    def close(self) -> None:
        if self.handle is not None and not self.handle.closed:
            self.handle.close()

"""Where output goes: stdout, a file written atomically, a device or FIFO written directly,
or a folder of files (``--out-dir``).

Nothing but a regular file (or a new path) is ever renamed over: ``-o`` behaves as a shell's
``cmd > FILE`` does, except that a regular file is replaced only once the run has finished. A
temporary file is named ``.NAME.PID.XXXXXXXX.part`` beside its target; one left behind by a
process that was killed outright (SIGKILL, a power cut) is removed by the next run that writes
the same target, once its PID is no longer running.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import os
import signal
import stat
import tempfile
from pathlib import Path
from typing import Any, BinaryIO, Iterator, TextIO

TEMP_SUFFIX = ".part"


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def output_target(path: Path) -> tuple[str, Path]:
    """How ``-o path`` is written: ``("replace", file)`` for a regular file or a new path
    (a symbolic link stands for the file it points to, and is kept), or ``("direct", path)``
    for a character device or a FIFO, written as a shell's redirection would. Anything else
    (a directory, a block device, a socket, a link loop) raises OSError."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return "replace", path
    if stat.S_ISLNK(info.st_mode):
        real = Path(os.path.realpath(path))
        try:
            info = os.stat(real)
        except FileNotFoundError:
            return "replace", real  # a dangling link: its target is created, the link kept
        except OSError as exc:
            raise OSError(exc.errno, f"cannot follow the symbolic link ({exc.strerror})") from exc
        path = real
    if stat.S_ISREG(info.st_mode):
        return "replace", path
    if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
        return "direct", path
    raise OSError(errno.EISDIR if stat.S_ISDIR(info.st_mode) else errno.EINVAL, f"is {_kind(info.st_mode)}, not written")


@contextlib.contextmanager
def atomic_text_file(path: Path) -> Iterator[TextIO]:
    """Yield a handle for ``-o path``. For a regular file or a new path, a temporary file
    beside it that replaces it only if the block ends normally, so an interrupted run leaves
    no half-written file; a device or FIFO is written directly (``-o /dev/null`` never turns
    /dev/null into a file, and ``-o /dev/full`` reports its write error)."""
    how, target = output_target(path)
    if how == "direct":
        handle = open(target, "w", encoding="utf-8", newline="")
        try:
            yield handle
            handle.flush()
        except BaseException:
            with contextlib.suppress(OSError):
                handle.close()
            raise
        handle.close()
        return
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_parts(folder, target.name)
    tmp: str | None = None
    try:
        with _interrupts_held():
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=folder)
        os.chmod(tmp, _mode_for(target))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if output_target(path) != ("replace", target):  # swapped for something else meanwhile
            raise OSError(errno.EEXIST, "was replaced by another kind of file while being written")
        os.replace(tmp, target)
    except BaseException:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back while a temporary file is created and its name kept: a
    signal that lands as the file is made (after the system call, before the name is stored)
    would otherwise stop the run with the file on disk and nothing left to remove it. A signal
    held back is handled as the block ends, by which time the caller can clean up."""
    held = {signal.SIGINT, signal.SIGTERM}
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, OSError, ValueError):  # no signal masks on this system
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _mode_for(path: Path) -> int:
    """The permission bits a plain ``open(path, "w")`` would leave: the old file's (never its
    set-user-ID, set-group-ID or sticky bits), or 0666 less the umask (mkstemp's own 0600
    would hide the output from the user's group)."""
    try:
        return os.lstat(path).st_mode & 0o777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _stale(entry: str, name: str | None) -> bool:
    """Whether ``entry`` is a temporary file (of ``name``, or of any file when None) left by
    a process that is gone."""
    if not entry.startswith(".") or not entry.endswith(TEMP_SUFFIX):
        return False
    if name is not None:
        if not entry.startswith(f".{name}."):
            return False
        pid = entry[len(name) + 2:].split(".", 1)[0]
    else:
        parts = entry[: -len(TEMP_SUFFIX)].rsplit(".", 2)
        pid = parts[1] if len(parts) == 3 else ""
    if not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def is_stale_part(entry: str) -> bool:
    """Whether ``entry`` is a temporary file that a process no longer running left behind."""
    return _stale(entry, None)


def remove_stale_parts(folder: Path | str, name: str | None, dir_fd: int | None = None) -> None:
    """Remove the temporary files of ``name`` (of every file, when None) that killed runs left
    in ``folder``: only regular files of this user, named by a process that no longer runs."""
    try:
        entries = os.listdir(dir_fd if dir_fd is not None else folder)
    except OSError:
        return
    for entry in entries:
        if not _stale(entry, name):
            continue
        with contextlib.suppress(OSError):
            where = entry if dir_fd is not None else os.path.join(folder, entry)
            info = os.lstat(where, dir_fd=dir_fd)
            if stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid():
                os.unlink(where, dir_fd=dir_fd)


class OutputFolder:
    """A folder that files are written into atomically, by descriptor: a symbolic link planted
    inside it is never followed (a sub-folder that is one is refused; a file that is one is
    replaced by the new file, its target left alone), and new files get the mode a plain
    ``open`` gives (0666 less the umask), never an old file's."""

    def __init__(self, path: Path, fd: int | None = None) -> None:
        self.path = path
        if fd is None:
            os.makedirs(path, exist_ok=True)  # the folder the user named may itself be a link
            fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        self.fd = fd
        remove_stale_parts(path, None, dir_fd=fd)

    def subfolder(self, name: str) -> "OutputFolder":
        """The sub-folder ``name`` (made if missing); OSError if it is a link or not a folder."""
        with contextlib.suppress(FileExistsError):
            os.mkdir(name, dir_fd=self.fd)
        try:
            fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=self.fd)
        except OSError as exc:
            if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                raise OSError(exc.errno, f"{self.path / name} is a symbolic link or not a folder; not followed") from exc
            raise
        return OutputFolder(self.path / name, fd)

    def write(self, name: str, text: str, sync: bool = False) -> None:
        """Write ``name`` through a temporary file renamed over it (the rename replaces a link
        itself, never what it points to)."""
        data = text.encode("utf-8")
        tmp: str | None = None
        try:
            for _ in range(100):
                candidate = f".{name}.{os.getpid()}.{os.urandom(4).hex()}{TEMP_SUFFIX}"
                try:
                    with _interrupts_held():
                        fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666,
                                     dir_fd=self.fd)
                        tmp = candidate
                    break
                except FileExistsError:
                    continue
            else:
                raise OSError(errno.EEXIST, f"cannot make a temporary file in {self.path}")
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                if sync:
                    handle.flush()
                    os.fsync(handle.fileno())
            os.replace(tmp, name, src_dir_fd=self.fd, dst_dir_fd=self.fd)
        except BaseException:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp, dir_fd=self.fd)
            raise

    def read(self, name: str) -> str | None:
        """The text of the regular file ``name`` (never through a link), or None if there is none."""
        try:
            fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=self.fd)
        except OSError:
            return None
        with os.fdopen(fd, "rb") as handle:
            return handle.read().decode("utf-8", "replace")

    def remove(self, relative: str) -> None:
        """Remove the file ``relative`` (a name, or ``folder/name``), then its folder if that is
        left empty; links are removed themselves, never followed; what cannot be removed stays."""
        parts = relative.split("/")
        if len(parts) > 2 or any(part in ("", ".", "..") for part in parts):
            return
        if len(parts) == 1:
            with contextlib.suppress(OSError):
                if not stat.S_ISDIR(os.lstat(parts[0], dir_fd=self.fd).st_mode):
                    os.unlink(parts[0], dir_fd=self.fd)
            return
        try:
            sub = os.open(parts[0], os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=self.fd)
        except OSError:
            return
        try:
            OutputFolder(self.path / parts[0], sub).remove(parts[1])
        finally:
            os.close(sub)
        with contextlib.suppress(OSError):
            os.rmdir(parts[0], dir_fd=self.fd)

    def close(self) -> None:
        """Flush the folder's entries to disk and let go of it."""
        if self.fd < 0:
            return
        with contextlib.suppress(OSError):
            os.fsync(self.fd)
        os.close(self.fd)
        self.fd = -1


def _lines(raw: BinaryIO) -> int:
    """The lines of a file open for reading, counted from its start (a record is a line)."""
    raw.seek(0)
    total = 0
    while chunk := raw.read(1 << 20):
        total += chunk.count(b"\n")
    return total


class JournalError(Exception):
    """``--resume`` cannot go on: the output is another run's, not ours, or inconsistent."""


def file_identity(source: str) -> str | None:
    """What identifies an input file's content for ``--resume``: its size and modification
    time (None for what is not a regular file)."""
    try:
        info = os.stat(source)
    except OSError:
        return None
    return f"{info.st_size}:{info.st_mtime_ns}" if stat.S_ISREG(info.st_mode) else None


class HashingReader(io.RawIOBase):
    """Standard input read through a SHA-256, so that ``--resume`` can tell whether the data
    on standard input is the data the stopped run read."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.hash = hashlib.sha256()
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.stream.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.hash.update(data)
        self.count += n
        return n

    def identity(self) -> str:
        return f"{self.count}:sha256:{self.hash.hexdigest()}"

    def drain(self) -> str:
        """Read the rest and return the identity of all of it."""
        while self.read(1 << 20):
            pass
        return self.identity()


class Journal:
    """``--resume``: the output grows in ``FILE.partial``; after each input is complete, the
    partial file's length, the input's name and what identifies its content (size and
    modification time; for standard input its size and SHA-256) are appended to
    ``FILE.partial.done``. A run that is stopped leaves both; the next run with ``--resume``
    cuts the partial file back to the last complete input, skips the inputs already complete
    (if they are unchanged), and appends. A finished run renames the partial file to FILE. A
    finished FILE's inputs (those with records in it) count as complete too, by name. Only
    one run at a time may write: the journal is locked (``fcntl.flock``) for the run."""

    def __init__(self, path: Path, naming: dict[str, str | None] | None = None) -> None:
        self.path = path
        #: The options that name an input's records (``--id-field``): an input the stopped run
        #: read with others is not taken as done.
        self.naming = {name: value for name, value in (naming or {}).items() if value is not None}
        self.partial = path.with_name(path.name + ".partial")
        self.journal = path.with_name(path.name + ".partial.done")
        #: Inputs complete, with the identity of their content (None: not known).
        self.done: dict[str, str | None] = {}
        #: The naming options each input complete in the journal was read with.
        self.named: dict[str, dict[str, str]] = {}
        self.handle: TextIO | None = None
        self.marked = 0
        self.lock: int | None = None
        #: Whether ``done`` was read from a finished FILE (inputs known by name only).
        self.from_finished = False
        #: The records kept from the stopped run (or the finished FILE) that this run appends to.
        self.kept = 0

    def is_done(self, source: str, identity: str | None) -> bool:
        """Whether ``source`` is complete; JournalError if it is, but its content changed."""
        if source not in self.done:
            return False
        recorded = self.done[source]
        if recorded is not None and identity is not None and recorded != identity:
            shown = "standard input" if source == "-" else source
            raise JournalError(f"{shown} is not what the stopped run read (its size, time or content changed); "
                               f"remove {self.partial.name} and {self.journal.name} to start afresh")
        named = self.named.get(source)
        if named is not None and named != self.naming:
            shown = "standard input" if source == "-" else source
            before = ", ".join(f"{k} {v}" for k, v in named.items()) or "no --text-field or --id-field"
            raise JournalError(f"{shown} was read by the stopped run with {before}, which names its records "
                               f"otherwise; give the same options, or remove {self.partial.name} and "
                               f"{self.journal.name} to start afresh")
        return True

    def _lock(self) -> None:
        import fcntl

        fd = os.open(self.journal, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            raise JournalError(f"{self.path} is being written by another corpuscut --resume run") from exc
        self.lock = fd

    def open(self) -> TextIO:
        """The partial file, open for appending, and ``done`` filled in."""
        had_journal = self.journal.exists()
        self._lock()
        try:
            if self.partial.exists() and had_journal:
                self._read_journal()
            elif self.path.exists():
                self._read_finished()
                import shutil

                shutil.copyfile(self.path, self.partial)
                self.marked = self.partial.stat().st_size
            else:
                self.partial.write_bytes(b"")
            with open(self.partial, "r+b") as raw:
                raw.truncate(self.marked)  # drop an input that was half written when the run stopped
                self.kept = _lines(raw)
            self.handle = open(self.partial, "a", encoding="utf-8", newline="")
        except BaseException:
            self.close()
            if not had_journal:  # a refused run leaves no empty journal of its own behind
                with contextlib.suppress(OSError):
                    if self.journal.stat().st_size == 0:
                        self.journal.unlink()
            raise
        return self.handle

    def _read_journal(self) -> None:
        import orjson

        lines = self.journal.read_bytes().split(b"\n")
        size = self.partial.stat().st_size
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                entry = orjson.loads(line)
                source, marked = entry["source"], int(entry["bytes"])
                if not isinstance(source, str) or not self.marked <= marked <= size:
                    raise ValueError(marked)
            except (ValueError, KeyError, TypeError) as exc:
                if number == len(lines) or (number == len(lines) - 1 and not lines[-1]):
                    break  # the last entry, cut short when the run was killed: the input is redone
                raise JournalError(f"{self.journal} does not match {self.partial.name} (line {number}); "
                                   "remove both to start afresh") from exc
            self.done[source] = entry.get("identity")
            if isinstance(entry.get("naming"), dict):
                self.named[source] = entry["naming"]
            self.marked = marked

    def _read_finished(self) -> None:
        import orjson

        with open(self.path, "rb") as finished:
            for number, line in enumerate(finished, start=1):
                if not line.strip():
                    continue
                try:
                    record = orjson.loads(line)
                    source = record["source"]
                    if not isinstance(source, str):
                        raise TypeError(source)
                except (ValueError, KeyError, TypeError) as exc:
                    raise JournalError(f"{self.path} is not a JSON Lines output of corpuscut (line {number}); "
                                       "nothing is appended to it") from exc
                self.done.setdefault(source.split("#", 1)[0], None)
        self.from_finished = True

    def mark(self, source: str, identity: str | None = None) -> None:
        """``source`` is complete: its records are on disk."""
        import orjson

        assert self.handle is not None
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.marked = self.handle.tell()
        entry = {"bytes": self.marked, "source": source, **({"identity": identity} if identity else {}),
                 "naming": self.naming}
        with open(self.journal, "ab") as journal:
            journal.write(orjson.dumps(entry) + b"\n")
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
        self.close()

    def close(self) -> None:
        if self.handle is not None and not self.handle.closed:
            self.handle.close()
        if self.lock is not None:
            os.close(self.lock)  # releases the lock
            self.lock = None

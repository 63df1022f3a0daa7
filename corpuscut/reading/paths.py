"""Which files to read: ``-``, files, folders and glob patterns expanded to paths."""

from __future__ import annotations

import os
import re
import stat

STDIN = "-"
_DIGITS = re.compile(r"(\d+)")


def natural_key(name: str) -> list[object]:
    """Sorts names as people number them, as ``ls -v`` does: "part2" before "part10"."""
    return [int(piece) if k % 2 else piece for k, piece in enumerate(_DIGITS.split(name))]


class NotRegular(str):
    """The path of a special file (a FIFO, a device, a socket) found in a folder or by a glob:
    reading it fails at once with a line saying so, rather than block on it or read a device.
    (A special file named on the command line is read, as ``cat`` reads ``<(cmd)``.)"""

    kind: str = "a special file"


def _classified(path: str) -> str:
    """``path``, or a NotRegular for it when it is (or links to) a special file."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return path  # reading it reports why it cannot be read
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return path
    marked = NotRegular(path)
    marked.kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    return marked


def expand_inputs(patterns: list[str]) -> list[str]:
    """Paths to read: ``-`` stays, folders give their files (recursively, sorted as people
    number them, "part2" before "part10", hidden ones left out), globs give their matches
    (``**`` any depth of folders), sorted so too. Symbolic links to
    folders are not followed inside a folder or by ``**`` (a link loop cannot make the walk
    endless); special files found there are given as NotRegular. A pattern that matches
    nothing is kept as it is, so that reading it reports the missing file."""
    import glob

    if not patterns:
        return [STDIN]
    out: list[str] = []
    for pattern in patterns:
        if pattern == STDIN or os.path.isfile(pattern):
            out.append(pattern)
        elif os.path.isdir(pattern):
            out.extend(_walk(pattern) or [pattern])  # an empty folder is reported, not skipped
        elif glob.has_magic(pattern):
            matches = _glob(pattern)
            for match in matches:
                out.extend(_walk(match) if os.path.isdir(match) else [_classified(match)])
            if not matches:
                out.append(pattern)
        else:
            out.append(pattern)
    return list(dict.fromkeys(out))


def _walk(folder: str) -> list[str]:
    found = []
    for root, dirs, files in os.walk(folder):  # links to folders are listed, never entered
        dirs[:] = sorted((d for d in dirs if not d.startswith(".") and not os.path.islink(os.path.join(root, d))), key=natural_key)
        found.extend(_classified(os.path.join(root, f)) for f in sorted(files, key=natural_key) if not f.startswith("."))
    return found


def _glob(pattern: str) -> list[str]:
    """The sorted matches of a glob pattern. Without ``**`` as Python's glob gives them; with
    it, by one walk of the folder before the first wildcard that never enters a link to a
    folder (Python's own ``**`` follows them, and a loop of two links makes it endless)."""
    import glob

    if "**" not in pattern:
        return sorted(glob.glob(pattern), key=natural_key)
    parts = pattern.split(os.sep)
    fixed = 0
    while fixed < len(parts) - 1 and not glob.has_magic(parts[fixed]):
        fixed += 1
    root = os.sep.join(parts[:fixed]) or ("" if not pattern.startswith(os.sep) else os.sep)
    matcher = re.compile(_translate(parts[fixed:]), re.DOTALL)
    found = []
    for folder, dirs, files in os.walk(root or os.curdir):
        dirs[:] = sorted((d for d in dirs if not d.startswith(".") and not os.path.islink(os.path.join(folder, d))), key=natural_key)
        rel = os.path.relpath(folder, root or os.curdir)
        for name in [*dirs, *files]:
            if not name.startswith(".") and matcher.fullmatch(name if rel == os.curdir else f"{rel}/{name}"):
                found.append(os.path.join(folder, name) if root else os.path.normpath(os.path.join(folder, name)))
    return sorted(found, key=natural_key)


def _translate(parts: list[str]) -> str:
    """A regular expression for the path components ``parts`` of a glob pattern, relative to
    the folder walked: ``**`` is any number of folders, ``*`` and ``?`` stay within one name
    and never match a leading dot."""
    out = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            out.append("(?:[^/.][^/]*(?:/|$))*" if last else "(?:[^/.][^/]*/)*")
            continue
        component = "" if part.startswith(".") else "(?!\\.)"
        j = 0
        while j < len(part):
            char = part[j]
            if char == "*":
                component += "[^/]*"
            elif char == "?":
                component += "[^/]"
            elif char == "[" and "]" in part[j + 2:] or char == "[" and part[j + 1: j + 2] == "]":
                end = part.index("]", j + 2)
                body = part[j + 1: end]
                component += "[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]"
                j = end
            else:
                component += re.escape(char)
            j += 1
        out.append(component + ("" if last else "/"))
    return "".join(out)

"""Unix manners of the real program: a closed pipe, Ctrl-C, stdin, and no stray output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT, SAMPLES, SEED

CMD = [sys.executable, "-m", "corpuscut"]


def test_output_to_a_closed_pipe_ends_quietly():
    inputs = [str(p) for p in sorted(SAMPLES.glob("*.txt"))] * 20
    producer = subprocess.Popen([*CMD, "digest", *inputs], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    first = producer.stdout.readline()
    producer.stdout.close()  # what `| head -n 1` does
    _, err = producer.communicate(timeout=120)
    assert json.loads(first)["index"] == 1
    assert err == b"" and producer.returncode == 141


def test_help_to_a_pipe_closed_early_ends_quietly_with_141():
    # The reader is gone before the help is written (`corpuscut --help | head -n 1` whose head
    # already quit): Rich's and Click's own exit 1 on the broken pipe is ours, 141.
    read, write = os.pipe()
    os.close(read)
    done = subprocess.run([*CMD, "split", "--help"], stdout=write, stderr=subprocess.PIPE, cwd=ROOT, timeout=60)
    os.close(write)
    assert done.returncode == 141 and done.stderr == b""


def _loaded(pid: int, library: str) -> bool:
    with open(f"/proc/{pid}/maps", encoding="utf-8") as maps:
        return library in maps.read()


def _reading_a_pipe(pid: int) -> bool:
    with open(f"/proc/{pid}/wchan", encoding="utf-8") as wchan:
        return "pipe" in wchan.read()


@pytest.mark.parametrize("moment", ["importing", "waiting for input"])
def test_ctrl_c_at_any_moment_exits_130_with_one_line(moment):
    proc = subprocess.Popen([*CMD, "split", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT)
    if moment == "importing":  # numpy is loaded early; scipy, nltk and sumy come after it
        deadline = time.monotonic() + 30
        while not _loaded(proc.pid, "_multiarray_umath") and time.monotonic() < deadline:
            time.sleep(0.002)
    else:  # blocked reading the empty pipe: every import is done and the handlers are in place
        deadline = time.monotonic() + 60
        while not _reading_a_pipe(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.decode().strip() == "corpuscut: interrupted"


def test_cat_into_split_gives_clean_jsonl_on_stdout_only():
    data = b"".join(p.read_bytes() + b"\n" for p in sorted(SAMPLES.glob("*.txt")))
    done = subprocess.run([*CMD, "split", "-"], input=data, capture_output=True, cwd=ROOT, check=False)
    assert done.returncode == 0 and done.stderr == b""
    records = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert "".join(r["text"] for r in records) == data.decode()
    assert all(r["source"] == "-" for r in records)


def test_version_and_help():
    assert subprocess.run([*CMD, "--version"], capture_output=True, text=True, cwd=ROOT).stdout.startswith("corpuscut")
    shown = subprocess.run([*CMD, "digest", "--help"], capture_output=True, text=True, cwd=ROOT).stdout
    assert "Example: corpuscut digest" in shown and str(SEED.name) in shown


def test_the_command_pads_the_heap_for_its_workers_unless_the_user_chose_a_pad(monkeypatch):
    from corpuscut.cli import entry

    monkeypatch.delenv("MALLOC_TOP_PAD_", raising=False)
    entry._pad_heap()
    assert os.environ["MALLOC_TOP_PAD_"] == str(entry.HEAP_PAD)
    monkeypatch.setenv("MALLOC_TOP_PAD_", "1048576")
    entry._pad_heap()
    assert os.environ["MALLOC_TOP_PAD_"] == "1048576"


def test_two_ctrl_cs_close_together_still_exit_130_with_one_line():
    # The second arrives while the first unwinds (workers stopped, temporary files removed):
    # it must not break that off with a traceback.
    big = b"".join(p.read_bytes() + b"\n" for p in sorted(SAMPLES.glob("*.txt"))) * 40
    proc = subprocess.Popen([*CMD, "digest", "-", "-f", "jsonl"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.stdin is not None
    proc.stdin.write(big)
    proc.stdin.close()
    deadline = time.monotonic() + 60
    while not _loaded(proc.pid, "_multiarray_umath") and time.monotonic() < deadline:
        time.sleep(0.002)
    time.sleep(1.5)  # at work on the text by now
    for _ in range(2):
        proc.send_signal(signal.SIGINT)
        time.sleep(0.03)
    err = proc.stderr.read().decode() if proc.stderr else ""
    proc.wait(timeout=60)
    assert proc.returncode == 130
    assert err.strip() == "corpuscut: interrupted"

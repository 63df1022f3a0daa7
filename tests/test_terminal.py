"""What a person sees: the real program in a real terminal (tmux), read back with capture-pane."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid

import pytest

from tests.conftest import ROOT, SEED

CAPTURES = ROOT / "tests" / "captures"
pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (apt-get install tmux)")


def _tmux_capture(command: str, width: int, height: int = 200, **environ: str) -> str:
    # A tmux server of its own (-L): nothing else's terminals are seen or touched, and the
    # whole server goes at the end.
    tmux = ["tmux", "-L", f"corpuscut-{uuid.uuid4().hex[:8]}"]
    marker = "__DONE__"
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TMUX")}
    env["TERM"] = "xterm-256color"
    env.update(environ)
    subprocess.run(
        [*tmux, "new", "-d", "-x", str(width), "-y", str(height), "bash --norc --noprofile"],
        check=True, env=env, cwd=ROOT,
    )
    try:
        subprocess.run([*tmux, "send-keys", f"clear; {command}; echo {marker}", "Enter"], check=True)
        deadline = time.time() + 60
        screen = ""
        while time.time() < deadline:
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p", "-J", "-S", "-", "-E", "-"],  # -J: a wrapped line as one
                capture_output=True, text=True, check=True,
            ).stdout
            if re.search(rf"^{marker}$", screen, re.M):
                break
            time.sleep(0.2)
        return screen
    finally:
        subprocess.run([*tmux, "kill-server"], check=False)


def _normalise(screen: str) -> str:
    lines = screen.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("samples/"))
    end = next(i for i, line in enumerate(lines) if line == "__DONE__")
    text = "\n".join(line.rstrip() for line in lines[start:end])
    return re.sub(r"\d+\.\d\d s\b", "0.00 s", text) + "\n"


@pytest.mark.parametrize("width", [80, 160])
def test_digest_preview_in_a_real_terminal_shows_five_articles_map_and_summaries(width):
    command = f"{shlex.quote(sys.executable)} -m corpuscut digest {SEED.relative_to(ROOT)}"
    shown = _normalise(_tmux_capture(command, width))
    assert "5 articles" in shown
    for n, title in enumerate(["Kyiv’s allies", "The US election", "The Taiwanese", "Republican candidate", "The Taipei"], 1):
        assert f"{n}. {title}" in shown
    # Up to three summary sentences per article (a teaser's cut-off ending is not one).
    assert 10 <= shown.count("• ") <= 15
    assert all(len(line) <= width for line in shown.splitlines()), "a line is wider than the terminal"
    lines = shown.splitlines()
    assert set(lines[2].strip()) <= set("▁▂▃▄▅▆▇█ ")  # the sparkline under the map
    assert "Traceback" not in shown
    capture = CAPTURES / f"digest-seed-{width}.txt"
    if not capture.exists() or os.environ.get("UPDATE_CAPTURES"):
        capture.write_text(shown, encoding="utf-8")
    assert shown == capture.read_text(encoding="utf-8")


CORPUSCUT = f"{shlex.quote(sys.executable)} -m corpuscut"


def _shown(screen: str) -> list[str]:
    """The lines of the screen from the command to the end marker."""
    lines = [line.rstrip() for line in screen.splitlines()]
    end = next(i for i, line in enumerate(lines) if line == "__DONE__")
    return lines[:end]


@pytest.fixture(scope="module")
def large_dump(tmp_path_factory):
    path = tmp_path_factory.mktemp("large") / "large.txt"
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("bbc-*.txt")))
    path.write_text(text * (2_500_000 // len(text) + 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("width", [80, 160])
def test_progress_never_mixes_with_headers_and_error_lines(width, large_dump):
    command = (f"{CORPUSCUT} split --jobs 1 --view overview {large_dump} samples/bbc-noisy.txt nope.txt "
               f"samples/kursk-taiwan-dump.txt")
    lines = _shown(_tmux_capture(command, width))
    headers = [line for line in lines if " · utf-8 · " in line]
    assert len(headers) == 3
    assert all(line.startswith((str(large_dump), "samples/")) for line in headers), headers
    assert "corpuscut: nope.txt: no such file" in lines
    assert "corpuscut: 1 of 4 inputs failed: nope.txt" in lines
    assert not any("━" in line or "inputs " in line and "corpuscut" in line and "failed" not in line for line in lines)
    assert all(len(line) <= width for line in lines)


def test_a_large_input_written_to_a_file_ends_with_one_line_saying_so(tmp_path, large_dump):
    out = tmp_path / "articles.jsonl"
    lines = [line for line in _shown(_tmux_capture(f"{CORPUSCUT} split --jobs 1 {large_dump} -o {out}", 100)) if line]
    assert re.fullmatch(rf"corpuscut: wrote [\d,]+ articles to {re.escape(str(out))} \([\d.]+ MB\)", lines[-1]), lines[-3:]
    assert not any("━" in line for line in lines)


def test_a_preview_longer_than_the_screen_goes_through_the_pager():
    command = f"{CORPUSCUT} digest {SEED.relative_to(ROOT)}"
    lines = [line for line in _shown(_tmux_capture(command, 80, height=30, PAGER="sed s/^/PAGED:/")) if line]
    paged = [line for line in lines if line.startswith("PAGED:")]
    assert len(paged) > 30 and any("5 articles" in line for line in paged)


@pytest.mark.parametrize("width", [80, 160])
def test_a_long_dump_shows_its_overview_fitted_to_the_terminal(width, tmp_path):
    dump = tmp_path / "long.txt"
    dump.write_text("".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("bbc-*.txt"))) * 6,
                    encoding="utf-8")
    lines = _shown(_tmux_capture(f"{CORPUSCUT} split {dump}", width))
    glued = 6 * sum(len(p.read_text(encoding="utf-8").splitlines()) for p in (ROOT / "samples").glob("bbc-*.gold.jsonl"))
    assert any(f"{glued} articles" in line for line in lines) and any("weakest cuts" in line for line in lines)
    assert all(len(line) <= width for line in lines) and len(lines) < 40


def test_a_usage_error_in_a_terminal_is_one_line_and_the_usage():
    lines = [line for line in _shown(_tmux_capture(f"{CORPUSCUT} digest -m foo {SEED.relative_to(ROOT)}", 80)) if line]
    assert lines[-2].startswith("corpuscut: error: --method: 'foo' is not one of newsrank")
    assert lines[-1].startswith("Usage: ") and not any("╭" in line for line in lines)


def test_the_readmes_screen_is_what_the_program_prints():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    marker = "`corpuscut digest samples/kursk-taiwan-dump.txt -n 2` on an 80-column terminal"
    block = readme.split(marker, 1)[1].split("```\n", 1)[1].split("```\n", 1)[0]
    shown = _normalise(_tmux_capture(f"{CORPUSCUT} digest samples/kursk-taiwan-dump.txt -n 2", 80, PAGER="cat"))
    assert shown == re.sub(r"\d+\.\d\d s\b", "0.00 s", block)


def test_the_readmes_overview_is_what_the_program_prints(tmp_path):
    """The README's long input: the four BBC samples, four times over, as `split` shows it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ corpuscut split dumps.txt\n", 1)[1].split("```\n", 1)[0]
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("bbc-*.txt")))
    (tmp_path / "dumps.txt").write_text(text * 4, encoding="utf-8")
    lines = _shown(_tmux_capture(f"cd {shlex.quote(str(tmp_path))} && {CORPUSCUT} split dumps.txt", 80, PAGER="cat"))
    start = next(i for i, line in enumerate(lines) if line.startswith("dumps.txt "))
    shown = "\n".join(lines[start:]).rstrip("\n") + "\n"
    assert re.sub(r"\d+\.\d\d s\b", "0.00 s", shown) == re.sub(r"\d+\.\d\d s\b", "0.00 s", block)


def test_text_typed_at_the_terminal_ends_on_one_ctrl_d():
    """A terminal ends one read per Ctrl-D, as `cat` shows: the command must not ask again."""
    tmux = ["tmux", "-L", f"corpuscut-{uuid.uuid4().hex[:8]}"]
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TMUX")}
    subprocess.run([*tmux, "new", "-d", "-x", "120", "-y", "40", "bash --norc --noprofile"], check=True, env=env, cwd=ROOT)
    try:
        subprocess.run([*tmux, "send-keys", f"clear; {CORPUSCUT} split -f jsonl -; echo rc=$?", "Enter"], check=True)
        screen, deadline = "", time.time() + 60
        while "Ctrl-D" not in screen and time.time() < deadline:  # the hint: it is reading now
            time.sleep(0.2)
            screen = subprocess.run([*tmux, "capture-pane", "-p", "-J"], capture_output=True, text=True).stdout
        subprocess.run([*tmux, "send-keys", "Storm hits coast", "Enter",
                        "High winds closed roads and ports on Monday.", "Enter"], check=True)
        time.sleep(0.5)
        subprocess.run([*tmux, "send-keys", "C-d"], check=True)  # once
        deadline = time.time() + 30
        while "rc=" not in screen and time.time() < deadline:
            time.sleep(0.2)
            screen = subprocess.run([*tmux, "capture-pane", "-p", "-J"], capture_output=True, text=True).stdout
    finally:
        subprocess.run([*tmux, "kill-server"], check=False)
    assert "rc=0" in screen, screen
    assert '"title":"Storm hits coast"' in screen


@pytest.mark.parametrize("width", [80, 160])
def test_a_json_lines_input_of_many_documents_shows_one_overview_fitted_to_the_terminal(width, tmp_path):
    from tests.test_screen import _many_documents

    dump = tmp_path / "many.jsonl"
    _many_documents(dump, 40)
    lines = _shown(_tmux_capture(f"{CORPUSCUT} split --text-field text {dump}", width))
    assert any(line.startswith("40 documents") for line in lines) and any("weakest cuts" in line for line in lines)
    assert not any("╭" in line for line in lines), "a panel per document"
    assert all(len(line) <= width for line in lines) and len(lines) < 45

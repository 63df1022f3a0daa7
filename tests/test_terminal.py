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


def _tmux_capture(command: str, width: int, height: int = 200) -> str:
    # A tmux server of its own (-L): nothing else's terminals are seen or touched, and the
    # whole server goes at the end.
    tmux = ["tmux", "-L", f"corpuscut-{uuid.uuid4().hex[:8]}"]
    marker = "__DONE__"
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TMUX")}
    env["TERM"] = "xterm-256color"
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
                [*tmux, "capture-pane", "-p", "-S", "-", "-E", "-"],
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

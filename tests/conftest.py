from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from corpuscut.cli.app import app
from corpuscut.cli.environment import Environment

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "kursk-taiwan-dump.txt"


def decoded_with_and_without(text: str, rule: str, off: object, on: object) -> tuple[Any, Any, list[Any]]:
    """``text`` analysed by a segmenter whose every gap scores high enough that the decoder cuts
    wherever nothing holds it back, with the decoder rule ``rule`` (a Segmenter keyword) set to
    ``off`` and to ``on``; and the articles split with it ``on``."""
    from dataclasses import replace

    from corpuscut.segmenter import Segmenter
    from corpuscut.segmenter.model import load_model

    model = load_model()
    model = replace(model, bias=model.bias + 12.0)
    held = Segmenter(model=model, **{rule: on})
    return Segmenter(model=model, **{rule: off}).analyse(text), held.analyse(text), held.split(text)


def tracked_copy(tmp_path: Path) -> Path:
    """The repository's tracked files (as in a fresh checkout: no build left-overs), copied
    under ``tmp_path``; the test is skipped outside a git checkout."""
    import shutil
    import subprocess

    listed = subprocess.run(["git", "ls-files", "-z"], capture_output=True, cwd=ROOT, check=False)
    if listed.returncode != 0:
        pytest.skip("not a git checkout: the tracked files are unknown")
    copy = tmp_path / "repo"
    for name in listed.stdout.decode().split("\0"):
        if name and (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    return copy


class Run:
    """Invoke the CLI with an injected Environment; stdout and stderr kept apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, args: list[str], stdin: bytes = b"", tty: bool = False, debug: bool = True, width: int = 100,
                 **settings: object):
        out, err = io.StringIO(), io.StringIO()
        env = Environment(
            stdin=io.BytesIO(stdin), stdout=out, stderr=err, stdin_isatty=False, stdout_isatty=tty, stderr_isatty=False,
            no_color=not tty, force_color=False, debug=debug, width=width, height=10_000, pager="",
        )
        for name, value in settings.items():  # e.g. stdin_isatty=True, pager="...", height=20
            setattr(env, name, value)
        result = self.runner.invoke(app, args, obj=env, catch_exceptions=False)
        result.out_text = out.getvalue() + (result.stdout if result.stdout else "")
        result.err_text = err.getvalue() + (result.stderr if result.stderr_bytes else "")
        return result


@pytest.fixture
def run() -> Run:
    return Run()


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")

"""The README documents every command and every option (after sqlite-utils' test_docs.py)."""

from __future__ import annotations

import pytest
import typer

from cli.app import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = typer.main.get_command(app).commands


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_documented(name):
    assert f"corpuscut {name}" in README


@pytest.mark.parametrize(
    "option",
    sorted({opt for c in COMMANDS.values() for p in c.params for opt in getattr(p, "opts", []) if opt.startswith("--")}),
)
def test_every_option_is_documented(option):
    assert f"`{option}" in README


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci and "make test" in README


def test_the_examples_in_the_library_docstrings_run():
    import doctest

    import segmenter
    import summarizer

    for module in (segmenter, summarizer):
        assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize("bench", ["bench_split", "bench_summarize", "bench_batch", "bench_sentences"])
def test_every_benchmark_skips_with_a_message_where_the_data_is_absent(bench, tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", f"tests.benchmarks.{bench}", "--data", str(tmp_path / "none")],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0 and "SKIPPED" in result.stderr and "not found" in result.stderr

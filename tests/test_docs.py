"""The README documents every command and every option (after sqlite-utils' test_docs.py)."""

from __future__ import annotations

import pytest
import typer

from corpuscut.cli.app import app
from tests.conftest import ROOT, SEED, tracked_copy

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

    from corpuscut import segmenter, summarizer

    for module in (segmenter, summarizer):
        assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize("bench", ["bench_split", "bench_summarize", "bench_batch", "bench_sentences"])
def test_every_benchmark_skips_with_a_message_where_the_data_is_absent(bench, tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", f"tests.benchmarks.{bench}", "--data", str(tmp_path / "none")],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0 and "SKIPPED" in result.stderr and "not found" in result.stderr


def test_the_package_doctest_and_its_three_entry_points_run():
    import doctest

    import corpuscut

    assert doctest.testmod(corpuscut).failed == 0
    assert callable(corpuscut.summarize) and callable(corpuscut.digest)


@pytest.mark.slow
def test_the_wheel_installs_one_top_level_import_name(tmp_path):
    """Generic names such as `cli` or `summarizer` would clash with other distributions."""
    import os
    import subprocess
    import sys
    import zipfile

    checkout = tracked_copy(tmp_path)  # built from a fresh checkout: no build folder's left-overs
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(tmp_path), str(checkout)], check=True, capture_output=True, timeout=300)
    (wheel,) = tmp_path.glob("corpuscut-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith((".dist-info", ".data"))}
    assert tops == {"corpuscut"}
    # Every file of the package folders is in it, under the one name (a sub-package missing
    # from pyproject's list would be left out).
    tracked = {str(p.relative_to(checkout)) for folder in ("cli", "segmenter", "summarizer", "corpuscut")
               for p in (checkout / folder).rglob("*") if p.is_file()}
    assert sorted({p if p.startswith("corpuscut/") else f"corpuscut/{p}" for p in tracked} - set(names)) == []
    # And it runs on its own: installed apart from the checkout, the command splits a sample.
    target = tmp_path / "installed"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-c", "import runpy, sys; sys.path.insert(0, sys.argv.pop(1)); "
                           "import corpuscut; assert corpuscut.__file__.startswith(sys.path[0]), corpuscut.__file__; "
                           "runpy.run_module('corpuscut', run_name='__main__')",
                           str(target), "split", "-f", "jsonl", "--jobs", "1", str(SEED)],
                          capture_output=True, cwd=tmp_path, env={**env, "NO_COLOR": "1"}, timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    assert len(done.stdout.decode().splitlines()) == 5


#: The project speaks of itself only, never of how its work was organised. Spelt in two parts
#: so that this file does not say it either.
UNSAID = "ses" + "sion"

#: Text that is data, not the project's words: the word vectors' vocabulary is English words.
NOT_PROSE = ("segmenter/data/vectors-",)


def _tracked_text_files() -> list[str]:
    import subprocess

    listed = subprocess.run(["git", "ls-files", "-z"], capture_output=True, cwd=ROOT, check=False)
    if listed.returncode != 0:
        pytest.skip("not a git checkout: the tracked files are unknown")
    return [name for name in listed.stdout.decode().split("\0") if name and not name.startswith(NOT_PROSE)]


def test_no_tracked_text_file_speaks_of_how_the_work_was_organised():
    import re

    word = re.compile(rf"\b{UNSAID}s?\b", re.I)
    saying = []
    for name in _tracked_text_files():
        path = ROOT / name
        if not path.is_file():  # deleted in the working tree
            continue
        data = path.read_bytes()
        if b"\0" in data[:8192]:  # binary
            continue
        text = data.decode("utf-8", errors="replace")
        saying += [f"{name}:{n}" for n, line in enumerate(text.splitlines(), 1) if word.search(line)]
    assert saying == []


BENCHMARKS = (ROOT / "BENCHMARKS.md").read_text(encoding="utf-8")


def test_every_make_target_named_in_benchmarks_exists():
    import re

    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([A-Za-z0-9_.-]+):", makefile, re.M))
    named = set(re.findall(r"`make ([A-Za-z][A-Za-z0-9_-]*)", BENCHMARKS))
    assert named and named <= targets, sorted(named - targets)


def test_every_benchmark_section_has_a_command_and_dated_results_with_a_commit():
    import re

    sections = re.split(r"^## ", BENCHMARKS, flags=re.M)[1:]
    assert len(sections) >= 5
    for section in sections:
        title = section.splitlines()[0]
        assert re.search(r"`(make [\w-]+|python -m [\w.]+|corpuscut \w+)[^`]*`", section), title
        assert re.search(r"^### Results \(\d{4}-\d\d-\d\d, commit [0-9a-f]{7,40}\b", section, re.M), title


def test_benchmarks_holds_current_tables_and_changelog_their_history():
    """One Results block a benchmark; older results and what was tried and dropped live in
    CHANGELOG.md's "Benchmark history", under a subsection named as the benchmark's section."""
    import re

    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.count("\n## Benchmark history\n") == 1
    history = changelog.split("\n## Benchmark history\n", 1)[1].split("\n## ", 1)[0]
    kept = set(re.findall(r"^### (.+)$", history, re.M))
    for section in re.split(r"^## ", BENCHMARKS, flags=re.M)[1:]:
        title = section.splitlines()[0]
        assert len(re.findall(r"^### Results \(", section, re.M)) == 1, title
        assert not re.search(r"^#+ (Older results|What was tried and dropped)", section, re.M), title
        assert title in kept, title


def test_the_readme_html_to_text_snippet_keeps_a_link_inside_its_sentence():
    block = next(b for b in README.split("```python\n")[1:] if "class PageText" in b).split("```")[0]
    space: dict = {}
    exec(compile(block, "README.md", "exec"), space)
    html = ("<html><head><title>Photos | Artlyst</title><style>p {color: red}</style><script>var x = 1;</script>"
            "</head><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
            "<h1>Photos</h1><p>A show of <a href='/b'>Boris Mikhailov</a>, who has his own way of making "
            "<em>bad</em> photographs good.<br/>A second line.</p><footer>&copy; Artlyst 2025</footer></body></html>")
    assert space["page_text"](html).split("\n") == [
        "Photos | Artlyst", "Home", "News", "Photos",
        "A show of Boris Mikhailov, who has his own way of making bad photographs good.", "A second line.",
        "\u00a9 Artlyst 2025",
    ]

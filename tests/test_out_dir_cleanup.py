"""An ``--out-dir`` or ``-o`` run stopped at any moment leaves no temporary file, and a run
never mixes its files with another run's in one folder."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from tests.conftest import SEED


@pytest.fixture
def interrupt_as_temporary_files_are_made(monkeypatch):
    """Ctrl-C landing the moment a temporary file has been created, before the call that made
    it has returned: the worst place for it."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    real_open = os.open

    def open_then_interrupted(path, flags, *args, **kwargs):
        fd = real_open(path, flags, *args, **kwargs)
        if os.fsdecode(path).endswith(".part"):
            signal.raise_signal(signal.SIGINT)
        return fd

    monkeypatch.setattr(os, "open", open_then_interrupted)
    yield
    monkeypatch.undo()
    signal.signal(signal.SIGINT, previous)


def _temporary_files(folder: Path) -> list[str]:
    return [str(p) for p in folder.rglob("*") if p.name.endswith(".part")]


def test_an_out_dir_run_interrupted_as_a_file_is_made_leaves_no_temporary_file(
        run, tmp_path, interrupt_as_temporary_files_are_made):
    out = tmp_path / "out"
    result = run(["split", "--jobs", "1", "--out-dir", str(out), str(SEED)])
    assert result.exit_code == 130
    assert _temporary_files(out) == []


def test_an_output_file_run_interrupted_as_its_temporary_file_is_made_leaves_none(
        run, tmp_path, interrupt_as_temporary_files_are_made):
    result = run(["split", "--jobs", "1", "-o", str(tmp_path / "out.jsonl"), str(SEED)])
    assert result.exit_code == 130
    assert _temporary_files(tmp_path) == [] and not (tmp_path / "out.jsonl").exists()


def test_an_out_dir_holding_another_runs_files_is_refused(run, tmp_path):
    out = tmp_path / "out"
    assert run(["split", "--jobs", "1", "--out-dir", str(out), str(SEED)]).exit_code == 0
    before = sorted(p.name for p in out.iterdir())
    result = run(["split", "--jobs", "1", "--out-dir", str(out), str(SEED)])
    assert result.exit_code == 2
    assert result.err_text.splitlines()[0] == (
        f"corpuscut: error: --out-dir {out} already holds 6 files (such as 0001-kyivs-allies-are-largely-withholding-judgement-over-the-ukra.txt); "
        "give an empty or new folder, or --overwrite to write into it anyway")
    assert sorted(p.name for p in out.iterdir()) == before


def test_overwrite_writes_into_a_folder_that_holds_files(run, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    assert run(["split", "--jobs", "1", "--out-dir", str(out), "--overwrite", str(SEED)]).exit_code == 0
    assert (out / "notes.txt").read_text() == "mine" and (out / "index.jsonl").exists()


def test_an_empty_out_dir_is_written_into(run, tmp_path):
    assert run(["split", "--jobs", "1", "--out-dir", str(tmp_path), str(SEED)]).exit_code == 0
    assert len((tmp_path / "index.jsonl").read_text().splitlines()) == 5


def test_overwrite_removes_the_earlier_runs_articles_this_run_does_not_write(run, tmp_path):
    out = tmp_path / "out"
    two = [str(SEED), str(SEED.parent / "bbc-noisy.txt")]
    assert run(["split", "--jobs", "1", "--out-dir", str(out), *two]).exit_code == 0
    (out / "notes.txt").write_text("mine")
    assert run(["split", "--jobs", "1", "--out-dir", str(out), "--overwrite", str(SEED)]).exit_code == 0
    listed = sorted(json.loads(line)["file"] for line in (out / "index.jsonl").read_text().splitlines())
    on_disk = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and p.name.endswith(".txt"))
    assert on_disk == sorted(listed + ["notes.txt"])
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == []


def test_overwrite_never_removes_what_an_index_names_outside_the_folder(run, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (out / "index.jsonl").write_text('{"file": "../victim.txt"}\n{"file": "/etc/hostname"}\nnot json\n')
    assert run(["split", "--jobs", "1", "--out-dir", str(out), "--overwrite", str(SEED)]).exit_code == 0
    assert victim.read_text() == "keep me"


def test_a_folder_left_empty_by_a_stopped_run_does_not_block_the_next(run, tmp_path):
    out = tmp_path / "out"
    (out / "0001-kursk-taiwan-dump").mkdir(parents=True)
    assert run(["split", "--jobs", "1", "--out-dir", str(out), str(SEED)]).exit_code == 0
    assert (out / "index.jsonl").exists()


def test_a_run_stopped_before_its_first_article_leaves_no_index_and_the_same_command_runs_again(
        run, tmp_path, monkeypatch):
    from corpuscut.cli.render import FolderWriter

    def interrupted(self, doc, records, seconds):
        raise KeyboardInterrupt  # Ctrl-C before the first article is written

    monkeypatch.setattr(FolderWriter, "emit", interrupted)
    out = tmp_path / "out"
    assert run(["split", "--jobs", "1", "--out-dir", str(out), str(SEED)]).exit_code == 130
    assert not (out / "index.jsonl").exists()
    monkeypatch.undo()
    again = run(["split", "--jobs", "1", "--out-dir", str(out), str(SEED)])
    assert again.exit_code == 0 and len((out / "index.jsonl").read_text().splitlines()) == 5


def test_a_format_given_with_out_dir_is_a_usage_error_not_ignored(run, tmp_path):
    result = run(["split", "--out-dir", str(tmp_path / "out"), "-f", "csv", str(SEED)])
    assert result.exit_code == 2 and "--format csv does not apply to --out-dir" in result.err_text
    assert not (tmp_path / "out").exists()


def test_an_interrupted_out_dir_run_lists_what_it_wrote_in_its_index(run, tmp_path, monkeypatch):
    from corpuscut.cli.render import FolderWriter

    real = FolderWriter.start
    started: list[str] = []

    def second_interrupted(self, doc):
        started.append(doc.source)
        if len(started) == 2:
            raise KeyboardInterrupt  # Ctrl-C as the second input begins
        return real(self, doc)

    monkeypatch.setattr(FolderWriter, "start", second_interrupted)
    out = tmp_path / "out"
    inputs = [str(SEED), str(SEED.parent / "bbc-noisy.txt")]
    result = run(["split", "--jobs", "1", "--out-dir", str(out), *inputs])
    assert result.exit_code == 130
    listed = [json.loads(line)["file"] for line in (out / "index.jsonl").read_text().splitlines()]
    on_disk = sorted(str(p.relative_to(out)) for p in out.rglob("*.txt"))
    assert len(listed) == 5 and sorted(listed) == on_disk  # the first input's articles, each listed
    assert "stopped after 5 articles" in result.err_text and "--overwrite" in result.err_text
    monkeypatch.undo()
    again = run(["split", "--jobs", "1", "--out-dir", str(out), "--overwrite", *inputs])
    listed = [json.loads(line)["file"] for line in (out / "index.jsonl").read_text().splitlines()]
    assert again.exit_code == 0 and len(listed) > 5 and sorted(listed) == sorted(
        str(p.relative_to(out)) for p in out.rglob("*.txt"))


def test_an_out_dir_run_stopped_before_an_input_s_first_article_leaves_no_empty_sub_folder(run, tmp_path, monkeypatch):
    from corpuscut.cli.render import FolderWriter

    real = FolderWriter.emit
    emitted: list[str] = []

    def second_interrupted(self, doc, records, seconds):
        emitted.append(doc.source)
        if len(set(emitted)) == 2:
            raise KeyboardInterrupt  # Ctrl-C as the second input's articles arrive
        return real(self, doc, records, seconds)

    monkeypatch.setattr(FolderWriter, "emit", second_interrupted)
    out = tmp_path / "out"
    result = run(["split", "--jobs", "1", "--out-dir", str(out), str(SEED), str(SEED.parent / "bbc-noisy.txt")])
    assert result.exit_code == 130
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["0001-kursk-taiwan-dump"]


def test_digest_out_dir_writes_each_article_and_its_summary_in_the_index(run, tmp_path):
    out = tmp_path / "out"
    result = run(["digest", "--jobs", "1", "--out-dir", str(out), str(SEED)])
    assert result.exit_code == 0, result.err_text
    records = [json.loads(line) for line in (out / "index.jsonl").read_text().splitlines()]
    assert len(records) == 5 and all(record["summary"] for record in records)
    texts = "".join((out / record["file"]).read_text() for record in records)
    assert texts == SEED.read_text()

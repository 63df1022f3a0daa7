"""Batch runs: parallel workers and clusters give the records of a run in one process."""

from __future__ import annotations

from dataclasses import replace
import json
import multiprocessing
import os
import sys
from pathlib import Path

import pytest

from corpuscut.segmenter import Segmenter
from corpuscut.reading import open_text
from corpuscut.segmenter.streaming import Limits
from corpuscut.batch.engine import Articles, Failed, Finished, InputDone, Job, Opened, run_batch
from corpuscut.batch.workers import Workers, process_pool
from tests.conftest import SAMPLES

TINY = Limits(section_lines=6, section_chars=2000, margin_lines=3, margin_chars=500)
DUMPS = sorted(str(p) for p in SAMPLES.glob("*.txt"))


def records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _articles(job: Job, sources: list[str], workers: Workers | None) -> list[tuple]:
    out = []
    for event in run_batch(job, sources, lambda s: [open_text(s)], workers, ahead=3):
        if isinstance(event, Articles):
            out.extend((event.doc.source, a.start, a.end, a.title, a.reasons, s.text if s else None) for a, s in event.pairs)
        elif isinstance(event, Failed):
            out.append((event.source, "failed", type(event.error).__name__))
    return out


@pytest.mark.parametrize("command", ["split", "digest"])
def test_two_jobs_give_the_records_of_one_in_the_same_order(run, command, tmp_path):
    missing = str(tmp_path / "missing.txt")
    one = run([command, "--jobs", "1", *DUMPS, missing])
    two = run([command, "--jobs", "2", *DUMPS, missing])
    assert one.exit_code == two.exit_code == 1
    assert records(two.out_text) == records(one.out_text) and len(records(one.out_text)) > 10
    assert two.err_text == one.err_text and "missing.txt: no such file" in two.err_text


def test_sections_of_long_inputs_decided_in_worker_processes_give_the_articles_of_one_process():
    job = Job(summarize=True, limits=TINY)
    workers = Workers(lambda: process_pool(2))
    try:
        parallel = _articles(job, DUMPS, workers)
        assert workers.executor is not None  # the pool did run
    finally:
        workers.close()
    assert parallel == _articles(job, DUMPS, None)
    whole = [(d, a.start, a.end) for d in DUMPS for a in Segmenter(limits=TINY).split(open_text(d).read_all().text)]
    assert [(p[0], p[1], p[2]) for p in parallel] == whole


def test_a_single_small_input_never_starts_worker_processes():
    started = []
    workers = Workers(lambda: started.append(1) or process_pool(2))
    events = list(run_batch(Job(summarize=True), DUMPS[:1], lambda s: [open_text(s)], workers))
    assert not started and type(events[0]) is Opened and [type(e) for e in events[-2:]] == [Finished, InputDone]


def test_an_input_that_fails_mid_batch_is_reported_in_its_place(tmp_path):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\x01binary")
    workers = Workers(lambda: process_pool(2))
    try:
        out = _articles(Job(), [DUMPS[0], str(bad), DUMPS[1]], workers)
    finally:
        workers.close()
    failed = [i for i, row in enumerate(out) if row[1] == "failed"]
    assert len(failed) == 1 and out[failed[0]] == (str(bad), "failed", "BinaryInputError")
    assert {row[0] for row in out[: failed[0]]} == {DUMPS[0]} and {row[0] for row in out[failed[0] + 1:]} == {DUMPS[1]}


def test_a_dask_local_cluster_gives_the_records_of_a_local_run(run):
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
    ) as cluster:
        on_cluster = run(["digest", "--dask", cluster.scheduler_address, *DUMPS])
        with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
            prepared = client.run(_kernels_loaded)
    local = run(["digest", "--jobs", "1", *DUMPS])
    assert on_cluster.exit_code == 0 and records(on_cluster.out_text) == records(local.out_text)
    assert len(prepared) == 2 and all(prepared.values())  # each worker was prepared on connecting


def _kernels_loaded() -> bool:
    """In a worker: the default job's segmenter is built, and Numba loaded."""
    from corpuscut.batch.engine import _segmenter

    return _segmenter.cache_info().currsize > 0 and "numba" in sys.modules


def test_an_unreachable_dask_scheduler_is_one_line_and_exit_1(run):
    dask = pytest.importorskip("dask", reason="the dask extra is not installed")
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = run(["split", "--dask", "tcp://127.0.0.1:9", *DUMPS[:2]], debug=False)
    assert result.exit_code == 1 and "cannot reach the Dask scheduler" in result.err_text
    assert result.err_text.count("\n") == 1


def test_resume_continues_a_stopped_batch_and_ends_with_the_records_of_an_unbroken_run(run, tmp_path, monkeypatch):
    import corpuscut.reading.opening as module
    from corpuscut.batch import engine

    monkeypatch.setattr(engine, "BATCH_CHARS", 1)  # each section decided as it comes
    out = tmp_path / "out.jsonl"
    real_open = module.open_input

    def stop_at_third(source, *args, **kwargs):
        if source == DUMPS[2]:
            raise KeyboardInterrupt
        return real_open(source, *args, **kwargs)

    monkeypatch.setattr(module, "open_input", stop_at_third)
    stopped = run(["digest", "--jobs", "1", "-o", str(out), "--resume", *DUMPS])
    assert stopped.exit_code == 130 and not out.exists()
    partial = tmp_path / "out.jsonl.partial"
    sources = {r["source"] for r in records(partial.read_text())}
    assert sources == set(DUMPS[:2])
    with open(partial, "a") as handle:
        handle.write('{"source": "half a rec')  # what a crash mid-input leaves
    monkeypatch.setattr(module, "open_input", real_open)
    resumed = run(["digest", "--jobs", "1", "-o", str(out), "--resume", *DUMPS])
    assert resumed.exit_code == 0 and "2 of 5 inputs already done" in resumed.err_text
    unbroken = run(["digest", "--jobs", "1", *DUMPS])
    assert records(out.read_text()) == records(unbroken.out_text)
    total = len(records(out.read_text()))
    more = total - len([r for r in records(out.read_text()) if r["source"] in DUMPS[:2]])
    assert f"wrote {more} more articles to {out}" in resumed.err_text and f": {total} in all" in resumed.err_text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]
    again = run(["digest", "--jobs", "1", "-o", str(out), "--resume", *DUMPS])
    assert "5 of 5 inputs already done" in again.err_text and records(out.read_text()) == records(unbroken.out_text)


def test_resume_over_a_finished_file_says_its_inputs_are_matched_by_name(run, tmp_path):
    stories = tmp_path / "stories.jsonl"
    stories.write_text("".join(json.dumps({"id": f"s{i}", "text": "Markets rose on Monday. " * 5}) + "\n" for i in range(3)))
    out = tmp_path / "out.jsonl"
    assert run(["split", "--text-field", "text", "-o", str(out), str(stories)]).exit_code == 0
    again = run(["split", "--text-field", "text", "--id-field", "id", "-o", str(out), "--resume", str(stories)])
    assert again.exit_code == 0 and "1 of 1 inputs already done" in again.err_text
    assert "matched by name" in again.err_text and "--id-field" in again.err_text and "remove out.jsonl" in again.err_text


def test_resume_of_a_stopped_run_with_another_id_field_is_refused_in_one_line(run, tmp_path, monkeypatch):
    import corpuscut.reading.opening as module
    from corpuscut.batch import engine

    monkeypatch.setattr(engine, "BATCH_CHARS", 1)  # each section decided as it comes
    inputs = []
    for name in "abcde":
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps({"id": f"{name}{i}", "text": "Markets rose on Monday. " * 5}) + "\n"
                                for i in range(2)))
        inputs.append(str(path))
    out = tmp_path / "out.jsonl"
    real_open = module.open_input

    def stop_at_last(source, *args, **kwargs):
        if source == inputs[-1]:
            raise KeyboardInterrupt
        return real_open(source, *args, **kwargs)

    monkeypatch.setattr(module, "open_input", stop_at_last)
    options = ["split", "--jobs", "1", "--text-field", "text", "-o", str(out), "--resume"]
    assert run([*options, *inputs]).exit_code == 130
    assert (tmp_path / "out.jsonl.partial.done").read_text().strip()  # some inputs were done
    monkeypatch.setattr(module, "open_input", real_open)
    other = run([*options, "--id-field", "id", *inputs])
    assert other.exit_code == 1 and "was read by the stopped run with --text-field text" in other.err_text
    same = run([*options, *inputs])
    assert same.exit_code == 0 and "inputs already done" in same.err_text
    assert [r["source"] for r in records(out.read_text())] == [f"{p}#{n}" for p in inputs for n in (1, 2)]


def test_resume_needs_an_output_file_in_json_lines(run):
    result = run(["split", "--resume", DUMPS[0]])
    assert result.exit_code == 2 and "--resume needs --output" in result.err_text


def test_parquet_output_holds_the_json_lines_records_typed(run, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="the parquet extra is not installed")
    out = tmp_path / "out.parquet"
    result = run(["digest", "--jobs", "1", "--format", "parquet", "-o", str(out), *DUMPS])
    assert result.exit_code == 0
    table = pq.read_table(out)
    assert table.to_pylist() == records(run(["digest", "--jobs", "1", *DUMPS]).out_text)
    assert str(table.schema.field("start").type) == "int64" and str(table.schema.field("reasons").type) == "list<element: string>"


def test_parquet_needs_an_output_file(run):
    result = run(["split", "--format", "parquet", DUMPS[0]])
    assert result.exit_code == 2 and "--format parquet needs --output" in result.err_text


def test_output_files_get_the_usual_permissions_not_mkstemps(run, tmp_path):
    out = tmp_path / "out.jsonl"
    old = os.umask(0o022)
    try:
        assert run(["split", "-o", str(out), DUMPS[0]]).exit_code == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644


def _warc(path, records_: list[tuple[str, str, str, bytes]]) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for kind, uri, content_type, body in records_:
            http = None
            if kind == "response":
                http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, kind, payload=BytesIO(body), http_headers=http,
                                               warc_content_type=content_type if kind != "response" else None)
            writer.write_record(record)


def test_warc_and_wet_records_are_documents_of_their_own(run, tmp_path):
    pytest.importorskip("warcio", reason="the warc extra is not installed")
    pytest.importorskip("trafilatura", reason="the warc extra is not installed")
    seed = (SAMPLES / "kursk-taiwan-dump.txt").read_text(encoding="utf-8")
    paragraphs = "".join(f"<p>{line}</p>" for line in seed.splitlines()[:23])
    html = f"<html><head><title>T</title></head><body><nav>Home | News</nav><article>{paragraphs}</article></body></html>"
    path = tmp_path / "crawl.warc.gz"
    _warc(path, [
        ("conversion", "https://example.org/dump", "text/plain", seed.encode("utf-8")),
        ("response", "https://example.org/page", "text/html; charset=utf-8", html.encode("utf-8")),
        ("response", "https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
    ])
    found = records(run(["split", "--jobs", "1", str(path)]).out_text)
    sources = [r["source"] for r in found]
    assert sources.count(f"{path}#https://example.org/dump") == 5
    page = [r for r in found if r["source"] == f"{path}#https://example.org/page"]
    assert page and "Home | News" not in "".join(r["text"] for r in page)
    assert "Kyiv" in page[0]["text"] and not any("logo.png" in s for s in sources)


_WORKER_STATE = """
import os, sys
from corpuscut.batch.engine import Job, _segmenter
from corpuscut.batch.workers import Workers, process_pool

def state(_):
    hits = _segmenter.cache_info().hits
    Job().segmenter()
    return os.getpid(), _segmenter.cache_info().hits == hits + 1 and "numba" in sys.modules

if __name__ == "__main__":
    workers = Workers(lambda: process_pool(2))
    try:
        states = list(workers.get().map(state, range(4)))
    finally:
        workers.close()
    ready = all(loaded for _, loaded in states) and os.getpid() not in {pid for pid, _ in states}
    print("numba here" if "numba" in sys.modules else "ready" if ready else "not ready")
"""


@pytest.mark.skipif(not {"fork", "forkserver"} & set(multiprocessing.get_all_start_methods()),
                    reason="workers are spawned here")
def test_pool_workers_start_with_the_default_segmenter_built_and_its_kernels_loaded(tmp_path):
    """In a fresh interpreter that never loads the kernels itself (forked workers would
    inherit them otherwise), each worker has the default job's segmenter and the kernels
    before its first task."""
    import subprocess
    import sys

    script = tmp_path / "pool_state.py"
    script.write_text(_WORKER_STATE, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.stdout.strip() == "ready", done.stderr


_COORDINATOR = """
import sys
from corpuscut.summarizer import summarizing
from corpuscut.reading import open_text
from corpuscut.segmenter.streaming import Limits
from corpuscut.batch.engine import Articles, Job, run_batch
from corpuscut.batch.workers import Workers, process_pool

summarizing.COMPILE_AFTER_SENTENCES = 0  # a summarizer that may compile does so at once

if __name__ == "__main__":
    job = Job(summarize=True, limits=Limits(section_lines=6, section_chars=2000, margin_lines=3, margin_chars=500))
    workers = Workers(lambda: process_pool(2))
    try:
        events = list(run_batch(job, [sys.argv[1]], lambda s: [open_text(s)], workers, ahead=3))
    finally:
        workers.close()
    summaries = [s for e in events if isinstance(e, Articles) for _, s in e.pairs]
    print(len(summaries), all(s is not None for s in summaries), "numba" in sys.modules)
"""


def test_with_workers_this_process_summarizes_without_ever_loading_numba(tmp_path):
    """The articles that run from one section into the next are summarized in the process that
    hands out the sections; where workers do the run's work, it stays in numpy (loading Numba
    there cost 90 MB at the peak of a 1 GB digest)."""
    import subprocess

    script = tmp_path / "coordinator.py"
    script.write_text(_COORDINATOR, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(SAMPLES / "kursk-taiwan-dump.txt")], capture_output=True,
                          text=True, timeout=120, cwd=Path(__file__).resolve().parent.parent)
    count, all_summarized, numba_here = done.stdout.split()
    assert int(count) >= 5 and all_summarized == "True" and numba_here == "False", done.stderr


@pytest.mark.parametrize("enabled", [True, False])
def test_a_task_pauses_the_cycle_collector_only_while_it_runs(enabled, monkeypatch):
    import gc

    from corpuscut.segmenter.streaming import iter_sections
    from corpuscut.batch import engine

    seen = []
    real = Job.segmenter

    def watched(job):
        seen.append(gc.isenabled())
        return real(job)

    monkeypatch.setattr(Job, "segmenter", watched)
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        section = next(iter_sections([Path(DUMPS[0]).read_text(encoding="utf-8")], Limits()))
        decided = engine.decide_section(Job(), section)
        assert seen == [False] and decided.decision.cuts and gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


@pytest.mark.skipif(not sys.platform.startswith("linux") or sys.version_info < (3, 11), reason="forks only on Linux")
@pytest.mark.parametrize("threads, method", [(1, "fork"), (2, "forkserver")])
def test_pool_workers_are_forked_only_from_a_process_running_no_other_thread(threads, method, monkeypatch):
    import threading

    from corpuscut.batch.workers import _pool_context

    monkeypatch.setattr(threading, "active_count", lambda: threads)
    assert _pool_context().get_start_method() == method


def test_sections_sent_together_are_decided_as_each_alone_and_a_failing_one_fails_alone(monkeypatch):
    from corpuscut.segmenter import Segmenter
    from corpuscut.text.language import Language
    from corpuscut.segmenter.streaming import iter_sections
    from corpuscut.batch import engine

    german = Job(summarize=True).on(Language("german", "german"))
    tasks = [(job, section) for path in DUMPS for job in (Job(summarize=True), german)
             for section in iter_sections([Path(path).read_text(encoding="utf-8")], Limits())]
    together = engine.decide_sections(tasks)
    assert together == [engine.decide_section(job, section) for job, section in tasks]

    bad = tasks[3][1]
    real_many, real_one = Segmenter.decide_many, Segmenter.decide

    def many(self, sections):
        if any(s is bad for s in sections):
            raise RuntimeError("a bug")
        return real_many(self, sections)

    def one(self, section):
        if section is bad:
            raise RuntimeError("a bug")
        return real_one(self, section)

    monkeypatch.setattr(Segmenter, "decide_many", many)
    monkeypatch.setattr(Segmenter, "decide", one)
    out = engine.decide_sections(tasks)
    assert isinstance(out[3], RuntimeError)
    assert out[:3] + out[4:] == together[:3] + together[4:]


def test_a_run_gives_the_same_articles_whatever_the_size_of_its_batches(monkeypatch):
    from corpuscut.batch import engine

    def articles() -> list[tuple[str, int, str]]:
        events = run_batch(Job(summarize=True), DUMPS, lambda s: [open_text(s)])
        return [(e.doc.source, a.start, s.text) for e in events if isinstance(e, Articles) for a, s in e.pairs]

    whole = articles()
    monkeypatch.setattr(engine, "BATCH_CHARS", 1)
    assert articles() == whole and len({source for source, _, _ in whole}) == len(DUMPS)


_PASTE = """
import sys
from corpuscut.reading import open_text
from corpuscut.batch.engine import Articles, Job, run_batch

events = list(run_batch(Job(), sys.argv[1:], lambda s: [open_text(s)]))
print(sum(len(e.pairs) for e in events if isinstance(e, Articles)), "numba" in sys.modules)
"""


def test_a_few_small_inputs_never_load_numba(tmp_path):
    """The work counted across inputs stays below the compiled kernels' threshold for a paste
    or a few small files: loading Numba would cost more than it saves."""
    import subprocess

    script = tmp_path / "paste.py"
    script.write_text(_PASTE, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), *DUMPS], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parent.parent)
    articles, loaded = done.stdout.split()
    assert int(articles) > len(DUMPS) and loaded == "False", done.stderr


_SIZED = """
import sys
from corpuscut.text import compiled
from corpuscut.reading import open_text
from corpuscut.batch.engine import Articles, Job, run_batch

compiled.COMPILE_FROM_BYTES = int(sys.argv[1])
events = run_batch(Job(), sys.argv[2:], lambda s: [open_text(s)])
first = next(e for e in events if isinstance(e, Articles))  # the first section decided
loaded = "numba" in sys.modules
starts = [a.start for e in [first, *events] if isinstance(e, Articles) for a, _ in e.pairs]
print(loaded, hash(tuple(starts)))
"""


def test_a_run_whose_files_hold_enough_text_runs_compiled_from_its_first_section(tmp_path):
    """Where the inputs' sizes on disk reach COMPILE_FROM_BYTES, the kernels are loaded before
    anything is decided (Numba then costs less than the kernels save); below it, not. The
    articles are the same either way."""
    import subprocess

    script = tmp_path / "sized.py"
    script.write_text(_SIZED, encoding="utf-8")
    size = sum(os.path.getsize(d) for d in DUMPS)
    runs = [subprocess.run([sys.executable, str(script), str(threshold), *DUMPS], capture_output=True, text=True,
                           timeout=120, cwd=Path(__file__).resolve().parent.parent, env={**os.environ, "PYTHONHASHSEED": "0"})
            for threshold in (size, size + 1)]
    (loaded, starts), (not_loaded, same_starts) = (run.stdout.split() for run in runs)
    assert (loaded, not_loaded) == ("True", "False"), [run.stderr for run in runs]
    assert starts == same_starts


def test_a_run_of_text_without_line_breaks_never_loads_the_kernels_before_its_first_section(tmp_path):
    """A dump run into one line gains nothing from the kernels, which walk lines, and loading
    them costs some 100 MB: its size alone does not load them."""
    import subprocess

    script = tmp_path / "sized.py"
    script.write_text(_SIZED, encoding="utf-8")
    one_line = tmp_path / "one-line.txt"
    one_line.write_text("The committee met again and the talks went on into the night. " * 2000, encoding="utf-8")
    run = subprocess.run([sys.executable, str(script), "1", str(one_line)], capture_output=True, text=True,
                         timeout=120, cwd=Path(__file__).resolve().parent.parent)
    assert run.stdout.split()[0] == "False", run.stderr


def test_bodies_are_found_where_sections_are_decided_and_equal_the_assemblers_own(monkeypatch):
    """The task that decides a section also finds the bodies of the articles wholly in it (so
    that they spread over the workers); the articles are the same as the Assembler makes when
    it finds every body itself."""
    from corpuscut.segmenter import Segmenter, streaming

    expected = [list(Segmenter(evidence=False).iter_split([Path(path).read_text(encoding="utf-8")])) for path in DUMPS]
    calls = []
    real = streaming.find_body
    monkeypatch.setattr(streaming, "find_body", lambda *a, **k: calls.append(1) or real(*a, **k))
    events = list(run_batch(Job(), DUMPS, lambda s: [open_text(s)]))
    got = [[a for e in events if isinstance(e, Articles) and e.doc.source == path for a, _ in e.pairs] for path in DUMPS]
    # the batch also tells each article's language, which the segmenter alone leaves unset
    assert {a.language for articles in got for a in articles} == {"english"}
    assert [[replace(a, language=None) for a in articles] for articles in got] == expected
    assert not calls  # every sample is one section: no article ran from one into the next

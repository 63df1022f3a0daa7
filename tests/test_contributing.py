"""Each recipe of CONTRIBUTING.md, followed once: in a copy of the repository (its tracked
files), the recipe's edit is made and the command run from that copy shows the result."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, tracked_copy

pytestmark = pytest.mark.slow


def _edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must stand in ``path`` once) by ``new``: the recipe's edit."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path.name} no longer holds the line the recipe edits: update CONTRIBUTING.md"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _run(copy: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """``python -m corpuscut ARGS`` with the copy's code (its folder first on the path)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["NO_COLOR"] = "1"
    return subprocess.run([sys.executable, "-m", "corpuscut", *args], cwd=copy, env=env, input=stdin,
                          capture_output=True, timeout=300)


def test_recipe_add_a_summary_method(tmp_path):
    copy = tracked_copy(tmp_path)
    module = copy / "summarizer" / "summarizing.py"
    _edit(module, "#: Every method by name", '''def _shortest(summarizer: "Summarizer", texts: list[str], count: int, budget: int | None,
              title: str | None) -> list[int]:
    """The ``count`` shortest sentences."""
    return sorted(range(len(texts)), key=lambda i: len(texts[i]))[:count]


#: Every method by name''')
    _edit(module, '"lead": _lead,', '"lead": _lead, "shortest": _shortest,')
    text = b"Storm hits coast\nHigh winds closed roads and ports across the region on Monday. Ports shut. " \
           b"Officials said the storm would pass by Wednesday, leaving damage behind it.\n"
    done = _run(copy, "summarize", "-m", "shortest", "-n", "1", "-f", "text", "-", stdin=text)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().strip() == "Ports shut."


def test_recipe_add_an_input_reader(tmp_path):
    copy = tracked_copy(tmp_path)
    module = copy / "corpuscut" / "reading" / "records.py"
    _edit(module, "#: Every format of records read, by name", '''def _rs_documents(stream: RecordStream) -> Iterator[Document]:
    """An ``RS-TEXT`` file: after its first line, documents apart by the record separator."""
    try:
        data = stream.stream.read()
    finally:
        stream.close()
    for number, text in enumerate(data.split(b"\\n", 1)[1].decode("utf-8").split("\\x1e"), start=1):
        yield Document(f"{stream.source}#{number}", text, "utf-8", stream.compression, len(text.encode()))


#: Every format of records read, by name''')
    _edit(module, '"warc": RecordFormat(b"WARC/", _warc_documents),',
          '"warc": RecordFormat(b"WARC/", _warc_documents),\n    "rs-text": RecordFormat(b"RS-TEXT\\n", _rs_documents),')
    dump = tmp_path / "two.rs"
    dump.write_bytes(b"RS-TEXT\nStorm hits coast\nHigh winds closed roads across the region.\n\x1e"
                     b"Markets rally\nShares rose sharply in early trading.\n")
    done = _run(copy, "split", "-f", "jsonl", "--jobs", "1", str(dump))
    assert done.returncode == 0, done.stderr.decode()
    import json

    records = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [(r["source"], r["title"]) for r in records] == [
        (f"{dump}#1", "Storm hits coast"), (f"{dump}#2", "Markets rally")]
    # The library reads it too, compressed or not.
    (tmp_path / "two.rs.gz").write_bytes(gzip.compress(dump.read_bytes()))
    code = ("from corpuscut.reading import input_documents; "
            f"print([d.source[-2:] + ' ' + d.text.split(chr(10))[0] for d in input_documents({str(tmp_path / 'two.rs.gz')!r})])")
    read = subprocess.run([sys.executable, "-c", code], cwd=copy, capture_output=True, text=True, timeout=60)
    assert read.returncode == 0, read.stderr
    assert read.stdout.strip() == "['#1 Storm hits coast', '#2 Markets rally']"


def test_recipe_add_a_cue(tmp_path):
    import json

    from corpuscut.segmenter.features import REASONS

    copy = tracked_copy(tmp_path)
    lines = (copy / "samples" / "kursk-taiwan-dump.txt").read_text(encoding="utf-8").splitlines()
    # The first article's credit line reworded: no shipped cue knows it, so it reads as the
    # next article's headline.
    dump = tmp_path / "dump.txt"
    dump.write_text("\n".join(lines[:22] + ["Dispatch compiled in the Kyiv newsroom"] + lines[23:24]) + "\n",
                    encoding="utf-8")

    def credited() -> list[int]:
        """The lines where an article starts because a credit line ends the one before."""
        done = _run(copy, "split", "-f", "jsonl", "--jobs", "1", str(dump))
        assert done.returncode == 0, done.stderr.decode()
        records = [json.loads(line) for line in done.stdout.decode().splitlines()]
        return [r["start_line"] for r in records if REASONS["credit_or_copyright_before"] in r["reasons"]]

    assert credited() == []
    cues = copy / "segmenter" / "data" / "cues.json"
    data = json.loads(cues.read_text(encoding="utf-8"))
    data["end_of_article"].append("^Dispatch compiled in the ")
    cues.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    assert credited() == [24]


def test_recipe_add_a_kind_of_cue(tmp_path):
    import json

    copy = tracked_copy(tmp_path)
    lines = (copy / "samples" / "kursk-taiwan-dump.txt").read_text(encoding="utf-8").splitlines()
    # The first article ends with a correction note instead of its credit line.
    dump = tmp_path / "dump.txt"
    dump.write_text("\n".join(lines[:22] + ["Correction: an earlier version of this article misnamed the port."]
                              + lines[23:24]) + "\n", encoding="utf-8")
    reason = "correction note before"

    def split() -> subprocess.CompletedProcess[bytes]:
        return _run(copy, "split", "-f", "jsonl", "--jobs", "1", str(dump))

    done = split()
    assert done.returncode == 0, done.stderr.decode()
    assert not any(reason in json.loads(line)["reasons"] for line in done.stdout.decode().splitlines())

    cues = copy / "segmenter" / "data" / "cues.json"
    data = json.loads(cues.read_text(encoding="utf-8"))
    data["correction"] = ["^Correction:"]
    cues.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    module = copy / "segmenter" / "cues.py"
    _edit(module, '    CueKind("embedded", "embedded"),\n',
          '    CueKind("embedded", "embedded"),\n    CueKind("correction", "correction"),\n')
    _edit(module, "    embedded: bool = False\n", "    embedded: bool = False\n    correction: bool = False\n")
    _edit(copy / "segmenter" / "features.py", "\n)\n\n#: Feature names,",
          f'\n    Feature("correction_before", "{reason}", lambda g: g.before("correction"), cue=True),'
          "\n)\n\n#: Feature names,")
    refused = split()
    assert refused.returncode != 0 and b"retrain" in refused.stderr
    # What `make train` does, by hand: the model gets a weight for the new feature.
    model = copy / "segmenter" / "data" / "model.json"
    data = json.loads(model.read_text(encoding="utf-8"))
    data["features"].append("correction_before")
    data["weights"].append(6.0)
    model.write_text(json.dumps(data, indent=2), encoding="utf-8")
    done = split()
    assert done.returncode == 0, done.stderr.decode()
    records = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [r["start_line"] for r in records if reason in r["reasons"]] == [24]


def test_recipe_add_an_output_format(tmp_path):
    copy = tracked_copy(tmp_path)
    module = copy / "cli" / "render.py"
    _edit(module, "#: The writers of records to a text stream", '''@dataclass
class TitlesWriter(BaseWriter):
    """One line per record: its title."""

    out: TextIO

    def emit(self, doc: Described, records: list[dict[str, Any]], seconds: float) -> None:
        self.out.writelines(f"{record['title']}\\n" for record in records)


#: The writers of records to a text stream''')
    _edit(module, '"markdown": MarkdownWriter,', '"markdown": MarkdownWriter,\n    "titles": TitlesWriter,')
    dump = b"Storm hits coast\nHigh winds closed roads and ports across the region on Monday.\n----\n" \
           b"Markets rally\nShares rose sharply in early trading after the bank held rates.\n"
    done = _run(copy, "split", "-f", "titles", "-", stdin=dump)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode() == "Storm hits coast\nMarkets rally\n"


def test_every_recipe_in_contributing_is_followed_by_a_test_here():
    import re

    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    recipes = re.findall(r"^## Recipe: (.+)$", guide, re.M)
    named = re.findall(r"Test:\s+`(test_recipe_\w+)`", guide)
    assert len(recipes) == 4
    for recipe in re.split(r"^## Recipe: ", guide, flags=re.M)[1:]:  # each recipe names its test(s)
        assert re.search(r"Test:\s+`test_recipe_\w+`", recipe), recipe.splitlines()[0]
    assert all(callable(globals().get(name)) for name in named), named

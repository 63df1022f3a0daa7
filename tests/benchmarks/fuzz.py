"""A mutation fuzzer over the whole pipeline: read bytes, split, summarize, digest.

    python -m tests.benchmarks.fuzz --seconds 300

Starts from the samples, mutates their bytes (flips, inserts of odd bytes and line ends,
deletions, splices of two inputs, repeats) and checks on every input: decoding never raises
anything but our InputError, and decoding from a stream read in small pieces gives the same
text; splitting is lossless with contiguous offsets; splitting in small sections, streamed in
pieces of random size, is lossless and gives the same articles as splitting the text at once
in the same sections; summaries are made of sentences of the article, in order. Size attacks:
every input is also split with tiny caps on lines and articles, with a line of random length
and no end added (lossless, no article past its cap, the same streamed). Name attacks: files
named by random bytes (control characters, bytes that are not UTF-8) are found in a folder,
read, and named in records by valid, printable text. Prints the executions, the inputs that
raised, and the seed, so any failure can be replayed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import re
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Iterator

from corpuscut.segmenter import InputError, Segmenter, decode_bytes
from corpuscut.segmenter.articles import count_words
from corpuscut.reading import open_text
from corpuscut.segmenter.streaming import Limits
from corpuscut.summarizer import Summarizer

ODD = [b"\x00", b"\r", b"\n", b"\r\n", b"\x0c", b"\xff", b"\xc3", b"\xe2\x80\xa6", b"----\n", b"By Jane Doe\n",
       b"\xef\xbb\xbf", b"\xd8\xa7", b" ", b".", b"\xf0\x9f\x98\x80"]


def mutate(data: bytes, corpus: list[bytes], rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(6)
        pos = rng.randrange(len(out) + 1)
        if op == 0 and out:
            out[min(pos, len(out) - 1)] = rng.randrange(256)
        elif op == 1:
            out[pos:pos] = rng.choice(ODD)
        elif op == 2 and out:
            del out[pos: pos + rng.randint(1, 200)]
        elif op == 3:
            other = rng.choice(corpus)
            start = rng.randrange(len(other) + 1)
            out[pos:pos] = other[start: start + rng.randint(1, 2000)]
        elif op == 4 and out:
            piece = out[pos: pos + rng.randint(1, 50)]
            out[pos:pos] = bytes(piece) * rng.randint(2, 50)
        else:
            out = out[: rng.randrange(len(out) + 1)]
    return bytes(out)


SMALL = Limits(section_lines=8, section_chars=600, margin_lines=3, margin_chars=200)
CAPPED = Limits(section_lines=8, section_chars=600, margin_lines=3, margin_chars=200, line_chars=150, article_chars=900)


def check_caps(text: str, rng: random.Random) -> None:
    """Size attack: a line with no end, of random length, then tiny caps on lines and articles."""
    at = rng.randrange(len(text) + 1)
    text = text[:at] + rng.choice(["x", " ", "ab ", "\u00e9"]) * rng.randint(0, 3000) + text[at:]
    capped = Segmenter(limits=CAPPED)
    articles = capped.split(text)
    assert "".join(a.text for a in articles) == text, "split at the caps is not lossless"
    assert all(len(a.text) <= CAPPED.article_chars for a in articles), "an article runs past its cap"
    assert all(a.words == count_words(a.text) for a in articles), "word counts are wrong at the caps"
    size = rng.randint(1, 200)
    streamed = capped.iter_split(text[i: i + size] for i in range(0, len(text), size))
    assert [(a.start, a.end, a.start_line) for a in streamed] == [(a.start, a.end, a.start_line) for a in articles], \
        "split at the caps differs when streamed"


_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]")


def check_name(folder: Path, data: bytes, rng: random.Random) -> None:
    """Name attack: a file named by random bytes is found, read, and named by printable text."""
    import os

    from corpuscut.segmenter import expand_inputs
    from corpuscut.text.names import printable
    from corpuscut.reading import open_input

    raw = bytes(rng.choice([rng.randrange(1, 256), 0x1B, 0x07, 0x9B, 0xFF]) for _ in range(rng.randint(1, 24)))
    raw = raw.replace(b"/", b"_").lstrip(b".") or b"n"
    path = os.path.join(os.fsencode(folder), raw)
    with open(path, "wb") as handle:
        handle.write(data[:2000])
    try:
        found = expand_inputs([str(folder)])
        assert found == [os.fsdecode(path)], "a file named by odd bytes is not found"
        try:
            stream = open_input(found[0])
        except InputError as exc:
            assert not _CONTROLS.search(str(exc)), "an error message holds control characters"
            return
        stream.source.encode("utf-8")  # records can hold it
        assert not _CONTROLS.search(printable(stream.source, keep_newlines=False)), "a name is shown with control characters"
    finally:
        os.unlink(path)


def check(data: bytes, segmenter: Segmenter, summarizer: Summarizer, rng: random.Random) -> None:
    try:
        text, _ = decode_bytes(data)
    except InputError:
        return
    with _small_reads(rng.randint(1, 64)):
        try:
            stream = open_text("-", io.BytesIO(data))
            streamed = "".join(stream.pieces)
        except InputError:
            stream = None
    if stream is not None and stream.compression is None:
        expected = data.decode(stream.encoding.split(" ")[0], errors="replace")
        assert streamed == expected, "decoding in pieces differs from decoding at once"
    small = Segmenter(limits=SMALL)
    whole = small.split(text)
    assert "".join(a.text for a in whole) == text, "split in sections is not lossless"
    size = rng.randint(1, 100)
    pieces = [text[i: i + size] for i in range(0, len(text), size)]
    assert [(a.start, a.end, a.reasons) for a in small.iter_split(pieces)] == \
        [(a.start, a.end, a.reasons) for a in whole], "streamed split differs"
    check_caps(text, rng)
    articles = segmenter.split(text)
    assert "".join(a.text for a in articles) == text, "split is not lossless"
    pos = 0
    for a in articles:
        assert a.start == pos and text[a.start:a.end] == a.text, "offsets are not contiguous"
        pos = a.end
        summary = summarizer.summarize(a.text)
        last = -1
        for s in summary.sentences:
            assert a.text[s.start:s.end] == s.text and s.start > last, "summary sentence not in the article"
            last = s.start


@contextlib.contextmanager
def _small_reads(size: int) -> Iterator[None]:
    """Read inputs in pieces of ``size`` bytes and choose their encoding from the first
    ``size`` (at least 256), so that the decoding past the sample is exercised."""
    import corpuscut.reading.opening as opening

    saved = opening.READ_BYTES, opening.SAMPLE_BYTES
    opening.READ_BYTES, opening.SAMPLE_BYTES = size, max(size, 256)
    try:
        yield
    finally:
        opening.READ_BYTES, opening.SAMPLE_BYTES = saved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    root = Path(__file__).resolve().parents[2] / "samples"
    corpus = [p.read_bytes() for p in sorted(root.glob("*.txt"))]
    rng = random.Random(args.seed)
    segmenter, summarizer = Segmenter(), Summarizer()
    runs = crashes = 0
    deadline = time.monotonic() + args.seconds
    names = Path(tempfile.mkdtemp(prefix="corpuscut-fuzz-"))
    while time.monotonic() < deadline:
        data = mutate(rng.choice(corpus), corpus, rng)
        runs += 1
        try:
            check(data, segmenter, summarizer, rng)
            check_name(names, data, rng)
        except Exception:
            crashes += 1
            path = Path(f"fuzz-crash-{args.seed}-{runs}.bin")
            path.write_bytes(data)
            print(f"CRASH on input saved as {path}:\n{traceback.format_exc()}", file=sys.stderr)
    shutil.rmtree(names, ignore_errors=True)
    print(f"fuzz: {runs} executions in {args.seconds:.0f} s (seed {args.seed}), {crashes} crashes")
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())

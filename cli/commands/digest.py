"""``corpuscut digest``: each input's articles, each summarized (the main job)."""

from __future__ import annotations

from ..environment import Environment
from ..options import FIELDS, LENGTH, OUTPUT, TERMINAL, WORKERS, Options, command
from ..run import batch_events, run
from ..tools import batch_job, summarizing

EXAMPLE = "corpuscut digest samples/kursk-taiwan-dump.txt   (or: cat dump.txt | corpuscut digest - | jq .summary)"


@command("inputs", *LENGTH, *OUTPUT, "cues", "explain", "body", "out_dir", "overwrite", *FIELDS, *WORKERS, "view", *TERMINAL)
def digest(env: Environment, opts: Options) -> None:
    """Split each input into articles and summarize every article (the main job)."""
    run(env, opts, batch_events(env, opts, batch_job(opts, summarizing(opts).length)), kind="digest", parallel=True)

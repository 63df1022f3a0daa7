"""``corpuscut split``: each input's articles."""

from __future__ import annotations

from ..environment import Environment
from ..options import FIELDS, OUTPUT, TERMINAL, WORKERS, Options, command
from ..run import batch_events, run
from ..tools import batch_job

EXAMPLE = "corpuscut split samples/kursk-taiwan-dump.txt --format jsonl | jq -r .title"


@command("inputs", *OUTPUT, "cues", "language", "explain", "body", "out_dir", "overwrite", *FIELDS, *WORKERS, "view", *TERMINAL)
def split(env: Environment, opts: Options) -> None:
    """Split each input into articles: offsets, title, boundary score and reasons, text."""
    run(env, opts, batch_events(env, opts, batch_job(opts)), kind="split", parallel=True)

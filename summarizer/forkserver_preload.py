"""Imported by the fork server of a :func:`summarizer.pipeline.process_pool` before it forks any
worker: it builds the default job's segmenter and loads the compiled kernels into it, so that
every worker is forked with them ready instead of building and loading them itself.

Loading Numba and the kernels costs about 0.45 CPU-s and building a segmenter 0.1 s; paid in
each of two workers, that was an eighth more CPU than one job spends on a 30 MB split, on a
machine whose second core is all that two jobs can gain."""

from __future__ import annotations

from .pipeline import prepare_worker

prepare_worker()

"""Imported by the fork server of a :func:`corpuscut.batch.workers.process_pool` before it forks any
worker: it builds the default job's segmenter and loads the compiled kernels into it, so that
every worker is forked with them ready instead of building and loading them itself.

Loading Numba and the kernels and building a segmenter are paid once here instead of in each
worker: paid in each, they were a noticeable share of a two-job split's CPU on a machine whose
second core is all that two jobs can gain (the batch benchmark's two-job rows)."""

from __future__ import annotations

from .workers import prepare_worker

prepare_worker()

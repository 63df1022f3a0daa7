"""Process set-up shared by the command and the batch engine's workers. Imports nothing heavy:
it runs before numpy is first imported."""

from __future__ import annotations

import os

#: The environment variables by which numpy's BLAS libraries size their thread pools.
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_blas_thread() -> None:
    """One BLAS thread per process, unless the user set otherwise. The command spreads its work
    over processes itself (``--jobs``), and BLAS threads on top of them only fight for the
    cores (a digest ran no faster with two workers than with one). It must run before numpy is
    first imported: forked workers inherit numpy as loaded, workers started afresh (and Dask's
    nanny) read the environment."""
    for name in BLAS_THREADS:
        os.environ.setdefault(name, "1")

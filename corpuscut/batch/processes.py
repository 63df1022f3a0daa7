"""Process set-up shared by the command and the batch engine's workers: BLAS threads, the
cycle collector, interrupts, the cores at hand. Imports nothing heavy: it runs before numpy is
first imported."""

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


def ignore_interrupts(parent: int | None = None) -> None:
    """Workers leave Ctrl-C to the main process, which stops them and cleans up, and die
    with their parent however it ends."""
    import signal

    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    collect_garbage_rarely()


#: Linux's prctl option: the signal this process gets when its parent dies.
PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None) -> None:
    """Have the kernel kill this process when its parent dies (Linux), so that a pool's
    workers never outlive a command killed by SIGTERM or SIGKILL. ``parent`` is the process
    that should be the parent: if it is already gone, this process ends now."""
    import signal
    import sys

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if parent is not None and os.getppid() != parent:
        os._exit(1)


def collect_garbage_rarely() -> None:
    """Tune this process's cycle collector for batch work: objects alive now (the imported
    modules) are never scanned again, and a collection runs after 50,000 new container
    objects instead of 700. Splitting makes hundreds of thousands of small objects per
    section, almost none in cycles; with the defaults the collector took a tenth of a split's
    time, tuned a hundredth. Called by the command and by pool workers,
    never by the libraries' functions."""
    import gc

    gc.freeze()
    gc.set_threshold(50_000, 10, 10)


def available_cores() -> int:
    """The cores this process may run on."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)

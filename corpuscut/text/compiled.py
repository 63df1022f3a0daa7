"""Compiling inner loops with Numba, once a process has enough work: both libraries' kernels.

Each kernel is an ordinary Python function of numpy arrays and numbers, written one step
at a time; ``compiled(kernel)`` is the same function compiled to machine code by Numba (cached
on disk after the first run). Its caller keeps a numpy form that does the same arithmetic in
the same order on whole arrays (a test holds the two equal).

Loading Numba costs about 0.3 s per process (importing it, its CPU target and the cached
kernels), more than the compiled kernels save on a few MB of text; so a :class:`Tier` counts
the work done and switches to the compiled kernels only once there has been enough of it. By
default every segmenter of a process shares one count (:func:`process_tier`), so what counts
is all the text the process has split, not one input's: a batch of small files runs compiled
once the batch has passed the threshold, as a single large file does. A paste of a few
articles never loads Numba; a dump of hundreds of MB runs almost all of it compiled, and all
of it where the run knows its size beforehand (:func:`worth_compiling`: files, not a pipe).
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, TypeVar

F = TypeVar("F", bound=Callable[..., object])


@lru_cache(maxsize=None)
def compiled(kernel: F) -> F:
    """``kernel`` compiled with Numba (the plain function where Numba cannot be imported)."""
    try:
        import numba
    except ImportError:  # pragma: no cover - numba is a dependency; a platform may lack wheels
        return kernel
    _prepare_numba()
    _note_first_compile()
    try:
        return numba.njit(cache=True, nogil=True)(kernel)  # type: ignore[no-any-return]
    except RuntimeError:  # no writable place for the on-disk cache: compile in each process
        return numba.njit(nogil=True)(kernel)  # type: ignore[no-any-return]


#: The module numba imports to learn whether SciPy's BLAS is there.
_BLAS_PROBE = "scipy.linalg.cython_blas"


@lru_cache(maxsize=None)
def _prepare_numba() -> None:
    """Load Numba's CPU target (its implementations of Python and numpy), without SciPy's
    linear algebra where no one has imported it yet. Numba's array maths imports
    ``scipy.linalg`` (0.15 s, a fifth of loading Numba) only to learn whether a float inner
    product (``np.correlate``, ``np.convolve``) may call BLAS; no kernel here uses one. While
    the target loads, the probe's import fails, so those fall back to Numba's own loop for the
    rest of the process; ``np.dot`` and ``np.linalg`` in any compiled function are unaffected:
    they import SciPy's BLAS when first compiled."""
    from numba.core.registry import cpu_target

    blocked = _BLAS_PROBE not in sys.modules
    if blocked:
        sys.modules[_BLAS_PROBE] = None  # type: ignore[assignment]  # the import's way to fail
    try:
        cpu_target.target_context.refresh()
        cpu_target.typing_context.refresh()
    finally:
        if blocked and sys.modules.get(_BLAS_PROBE, 0) is None:
            del sys.modules[_BLAS_PROBE]


#: Said once by a process that must compile a kernel (no machine code cached on disk for it
#: yet: the first run on a machine, or after an upgrade), on the ``corpuscut`` logger at INFO;
#: the command shows it on stderr. Every later run loads the kernels from the cache.
COMPILING_NOTE = "compiling the fast kernels for this machine, once (a few seconds to half a minute; later runs load them from the cache)"


@lru_cache(maxsize=None)
def _note_first_compile() -> None:
    """Have Numba tell this process when it starts compiling (it fires "numba:compile" only
    when the cache on disk has no machine code for a kernel), and say so the first time."""
    from numba.core import event

    class FirstCompile(event.Listener):
        said = False

        def on_start(self, event: event.Event) -> None:
            if not self.said:
                self.said = True
                logging.getLogger("corpuscut").info(COMPILING_NOTE)

        def on_end(self, event: event.Event) -> None:
            pass

    event.register("numba:compile", FirstCompile())


#: A run known to read at least this many bytes (its files' sizes) loads the compiled kernels
#: before its first text (:func:`worth_compiling`): loading Numba costs some 0.4 CPU seconds,
#: and the kernels save about 0.03 CPU seconds per MB of one large file, 0.04-0.05 per MB of
#: files of 50 KB (whose many short texts each pay numpy's fixed costs).
COMPILE_FROM_BYTES = 12_000_000


def worth_compiling(size_bytes: int) -> bool:
    """Whether a run that will read ``size_bytes`` of text gains from compiled kernels from
    its first text on, rather than once its :class:`Tier` has counted enough work."""
    return size_bytes >= COMPILE_FROM_BYTES


@dataclass
class Tier:
    """Whether to run compiled kernels: once ``compile_after`` inner steps have been run in
    numpy (12 million: about 14 MB of news as one file, 19 MB as files of 50 KB, whose short
    windows hold fewer steps per MB), every later call of this tier runs compiled. Below
    that a run never loads Numba, whose loading costs more than a small input gains from it;
    above it most of the text runs compiled (a lower threshold loses more below it than it
    wins above: the batch benchmark's 1-10 MB rows); and from the first call
    on once Numba is loaded in this process (by another tier, or by
    :meth:`segmenter.Segmenter.load_compiled`): there is nothing left to pay for. None: never
    compile."""

    compile_after: int | None = 12_000_000
    done: int = 0

    def compiles(self, work: int) -> bool:
        """Record ``work`` more inner steps; True if they should run compiled."""
        if self.compile_after is None:
            return False
        self.done += work
        return self.done > self.compile_after or "numba" in sys.modules


@lru_cache(maxsize=None)
def process_tier() -> Tier:
    """The tier of every segmenter built without one of its own: one count of this process's
    work, however many segmenters (one per language, per option set, or a new one per call of
    :func:`segmenter.split`) share it."""
    return Tier()

"""The batch engine's tasks on a Dask cluster (extra ``corpuscut[dask]``): an executor over
the cluster's workers, which notices a cluster that is gone or left without workers."""

from __future__ import annotations

import time
from concurrent.futures import Executor
from typing import Any, Callable

from .workers import ClusterError, Workers, prepare_worker


def cluster_workers(address: str, jobs: int) -> Workers:
    """The workers of the Dask cluster at ``address``, connected now (a cluster that cannot be
    reached fails the run at once); ``jobs`` sets how far ahead of them the run reads."""
    executor = dask_executor(address)
    workers = Workers(lambda: executor, jobs)
    workers.get()
    return workers


def dask_executor(address: str) -> Executor:
    """An executor whose tasks run on the Dask cluster at ``address`` (extra ``corpuscut[dask]``)."""
    try:
        import dask
        from distributed import Client
    except ImportError as exc:
        raise ClusterError("--dask needs Dask: pip install 'corpuscut[dask]'") from exc
    _check_reachable(address)
    try:
        # How long to try is Dask's own setting (distributed.comm.timeouts.connect), at most
        # CONNECT_SECONDS: the scheduler answered a plain connection already.
        timeout = min(dask.config.get("distributed.comm.timeouts.connect"), f"{CONNECT_SECONDS}s", key=_seconds)
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({exc})") from exc
    # Each worker builds the default segmenter and loads the kernels now, as a local pool's
    # workers do, rather than running its first 5 MB in numpy. A worker that cannot (without
    # corpuscut, say) fails its tasks instead, and they say why.
    try:
        client.run(prepare_worker)
    except Exception:
        pass
    return _DaskExecutor(client)


#: How long a Dask scheduler's address may take to answer.
CONNECT_SECONDS = 5
#: How long a Dask cluster may have no worker at all before the run gives up on it.
NO_WORKERS_SECONDS = 30


def _seconds(value: Any) -> float:
    from dask.utils import parse_timedelta

    return float(parse_timedelta(value, default="seconds"))


def _check_reachable(address: str) -> None:
    """ClusterError within CONNECT_SECONDS unless a TCP connection to ``address`` opens (a
    mistyped host or port otherwise costs Dask's whole retry time)."""
    import socket

    from distributed.comm import parse_address
    from distributed.comm.addressing import parse_host_port

    try:
        scheme, location = parse_address(address)
        if scheme not in ("tcp", "tls"):
            return  # other transports (inproc, ucx) are left to Dask
        host, port = parse_host_port(location)
    except (ValueError, TypeError) as exc:
        raise ClusterError(f"{address!r} is not a Dask scheduler address (tcp://host:port)") from exc
    try:
        socket.create_connection((host, port), timeout=CONNECT_SECONDS).close()
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({reason})") from exc


class _DaskExecutor(Executor):
    """The client's executor, which also closes the client when shut down."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.executor = client.get_executor(pure=False)

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        return self.executor.submit(fn, *args, **kwargs)

    def wait(self, future: Any) -> Any:
        """The task's result; ClusterError once the cluster has had no worker for
        NO_WORKERS_SECONDS (Dask itself would wait for one for ever)."""
        from concurrent.futures import TimeoutError as Pending

        alone_since: float | None = None
        while True:
            try:
                return future.result(timeout=1.0)
            except Pending:
                pass
            try:
                workers = len(self.client.scheduler_info().get("workers", {}))
            except Exception as exc:
                raise ClusterError(f"lost the Dask scheduler ({exc})") from exc
            if workers:
                alone_since = None
            elif alone_since is None:
                alone_since = time.monotonic()
            elif time.monotonic() - alone_since > NO_WORKERS_SECONDS:
                raise ClusterError(f"the Dask cluster has had no worker for {NO_WORKERS_SECONDS} s; the run stopped")

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.executor.shutdown(wait=wait)
        self.client.close()

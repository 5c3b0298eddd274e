"""Where batches run: in this process, on local processes, or on a Dask cluster.

The stage logic is one pure batch function (``inputs, settings → BatchResult``);
an executor only decides where it runs. Inputs are read and results written
by the calling process, in batch order, so every executor writes the same
rows with the same ids through the same atomic writer. At most
``2 × workers`` batches are in flight, so memory stays flat however large
the corpus. A batch that fails on a worker (a lost worker included) is
retried ``retries`` times, then reported as failed for its articles.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

EXECUTORS = ("local", "processes", "dask")

# Two of Dask's debugging aids hold memory that grows with the number of batches;
# nothing here reads them (there is no dashboard), so they are turned down:
# - every connection keeps its last 1,000 messages under 1 MB, and a batch's
#   articles are such a message twice (client to scheduler, scheduler to
#   worker): 300 tasks of 0.8 MB each grew the calling process by 465 MB,
#   and by 20 MB with ten messages kept, which are enough to debug with.
# - each worker's statistical profiler keeps a call tree per second for the
#   last 1,000 seconds: about 7 MB per pass over the archive (87 s) on the
#   rule pipeline's deep call stacks.
DASK_CONFIG = {"distributed.admin.low-level-log-length": 10, "distributed.worker.profile.enabled": False}


@dataclass(frozen=True)
class ExecutorSettings:
    """Which executor, how many workers, and the address of an existing Dask scheduler."""

    kind: str = "local"
    workers: int = 1
    scheduler: str | None = None
    retries: int = 2

    def __post_init__(self) -> None:
        if self.kind not in EXECUTORS:
            raise ValueError(f"executor {self.kind!r} is not one of {', '.join(EXECUTORS)}")
        if self.scheduler and self.kind != "dask":
            raise ValueError("--scheduler only applies to --executor dask")
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, got {self.workers}")


def map_batches(function: Callable[..., Any], payloads: Iterable[tuple[Any, ...]], executor: ExecutorSettings
                ) -> Iterator[tuple[tuple[Any, ...], Any, BaseException | None]]:
    """Apply ``function(*payload)`` to each payload; yield ``(payload, result, error)`` in input order."""
    if executor.kind == "local":
        for payload in payloads:
            try:
                yield payload, function(*payload), None
            except Exception as error:  # the caller records the batch's articles as rejects
                yield payload, None, error
        return
    if executor.kind == "processes":
        pool = RenewingPool(executor.workers)
        try:
            yield from _drain(lambda p: pool.submit(function, *p), payloads, executor)
        finally:
            pool.close()
        return
    yield from _dask(function, payloads, executor)


class RenewingPool:
    """A `ProcessPoolExecutor` that starts afresh when a worker dies.

    A worker killed (by the kernel's out-of-memory killer, a signal, a crash
    in native code) breaks the whole pool: every batch in flight fails with
    `BrokenProcessPool`, and the pool refuses any new batch. So a retry goes
    to a new pool, and the batches that were in flight with the lost worker
    are retried there too.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool = ProcessPoolExecutor(max_workers=workers)

    def submit(self, function: Callable[..., Any], *args: Any) -> Future:
        """Submit ``function(*args)``, to a new pool when the current one is broken."""
        try:
            return self.pool.submit(function, *args)
        except BrokenProcessPool:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = ProcessPoolExecutor(max_workers=self.workers)
            return self.pool.submit(function, *args)

    def close(self) -> None:
        """Wait for the batches under way; drop those not started (after an interrupt)."""
        self.pool.shutdown(wait=True, cancel_futures=True)


def _drain(submit: Callable[[tuple[Any, ...]], Any], payloads: Iterable[tuple[Any, ...]],
           executor: ExecutorSettings) -> Iterator[tuple[tuple[Any, ...], Any, BaseException | None]]:
    """Keep ``2 × workers`` batches in flight; hand results back in input order, retrying failures."""

    def finish(payload: tuple[Any, ...], future: Any) -> tuple[tuple[Any, ...], Any, BaseException | None]:
        error: BaseException | None = None
        for attempt in range(executor.retries + 1):
            try:
                return payload, future.result(), None
            except Exception as caught:  # a failed or lost worker: retry, then report
                error = caught
                if attempt < executor.retries:
                    future = submit(payload)
        return payload, None, error

    in_flight: deque[tuple[tuple[Any, ...], Any]] = deque()
    for payload in payloads:
        in_flight.append((payload, submit(payload)))
        if len(in_flight) >= 2 * executor.workers:
            yield finish(*in_flight.popleft())
    while in_flight:
        yield finish(*in_flight.popleft())


def _dask(function: Callable[..., Any], payloads: Iterable[tuple[Any, ...]], executor: ExecutorSettings
          ) -> Iterator[tuple[tuple[Any, ...], Any, BaseException | None]]:
    try:
        import dask
        from dask.distributed import Client, LocalCluster
    except ImportError as error:
        raise RuntimeError("--executor dask needs the dask extra: pip install '.[dask]'") from error
    # The configuration holds in this process (client and local scheduler) for the whole run: the
    # scheduler opens a connection to a restarted worker long after the cluster started.
    with dask.config.set(DASK_CONFIG):
        cluster = None
        if executor.scheduler:
            client = Client(executor.scheduler)
        else:
            # `config` goes to each worker's nanny, which applies it at every (re)start of its worker
            # (with dotted keys: the nanny merges it shallowly into the whole configuration).
            cluster = LocalCluster(n_workers=executor.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40, config=DASK_CONFIG)
            client = Client(cluster)
        try:
            def submit(payload: tuple[Any, ...]) -> Any:
                # pure=False: a retried batch must run again, not return the cached failure.
                return client.submit(function, *payload, pure=False)

            yield from _drain(submit, payloads, executor)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

"""Runners: where the per-document stages run. Local and distributed runs differ only in this object.

A runner maps a pure function over a batch and returns the results in order.
"""
from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Runner(Protocol):
    workers: int

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]: ...

    def start(self, fn: Callable[[T], R], items: Sequence[T]) -> Callable[[], list[R]]:
        """Begin mapping; the returned function waits for the results (so the caller can work meanwhile)."""
        ...

    def close(self) -> None: ...


class SerialRunner:
    """Runs everything in the calling process."""

    workers = 1

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        return [fn(x) for x in items]

    def start(self, fn: Callable[[T], R], items: Sequence[T]) -> Callable[[], list[R]]:
        results = self.map(fn, items)
        return lambda: results

    def close(self) -> None:
        return None


class ProcessRunner:
    """A local process pool, started on first use; a single item stays in the calling process."""

    def __init__(self, workers: int):
        self.workers = max(1, workers)
        self._pool: cf.ProcessPoolExecutor | None = None

    def _ensure_pool(self) -> cf.ProcessPoolExecutor:
        if self._pool is None:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["casewatch.pipeline", "casewatch.extract.warm"])
            self._pool = cf.ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx)
        return self._pool

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        return self.start(fn, items)()

    def start(self, fn: Callable[[T], R], items: Sequence[T]) -> Callable[[], list[R]]:
        if self.workers == 1 or len(items) < 2:
            results = [fn(x) for x in items]
            return lambda: results
        futures = [self._ensure_pool().submit(fn, x) for x in items]
        return lambda: [f.result() for f in futures]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


def make_runner(workers: int) -> Runner:
    return SerialRunner() if workers <= 1 else ProcessRunner(workers)

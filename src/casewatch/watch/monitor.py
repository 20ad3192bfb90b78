"""The long run: each source fetched on its own interval until the monitor is told to stop.

One monitor per database: it holds a lock file beside the database (``DB.monitor.lock``, an exclusive
``flock`` the system releases when the process ends, however it ends), so a second one is refused with a
line naming the first. SIGINT and SIGTERM ask the monitor to stop: the source being fetched is finished,
what the pass found is ingested, and it exits; a monitor killed outright (SIGKILL, a power cut) loses
nothing either, since an entry counts as seen only once its report is stored (see :mod:`.passes`) and the
next ingest finishes the work a stopped one left.
"""
from __future__ import annotations

import datetime as dt
import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from ..errors import StoreError
from ..runner import Runner
from ..settings import Settings
from ..store import Store, now_iso
from .fetcher import Fetcher
from .passes import PassReport, run_pass

LOCK_SUFFIX = ".monitor.lock"


class MonitorRunningError(StoreError):
    """Another monitor holds the database's lock."""


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + LOCK_SUFFIX)


@contextmanager
def monitor_lock(db: Path) -> Iterator[Path]:
    """Hold the database's monitor lock for the block, or raise :class:`MonitorRunningError`."""
    import fcntl

    path = lock_path(db)
    handle = path.open("a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise MonitorRunningError(
            f"{db}: a monitor is already running on this database ({holder}); stop it first "
            "(or run `casewatch fetch` for one pass)") from None
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}, since {now_iso()}\n")
        handle.flush()
        yield path
    finally:
        handle.seek(0)
        handle.truncate()
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


class StopFlag:
    """Set by SIGINT or SIGTERM (or by a caller); the monitor checks it between sources and while waiting."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self.signal: str | None = None

    def __call__(self) -> bool:
        return self._event.is_set()

    def set(self, why: str = "asked") -> None:
        self.signal = self.signal or why
        self._event.set()

    def wait(self, seconds: float) -> bool:
        return self._event.wait(max(0.0, seconds))

    @contextmanager
    def on_signals(self) -> Iterator[StopFlag]:
        """Turn SIGINT and SIGTERM into a request to stop for the block (the main thread only)."""
        if threading.current_thread() is not threading.main_thread():
            yield self
            return

        def handler(signum: int, _frame: FrameType | None) -> None:
            self.set(signal.Signals(signum).name)

        before = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield self
        finally:
            for s, h in before.items():
                signal.signal(s, h)


def seconds_until(when: str | None, now: str, tick: float) -> float:
    """How long to wait before looking again: until the next source is due, at most ``tick``."""
    if when is None:
        return tick
    gap = (dt.datetime.fromisoformat(when) - dt.datetime.fromisoformat(now)).total_seconds()
    return min(tick, max(0.0, gap))


def monitor(store: Store, fetcher: Fetcher, settings: Settings, runner: Runner, *, stop: StopFlag,
            log: Callable[[str], None], after_pass: Callable[[PassReport], None] = lambda _: None,
            actor: str | None = None, passes: int | None = None) -> int:
    """Run passes until ``stop`` is set (or ``passes`` passes ran); returns how many passes ran.

    A pass runs whenever a source is due; ``after_pass`` gets each pass's report (the CLI delivers alerts
    there) and ``log`` one line per pass that fetched something.
    """
    ran = 0
    log(f"{now_iso()} monitor started on {store.path} (pid {os.getpid()})")
    while not stop():
        now = now_iso()
        if store.due_sources(now):
            report = run_pass(store, fetcher, settings, runner, at=now, stop=stop, actor=actor)
            ran += 1
            log(report.line())
            for result in report.sources:
                for error in result.errors:
                    log(f"  {result.name}: {error}")
            after_pass(report)
            if passes is not None and ran >= passes:
                break
        else:
            after_pass(PassReport(at=now))
        stop.wait(seconds_until(store.next_due_at(), now_iso(), settings.monitor_tick))
    log(f"{now_iso()} monitor stopped ({stop.signal or 'done'}) after {ran} pass(es)")
    return ran

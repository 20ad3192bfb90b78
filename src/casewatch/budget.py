"""A time budget for one report's stages: a report that takes longer fails with its name, the batch goes on.

Every stage's cost grows with its input, and inputs are bounded, so the budget is a guard against a
case nobody foresaw. It uses a real-time timer signal, which Python delivers between bytecodes, so
it can only be set in a process's main thread; elsewhere (a web server's worker thread) the stages
run unguarded and rely on their bounds alone.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import InputError

REPORT_BUDGET_S = 60.0
"""Seconds one report may spend in cleaning and dates."""


class OverBudget(InputError):
    """A report that took longer than its budget."""


@contextmanager
def time_budget(origin: str, seconds: float = REPORT_BUDGET_S) -> Iterator[None]:
    """Raise :class:`OverBudget` in the block once ``seconds`` have passed (main thread only, else no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise OverBudget(origin, f"took longer than {seconds:g} s to clean and date; it was left unprocessed "
                         "(its bytes are stored): split it into its separate reports")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

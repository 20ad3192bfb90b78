"""Fixtures for the network edge: a real local web site (see http_site.py) and settings with tiny waits."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from watch.http_site import Site


def _running() -> Iterator[Site]:
    site = Site()
    try:
        yield site
    finally:
        site.close()


@pytest.fixture
def http_site() -> Iterator[Site]:
    """A web site on 127.0.0.1 (a free port) whose answers the test sets; closed after the test."""
    yield from _running()


@pytest.fixture
def other_site() -> Iterator[Site]:
    """A second site: another host (port) with its own robots.txt."""
    yield from _running()


class FakeTime:
    """A clock that moves only when slept on; every wait is recorded (``waits``) instead of waited."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.waits: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(round(seconds, 6))
        self.now += seconds


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()

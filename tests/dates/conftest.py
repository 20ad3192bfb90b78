"""Fixtures for the date tests: the publication day most tests read against, one mention of a text."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from casewatch.dates import find_dates
from casewatch.models import DateMention

WEDNESDAY_21_JANUARY_2026 = dt.date(2026, 1, 21)


@pytest.fixture
def published() -> dt.date:
    """The publication day of the invented reports: Wednesday 21 January 2026."""
    return WEDNESDAY_21_JANUARY_2026


@pytest.fixture
def one() -> Callable[..., DateMention]:
    """The only date mention of a text (published on 21 January 2026 unless told otherwise)."""

    def only(text: str, published: dt.date | None = WEDNESDAY_21_JANUARY_2026) -> DateMention:
        found = find_dates(text, published)
        assert len(found) == 1, [m.text for m in found]
        return found[0]

    return only

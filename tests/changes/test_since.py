"""--since and ?since=: the forms accepted, as UTC time stamps in the form change records are stamped."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from casewatch.changes.since import SINCE_PATTERN, parse_since
from casewatch.errors import InvalidValueError

NOW = dt.datetime(2026, 6, 12, 8, 30, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize("text,expected", [
    ("30m", "2026-06-12T08:00:00+00:00"), ("24h", "2026-06-11T08:30:00+00:00"), ("7d", "2026-06-05T08:30:00+00:00"),
    ("2026-06-01", "2026-06-01T00:00:00+00:00"), ("2026-06-01T09:15", "2026-06-01T09:15:00+00:00"),
    ("2026-06-01T09:15:30Z", "2026-06-01T09:15:30+00:00"), ("2026-06-01T11:15:30+02:00", "2026-06-01T09:15:30+00:00"),
])
def test_each_form(text, expected):
    assert parse_since(text, NOW) == expected
    assert re.fullmatch(SINCE_PATTERN, text)


@pytest.mark.parametrize("text", ["3x", "yesterday", "2026-6-1", "-5d", "24 h"])
def test_a_bad_form_says_the_forms_accepted(text):
    with pytest.raises(InvalidValueError, match="30m, 24h, 7d"):
        parse_since(text, NOW)


def test_a_day_that_does_not_exist_is_refused_when_strict_and_compared_as_written_otherwise():
    with pytest.raises(InvalidValueError, match="no such day"):
        parse_since("2026-02-30", NOW)
    assert parse_since("2026-02-30", NOW, strict=False) == "2026-02-30T00:00:00+00:00"
    assert parse_since("", NOW) is None

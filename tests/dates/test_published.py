"""The publication date read from a date line or a page's metadata."""
from __future__ import annotations

import datetime as dt

import pytest

from casewatch.dates import parse_published


@pytest.mark.parametrize(("text", "day"), [
    ("21 January 2026", "2026-01-21"),
    ("Sunday, 15 February 2026", "2026-02-15"),
    ("January 20, 2026", "2026-01-20"),
    ("2026-01-21", "2026-01-21"),
    ("2026-01-21T10:15:00+00:00", "2026-01-21"),
    ("2026-01-21T23:40:00-08:00", "2026-01-21"),
    ("Jan 20 2026 10:15 AM", "2026-01-20"),
    ("  Published: 21 Jan 2026, 10:15 GMT ", "2026-01-21"),
    ("Posted on January 21st, 2026 by the desk", "2026-01-21"),
    ("21/01/2026", "2026-01-21"),
    ("March 29, 2026 5:42 PM GMT+2", "2026-03-29"),
    ("29 March 2026, 23:42 UTC-5", "2026-03-29"),
    ("Sun 29 Mar 2026 17.42 BST", "2026-03-29"),
])
def test_full_dates(text, day):
    m = parse_published(text)
    assert m is not None
    assert (m.first, m.last, m.precision, m.span, m.anchor) == (dt.date.fromisoformat(day),
                                                               dt.date.fromisoformat(day), "day", None, None)
    assert m.text == text.strip()


@pytest.mark.parametrize("text", ["1 Shawwal 1445 AH", "١ شوال ١٤٤٥ هـ"])
def test_a_lunar_hijri_date_line(text):
    m = parse_published(text)
    assert m is not None
    assert (m.first, m.calendar) == (dt.date(2024, 4, 10), "lunar_hijri")


def test_a_solar_hijri_date_line():
    m = parse_published("۱۹ دی ۱۴۰۴")
    assert m is not None
    assert (m.first, m.calendar) == (dt.date(2026, 1, 9), "solar_hijri")


@pytest.mark.parametrize("text", ["", "   ", "January 2026", "2026", "yesterday", "Tuesday", "3 hours ago",
                                  "05/06/2026", "no date here"])
def test_not_a_full_date(text):
    assert parse_published(text) is None

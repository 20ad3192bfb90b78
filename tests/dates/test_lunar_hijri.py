"""Lunar Hijri (Islamic, Umm al-Qura) dates, in Latin transliteration and in Arabic and Persian script.

Known days: 1 Ramadan 1445 was Monday 11 March 2024 and 1 Shawwal 1445 Wednesday 10 April 2024
(the Umm al-Qura calendar); 1 Muharram 1446 was Sunday 7 July 2024.
"""
from __future__ import annotations

import datetime as dt

import pytest

from casewatch.dates import find_dates, lunar_hijri

D = dt.date.fromisoformat
PUBLISHED = dt.date(2024, 4, 20)


@pytest.mark.parametrize(("hijri", "day"), [
    ((1445, 9, 1), "2024-03-11"), ((1445, 10, 1), "2024-04-10"), ((1446, 1, 1), "2024-07-07"),
    ((1445, 12, 10), "2024-06-16"),
])
def test_known_days(hijri, day):
    got = lunar_hijri.to_gregorian(*hijri)
    assert got == D(day)
    assert type(got) is dt.date


def test_days_that_do_not_exist_or_are_out_of_range():
    assert lunar_hijri.to_gregorian(1445, 10, 30) is None  # Shawwal 1445 had 29 days
    assert lunar_hijri.to_gregorian(1200, 1, 1) is None
    assert lunar_hijri.month_range(1445, 9) == (D("2024-03-11"), D("2024-04-09"))
    assert lunar_hijri.year_of(D("2024-07-07")) == 1446
    assert lunar_hijri.year_of(D("2024-07-06")) == 1445


@pytest.mark.parametrize(("text", "words", "first", "last", "precision"), [
    ("The prisoners were pardoned on 1 Shawwal 1445, the ministry said.", "1 Shawwal 1445", "2024-04-10",
     "2024-04-10", "day"),
    ("Nadir Selvan was executed on 10 Dhu al-Hijjah 1445 AH.", "10 Dhu al-Hijjah 1445 AH", "2024-06-16",
     "2024-06-16", "day"),
    ("The court sat on Ramadan 1, 1445.", "Ramadan 1, 1445", "2024-03-11", "2024-03-11", "day"),
    ("He was arrested on the 1st of Muharram 1446.", "1st of Muharram 1446", "2024-07-07", "2024-07-07", "day"),
    ("He was arrested on 1 Rabi' al-Awwal 1446.", "1 Rabi' al-Awwal 1446", "2024-09-04", "2024-09-04", "day"),
    ("He was arrested on 1 Rabiul Awwal 1446.", "1 Rabiul Awwal 1446", "2024-09-04", "2024-09-04", "day"),
    ("Amnesties were announced in Ramadan 1445.", "Ramadan 1445", "2024-03-11", "2024-04-09", "month"),
    ("He was tried in 1445 AH.", "1445 AH", "2023-07-19", "2024-07-06", "year"),
    ("He was tried in the Hijri year 1445.", "the Hijri year 1445", "2023-07-19", "2024-07-06", "year"),
    ("حكم عليه في ١ شوال ١٤٤٥ هـ", "١ شوال ١٤٤٥ هـ", "2024-04-10", "2024-04-10", "day"),
    ("او در ۱ رمضان ۱۴۴۵ قمری بازداشت شد", "۱ رمضان ۱۴۴۵ قمری", "2024-03-11", "2024-03-11", "day"),
    ("اعتقل في رمضان ١٤٤٥", "رمضان ١٤٤٥", "2024-03-11", "2024-04-09", "month"),
])
def test_lunar_hijri_dates(text, words, first, last, precision):
    for published in (PUBLISHED, None):
        m, = find_dates(text, published)
        assert (m.text, m.first, m.last, m.precision, m.calendar) == (words, D(first), D(last), precision,
                                                                      "lunar_hijri")


def test_a_day_without_its_year_is_the_nearest_to_publication():
    m, = find_dates("A decree of 3 Shawwal pardoned them.", PUBLISHED)
    assert (m.text, m.first, m.calendar) == ("3 Shawwal", D("2024-04-12"), "lunar_hijri")
    m, = find_dates("A decree of 3 Shawwal pardoned them.", None)
    assert (m.first, m.calendar) == (None, "lunar_hijri")


def test_a_holy_month_alone_is_the_latest_before_publication():
    m, = find_dates("Hundreds were freed during Ramadan, the group said.", PUBLISHED)
    assert (m.text, m.first, m.last, m.precision) == ("Ramadan", D("2024-03-11"), D("2024-04-09"), "month")


def test_another_month_alone_needs_the_month_of():
    assert find_dates("Visits stopped in Safar.", PUBLISHED) == []
    m, = find_dates("Visits stopped in the month of Safar.", PUBLISHED)
    assert (m.text, m.first) == ("Safar", D("2023-08-17"))


@pytest.mark.parametrize("text", [
    "Tariq Ramadan spoke in Ramadan Square.",
    "Rajab's lawyer said he would appeal.",
    "He was born in 1445 in Florence.",
    "The fine was 1445 riyals.",
    "صفر ۱۲",
])
def test_names_and_numbers_that_are_not_lunar_hijri_dates(text):
    assert all(m.calendar != "lunar_hijri" for m in find_dates(text, PUBLISHED))


def test_a_solar_hijri_marker_is_not_read_as_lunar():
    m, = find_dates("او در سال ۱۴۰۳ ه.ش بازداشت شد", dt.date(2025, 1, 10))
    assert m.calendar == "solar_hijri"

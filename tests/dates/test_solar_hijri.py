"""Solar Hijri (Iranian calendar) dates, in Latin transliteration and in Persian script."""
from __future__ import annotations

import datetime as dt

import pytest

from casewatch.dates import find_dates

D = dt.date.fromisoformat
YEAR_1404 = (D("2025-03-21"), D("2026-03-20"))


@pytest.mark.parametrize(("text", "words", "first", "last", "precision"), [
    ("Karim Ostadi was arrested on 19 Dey 1404.", "19 Dey 1404", "2026-01-09", "2026-01-09", "day"),
    ("Karim Ostadi was arrested on Dey 19, 1404.", "Dey 19, 1404", "2026-01-09", "2026-01-09", "day"),
    ("He was arrested on 19 Dei 1404.", "19 Dei 1404", "2026-01-09", "2026-01-09", "day"),
    ("The strike began on 1 Farvardin 1404.", "1 Farvardin 1404", "2025-03-21", "2025-03-21", "day"),
    ("The court sat on 12 Amordad 1403.", "12 Amordad 1403", "2024-08-02", "2024-08-02", "day"),
    ("The court sat on 12 Mordad 1403.", "12 Mordad 1403", "2024-08-02", "2024-08-02", "day"),
    ("Sentences were issued on 29 Isfand 1403.", "29 Isfand 1403", "2025-03-19", "2025-03-19", "day"),
    ("The order is dated 1404/10/19.", "1404/10/19", "2026-01-09", "2026-01-09", "day"),
    ("Arrests peaked in Dey 1404.", "Dey 1404", "2025-12-22", "2026-01-20", "month"),
    ("Arrests peaked in Esfand 1403.", "Esfand 1403", "2025-02-19", "2025-03-20", "month"),
    ("بازداشت در ۱۹ دی ۱۴۰۴ انجام شد", "۱۹ دی ۱۴۰۴", "2026-01-09", "2026-01-09", "day"),
    ("اعتراضات دی‌ماه ۱۴۰۴", "دی‌ماه ۱۴۰۴", "2025-12-22", "2026-01-20", "month"),
    ("He was tried in 1404 SH.", "1404 SH", "2025-03-21", "2026-03-20", "year"),
    ("He was tried in the Iranian year 1403.", "Iranian year 1403", "2024-03-20", "2025-03-20", "year"),
])
def test_solar_hijri_dates(one, text, words, first, last, precision):
    for published in (dt.date(2026, 1, 21), None):
        m = one(text, published=published)
        assert (m.text, m.first, m.last, m.precision, m.calendar) == (words, D(first), D(last), precision,
                                                                      "solar_hijri")


def test_the_year_1404_in_a_report_about_iran(one):
    m = one("Families of those killed in the protests of 1404 in Iran gathered in Tehran.")
    assert (m.text, (m.first, m.last), m.precision, m.calendar) == ("1404", YEAR_1404, "year", "solar_hijri")


@pytest.mark.parametrize("text", [
    "Nurses lost their posts over the strikes of 1404 in Varesh.",
    "Teachers were jailed after the 1404 uprising in Varesh.",
])
def test_a_year_that_names_an_event_near_the_publication_year(one, text):
    m = one(text)
    assert (m.text, (m.first, m.last), m.calendar) == ("1404", YEAR_1404, "solar_hijri")


def test_a_solar_hijri_date_elsewhere_in_the_report_makes_it_about_iran(published):
    found = find_dates("He was arrested on 19 Dey 1404, the second arrest of 1404.", published)
    assert [(m.text, m.first, m.last) for m in found] == [
        ("19 Dey 1404", D("2026-01-09"), D("2026-01-09")),
        ("1404", *YEAR_1404),
    ]


def test_a_bare_year_without_a_publication_date_needs_an_explicit_cue(one):
    m = one("Families of those killed in the protests of 1404 in Iran gathered.", published=None)
    assert (m.text, m.first, m.last) == ("1404", None, None)


def test_a_history_year_in_a_report_not_about_iran(one):
    near = one("In 1404 the city walls of Veltrana were built.")
    assert (near.text, near.first, near.last) == ("1404", None, None)
    far = one("In 1404 the city walls of Veltrana were built.", published=dt.date(1990, 5, 1))
    assert (far.first, far.last, far.calendar) == (D("1404-01-01"), D("1404-12-31"), "gregorian")


def test_persian_digits_make_a_bare_year_solar_hijri(one):
    m = one("سال ۱۴۰۴", published=None)
    assert ((m.first, m.last), m.calendar) == (YEAR_1404, "solar_hijri")


def test_a_month_alone_in_a_report_about_iran_is_the_latest_one_not_after_publication(one):
    m = one("Iranian police detained him in Azar.")
    assert (m.text, m.first, m.last, m.calendar) == ("Azar", D("2025-11-22"), D("2025-12-21"), "solar_hijri")
    assert m.anchor == "published 2026-01-21"


def test_names_that_are_also_month_names_stay_out(published):
    assert find_dates("Azar Karimi told the Mehr News Agency about Bahman Rostami.", published) == []


def test_a_yearless_solar_hijri_day(one):
    m = one("The Iranian court set the hearing for 5 Bahman.")
    assert (m.first, m.calendar) == (D("2026-01-25"), "solar_hijri")

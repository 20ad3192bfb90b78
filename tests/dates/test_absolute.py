"""Dates written with their year, and the words that must not be taken for dates."""
from __future__ import annotations

import datetime as dt

import pytest

from casewatch.dates import find_dates

D = dt.date.fromisoformat


@pytest.mark.parametrize(("text", "words", "first", "last", "precision"), [
    ("Dorin Vasko was detained on 20 January 2026 in Veltrana.", "20 January 2026", "2026-01-20",
     "2026-01-20", "day"),
    ("The verdict came on January 20, 2026.", "January 20, 2026", "2026-01-20", "2026-01-20", "day"),
    ("It was filed on Tuesday, January 20, 2026, in the morning.", "Tuesday, January 20, 2026", "2026-01-20",
     "2026-01-20", "day"),
    ("Records dated 2026-01-20 were seized.", "2026-01-20", "2026-01-20", "2026-01-20", "day"),
    ("The letter is dated 20/01/2026.", "20/01/2026", "2026-01-20", "2026-01-20", "day"),
    ("The letter is dated 01/20/2026.", "01/20/2026", "2026-01-20", "2026-01-20", "day"),
    ("The form reads 20.01.2026 at the top.", "20.01.2026", "2026-01-20", "2026-01-20", "day"),
    ("The hearing was held on the 3rd of March 2025.", "3rd of March 2025", "2025-03-03", "2025-03-03",
     "day"),
    ("The strike began in January 2026.", "January 2026", "2026-01-01", "2026-01-31", "month"),
    ("He was moved in Sept. 2024 to a prison near Orlak.", "Sept. 2024", "2024-09-01", "2024-09-30", "month"),
    ("The law passed in 2025.", "2025", "2025-01-01", "2025-12-31", "year"),
    ("She has been held since 2019.", "2019", "2019-01-01", "2019-12-31", "year"),
    ("The camp was built in 1848.", "1848", "1848-01-01", "1848-12-31", "year"),
    ("Sessions ran on March 5-7, 2025.", "March 5-7, 2025", "2025-03-05", "2025-03-07", "range"),
    ("He served 2019-2021 in the regional assembly.", "2019-2021", "2019-01-01", "2021-12-31", "range"),
])
def test_dates_with_their_year(one, text, words, first, last, precision):
    m = one(text)
    assert (m.text, m.first, m.last, m.precision) == (words, D(first), D(last), precision)
    assert m.anchor is None
    assert m.calendar == "gregorian"


def test_day_and_month_order_that_cannot_be_told_is_kept_without_days(one):
    m = one("The summons is dated 05/06/2026.")
    assert (m.text, m.first, m.last, m.precision) == ("05/06/2026", None, None, "day")


def test_absolute_dates_resolve_without_a_publication_date(one):
    m = one("The appeal was rejected on 14 February 2025.", published=None)
    assert (m.first, m.last) == (D("2025-02-14"), D("2025-02-14"))


@pytest.mark.parametrize("text", [
    "The bail was set at $2019 and paid in cash.",
    "Turnout rose by 2019% in the district, the figure said.",
    "Some 1,999 people signed the petition.",
    "Theresa Novak and Maria May spoke to the press.",
    "Protesters march on the ministry every week.",
    "The group will meet whenever it may be safe.",
    "Flight numbers such as 1848-2 are listed.",
])
def test_numbers_and_words_that_are_not_dates(text):
    assert find_dates(text, dt.date(2026, 1, 21)) == []


def test_a_fiscal_year_written_with_two_digits_is_left_out():
    assert find_dates("The 1990-91 budget was cut.", dt.date(2026, 1, 21)) == []


def test_weekday_written_with_a_yearless_day_picks_the_year_it_fits(one):
    m = one("The rally is planned for Saturday, April 25.", published=dt.date(2026, 4, 20))
    assert m.first == D("2026-04-25")
    m = one("The rally took place on Friday, April 25.", published=dt.date(2026, 4, 20))
    assert m.first == D("2025-04-25")

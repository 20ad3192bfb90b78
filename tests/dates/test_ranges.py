"""Two dates joined into one range."""
from __future__ import annotations

import datetime as dt

import pytest

from casewatch.dates import find_dates

D = dt.date.fromisoformat


@pytest.mark.parametrize(("text", "words", "first", "last"), [
    ("The curfew stayed in force from late 2024 through early 2025.", "from late 2024 through early 2025",
     "2024-09-01", "2025-04-30"),
    ("Dozens were held between March and May 2025.", "between March and May 2025", "2025-03-01",
     "2025-05-31"),
    ("Courts sat between December and February 2025.", "between December and February 2025", "2024-12-01",
     "2025-02-28"),
    ("The visits were banned from 2019 to 2021.", "from 2019 to 2021", "2019-01-01", "2021-12-31"),
    ("Hearings ran January 5-7.", "January 5-7", "2026-01-05", "2026-01-07"),
    ("Hearings ran 5–7 January 2026.", "5–7 January 2026", "2026-01-05", "2026-01-07"),
    ("The border was closed Friday until Sunday.", "Friday until Sunday", "2026-01-16", "2026-01-18"),
])
def test_ranges(one, text, words, first, last):
    m = one(text)
    assert (m.text, m.first, m.last, m.precision) == (words, D(first), D(last), "range")


def test_a_rescheduled_date_is_two_dates_not_a_range(published):
    found = find_dates("The court moved the hearing from Tuesday to Thursday.", published)
    assert [m.text for m in found] == ["Tuesday", "Thursday"]


def test_two_months_joined_by_and_without_between_stay_apart(published):
    found = find_dates("Raids took place in March and May 2025.", published)
    assert [(m.text, m.precision) for m in found] == [("March", "month"), ("May 2025", "month")]


def test_a_range_without_a_publication_date_keeps_its_words_without_days(one):
    m = one("Visits were banned from Monday through Friday.", published=None)
    assert (m.text, m.first, m.last, m.precision) == ("from Monday through Friday", None, None, "range")


@pytest.mark.parametrize(("text", "words", "first", "last"), [
    ("Between 5 and 9 January, the group logged eleven new trials.", "Between 5 and 9 January", "2026-01-05",
     "2026-01-09"),
    ("From 3 to 18 November 2025, lawyers were barred from the prison.", "From 3 to 18 November 2025",
     "2025-11-03", "2025-11-18"),
])
def test_days_of_one_month_between_and(one, text, words, first, last):
    m = one(text)
    assert (m.text, m.first, m.last, m.precision) == (words, D(first), D(last), "range")


def test_days_of_one_month_rescheduled_are_not_a_range(published):
    found = find_dates("The court moved the hearing from 3 to 5 March.", published)
    assert [(m.text, m.precision) for m in found] == [("5 March", "day")]

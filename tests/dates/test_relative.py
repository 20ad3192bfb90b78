"""Dates that need the publication date (Wednesday 21 January 2026) or the date before them."""
from __future__ import annotations

import datetime as dt

import pytest

from casewatch.dates import find_dates

D = dt.date.fromisoformat
ANCHOR = "published 2026-01-21"


@pytest.mark.parametrize(("text", "words", "first", "last", "precision"), [
    ("Lawyers for Dorin Vasko said Tuesday that he had been beaten.", "Tuesday", "2026-01-20", "2026-01-20",
     "day"),
    ("Guards moved him on Friday.", "Friday", "2026-01-16", "2026-01-16", "day"),
    ("The court announced Wednesday that the trial would resume.", "Wednesday", "2026-01-21", "2026-01-21",
     "day"),
    ("The court will rule on Tuesday.", "Tuesday", "2026-01-27", "2026-01-27", "day"),
    ("A hearing is expected Friday.", "Friday", "2026-01-23", "2026-01-23", "day"),
    ("He went on hunger strike last Wednesday.", "last Wednesday", "2026-01-14", "2026-01-14", "day"),
    ("His family plans to visit next Monday.", "next Monday", "2026-01-26", "2026-01-26", "day"),
    ("Police raided the office today.", "today", "2026-01-21", "2026-01-21", "day"),
    ("She was released late yesterday.", "late yesterday", "2026-01-20", "2026-01-20", "day"),
    ("The appeal will be heard tomorrow.", "tomorrow", "2026-01-22", "2026-01-22", "day"),
    ("He was transferred last week.", "last week", "2026-01-12", "2026-01-18", "week"),
    ("The ruling is due this week.", "this week", "2026-01-19", "2026-01-25", "week"),
    ("Inspectors arrive next week.", "next week", "2026-01-26", "2026-02-01", "week"),
    ("Dozens were detained last month.", "last month", "2025-12-01", "2025-12-31", "month"),
    ("Visits resumed this month.", "this month", "2026-01-01", "2026-01-31", "month"),
    ("Executions rose last year.", "last year", "2025-01-01", "2025-12-31", "year"),
    ("The law changed this year.", "this year", "2026-01-01", "2026-12-31", "year"),
    ("Elections are due next year.", "next year", "2027-01-01", "2027-12-31", "year"),
    ("He was arrested three weeks ago.", "three weeks ago", "2025-12-29", "2026-01-04", "week"),
    ("The group formed two years ago.", "two years ago", "2024-01-01", "2024-12-31", "year"),
    ("She was sentenced earlier this month.", "earlier this month", "2026-01-01", "2026-01-31", "month"),
    ("Talks stalled early this year.", "early this year", "2026-01-01", "2026-04-30", "part_of_year"),
    ("The camp was closed last spring.", "last spring", "2025-03-01", "2025-05-31", "season"),
    ("Protests spread over the weekend.", "the weekend", "2026-01-17", "2026-01-18", "week"),
    ("The hearing was held in December.", "December", "2025-12-01", "2025-12-31", "month"),
    ("More arrests followed in late December.", "late December", "2025-12-21", "2025-12-31", "part_of_month"),
    ("He was first detained in mid-March.", "mid-March", "2025-03-11", "2025-03-20", "part_of_month"),
    ("The petition was filed at the end of March.", "the end of March", "2025-03-21", "2025-03-31",
     "part_of_month"),
    ("He was moved last April.", "last April", "2025-04-01", "2025-04-30", "month"),
    ("The prison was emptied in the summer.", "the summer", "2025-06-01", "2025-08-31", "season"),
    ("Arrests peaked in the third quarter.", "the third quarter", "2025-07-01", "2025-09-30", "part_of_year"),
    ("The decree was signed on Dec. 28.", "Dec. 28", "2025-12-28", "2025-12-28", "day"),
    ("The retrial opens on Feb. 3.", "Feb. 3", "2026-02-03", "2026-02-03", "day"),
])
def test_dates_counted_from_publication(one, text, words, first, last, precision):
    m = one(text)
    assert (m.text, m.first, m.last, m.precision) == (words, D(first), D(last), precision)
    assert m.anchor == ANCHOR


def test_a_month_without_a_year_is_the_latest_one_not_after_publication_across_the_new_year(one):
    m = one("The verdict was read in December.", published=D("2026-01-05"))
    assert (m.first, m.last) == (D("2025-12-01"), D("2025-12-31"))
    m = one("The verdict was read in January.", published=D("2026-01-05"))
    assert (m.first, m.last) == (D("2026-01-01"), D("2026-01-31"))


def test_a_cue_on_the_line_before_still_counts(one):
    m = one("A hearing is expected\nFriday, the lawyer said.")
    assert m.first == D("2026-01-23")


def test_a_month_with_a_future_cue_looks_ahead(one):
    m = one("The trial is scheduled to open in March.")
    assert (m.first, m.last) == (D("2026-03-01"), D("2026-03-31"))


def test_counts_from_the_previous_date_of_the_text(published):
    text = ("Mira Castell was detained on March 5, 2025. Two days later she was charged. "
            "The previous day she had met her lawyer. A week later she was moved to Orlak prison.")
    found = find_dates(text, published)
    assert [(m.text, m.first, m.last, m.precision) for m in found] == [
        ("March 5, 2025", D("2025-03-05"), D("2025-03-05"), "day"),
        ("Two days later", D("2025-03-07"), D("2025-03-07"), "day"),
        ("The previous day", D("2025-03-06"), D("2025-03-06"), "day"),
        ("A week later", D("2025-03-10"), D("2025-03-16"), "week"),
    ]
    assert found[1].anchor == "previous date 2025-03-05"
    assert found[3].anchor == "previous date 2025-03-07"


def test_later_without_a_previous_date_counts_from_publication(one):
    m = one("A week earlier, the family had been warned.")
    assert (m.first, m.last, m.anchor) == (D("2026-01-12"), D("2026-01-18"), ANCHOR)


def test_later_than_a_coarser_date_cannot_be_resolved(published):
    found = find_dates("The clinic closed in 2019. Two days later it reopened.", published)
    assert (found[1].text, found[1].first, found[1].last) == ("Two days later", None, None)


def test_a_year_ago_after_a_quarter_is_that_quarter_a_year_before(published):
    found = find_dates("Complaints rose in the third quarter, from 40 a year ago.", published)
    assert [(m.text, m.first, m.last) for m in found] == [
        ("the third quarter", D("2025-07-01"), D("2025-09-30")),
        ("a year ago", D("2024-07-01"), D("2024-09-30")),
    ]


def test_no_publication_date_leaves_relative_dates_without_days():
    text = ("Guards beat him on Tuesday, his sister said yesterday. He was moved last week, "
            "in December, three weeks ago; two days later he fell ill. He was arrested on 3 May 2025.")
    found = find_dates(text, None)
    assert [m.text for m in found] == ["Tuesday", "yesterday", "last week", "December", "three weeks ago",
                                       "two days later", "3 May 2025"]
    for m in found[:-1]:
        assert (m.first, m.last, m.anchor) == (None, None, None)
    assert found[-1].first == D("2025-05-03")


@pytest.mark.parametrize("text", [
    "Arrests have risen in recent weeks.",
    "She was released a few days ago.",
    "He had been held for two days before the vote.",
    "The column appeared on the programme This Week with the minister.",
    "Every Monday the families queue at the gate.",
])
def test_vague_counts_and_titles_are_left_out(text, published):
    assert find_dates(text, published) == []


# "On the 14th": press releases and posts that name the month once, or not at all.

@pytest.mark.parametrize(("text", "words", "day"), [
    ("On the 14th, a district judge fined the two editors.", "the 14th", "2026-01-14"),
    ("She was taken away on the 19th and has not been seen since.", "the 19th", "2026-01-19"),
    ("He was arrested on the 25th.", "the 25th", "2025-12-25"),
    ("The appeal will be heard on the 28th.", "the 28th", "2026-01-28"),
    ("He was arrested on the 31st, police said.", "the 31st", "2025-12-31"),
])
def test_a_day_of_the_month_alone_is_in_the_month_of_publication_or_the_one_before(one, text, words, day):
    m = one(text)
    assert (m.text, m.first, m.last, m.precision) == (words, D(day), D(day), "day")


def test_a_day_of_the_month_alone_follows_the_month_just_named(published):
    found = find_dates("Between 3 and 18 November 2025, lawyers were barred from the prison. On the 9th, two of "
                       "them were fined; on the 7th, guards confiscated their notes.", published)
    assert [(m.text, m.first) for m in found[1:]] == [("the 9th", D("2025-11-09")), ("the 7th", D("2025-11-07"))]


def test_a_day_of_the_month_alone_without_a_publication_date_has_no_days():
    m, = find_dates("Guards told the family he would be moved on the 12th.", None)
    assert (m.text, m.first, m.last, m.precision) == ("the 12th", None, None, "day")


@pytest.mark.parametrize("text", [
    "The church was built in the 14th century.", "She lives on the 5th floor.",
    "It was his 3rd arrest.", "He was freed on the 14th day of his hunger strike.",
    "The court sat on the 3th.", "It was the 2nd time he was jailed.",
])
def test_ordinals_that_are_not_days_of_the_month(text, published):
    assert find_dates(text, published) == []

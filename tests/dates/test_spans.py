"""Offsets and words agree over a long invented report; mentions come in order and never overlap."""
from __future__ import annotations

import datetime as dt

import casewatch.dates
from casewatch.dates import find_dates

REPORT = """VELTRANA (Wire) — Lawyers for Mira Castell, a teacher held since March 2024, said Tuesday that
she had begun a hunger strike on Jan. 12 and that guards had moved her to Orlak prison three weeks ago.
Two days later, her sister was summoned. The previous day, the sister had written to the prosecutor.

Castell was first detained on 3 May 2023 and released in late December. She was arrested again
on Tuesday, January 20, 2026, according to a statement dated 2026-01-20, and a hearing is expected
Friday. Her trial is scheduled to open in March; the court will sit from February 3 to February 5,
and a verdict is due by the end of the month.

"We have not seen her since last week," her brother Tomas told reporters yesterday. "Every Monday we
queue at the gate." Visits were banned between March and May 2025, and again from late 2025 until
early 2026. In the third quarter of 2025 the prison held 412 inmates, up from 301 a year earlier.

Rights groups say executions rose 12% last year and 40% in the first half of 2025. Karim Ostadi, an
Iranian lawyer in Tehran who was arrested on 19 Dey 1404 during the protests of 1404, wrote that
the order against him is dated 1404/10/19 (۱۹ دی ۱۴۰۴). In Bahman, his hearing will take place.
Officials said the 1990-91 budget and the $2019 fine were "irrelevant" and that "May" would decide.

The group, founded in 1998, published its report on 20/01/2026 and plans a second one next year,
possibly in early 2027. Over the weekend, about 1,500 people marched; this morning the mayor spoke.
Earlier this month a court in Orlak ruled that detentions in the summer of 2024 were lawful.
"""


def test_every_mention_is_the_text_at_its_offsets_in_order_without_overlap():
    found = find_dates(REPORT, dt.date(2026, 1, 21))
    assert len(found) > 30
    end = 0
    for m in found:
        start, stop = m.span
        assert REPORT[start:stop] == m.text
        assert m.text == m.text.strip()
        assert start >= end
        end = stop


def test_no_publication_date_resolves_only_what_is_written_in_full():
    for m in find_dates(REPORT, None):
        assert m.anchor is None or m.anchor.startswith("previous date")
        if m.anchor is None and m.first is not None:
            assert m.calendar == "solar_hijri" or any(ch.isdigit() for ch in m.text)


def test_public_api():
    assert casewatch.dates.__all__ == ["find_dates", "parse_published"]

"""Lengths of time as typed: --every and --since."""
from __future__ import annotations

import pytest

from casewatch.durations import parse_duration, say_duration
from casewatch.errors import InvalidValueError


@pytest.mark.parametrize(("text", "seconds"), [("90s", 90), ("30m", 1800), ("2h", 7200), ("1d", 86400),
                                                ("1w", 604800), ("45", 45), (" 1.5h ", 5400), ("10M", 600)])
def test_forms_read(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "0m", "-5m", "5 minutes", "m"])
def test_other_forms_are_one_line_naming_the_forms(text):
    with pytest.raises(InvalidValueError, match="30m"):
        parse_duration(text, "--every")


@pytest.mark.parametrize(("seconds", "text"), [(1800, "30m"), (7200, "2h"), (86400, "1d"), (90, "90s"),
                                                (604800, "1w"), (5400, "90m")])
def test_said_back_in_the_shortest_exact_form(seconds, text):
    assert say_duration(seconds) == text
    assert parse_duration(text) == seconds

"""The source counts of a case, a fact or an event in words, and what each count means.

Shared by the case page and ``casewatch case`` so both say the same thing: reports with no known outlet are
counted apart ("5 outlets (+3 reports with no known outlet)"), never as outlets.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

SOURCE_TERMS: dict[str, str] = {
    "outlet": ("an outlet is a publisher or site: the name the report gives, else its page's site name, else "
               "its web address's domain; reports with no known outlet are counted apart, never as outlets."),
    "independent source": ("an independent source is an origin of a statement that no other counted one can "
                           "have copied: syndicated copies and relays of one primary source count once, an "
                           "outlet's own reporting counts once, and each needs a report of its own, so there are "
                           "never more independent sources than reports."),
    "primary source": ("a primary source is the group, office or person a report says the statement comes from; "
                       "a group's officials (\"X, director of the group\") count as the group."),
}
"""What each count means, in the words the case page and the README use."""


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def outlet_words(item: Mapping[str, Any]) -> str:
    """'5 outlets (+3 reports with no known outlet)' for a case file, a fact or an event."""
    outlets = int(item.get("outlets") or 0)
    unknown = int(item.get("reports_without_outlet") or 0)
    extra = f" (+{_plural(unknown, 'report')} with no known outlet)" if unknown else ""
    return _plural(outlets, "outlet") + extra


def independent_words(item: Mapping[str, Any]) -> str:
    """'2 independent sources'."""
    return _plural(int(item.get("independent_sources") or 0), "independent source")

"""Reading a publication date from the words of a date line or a page's metadata."""
from __future__ import annotations

import datetime as dt
import re

from casewatch.dates.find import find_dates
from casewatch.models import DateMention

_DATEPARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    "PARSERS": ["custom-formats", "absolute-time"],
}
# An ISO day, alone or starting a timestamp: the usual form of page metadata, read without dateparser.
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
# Day and month both 12 or less and different: the order cannot be told.
_AMBIGUOUS_NUMERIC = re.compile(r"(?<!\d)(?P<a>0?[1-9]|1[0-2])[/.-](?P<b>0?[1-9]|1[0-2])[/.-]\d{2,4}(?!\d)")


def parse_published(text: str) -> DateMention | None:
    """The publication day written in ``text`` ("21 January 2026", "2026-01-21T10:15:00+00:00", ...).

    A full date is needed: None for a month alone, a relative date ("yesterday"),
    a numeric date whose day and month cannot be told apart, or no date.
    A text that is one full date the date grammar reads is read by it; otherwise
    dateparser reads the whole text first and, when it cannot, the first full day
    the date grammar finds in it is taken (a date line with other words around it).
    """
    words = text.strip()
    if not words:
        return None
    iso = _ISO_DAY.fullmatch(words)
    if iso:
        try:
            day = dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
        return DateMention(text=words, first=day, last=day, precision="day")
    ambiguous = _AMBIGUOUS_NUMERIC.search(words)
    if ambiguous and int(ambiguous["a"]) != int(ambiguous["b"]):
        return None
    found = find_dates(words, None)
    if len(found) == 1 and found[0].precision == "day" and found[0].first is not None \
            and found[0].span == (0, len(words)):
        m = found[0]  # the whole text is one full date the grammar reads ("4 April 2025"): no need for dateparser
        return DateMention(text=words, first=m.first, last=m.last, precision="day", calendar=m.calendar)
    import dateparser  # imported here: slow to import, and needed only for metadata

    parsed = dateparser.parse(words, languages=["en"], settings=_DATEPARSER_SETTINGS)
    if parsed is not None:
        day = parsed.date()
        return DateMention(text=words, first=day, last=day, precision="day")
    for m in found:
        if m.precision == "day" and m.first is not None:
            return DateMention(text=words, first=m.first, last=m.last, precision="day", calendar=m.calendar)
    return None

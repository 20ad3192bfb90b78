"""Date expressions of a report, resolved to calendar days.

    find_dates(text, published)  every date expression of a clean text, as DateMention
    parse_published(text)        the publication date written in a date line or page metadata
"""
from casewatch.dates.find import find_dates
from casewatch.dates.published import parse_published

__all__ = ["find_dates", "parse_published"]

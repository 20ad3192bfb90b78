"""Cleaning: a report's own words and what its page says about it (title, author, outlet, URL, date words).

    clean_text(text) -> Cleaned            pasted text, by line rules kept as data (data/boilerplate.json)
    clean_html(data, url=None) -> Cleaned  a saved HTML page, by trafilatura
    detect_language(text) -> str | None    'en', 'fa', ...; None for too little text
"""
from casewatch.clean.html import clean_html
from casewatch.clean.language import detect_language
from casewatch.clean.text import clean_text

__all__ = ["clean_html", "clean_text", "detect_language"]

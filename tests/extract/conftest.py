"""The model is loaded once for the whole test session; ``run`` extracts an invented text and ``look``
reads the result."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from casewatch.extract import extract_doc
from casewatch.extract.context import Context, build_sentences
from casewatch.extract.nlp import get_nlp
from casewatch.models import DateMention, EventMention, Extraction


@pytest.fixture(scope="session")
def nlp():
    return get_nlp()


def day(text: str, on: str | None, where: str) -> DateMention:
    """A one-day DateMention for the first occurrence of ``text`` in ``where``."""
    start = where.index(text)
    d = dt.date.fromisoformat(on) if on else None
    return DateMention(text=text, first=d, last=d, precision="day", span=(start, start + len(text)))


@pytest.fixture(scope="session")
def run(nlp) -> Callable[..., Extraction]:
    """Extract a text with the session's model; ``dates`` maps date words to ISO days."""
    def _run(text: str, dates: dict[str, str | None] | None = None) -> Extraction:
        mentions = [day(k, v, text) for k, v in (dates or {}).items()]
        return extract_doc(text, nlp(text), mentions)
    return _run


class Look:
    """Short readers over an Extraction, for assertions."""

    @staticmethod
    def names(x: Extraction, label: str | None = None) -> list[str]:
        return [m.text for m in x.mentions if label is None or m.label == label]

    @staticmethod
    def label(x: Extraction, text: str) -> str | None:
        found = [m.label for m in x.mentions if m.text == text]
        return found[0] if found else None

    @staticmethod
    def events(x: Extraction, etype: str) -> list[EventMention]:
        return [e for e in x.events if e.type == etype]

    @staticmethod
    def subject(x: Extraction, e: EventMention) -> str | None:
        return None if e.subject is None else x.mentions[e.subject].text

    @staticmethod
    def subjects(x: Extraction, etype: str) -> list[str | None]:
        return [Look.subject(x, e) for e in x.events if e.type == etype]

    @staticmethod
    def facts(x: Extraction, field: str) -> list[tuple[str, str]]:
        return [(x.mentions[f.subject].text, f.value) for f in x.facts if f.field == field]

    @staticmethod
    def values(x: Extraction, field: str) -> set[str]:
        return {f.value for f in x.facts if f.field == field}


@pytest.fixture(scope="session")
def look() -> type[Look]:
    return Look


@pytest.fixture(scope="module")
def parse(nlp) -> Callable[[str], Context]:
    """A report's parse and sentences, before any mention rule has run."""
    def _parse(text: str) -> Context:
        ctx = Context(text, nlp(text), [])
        build_sentences(ctx)
        return ctx
    return _parse

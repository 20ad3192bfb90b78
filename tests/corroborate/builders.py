"""Invented reports built by hand: a text, and the extraction and resolution the later stages would give it.

Every span is found in the text by its words, so every Evidence quote is the text at its offsets.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from casewatch.models import (
    Attribution,
    CaseDocument,
    DateMention,
    Entity,
    EventMention,
    Evidence,
    Extraction,
    FactMention,
    Mention,
    OrgExpansion,
)

SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "design" / "casefile.schema.json"
_SENTENCE = re.compile(r"[^.!?]+[.!?]*\s*")


def person(eid: str, name: str, *aliases: str) -> Entity:
    return Entity(eid, "PERSON", name, tuple(aliases))


def org(eid: str, name: str, *aliases: str) -> Entity:
    return Entity(eid, "ORG", name, tuple(aliases))


def day(iso: str, text: str | None = None) -> DateMention:
    d = dt.date.fromisoformat(iso)
    return DateMention(text or iso, d, d, "day")


def month(year: int, mon: int, text: str) -> DateMention:
    first = dt.date(year, mon, 1)
    last = (dt.date(year + mon // 12, mon % 12 + 1, 1) - dt.timedelta(days=1))
    return DateMention(text, first, last, "month")


class Report:
    """One invented report; add mentions, attributions, events and facts, then ``build()``."""

    def __init__(self, doc_id: str, text: str, outlet: str | None = None, group: str | None = None,
                 published: DateMention | None = None, title: str | None = None):
        self.id, self.text, self.outlet, self.group, self.published, self.title = \
            doc_id, text, outlet, group, published, title
        self.sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
        self.extraction = Extraction(sentences=self.sentences)
        self.entity_of: dict[int, str] = {}

    def ev(self, words: str, nth: int = 0) -> Evidence:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(words, start + 1)
        return Evidence(start, start + len(words), self.text[start:start + len(words)])

    def sentence(self, words: str, nth: int = 0) -> Evidence:
        """The whole sentence holding ``words``."""
        at = self.ev(words, nth).start
        s, e = next((s, e) for s, e in self.sentences if s <= at < e)
        quote = self.text[s:e].rstrip()
        return Evidence(s, s + len(quote), quote)

    def mention(self, words: str, label: str, entity: str | None, nth: int = 0) -> int:
        e = self.ev(words, nth)
        sent = next(i for i, (s, end) in enumerate(self.sentences) if s <= e.start < end)
        self.extraction.mentions.append(Mention(e.start, e.end, e.quote, label, sent))
        index = len(self.extraction.mentions) - 1
        if entity is not None:
            self.entity_of[index] = entity
        return index

    def cite(self, words: str, name: str, kind: str = "organisation", mention: int | None = None,
             generic: bool = False, nth: int = 0) -> Attribution:
        """An attribution the report makes (listed in ``Extraction.attributions``)."""
        a = Attribution(name, kind, self.ev(words, nth), mention, generic)
        self.extraction.attributions.append(a)
        return a

    def event(self, etype: str, words: str, subject: int, trigger: str | None = None, **kw: Any) -> EventMention:
        e = EventMention(etype, self.sentence(words), self.ev(trigger or words), subject, **kw)
        self.extraction.events.append(e)
        return e

    def fact(self, subject: int, field: str, value: str, words: str, **kw: Any) -> FactMention:
        f = FactMention(subject, field, value, self.sentence(words), **kw)
        self.extraction.facts.append(f)
        return f

    def expansion(self, acronym: str, expansion: str, words: str) -> OrgExpansion:
        x = OrgExpansion(acronym, expansion, self.ev(words))
        self.extraction.expansions.append(x)
        return x

    def build(self) -> CaseDocument:
        return CaseDocument(self.id, f"reports/{self.id}.txt", self.outlet, self.title, self.published,
                            self.group, self.extraction, dict(self.entity_of))


def texts(reports: list[Report]) -> dict[str, str]:
    return {r.id: r.text for r in reports}


def check_case_files(files: list[dict[str, Any]], reports: list[Report]) -> None:
    """Every quote is the report's text at its offsets; every file is schema-valid when the schema is there."""
    by_id = texts(reports)
    for cf in files:
        items = [sp for f in cf["facts"] for sp in f["support"]] + [sp for e in cf["events"] for sp in e["support"]]
        items += [sp for c in cf["conflicts"] for v in c["values"] for sp in v["support"]]
        for sp in items:
            assert by_id[sp["document"]][sp["start"]:sp["end"]] == sp["quote"], sp
        json.dumps(cf)  # JSON-ready
    try:
        import jsonschema
    except ImportError:
        return
    if SCHEMA.is_file():
        schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
        for cf in files:
            jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(cf)

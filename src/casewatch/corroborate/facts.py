"""Facts: the subject's fact mentions merged across reports by field and normalised value.

Fact mentions come from the extract stage (``Extraction.facts``) and from the
subject's events where a fact is natural: an event's details (a sentence event
with ``sentence=death`` gives the fact ``sentence = death``, so the sentence fact
is supported by every report that reports the sentence) and the facility of a
detention-like event (``data/corroborate.json``, ``event_facts``). Mentions merge
on (field, normalised value, denied or not): a denial never supports the fact it
denies. One support item per place in a report: the same words given both as a
fact and as an event count once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .backing import backing
from .config import is_denied, norm, norm_value, settings, strongest
from .context import Scope
from .ids import stable_id
from .sources import SourceResolver
from .support import Statement, dedupe


@dataclass
class FactGroup:
    field: str
    key: str
    denied: bool
    values: list[str] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)

    @property
    def value(self) -> str:
        """The most frequent written value (the first seen wins a tie)."""
        return max(dict.fromkeys(self.values), key=self.values.count)

    @property
    def modality(self) -> str:
        return "denied" if self.denied else strongest([s.modality for s in self.statements])


_SOURCE_FIELDS = frozenset({"reported_by"})
"""Fields whose value is a source of the report: merged on the source, not on the words."""


def field_name(text: str) -> str:
    return norm(text).replace(" ", "_")


def fact_claims(scope: Scope) -> list[tuple[str, str, Statement]]:
    """(field, value, statement) for every fact of the subject the reports state, events' facts included."""
    cfg = settings()["event_facts"]
    out: list[tuple[str, str, Statement]] = []
    for doc in scope.documents:
        for f in scope.facts(doc):
            out.append((f.field, f.value, Statement(doc, f.evidence, f.modality, f.attribution)))
        for e in scope.events(doc):
            st = Statement(doc, e.evidence, e.modality, e.attribution)
            for k, v in sorted(e.details.items()):
                if k in cfg["details"] and v and v.strip():
                    if k == "sentence" and v == "prison" and e.details.get("length"):
                        v = f"{e.details['length']} in prison"  # as the report's own fact reads it
                    out.append((cfg["details"][k], v, st))
            if e.facility and e.type in cfg["facility_events"] and _named(e.facility):
                out.append(("facility", e.facility, st))
    return out


def _named(place: str) -> bool:
    """A facility the report names ("Gharvan Prison", "Tarsen prison"), not "a detention facility"."""
    return any(w[:1].isupper() for w in place.split())


def merge_facts(scope: Scope, resolver: SourceResolver | None = None) -> list[FactGroup]:
    """The subject's facts, one group per (field, normalised value, denied). With a resolver, ``reported_by``
    names the source as resolved ("VHRW" and "Varesh Human Rights Watch" are one value, the known name)."""
    groups: dict[tuple[str, str, bool], FactGroup] = {}
    for fld, value, st in fact_claims(scope):
        name = field_name(fld)
        key = (name, norm_value(name, value), is_denied(st.modality))
        if name in _SOURCE_FIELDS and resolver is not None and st.attribution is not None:
            source = resolver.source(st.doc, st.attribution)
            if not source.generic:
                value, key = source.name, (name, source.key, key[2])
        if not key[1]:
            continue
        group = groups.setdefault(key, FactGroup(name, key[1], key[2]))
        group.values.append(value.strip())
        group.statements.append(st)
    for g in groups.values():
        g.statements = dedupe(g.statements, scope.corpus.order)
    return sorted(groups.values(), key=lambda g: (g.field, g.denied, -len(g.statements), g.key))


def fact_id(group: FactGroup, case: str) -> str:
    return stable_id("fact", case, group.field, group.key, "denied" if group.denied else "")


def fact_json(group: FactGroup, resolver: SourceResolver, case: str) -> dict[str, Any]:
    return {
        "id": fact_id(group, case),
        "field": group.field,
        "value": group.value,
        "modality": group.modality,
        **backing(group.statements, resolver, group.modality),
    }

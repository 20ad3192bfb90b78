"""Organisation identity: one acronym used for two different organisations across the reports.

Every report's ``Extraction.expansions`` ("the Iran Human Rights Society (IHRS)")
are grouped by acronym. Expansions naming the same organisation are one value:
equal once normalised, or the same entry of the knowledge file when
``casewatch.resolve.lookup_organisation`` is importable. An acronym with two or
more values is a conflict.

The knowledge file also says whose acronym it is (the *owner*): from
``casewatch.resolve.acronym_conflicts`` (expansion, owner of the acronym,
organisation the words name) when importable, else from looking the acronym up.
The preferred value is the owner, else the value most reports give. When every
expansion the reports give names another organisation than the owner, the
reports that cite the owner by the bare acronym ("according to IHRS") support
the owner's value, so the confusion still shows.

Reports giving another value than the preferred one probably confused two
groups. Within the cases a conflict touches, sources named by any of the
confused names count as one source (see ``sources.py``): the reports cannot show
that they are independent. Both imports are lazy: without ``casewatch.resolve``
the comparison of expansions alone decides.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..models import CaseDocument, Entity, Evidence, Extraction, KnownOrganisation, OrgExpansion
from .config import norm
from .support import support_item

Lookup = Callable[[str], KnownOrganisation | None]


@dataclass(frozen=True)
class Value:
    """One organisation the reports use the acronym for, with the words of each report."""

    name: str
    key: str
    support: tuple[tuple[CaseDocument, Evidence], ...]
    known: KnownOrganisation | None
    bare: bool = False
    """True for the owner supported only by bare uses of the acronym."""

    @property
    def documents(self) -> list[str]:
        return list(dict.fromkeys(doc.id for doc, _ in self.support))


@dataclass(frozen=True)
class AcronymConflict:
    acronym: str
    values: tuple[Value, ...]
    """The preferred value first, then most reports first."""
    preferred: Value | None
    written: tuple[str, ...]
    """Every expansion as written."""

    @property
    def documents(self) -> frozenset[str]:
        return frozenset(d for v in self.values for d in v.documents)

    def names(self) -> set[str]:
        """Normalised forms of every name involved: the acronym, each expansion, each known name."""
        out = {norm(self.acronym)} | {norm(w) for w in self.written}
        for v in self.values:
            out.add(v.key)
            if v.known:
                out.add(norm(v.known.name))
        return out


def resolve_helpers() -> tuple[Lookup | None, Callable[..., Any] | None]:
    """``lookup_organisation`` and ``acronym_conflicts`` of ``casewatch.resolve``, each None when not importable."""
    try:
        from .. import resolve
    except ImportError:
        return None, None
    return getattr(resolve, "lookup_organisation", None), getattr(resolve, "acronym_conflicts", None)


def _owners(answer: object) -> dict[str, KnownOrganisation]:
    """Acronym -> its owner, from an ``acronym_conflicts`` answer [(expansion, owner, named), ...]."""
    out: dict[str, KnownOrganisation] = {}
    for item in answer if isinstance(answer, list | tuple) else ():
        if (isinstance(item, tuple) and len(item) == 3 and isinstance(item[0], OrgExpansion)
                and isinstance(item[1], KnownOrganisation)):
            out.setdefault(item[0].acronym.strip(), item[1])
    return out


def _display(forms: list[str]) -> str:
    """The most frequent written form, without a leading article (first seen wins a tie)."""
    cleaned = [f.strip() for f in forms]
    cleaned = [f[4:] if f[:4].casefold() == "the " else f for f in cleaned]
    return max(dict.fromkeys(cleaned), key=cleaned.count)


def _bare_uses(documents: list[CaseDocument], acronym: str, skip: set[str]) -> list[tuple[CaseDocument, Evidence]]:
    """Attributions naming the organisation by the bare acronym, in reports not in ``skip``."""
    return [(doc, a.evidence) for doc in documents if doc.id not in skip
            for a in doc.extraction.attributions if not a.generic and norm(a.name) == norm(acronym)]


def _preferred(values: list[Value], owner: KnownOrganisation | None) -> Value | None:
    if owner is not None:
        for v in values:
            if v.key == norm(owner.name) or v.known == owner:
                return v
    counts = [len(v.documents) for v in values]
    return values[counts.index(max(counts))] if counts.count(max(counts)) == 1 else None


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.-]{1,11}$")


def acronyms_used(documents: list[CaseDocument]) -> set[str]:
    """Acronyms these reports expand, or name a source or an organisation by ("according to VHRW")."""
    out: set[str] = set()
    for doc in documents:
        ex = doc.extraction
        out.update(x.acronym.strip() for x in ex.expansions)
        out.update(a.name.strip() for a in ex.attributions if not a.generic and _ACRONYM.match(a.name.strip()))
        out.update(m.text.strip() for m in ex.mentions if m.label == "ORG" and _ACRONYM.match(m.text.strip()))
    return out


def with_expansions_elsewhere(documents: list[CaseDocument],
                              elsewhere: list[tuple[str, OrgExpansion]]) -> list[CaseDocument]:
    """These reports, and a stand-in for each other report expanding an acronym they use (its expansions only).

    ``elsewhere`` is every stored expansion of the acronyms in question, as (report id, expansion). Taking them
    all, not only those of reports processed alongside, makes a case's organisation conflicts a function of its
    own reports and the store, whatever else is being ingested.
    """
    used = acronyms_used(documents)
    own = {d.id for d in documents}
    extra: dict[str, list[OrgExpansion]] = {}
    for doc_id, x in elsewhere:
        if doc_id not in own and x.acronym.strip() in used:
            extra.setdefault(doc_id, []).append(x)
    stand_ins = [CaseDocument(doc_id, "", None, None, None, None, Extraction(expansions=xs), {})
                 for doc_id, xs in extra.items()]
    return [*documents, *stand_ins]


def acronym_conflicts_in(documents: list[CaseDocument]) -> list[AcronymConflict]:
    """Every acronym the reports use for two or more different organisations, by acronym."""
    lookup, external = resolve_helpers()
    by_acronym: dict[str, list[tuple[CaseDocument, OrgExpansion]]] = {}
    for doc in documents:
        for x in doc.extraction.expansions:
            by_acronym.setdefault(x.acronym.strip(), []).append((doc, x))
    owners = _owners(external([x for items in by_acronym.values() for _, x in items])) if external else {}
    out = []
    for acronym in sorted(by_acronym):
        groups: dict[str, list[tuple[CaseDocument, OrgExpansion]]] = {}
        known_of: dict[str, KnownOrganisation | None] = {}
        for doc, x in by_acronym[acronym]:
            known = lookup(x.expansion) if lookup else None
            key = norm(known.name) if known else norm(x.expansion)
            groups.setdefault(key, []).append((doc, x))
            known_of.setdefault(key, known)
        values = [Value(_display([x.expansion for _, x in items]), key, tuple((d, x.evidence) for d, x in items),
                        known_of[key]) for key, items in groups.items()]
        owner = owners.get(acronym) or (lookup(acronym) if lookup else None)
        if owner is not None and norm(owner.name) not in groups:
            bare = _bare_uses(documents, acronym, {d.id for d, _ in by_acronym[acronym]})
            if bare:
                values.append(Value(owner.name, norm(owner.name), tuple(bare), owner, bare=True))
        if len(values) < 2:
            continue
        preferred = _preferred(values, owner)
        values.sort(key=lambda v: (v is not preferred, -len(v.documents)))
        written = tuple(x.expansion for _, x in by_acronym[acronym])
        out.append(AcronymConflict(acronym, tuple(values), preferred, written))
    return out


def _reports(n: int) -> str:
    return f"{n} report{'' if n == 1 else 's'}"


def _hint(c: AcronymConflict, v: Value) -> str:
    if v.known and v.known.acronyms and c.acronym not in v.known.acronyms:
        return f" (whose usual acronym is {v.known.acronyms[0]})"
    return ""


def conflict_note(c: AcronymConflict) -> str:
    """One sentence: how the reports use the acronym, and which reports probably confused two groups."""
    groups = "the two groups" if len(c.values) == 2 else "these groups"
    first = c.values[0]
    if first.bare:
        others = c.values[1:]
        n = len({d for v in others for d in v.documents})
        listing = " and as ".join(f"'{v.name}'{_hint(c, v)}" for v in others)
        who = "that report" if n == 1 else "those reports"
        alone = _reports(len(first.documents))
        return (f"{c.acronym} is the acronym of '{first.name}' (cited by it alone in {alone}), "
                f"but {_reports(n)} expand{'s' if n == 1 else ''} it as {listing}; {who} probably confused {groups}.")
    parts = [f"'{v.name}'{_hint(c, v)} in {_reports(len(v.documents)) if i == 0 else len(v.documents)}"
             for i, v in enumerate(c.values)]
    head = f"{c.acronym} is expanded as " + ", as ".join(parts[:-1]) + " and as " + parts[-1]
    if c.preferred is None:
        return head + f"; check which group the primary source means by {c.acronym}."
    wrong = [v for v in c.values if v is not c.preferred]
    n_wrong = len({d for v in wrong for d in v.documents})
    if len(c.values) == 2:
        who = "the latter report" if n_wrong == 1 else "the latter reports"
    else:
        who = "the reports giving the other names"
    return head + f"; {who} probably confused {groups}."


def conflict_json(c: AcronymConflict) -> dict[str, Any]:
    """The conflict in case-file form (field "organisation")."""
    return {
        "field": "organisation",
        "acronym": c.acronym,
        "values": [{"value": v.name, "support": [support_item(doc, ev, None) for doc, ev in v.support]}
                   for v in c.values],
        "note": conflict_note(c),
    }


def source_folds(conflicts: list[AcronymConflict], entities: dict[str, Entity]) -> dict[str, tuple[str, str]]:
    """Organisation entity id -> (fold key, display name) for every organisation a conflict confuses."""
    folds: dict[str, tuple[str, str]] = {}
    for c in conflicts:
        names = c.names()
        shown = c.preferred.name if c.preferred else c.values[0].name
        members = [e for e in entities.values() if e.label == "ORG"
                   and (norm(e.name) in names or any(norm(a) in names for a in e.aliases))]
        for e in members:
            if norm(e.name) == norm(shown):
                shown = e.name
        for e in members:
            folds.setdefault(e.id, ("acronym:" + c.acronym, shown))
    return folds

"""Conflicts: where the reports disagree on something that can have only one value.

* **single-valued facts** (``single_valued_fields``: age, gender, date of
  birth...): two or more different values, denials left aside.
* **event dates** (``once_only_events``: execution, death in custody, killing):
  two reports stating it (expected and denied events aside) on day ranges that
  do not overlap ("January 2026" and "20 January" agree; "20 January" and
  "22 January" do not).
* **status**: an event type one report states and another denies (see
  ``status.py``); the status stays below it.
* **sentence**: reports that give one verdict different terms ("life
  imprisonment" and "20 years", "four years" and "five"), when no commutation,
  appeal or new sentence explains it and the sentences are not told of days
  apart.
* **facility**: the place of a death, an execution or a killing given as two
  places, or two reports published within weeks of each other holding the
  person in two different prisons now ("remains in Brask Prison", "is being
  held in Varka Prison").
* **organisation identity**: one acronym expanded as two organisations (see
  ``organisations.py``), in the case files whose own reports hold the mix-up:
  a report of the case gives a value other than the preferred one, or the
  case's reports give two of its values. A case whose reports only use the
  acronym rightly does not show another case's report's confusion.

Every conflict has ``field``, ``values`` (each with its support, most reports
first) and a ``note`` a documenter can act on.
"""
from __future__ import annotations

from typing import Any

from .config import settings
from .context import Scope
from .events import EventGroup
from .facts import FactGroup
from .ids import stable_id
from .organisations import AcronymConflict, conflict_json
from .sources import SourceResolver
from .status import contested_types, derive_status
from .support import Statement, dedupe, support_item

_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _reports(n: int, capital: bool = False, noun: bool = True) -> str:
    word = _NUMBERS[n] if n < len(_NUMBERS) else str(n)
    word = word.capitalize() if capital else word
    return f"{word} report{'' if n == 1 else 's'}" if noun else word


def _docs(statements: list[Statement]) -> int:
    return len({s.doc.id for s in statements})


def _support(statements: list[Statement], resolver: SourceResolver) -> list[dict[str, Any]]:
    return [support_item(s.doc, s.evidence, resolver.attributed_to(s.doc, s.attribution)) for s in statements]


def possessive(scope: Scope, facts: list[FactGroup]) -> str:
    """'his' or 'her' when the reports agree on the subject's gender, else the name with 's."""
    genders = {f.key for f in facts if f.field == "gender" and not f.denied}
    if len(genders) == 1:
        pronoun = settings()["pronouns"].get(next(iter(genders)))
        if pronoun:
            return pronoun
    return f"{scope.entity.name}'s"


def _listing(pairs: list[tuple[int, str]], verb: str) -> str:
    """'Two reports give ... as 23 and one as 24' from [(2, '23'), (1, '24')]."""
    head = f"{_reports(pairs[0][0], capital=True)} {verb} {pairs[0][1]}"
    rest = [f"{_reports(n, noun=False)} {'as' if verb.endswith(' as') else 'to'} {v}" for n, v in pairs[1:]]
    return head + (", " + ", ".join(rest[:-1]) if len(rest) > 1 else "") + (" and " + rest[-1] if rest else "")


def fact_conflicts(scope: Scope, facts: list[FactGroup], resolver: SourceResolver) -> list[dict[str, Any]]:
    out = []
    for fld in settings()["single_valued_fields"]:
        groups = sorted((f for f in facts if f.field == fld and not f.denied), key=lambda g: -_docs(g.statements))
        if len(groups) < 2:
            continue
        verb = f"give {possessive(scope, facts)} {fld.replace('_', ' ')} as"
        listing = _listing([(_docs(g.statements), g.value) for g in groups], verb)
        out.append({
            "field": fld,
            "values": [{"value": g.value, "support": _support(g.statements, resolver)} for g in groups],
            "note": f"{listing}; check the primary source.",
        })
    return out


def _specific_sentence(value: str) -> bool:
    """A sentence value that says what the sentence is: death, life, or a term ("prison" alone does not)."""
    v = value.strip().lower()
    return v not in ("prison", "jail", "imprisonment", "flogging") and bool(v)


def sentence_conflicts(scope: Scope, facts: list[FactGroup], events: list[EventGroup],
                       resolver: SourceResolver) -> list[dict[str, Any]]:
    """One verdict told with different terms by different reports."""
    cfg = settings()
    if any(g.type in cfg["sentence_changes"] and not g.denied for g in events):
        return []
    sentencings = [g for g in events if g.type == "sentence" and not g.denied and g.modality == "asserted"]
    days = sorted({g.days for g in sentencings if g.days is not None})
    if any(a[1] < b[0] for i, a in enumerate(days) for b in days[i + 1:]):
        return []  # sentences of days apart: two verdicts, not one told twice
    groups = [g for g in facts if g.field == "sentence" and not g.denied and g.modality == "asserted"
              and _specific_sentence(g.value)]
    groups = sorted(groups, key=lambda g: (-_docs(g.statements), g.key))
    docs = [{s.doc.id for s in g.statements} for g in groups]
    if len(groups) < 2 or all(d <= docs[0] for d in docs[1:]):
        return []  # one report giving two terms (a list, a main and a commuted sentence) is no disagreement
    listing = _listing([(_docs(g.statements), g.value) for g in groups], f"give {possessive(scope, facts)} sentence as")
    return [{
        "field": "sentence",
        "values": [{"value": g.value, "support": _support(g.statements, resolver)} for g in groups],
        "note": f"{listing}; check the verdict or the primary source.",
    }]


def facility_conflicts(scope: Scope, events: list[EventGroup], resolver: SourceResolver) -> list[dict[str, Any]]:
    """Where a once-only event happened, or where the person is held now, given as two places."""
    cfg = settings()
    out = []
    order = resolver.scope.corpus.order
    kinds: list[tuple[str, str, list[EventGroup]]] = [
        (etype, f"place of the {etype.replace('_', ' ')}", [g for g in events if g.type == etype])
        for etype in cfg["once_only_events"]]
    held = [g for g in events if g.type in ("detention", "transfer")]
    kinds.append(("detention", "prison the person is held in", held))
    for etype, what, groups in kinds:
        places: dict[str, list[Statement]] = {}
        written: dict[str, str] = {}
        for g in groups:
            if g.denied or g.modality not in cfg["contest_modalities"]:
                continue
            for doc, e in g.mentions:
                if not e.facility or (etype == "detention" and e.when < cfg["current_rank"]):
                    continue
                key = _place_key(e.facility)
                places.setdefault(key, []).append(Statement(doc, e.evidence, e.modality, e.attribution))
                written.setdefault(key, e.facility)
        if len(places) < 2 or _nested(list(places)):
            continue
        if etype == "detention" and not _near_in_time([s for st in places.values() for s in st],
                                                       cfg["current_within_days"]):
            continue
        values = sorted(((k, dedupe(st, order)) for k, st in places.items()), key=lambda p: (-_docs(p[1]), p[0]))
        if len({s.doc.id for _, st in values for s in st}) < 2:
            continue
        listing = _listing([(_docs(st), written[k]) for k, st in values], f"give the {what} as")
        out.append({
            "field": "facility",
            "event_type": etype,
            "values": [{"value": written[k], "support": _support(st, resolver)} for k, st in values],
            "note": f"{listing}; check which place the primary source gives.",
        })
    return out


def _place_key(name: str) -> str:
    words = [w for w in name.lower().replace(",", " ").split() if w not in ("the", "of", "in", "no.", "no", "number")]
    return " ".join(words)


def _nested(keys: list[str]) -> bool:
    """"Varka Prison" and "Ward 12 of Varka Prison" are one place told more or less closely."""
    return all(a in b or b in a for i, a in enumerate(keys) for b in keys[i + 1:])


def _near_in_time(statements: list[Statement], days: int) -> bool:
    dates = [s.doc.published.first for s in statements if s.doc.published is not None and s.doc.published.first]
    return len(dates) < 2 or (max(dates) - min(dates)).days <= days


def _day_text(days: tuple[Any, Any]) -> str:
    first, last = days
    if first == last:
        return f"{first.day} {first:%B %Y}"
    return f"{first.day} {first:%B %Y} to {last.day} {last:%B %Y}"


def _day_value(days: tuple[Any, Any]) -> str:
    return days[0].isoformat() if days[0] == days[1] else f"{days[0].isoformat()}/{days[1].isoformat()}"


def date_conflicts(events: list[EventGroup], resolver: SourceResolver) -> list[dict[str, Any]]:
    out = []
    for etype in settings()["once_only_events"]:
        dated: dict[tuple[Any, Any], list[Statement]] = {}
        for g in events:
            if g.type == etype and g.modality in settings()["contest_modalities"] and g.days is not None:
                dated.setdefault(g.days, []).extend(g.statements)
        ranges = sorted(dated)
        apart = any(a[1] < b[0] or b[1] < a[0] for i, a in enumerate(ranges) for b in ranges[i + 1:])
        if not apart:
            continue
        order = resolver.scope.corpus.order
        values = sorted(((r, dedupe(dated[r], order)) for r in ranges), key=lambda p: (-_docs(p[1]), p[0]))
        what = etype.replace("_", " ")
        listing = _listing([(_docs(st), _day_text(r)) for r, st in values], f"date the {what} to")
        out.append({
            "field": "date",
            "event_type": etype,
            "values": [{"value": _day_value(r), "support": _support(st, resolver)} for r, st in values],
            "note": f"{listing}; check which day the primary source gives.",
        })
    return out


def status_conflicts(events: list[EventGroup], facts: list[FactGroup],
                     resolver: SourceResolver) -> list[dict[str, Any]]:
    out = []
    order = resolver.scope.corpus.order
    below = derive_status(events, facts)
    for etype in contested_types(events):
        stage = settings()["event_stage"].get(etype)
        stated = dedupe([s for g in events if g.type == etype and not g.denied
                         and g.modality in settings()["contest_modalities"] for s in g.statements], order)
        denied = dedupe([s for g in events if g.type == etype and g.denied for s in g.statements], order)
        deniers = sorted({n for s in denied if (n := resolver.attributed_to(s.doc, s.attribution))})
        by = f" ({', '.join(deniers)})" if deniers else ""
        what = etype.replace("_", " ")
        out.append({
            "field": "status",
            "event_type": etype,
            "values": [{"value": stage or etype, "support": _support(stated, resolver)},
                       {"value": f"not {stage}" if stage else f"no {what}", "support": _support(denied, resolver)}],
            "note": (f"{_reports(_docs(stated), capital=True)} state{'s' if _docs(stated) == 1 else ''} the {what} and "
                     f"{_reports(_docs(denied))} den{'ies' if _docs(denied) == 1 else 'y'} it{by}; the status stays at "
                     f"'{below}' until the primary source settles it."),
        })
    return out


def conflict_id(case: str, conflict: dict[str, Any]) -> str:
    """Stable over new reports: the case, the field and what it is about (an event type, an acronym)."""
    about = conflict.get("event_type") or conflict.get("acronym") or ""
    return stable_id("conflict", case, conflict["field"], about)


def holds_mixup(c: AcronymConflict, own: set[str]) -> bool:
    """Whether the case's own reports (ids in ``own``) hold the confusion: a value other than the preferred one,
    or two of the conflict's values (with no preferred value, every value may be the confused one)."""
    given = [v for v in c.values if own.intersection(v.documents)]
    return len(given) >= 2 or any(v is not c.preferred for v in given)


def case_conflicts(scope: Scope, facts: list[FactGroup], events: list[EventGroup], resolver: SourceResolver,
                   organisations: list[AcronymConflict]) -> list[dict[str, Any]]:
    """Every conflict of one case: facts, dates, status, then organisations its reports confuse."""
    touched = [c for c in organisations if holds_mixup(c, set(scope.mentions))]
    return (fact_conflicts(scope, facts, resolver) + sentence_conflicts(scope, facts, events, resolver)
            + date_conflicts(events, resolver) + status_conflicts(events, facts, resolver)
            + facility_conflicts(scope, events, resolver) + [conflict_json(c) for c in touched])

"""Who is a case, and by what names.

A person becomes a case subject when at least one report makes them the subject
of a *case event* (``CASE_EVENT_TYPES``: arrest, detention, transfer, charge,
trial, sentence, appeal, execution, release, pardon, commutation, death in
custody, disappearance, torture, killing, refusal) with any modality: a
person whose execution is feared, whose release is demanded or whose detention
is denied is a case all the same (the modality keeps it from the status).
Statements and protests alone do not make a case: officials who comment,
authors, politicians who react and people named in unrelated headlines stay
entities.
"""
from __future__ import annotations

import re
from collections import Counter

from ..models import CaseDocument, Entity
from .config import settings
from .context import entity_of

CASE_EVENT_TYPES: tuple[str, ...] = tuple(settings()["case_event_types"])
_POSSESSIVE = re.compile(r"(?:['\u2019]s?)$")
_SPACE = re.compile(r"\s+")


def case_subjects(documents: list[CaseDocument], entities: dict[str, Entity]) -> list[str]:
    """Person entity ids tied by some report to a case event they are the subject of, in order of first report."""
    found: list[str] = []
    seen: set[str] = set()
    for doc in documents:
        for event in doc.extraction.events:
            if event.type not in CASE_EVENT_TYPES:
                continue
            eid = entity_of(doc, event.subject)
            entity = entities.get(eid) if eid else None
            if entity is None or entity.label != "PERSON" or eid in seen:
                continue
            seen.add(entity.id)
            found.append(entity.id)
    return found


def clean_name(text: str) -> str:
    """A name as written, without a possessive ending or extra spaces ("Dalirvand’" -> "Dalirvand")."""
    return _POSSESSIVE.sub("", _SPACE.sub(" ", text).strip()).strip()


def case_name(entity: Entity, written: list[str]) -> str:
    """The name a case goes by, whatever order its reports came in: of the forms written as fully as the
    entity's name, the one the reports write most often (ties: the first in alphabetical order)."""
    from ..resolve.people import name_fullness

    name = clean_name(entity.name)
    fullest = name_fullness(name)
    counts = Counter(form for form in map(clean_name, written) if form and name_fullness(form) == fullest)
    if not counts:
        return name
    return min(counts, key=lambda form: (-counts[form], form.casefold(), form))


def subject_names(entity: Entity, written: list[str]) -> dict[str, object]:
    """``{"name", "aliases"}``: the case's name (:func:`case_name`) and every other form seen (the entity's
    name and aliases and the ``written`` forms)."""
    name = case_name(entity, written)
    seen = {name.casefold()}
    aliases: list[str] = []
    for form in [entity.name, *entity.aliases, *written]:
        alias = clean_name(form)
        if alias and alias.casefold() not in seen:
            seen.add(alias.casefold())
            aliases.append(alias)
    return {"name": name, "aliases": sorted(aliases, key=lambda a: (a.casefold(), a))}

"""Global person resolution: one report's person, against the stored people sharing its surname key.

Blocking: every person entity carries the key ``sur:`` and the surname's
:func:`names.token_key`, and a surname of East Slavic form also ``slav:`` and its
:func:`names.slavic_key` (Parkhomchyk and Parkhomchik meet there); only entities
sharing a key are compared.

Deciding, for a full name ("Kurosh Ahmadi"):

1. the stored people whose every full name is compatible with it
   (:func:`names.names_compatible`): one with exactly this name wins, else the
   only one; several without an exact match -> a new entity (no guess);
2. none: a stored surname-only entity with this surname ("Ahmadi", from a report
   that gave no full name) takes the full name, unless this report names
   several people with that surname (then nobody knows which it was);
3. otherwise a new entity.

For a surname alone ("Ahmadi"): the only stored person with that surname
takes it; when several people share it, the mention gets an entity of its own
that carries no key, so it is never merged later (precision first: a wrong
merge puts one person's sentence in another's case file); with nobody stored,
it joins the surname-only entity of that spelling, or starts one.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from ..models import Entity, LocalEntity
from .ids import document_basis, entity_id
from .index import EntityIndex
from .names import PersonName, canonical, names_compatible, parse_person, same_surname, slavic_key

PERSON = "PERSON"
SURNAME_KEY = "sur:"
SLAVIC_KEY = "slav:"


@lru_cache(maxsize=65536)
def parsed_name(text: str) -> PersonName | None:
    """:func:`names.parse_person`, remembered (stored aliases are parsed again and again)."""
    return parse_person(text)


def person_key(name: PersonName) -> str:
    return SURNAME_KEY + name.key


def person_keys(name: PersonName) -> tuple[str, ...]:
    """Every blocking key of a person name."""
    slavic = slavic_key(name.surname)
    return (person_key(name),) if slavic is None else (person_key(name), SLAVIC_KEY + slavic)


def _full_aliases(entity: Entity) -> list[PersonName]:
    return [p for p in map(parsed_name, entity.aliases) if p is not None and p.full]


def _has_surname(entity: Entity, name: PersonName) -> bool:
    return any(p is not None and same_surname(p.surname, name.surname) for p in map(parsed_name, entity.aliases))


def name_fullness(name: str) -> tuple[int, int]:
    """How fully a name is written: given names spelt out (not initials), then words."""
    p = parsed_name(name)
    return (0, 0) if p is None else (sum(1 for g in p.given if len(g) > 1), p.words)


def _with_alias(entity: Entity, local: LocalEntity, name: str | None = None) -> Entity:
    """The entity with the local name among its aliases, and that name's blocking keys among its keys (a
    keyless entity, kept apart, stays keyless). A name written more fully than the entity's ("Zmitser X"
    beside "D. X") becomes its name."""
    aliases = tuple(dict.fromkeys((*entity.aliases, local.name, *local.written)))
    if name is None and name_fullness(local.name) > name_fullness(entity.name):
        name = local.name
    parsed = parsed_name(local.name)
    keys = entity.keys
    if keys and parsed is not None:
        keys = tuple(dict.fromkeys((*keys, *person_keys(parsed))))
    return Entity(id=entity.id, label=entity.label, name=name or entity.name, aliases=aliases, keys=keys)


def surname_counts(locals_: list[LocalEntity]) -> Counter[str]:
    """How many people of one report have a full name with each (canonical) surname."""
    counts: Counter[str] = Counter()
    for le in locals_:
        p = parsed_name(le.name)
        if p is not None and p.full:
            counts[canonical(p.surname)] += 1
    return counts


def resolve_person(doc_id: str, local: LocalEntity, index: EntityIndex, taken: set[str],
                   report_surnames: Counter[str]) -> str:
    """The global id of one local person, creating or updating the entity through the index.

    ``taken`` holds the ids this report already created (to avoid reusing one);
    ``report_surnames`` is :func:`surname_counts` of the report.
    """
    name = parsed_name(local.name)
    if name is None:
        return _create(index, local, document_basis(doc_id, local.index), keys=(), taken=taken)
    keys = person_keys(name)
    found = sorted((e for e in index.candidates(PERSON, list(keys)) if any(k in e.keys for k in keys)),
                   key=lambda e: e.id)
    people = [e for e in found if _full_aliases(e)]
    surname_only = [e for e in found if not _full_aliases(e) and _has_surname(e, name)]
    if name.full:
        fits = [e for e in people if all(names_compatible(name, q) for q in _full_aliases(e))]
        exact = [e for e in fits if any(q.normalised == name.normalised for q in _full_aliases(e))]
        chosen = exact[0] if len(exact) == 1 else (fits[0] if len(fits) == 1 else None)
        if chosen is not None:
            index.add(_with_alias(chosen, local))
            return chosen.id
        if not fits and surname_only and report_surnames[canonical(name.surname)] <= 1:
            index.add(_with_alias(surname_only[0], local, name=local.name))
            return surname_only[0].id
        return _create(index, local, "name|" + name.identity, keys=keys, taken=taken,
                       stored={e.id for e in found}, fallback=document_basis(doc_id, local.index))
    sharing = [e for e in people if any(same_surname(q.surname, name.surname) for q in _full_aliases(e))]
    if len(sharing) == 1:
        index.add(_with_alias(sharing[0], local))
        return sharing[0].id
    if len(sharing) > 1:
        return _create(index, local, document_basis(doc_id, local.index), keys=(), taken=taken)
    if surname_only:
        index.add(_with_alias(surname_only[0], local))
        return surname_only[0].id
    return _create(index, local, "name|" + name.identity, keys=keys, taken=taken,
                   stored={e.id for e in found}, fallback=document_basis(doc_id, local.index))


def _create(index: EntityIndex, local: LocalEntity, basis: str, keys: tuple[str, ...], taken: set[str],
            stored: set[str] | None = None, fallback: str | None = None) -> str:
    """A new person entity; its id from ``fallback`` when ``basis`` gives one already taken or stored."""
    new_id = entity_id(PERSON, basis)
    if (new_id in taken or new_id in (stored or set())) and fallback is not None:
        new_id = entity_id(PERSON, fallback)
    taken.add(new_id)
    aliases = tuple(dict.fromkeys((local.name, *local.written)))
    index.add(Entity(id=new_id, label=PERSON, name=local.name, aliases=aliases, keys=keys))
    return new_id

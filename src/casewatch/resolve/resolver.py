"""The incremental global resolver: one report's local entities -> global entity ids, through an index.

People are resolved in :mod:`people` (full names first, so that a surname
alone in the same report sees them). Organisations are resolved here:

* a known organisation (the knowledge file names it by the local entity's
  name, alias or acronym) has one entity, keyed ``org:`` and its normalised
  knowledge-file name, and that name as its name;
* when the acronym and the expansion a report gives belong to two different
  known organisations ("the Center for Human Rights in Iran (IHRS)"), the
  acronym decides: the mentions go to the organisation the acronym belongs to,
  and the mismatched expansion is not added to its aliases. Reports relaying a
  statement copy the source's acronym; the expansion is the writer's gloss,
  and it is the part that goes wrong. The two organisations are never merged,
  and :func:`organisations.acronym_conflicts` shows the mismatch;
* a known acronym with an unknown expansion is that organisation only when the
  expansion's initials are one of its acronyms or the expansion holds every
  word of its name ("Iran Human Rights Organization (IHR)"); otherwise it is an
  unknown organisation;
* an unknown organisation is keyed by its normalised name (``name:``) and its
  acronym (``acr:``): the same name joins; an acronym alone joins the only
  stored organisation with that acronym, or the one whose expansion matches;
  stored organisations with that acronym but another expansion stay apart
  (two groups may share initials), and an acronym alone shared by several
  gets an entity of its own that carries no key.
"""
from __future__ import annotations

from ..models import Entity, KnownOrganisation, LocalEntity
from .ids import document_basis, entity_id
from .index import EntityIndex
from .organisations import initials, knowledge, looks_like_acronym, normalise_acronym, normalise_org, significant_words
from .people import parsed_name, resolve_person, surname_counts

PERSON, ORG = "PERSON", "ORG"
KNOWN_KEY, NAME_KEY, ACRONYM_KEY = "org:", "name:", "acr:"


def resolve_report(doc_id: str, entities: list[LocalEntity], index: EntityIndex) -> dict[int, str]:
    """Map each local entity of one report to a global entity id, creating or updating entities in the index.

    Only entities sharing a blocking key are ever fetched. Ids are stable (see
    :mod:`ids`): the same reports resolved in the same order get the same ids.
    """
    out: dict[int, str] = {}
    taken: set[str] = set()
    people = [e for e in entities if e.label == PERSON]
    counts = surname_counts(people)

    def single_word(le: LocalEntity) -> bool:
        p = parsed_name(le.name)
        return p is None or not p.full

    for le in sorted(people, key=lambda e: (single_word(e), e.index)):
        out[le.index] = resolve_person(doc_id, le, index, taken, counts)
    for le in entities:
        if le.label == ORG:
            out[le.index] = resolve_organisation(doc_id, le, index, taken)
    return out


# ---------------------------------------------------------------------------- organisations

def known_organisation(name: str, acronym: str | None) -> tuple[KnownOrganisation | None, bool]:
    """The known organisation a local organisation is, and whether its expansion names another one."""
    kb = knowledge()
    written_name = None if _is_acronym_only(name) else name
    of_acronym = kb.by_written_acronym(acronym) if acronym else None
    of_name = kb.lookup(written_name) if written_name else (kb.lookup(name) if not acronym else None)
    if of_acronym is not None and of_name is not None:
        return of_acronym, of_acronym != of_name
    if of_name is not None:
        return of_name, False
    if of_acronym is not None and (written_name is None or _expansion_fits(written_name, of_acronym)):
        return of_acronym, False
    return None, False


def _is_acronym_only(name: str) -> bool:
    """Whether a local organisation is known in its report by an acronym only ("IHRS", no expansion)."""
    return looks_like_acronym(name)


def _expansion_fits(expansion: str, org: KnownOrganisation) -> bool:
    """Whether an unknown expansion of a known acronym can be that organisation's name."""
    if initials(expansion) in {normalise_acronym(a) for a in org.acronyms}:
        return True
    words = significant_words(expansion)
    return any(significant_words(n) <= words for n in (org.name, *org.aliases))


def _add_alias(entity: Entity, *forms: str | None) -> Entity:
    aliases = list(entity.aliases)
    for f in forms:
        if f and f not in aliases:
            aliases.append(f)
    return Entity(id=entity.id, label=entity.label, name=entity.name, aliases=tuple(aliases), keys=entity.keys)


def resolve_organisation(doc_id: str, local: LocalEntity, index: EntityIndex, taken: set[str]) -> str:
    """The global id of one local organisation, creating or updating the entity through the index."""
    known, mismatched = known_organisation(local.name, local.acronym)
    if known is not None:
        key = KNOWN_KEY + normalise_org(known.name)
        found = [e for e in index.candidates(ORG, [key]) if key in e.keys]
        forms = (local.acronym,) if mismatched else (local.name, local.acronym)
        if found:
            entity = min(found, key=lambda e: e.id)
            index.add(_add_alias(entity, *forms))
            return entity.id
        new = Entity(id=entity_id(ORG, "known|" + normalise_org(known.name)), label=ORG, name=known.name,
                     aliases=(), keys=(key,))
        index.add(_add_alias(new, known.name, *forms))
        taken.add(new.id)
        return new.id
    return _resolve_unknown(doc_id, local, index, taken)


def _resolve_unknown(doc_id: str, local: LocalEntity, index: EntityIndex, taken: set[str]) -> str:
    acronym = normalise_acronym(local.acronym) if local.acronym else None
    named = not _is_acronym_only(local.name)
    if acronym is None and not named:
        acronym = normalise_acronym(local.name)
    name_key = NAME_KEY + normalise_org(local.name) if named and normalise_org(local.name) else None
    acronym_key = ACRONYM_KEY + acronym if acronym else None
    keys = tuple(k for k in (name_key, acronym_key) if k)
    if not keys:
        return _new_org(index, local, document_basis(doc_id, local.index), (), taken)
    found = sorted(index.candidates(ORG, list(keys)), key=lambda e: e.id)
    same_name = [e for e in found if name_key and name_key in e.keys]
    if same_name:
        return _update(index, same_name[0], local, keys)
    with_acronym = [e for e in found if acronym_key and acronym_key in e.keys]
    if with_acronym:
        if named:
            bare = [e for e in with_acronym if not any(k.startswith(NAME_KEY) for k in e.keys)]
            if len(bare) == 1 and len(with_acronym) == 1:
                return _update(index, bare[0], local, keys)
        elif len(with_acronym) == 1:
            return _update(index, with_acronym[0], local, ())
        else:
            return _new_org(index, local, document_basis(doc_id, local.index), (), taken)
    basis = "name|" + normalise_org(local.name) if name_key else "acr|" + (acronym or "")
    if entity_id(ORG, basis) in {e.id for e in found} | taken:
        basis = document_basis(doc_id, local.index)
    return _new_org(index, local, basis, keys, taken)


def _update(index: EntityIndex, entity: Entity, local: LocalEntity, more_keys: tuple[str, ...]) -> str:
    """Add a report's forms (and keys) to a stored organisation; one known by acronym only takes the name."""
    keys = tuple(dict.fromkeys((*entity.keys, *more_keys)))
    gains_name = not any(k.startswith(NAME_KEY) for k in entity.keys) and any(k.startswith(NAME_KEY) for k in keys)
    name = local.name if gains_name else entity.name
    updated = _add_alias(Entity(id=entity.id, label=ORG, name=name, aliases=entity.aliases, keys=keys),
                         local.name, local.acronym)
    index.add(updated)
    return entity.id


def _new_org(index: EntityIndex, local: LocalEntity, basis: str, keys: tuple[str, ...], taken: set[str]) -> str:
    new = Entity(id=entity_id(ORG, basis), label=ORG, name=local.name, aliases=(), keys=keys)
    index.add(_add_alias(new, local.name, local.acronym))
    taken.add(new.id)
    return new.id

"""Stable entity ids.

An id is a prefix ("per-" or "org-") and the first :data:`ID_HEX_LENGTH` hex
digits of the sha256 of the label and the basis that created the entity:

* a known organisation: ``known|`` and its normalised knowledge-file name,
  so it has the same id in every store;
* any other entity found again by key: ``name|`` and, for a person, the
  :attr:`names.PersonName.identity` of the name that created it, which every
  spelling resolution joins to it shares ("Sergei Mordasov", "Siarhei
  Mardasau": "srg mrdsv"), so most ids do not depend on which spelling came
  first; for an organisation its normalised name, or ``acr|`` and the acronym
  for one known only by acronym;
* an entity that must stay apart (an ambiguous surname alone, a name that
  cannot be parsed), or one whose name-derived id is already taken by another
  entity: ``doc|``, the document id and the local entity's index.

Re-running the same reports in the same order therefore gives the same ids.
What still depends on the order: a person first named by initials or a
surname alone and later in full, and two people whose names share one
identity (the second, in arrival order, gets a ``doc|`` id).
"""
from __future__ import annotations

import hashlib

ID_HEX_LENGTH = 16
PREFIXES = {"PERSON": "per-", "ORG": "org-"}


def entity_id(label: str, basis: str) -> str:
    """The id of an entity of this label created from this basis."""
    digest = hashlib.sha256(f"{label}|{basis}".encode()).hexdigest()
    return PREFIXES.get(label, "ent-") + digest[:ID_HEX_LENGTH]


def document_basis(doc_id: str, local_index: int) -> str:
    """The basis of an entity created by one local entity of one report."""
    return f"doc|{doc_id}#{local_index}"

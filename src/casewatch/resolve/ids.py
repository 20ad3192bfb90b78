"""Stable entity ids.

An id is a prefix ("per-" or "org-") and the first :data:`ID_HEX_LENGTH` hex
digits of the sha256 of the label and the basis that created the entity:

* a known organisation: ``known|`` and its normalised knowledge-file name,
  so it has the same id in every store;
* any other entity found again by key: ``name|`` and the normalised name
  that first created it (for a person its canonical spelling, "muhamad khals"),
  or ``acr|`` and the acronym for an organisation known only by acronym;
* an entity that must stay apart (an ambiguous surname alone, a name that
  cannot be parsed), or one whose name-derived id is already taken by another
  entity: ``doc|``, the document id and the local entity's index.

Re-running the same reports in the same order therefore gives the same ids,
and most ids do not depend on the order at all.
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

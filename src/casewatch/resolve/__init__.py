"""Resolve: which mentions name one person or organisation, within a report and across reports.

    link_mentions(mentions, expansions)        one report's PERSON and ORG mentions -> LocalEntity groups
    resolve_report(doc_id, entities, index)    LocalEntity -> global Entity id, created or updated in the index
    EntityIndex, MemoryIndex                   where global entities are found (by blocking key) and kept
    lookup_organisation(name)                  the knowledge file: by name, alias or acronym
    acronym_conflicts(expansions)              expansions pairing one organisation's acronym with another's name

Modules: names (person names and spelling variants), local (within one report),
people (global person resolution), organisations (knowledge file, acronyms),
resolver (the incremental global resolver), index (the index protocol),
ids (stable entity ids).
"""
from casewatch.resolve.index import EntityIndex, MemoryIndex
from casewatch.resolve.local import link_mentions
from casewatch.resolve.organisations import acronym_conflicts, lookup_organisation
from casewatch.resolve.resolver import resolve_report

__all__ = ["EntityIndex", "MemoryIndex", "acronym_conflicts", "link_mentions", "lookup_organisation",
           "resolve_report"]

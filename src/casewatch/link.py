"""The global stages over newly stored reports: resolve entities, group syndicated copies, rebuild case files.

They run in the calling process, in ingest order, after the per-report stages.
Each touches only what the new reports reach: entities through blocking keys,
syndication candidates through LSH band keys, and the case files of the case
subjects the new reports mention or make. So ingesting more reports costs the
same whatever the size of the store.

Every time case files are replaced (after an ingest, upload, fetch or review),
each one is compared with the version it replaces and the differences are kept
as change records (``casewatch.changes``), with the alerts they make, in the
transaction that saves the case files. The copy ``casewatch rebuild`` builds
records none: it rereads the same reports, so its case files are no news (and
compared with its empty tables every case would look new).
"""
from __future__ import annotations

from collections.abc import Sequence

from .models import CaseDocument, Entity, Extraction
from .store import Store, now_iso


class StoreIndex:
    """The resolver's view of stored entities, cached by blocking key; writes are kept until :meth:`flush`.

    A key is looked up in the store once per ingest batch; later lookups and the
    batch's own new entities are answered from memory, and all writes go to the
    store in one transaction.
    """

    def __init__(self, store: Store):
        self.store = store
        self.by_id: dict[str, Entity] = {}
        self.by_key: dict[tuple[str, str], set[str]] = {}
        self.pending: dict[str, Entity] = {}
        self.order: dict[str, int] = {}
        self.fetched: set[tuple[str, str]] = set()

    def _remember(self, entity: Entity) -> None:
        self.order.setdefault(entity.id, len(self.order))
        self.by_id[entity.id] = entity
        for k in entity.keys:
            self.by_key.setdefault((entity.label, k), set()).add(entity.id)

    def candidates(self, label: str, keys: list[str]) -> list[Entity]:
        # A key is asked of the store once: a key known only from an entity made in this batch may still
        # belong to stored entities, so what decides is whether the store was asked, not what memory holds.
        missing = [k for k in keys if (label, k) not in self.fetched]
        if missing:
            self.fetched.update((label, k) for k in missing)
            for e in self.store.entity_candidates(label, missing):
                if e.id not in self.pending:
                    self._remember(e)
        ids = sorted({i for k in keys for i in self.by_key.get((label, k), ())}, key=self.order.__getitem__)
        return [self.by_id[i] for i in ids if i in self.by_id]

    def add(self, entity: Entity) -> None:
        self.pending[entity.id] = entity
        self._remember(entity)

    def flush(self) -> None:
        self.store.save_entities(list(self.pending.values()))
        self.pending.clear()


def resolve_documents(store: Store, items: Sequence[tuple[str, Extraction | None]]) -> None:
    """Resolve the people and organisations of these reports and store which entity each mention names."""
    from .resolve import link_mentions, resolve_report

    index = StoreIndex(store)
    rows = []
    for doc_id, extraction in items:
        if extraction is None:
            continue
        local = link_mentions(extraction.mentions, extraction.expansions, extraction.facts, extraction.events)
        mapping = resolve_report(doc_id, local, index)
        for le in local:
            entity_id = mapping.get(le.index)
            if entity_id is None:
                continue
            for m in le.mentions:
                mention = extraction.mentions[m]
                rows.append({"entity_id": entity_id, "document_id": doc_id, "mention": m, "start": mention.start,
                             "end": mention.end, "text": mention.text, "label": le.label})
    index.flush()
    store.add_entity_mentions(rows)


def group_syndicated(store: Store, doc_ids: Sequence[str]) -> set[str]:
    """Join each new report to the reports it copies or that copy it; returns every document whose group changed.

    A group is every report joined through copies (a new report that copies two groups joins them), named by its
    smallest document id, so the groups do not depend on the order the reports arrived in.
    """
    from .syndication import SYNDICATION_THRESHOLD, band_keys, similarity

    new_sigs = store.signatures_of(doc_ids)
    changed: dict[str, str | None] = {}
    known: dict[str, str | None] = {}
    for doc_id in doc_ids:
        sig = new_sigs.get(doc_id)
        if sig is None:
            continue
        candidates = sorted(store.documents_sharing_bands(band_keys(sig)) - {doc_id})
        if not candidates:
            continue
        sigs = store.signatures_of(candidates)
        matches = [c for c in candidates if c in sigs and similarity(sig, sigs[c]) >= SYNDICATION_THRESHOLD]
        if not matches:
            continue
        unseen = [d for d in (*matches, doc_id) if d not in known]
        known.update(store.syndication_groups(unseen))
        groups = {known.get(d) for d in (*matches, doc_id)} - {None}
        members = {*matches, doc_id, *groups}
        if groups:
            members |= store.group_members(sorted(groups))
            members |= {d for d, g in known.items() if g in groups}
        name = min(members)
        update = {d: name for d in members if known.get(d) != name}
        if update:
            store.set_syndication_groups(update)
            known.update(update)
            changed.update(update)
    return set(changed)


def make_case_files(store: Store, people: set[str]) -> list[tuple[str, dict]]:
    """The case files of these people, made from every report that mentions them: (subject, case file)."""
    from .corroborate import build_case_files
    from .corroborate.ids import case_id
    from .corroborate.organisations import acronyms_used

    if not people:
        return []
    doc_ids = store.documents_mentioning(people)
    docs = sorted(store.case_documents(doc_ids), key=_publication_order)
    entity_ids = {e for d in docs for e in d.entity_of_mention.values()}
    entities = store.entities_by_id(entity_ids)
    elsewhere = store.expansions_of(acronyms_used(docs))
    files = build_case_files(docs, entities, store.current_reviews(case_id(e) for e in people), elsewhere)
    keep = []
    for cf in files:
        subject = cf.get("entity") or _subject_entity(cf, entities)
        if subject in people:
            keep.append((subject, cf))
    return keep


def _publication_order(doc: CaseDocument) -> tuple[str, str]:
    """Reports in the order they were published (undated ones last), then by id: never by arrival, so a case
    file is the same whatever order its reports were read in."""
    day = doc.published.first.isoformat() if doc.published is not None and doc.published.first else "~"
    return day, doc.id


def rebuild_cases(store: Store, people: set[str]) -> int:
    """Make the case files of these people again and replace the stored ones at once; returns how many."""
    if not people:
        return 0
    keep = make_case_files(store, people)
    with store.transaction():
        replace_case_files(store, people, keep)
    return len(keep)


def build_pending_cases(store: Store) -> int:
    """Make again every case file recorded as out of date, and clear those records in the same transaction.

    Records added meanwhile by another process stay, for that process (or the next command) to finish.
    """
    upto, people = store.pending_cases()
    if not people:
        return 0
    keep = make_case_files(store, people)
    with store.transaction():
        replace_case_files(store, people, keep)
        store.clear_pending_cases(upto)
    return len(keep)


def replace_case_files(store: Store, people: set[str], keep: list[tuple[str, dict]]) -> list[int]:
    """Replace the case files of these people with ``keep``, recording what changed in each and queueing the
    alerts those changes make; call it inside a transaction, so the case files, their change records and
    alerts are saved together or not at all. Returns the numbers of the change records.

    Only the live store records changes: the copy ``casewatch rebuild`` builds reads the same reports again,
    so its case files are no news (and it would find every case new)."""
    from .changes.diff import diff_case

    old = store.case_files_of(people) if store.records_changes else None
    store.delete_case_files(people)
    store.save_case_files(keep)
    if old is None:
        return []
    at, seqs = now_iso(), []
    for subject, cf in keep:
        seqs += store.add_changes(cf["id"], cf["subject"]["name"], at, diff_case(old.get(subject), cf))
    if seqs:
        store.queue_alerts(seqs)
    return seqs


def _subject_entity(cf: dict, entities: dict[str, Entity]) -> str | None:
    name = cf["subject"]["name"]
    hits = [e.id for e in entities.values() if e.label == "PERSON" and e.name == name]
    return hits[0] if len(hits) == 1 else None


def link_documents(store: Store, items: Sequence[tuple[str, Extraction | None]]) -> set[str]:
    """Resolution and syndication for newly stored reports (in ingest order, with their extractions).

    Returns the people whose case files must be made again: those with a case file whom the new (or
    regrouped) reports mention, and those the new reports make case subjects. Anyone else the reports
    mention (an official quoted in thousands of reports, a word the model took for a name) is no case
    before or after, and nothing is made again for them, so the cost stays with the new reports.
    """
    from .corroborate import case_subjects

    resolve_documents(store, items)
    doc_ids = [doc_id for doc_id, _ in items]
    regrouped = group_syndicated(store, doc_ids)
    mentioned = store.entities_in_documents([*doc_ids, *regrouped], "PERSON")
    new_docs = store.case_documents(doc_ids)
    entities = store.entities_by_id({e for d in new_docs for e in d.entity_of_mention.values()})
    return store.case_subjects_among(mentioned) | set(case_subjects(new_docs, entities))

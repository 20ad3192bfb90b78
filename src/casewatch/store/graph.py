"""Store queries for what is built across reports: entities, their mentions, syndication groups, case files."""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, func, insert, or_, select

from ..errors import AmbiguousIdError, InvalidValueError, NotFoundError
from ..models import CaseDocument, DateMention, Entity, Evidence, Extraction, OrgExpansion
from ..views.serialize import extraction_loads
from . import case_terms as terms
from .base import StoreBase
from .schema import (
    articles,
    bands,
    case_files,
    case_terms,
    documents,
    entities,
    entity_keys,
    entity_mentions,
    expansions,
    extractions,
    figures,
    reviews,
    signatures,
    syndication,
)
from .sql import chunks, like_escape


def _entity(row: Any) -> Entity:
    return Entity(id=row.id, label=row.label, name=row.name, aliases=tuple(json.loads(row.aliases)),
                  keys=tuple(json.loads(row.keys)))


class GraphQueries(StoreBase):
    """Mixed into :class:`casewatch.store.Store`."""


    # ------------------------------------------------------------------ extractions and signatures

    def extraction(self, doc_id: str) -> Extraction | None:
        with self._connect() as conn:
            data = conn.execute(select(extractions.c.data).where(extractions.c.document_id == doc_id)).scalar()
        return extraction_loads(data) if data else None

    def all_extractions(self) -> Iterable[tuple[str, Extraction]]:
        """Every stored extraction, in ingest order."""
        with self._connect() as conn:
            rows = conn.execute(
                select(extractions.c.document_id, extractions.c.data)
                .join(documents, documents.c.id == extractions.c.document_id).order_by(documents.c.seq)
            ).all()
        for r in rows:
            yield r.document_id, extraction_loads(r.data)

    def expansions_of(self, acronyms: Iterable[str]) -> list[tuple[str, OrgExpansion]]:
        """Every stored expansion of these acronyms ("Varesh Human Rights Watch (VHRW)"), by document id then place
        (an order that does not depend on when the reports arrived)."""
        out: list[tuple[int, int, str, OrgExpansion]] = []
        with self._connect() as conn:
            for chunk in chunks(sorted(set(acronyms))):
                rows = conn.execute(
                    select(expansions, documents.c.seq.label("doc_seq"))
                    .join(documents, documents.c.id == expansions.c.document_id)
                    .where(expansions.c.acronym.in_(chunk))
                ).all()
                out.extend((r.doc_seq, r.seq, r.document_id,
                            OrgExpansion(r.acronym, r.expansion, Evidence(r.start, r.end, r.quote))) for r in rows)
        return [(doc_id, x) for _, _, doc_id, x in sorted(out, key=lambda t: (t[2], t[1]))]

    def figure_rows(self) -> list[dict[str, Any]]:
        """Every figure of every report, flat, in ingest order then text order."""
        with self._connect() as conn:
            rows = conn.execute(
                select(figures).join(documents, documents.c.id == figures.c.document_id)
                .order_by(documents.c.seq, figures.c.seq)
            ).mappings().all()
        return [dict(r) for r in rows]

    def signatures_of(self, doc_ids: Sequence[str]) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        with self._connect() as conn:
            for chunk in chunks(list(doc_ids)):
                for r in conn.execute(select(signatures).where(signatures.c.document_id.in_(chunk))):
                    out[r.document_id] = json.loads(r.data)
        return out

    def documents_sharing_bands(self, keys: Sequence[str]) -> set[str]:
        found: set[str] = set()
        with self._connect() as conn:
            for chunk in chunks(list(dict.fromkeys(keys))):
                found.update(conn.execute(select(bands.c.document_id).where(bands.c.key.in_(chunk))).scalars())
        return found

    def document_order(self, doc_ids: Iterable[str]) -> dict[str, int]:
        """Ingest position of each document (earlier reports have smaller numbers)."""
        out: dict[str, int] = {}
        with self._connect() as conn:
            for chunk in chunks(list(doc_ids)):
                for r in conn.execute(select(documents.c.id, documents.c.seq).where(documents.c.id.in_(chunk))):
                    out[r.id] = r.seq
        return out

    def syndication_groups(self, doc_ids: Sequence[str]) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        with self._connect() as conn:
            for chunk in chunks(list(doc_ids)):
                for r in conn.execute(select(syndication).where(syndication.c.document_id.in_(chunk))):
                    out[r.document_id] = r.group_id
        return out

    def group_members(self, group_ids: Sequence[str]) -> set[str]:
        """Every document in these syndication groups."""
        return self._values_where_in(syndication.c.document_id, syndication.c.group_id, group_ids)

    def set_syndication_groups(self, groups: dict[str, str | None]) -> None:
        if not groups:
            return
        with self._begin() as conn:
            ids = list(groups)
            for chunk in chunks(ids):
                conn.execute(delete(syndication).where(syndication.c.document_id.in_(chunk)))
            conn.execute(insert(syndication), [{"document_id": d, "group_id": g} for d, g in groups.items()])

    # ------------------------------------------------------------------ entities

    def entity_candidates(self, label: str, keys: Sequence[str]) -> list[Entity]:
        if not keys:
            return []
        with self._connect() as conn:
            ids = list(conn.execute(
                select(entity_keys.c.entity_id).where(entity_keys.c.label == label, entity_keys.c.key.in_(list(keys)))
            ).scalars())
            if not ids:
                return []
            rows = conn.execute(
                select(entities).where(entities.c.id.in_(list(dict.fromkeys(ids)))).order_by(entities.c.seq)
            ).all()
        return [_entity(r) for r in rows]

    def save_entities(self, items: Sequence[Entity]) -> None:
        """Insert new entities and update changed ones (same id), with their blocking keys."""
        if not items:
            return
        with self._begin() as conn:
            ids = [e.id for e in items]
            known = set()
            for chunk in chunks(ids):
                known.update(conn.execute(select(entities.c.id).where(entities.c.id.in_(chunk))).scalars())
            for e in items:
                values = {"label": e.label, "name": e.name, "aliases": json.dumps(list(e.aliases), ensure_ascii=False),
                          "keys": json.dumps(list(e.keys), ensure_ascii=False)}
                if e.id in known:
                    conn.execute(entities.update().where(entities.c.id == e.id).values(**values))
                    conn.execute(delete(entity_keys).where(entity_keys.c.entity_id == e.id))
                else:
                    conn.execute(insert(entities).values(id=e.id, **values))
                if e.keys:
                    conn.execute(insert(entity_keys), [{"label": e.label, "key": k, "entity_id": e.id} for k in e.keys])

    def entities_by_id(self, ids: Iterable[str]) -> dict[str, Entity]:
        out: dict[str, Entity] = {}
        with self._connect() as conn:
            for chunk in chunks(list(dict.fromkeys(ids))):
                for r in conn.execute(select(entities).where(entities.c.id.in_(chunk))):
                    out[r.id] = _entity(r)
        return out

    def add_entity_mentions(self, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            with self._begin() as conn:
                conn.execute(insert(entity_mentions), list(rows))

    def mention_entities(self, doc_id: str) -> dict[int, str]:
        with self._connect() as conn:
            rows = conn.execute(select(entity_mentions.c.mention, entity_mentions.c.entity_id)
                                .where(entity_mentions.c.document_id == doc_id)).all()
        return {r.mention: r.entity_id for r in rows}

    def list_entities(self, label: str | None = None, limit: int | None = None,
                      offset: int = 0) -> list[tuple[Entity, list[dict[str, Any]]]]:
        """Entities in creation order (one page of them when ``limit`` is given), each with its mentions."""
        with self._connect() as conn:
            q = select(entities).order_by(entities.c.seq).offset(offset)
            if label:
                q = q.where(entities.c.label == label)
            if limit is not None:
                q = q.limit(limit)
            ents = [_entity(r) for r in conn.execute(q)]
            mq = (select(entity_mentions.c.entity_id, entity_mentions.c.document_id, entity_mentions.c.start,
                         entity_mentions.c.end, entity_mentions.c.text)
                  .join(documents, documents.c.id == entity_mentions.c.document_id)
                  .order_by(documents.c.seq, entity_mentions.c.start))
            if label:
                mq = mq.where(entity_mentions.c.label == label)
            by_entity: dict[str, list[dict[str, Any]]] = {}
            pieces = chunks([e.id for e in ents]) if limit is not None else [None]
            for chunk in pieces:
                for r in conn.execute(mq if chunk is None else mq.where(entity_mentions.c.entity_id.in_(chunk))):
                    by_entity.setdefault(r.entity_id, []).append(
                        {"document": r.document_id, "start": r.start, "end": r.end, "text": r.text})
        return [(e, by_entity.get(e.id, [])) for e in ents]

    def count_entities(self, label: str | None = None) -> int:
        q = select(func.count()).select_from(entities)
        if label:
            q = q.where(entities.c.label == label)
        with self._connect() as conn:
            return int(conn.execute(q).scalar() or 0)

    def _values_where_in(self, wanted: Any, column: Any, keys: Iterable[str], *more: Any) -> set[Any]:
        """Distinct ``wanted`` values of the rows whose ``column`` is one of ``keys`` (and ``more`` holds)."""
        found: set[Any] = set()
        with self._connect() as conn:
            for chunk in chunks(list(dict.fromkeys(keys))):
                found.update(conn.execute(select(wanted).where(column.in_(chunk), *more)).scalars())
        return found

    def documents_mentioning(self, entity_ids: Iterable[str]) -> list[str]:
        """Documents that mention any of these entities, in ingest order."""
        found = self._values_where_in(entity_mentions.c.document_id, entity_mentions.c.entity_id, entity_ids)
        order = self.document_order(found)
        return sorted(found, key=lambda d: order.get(d, 0))

    def entities_in_documents(self, doc_ids: Iterable[str], label: str | None = None) -> set[str]:
        more = [entity_mentions.c.label == label] if label else []
        return self._values_where_in(entity_mentions.c.entity_id, entity_mentions.c.document_id, doc_ids, *more)

    # ------------------------------------------------------------------ case files

    def case_documents(self, doc_ids: Sequence[str]) -> list[CaseDocument]:
        """What corroboration needs of each of these documents, in the order given."""
        groups = self.syndication_groups(doc_ids)
        out: list[CaseDocument] = []
        with self._connect() as conn:
            for doc_id in doc_ids:
                row = conn.execute(
                    select(documents.c.origin, articles.c.outlet, articles.c.title, articles.c.published,
                           extractions.c.data)
                    .join(articles, articles.c.document_id == documents.c.id)
                    .join(extractions, extractions.c.document_id == documents.c.id)
                    .where(documents.c.id == doc_id)
                ).first()
                if row is None:
                    continue
                mentions = conn.execute(select(entity_mentions.c.mention, entity_mentions.c.entity_id)
                                        .where(entity_mentions.c.document_id == doc_id)).all()
                out.append(CaseDocument(
                    id=doc_id, origin=row.origin, outlet=row.outlet, title=row.title,
                    published=DateMention.from_json(json.loads(row.published)) if row.published else None,
                    syndication_group=groups.get(doc_id), extraction=extraction_loads(row.data),
                    entity_of_mention={m.mention: m.entity_id for m in mentions},
                ))
        return out

    def save_case_files(self, files: Sequence[tuple[str, dict[str, Any]]]) -> None:
        """Replace the case files of these subjects: (subject entity id, case file), with what they are found by."""
        if not files:
            return
        with self._begin() as conn:
            for entity_id, cf in files:
                gone = select(case_files.c.id).where(or_(case_files.c.entity_id == entity_id,
                                                         case_files.c.id == cf["id"]))
                conn.execute(delete(case_terms).where(case_terms.c.case_id.in_(gone)))
                conn.execute(delete(case_files).where(case_files.c.entity_id == entity_id))
                conn.execute(delete(case_files).where(case_files.c.id == cf["id"]))
                conn.execute(insert(case_files).values(
                    id=cf["id"], entity_id=entity_id, name=cf["subject"]["name"], status=cf["status"],
                    documents=len(cf.get("sources") or []), outlets=int(cf.get("outlets") or 0),
                    independent_sources=int(cf.get("independent_sources") or 0),
                    changed_at=self._changed_at(conn, cf), latest=terms.latest_development(cf),
                    data=json.dumps(cf, ensure_ascii=False),
                ))
                self._write_terms(conn, cf)

    @staticmethod
    def _write_terms(conn: Any, cf: dict[str, Any]) -> None:
        rows = [{"case_id": cf["id"], "kind": k, "value": v} for k, v in terms.terms(cf)]
        if rows:
            conn.execute(insert(case_terms), rows)

    @classmethod
    def _fill_case_terms(cls, conn: Any) -> None:
        """The side table and latest-development dates, for case files saved by a casewatch before they existed."""
        conn.execute(delete(case_terms))
        for row in conn.execute(select(case_files.c.id, case_files.c.data)).all():
            cf = json.loads(row.data)
            conn.execute(case_files.update().where(case_files.c.id == row.id)
                         .values(latest=terms.latest_development(cf)))
            cls._write_terms(conn, cf)

    @staticmethod
    def _changed_at(conn: Any, cf: dict[str, Any]) -> str:
        """When a case last changed: its latest report's ingest time or its latest review, whichever is later."""
        stamps = [conn.execute(select(func.max(reviews.c.at)).where(reviews.c.case_id == cf["id"])).scalar() or ""]
        for chunk in chunks(list(cf.get("documents") or [])):
            stamps.append(conn.execute(select(func.max(documents.c.ingested_at))
                                       .where(documents.c.id.in_(chunk))).scalar() or "")
        return max(stamps)

    def case_subjects_among(self, entity_ids: Iterable[str]) -> set[str]:
        """Which of these entities have a case file."""
        return self._values_where_in(case_files.c.entity_id, case_files.c.entity_id, entity_ids)

    def delete_case_files(self, entity_ids: Iterable[str]) -> None:
        with self._begin() as conn:
            for chunk in chunks(list(entity_ids)):
                gone = select(case_files.c.id).where(case_files.c.entity_id.in_(chunk))
                conn.execute(delete(case_terms).where(case_terms.c.case_id.in_(gone)))
                conn.execute(delete(case_files).where(case_files.c.entity_id.in_(chunk)))

    def list_cases(self) -> list[dict[str, Any]]:
        with self._connect() as conn:
            rows = conn.execute(select(case_files).order_by(case_files.c.name, case_files.c.id)).all()
        return [json.loads(r.data) for r in rows]

    def case_rows(self, status: str | None = None, name: str | None = None, limit: int | None = None,
                  offset: int = 0, order: str = "name", descending: bool = False, facility: str | None = None,
                  outlet: str | None = None, since: str | None = None, state: str | None = None,
                  assignee: str | None = None) -> tuple[int, list[dict[str, Any]]]:
        """(how many cases match, one page of their summary rows), sorted by ``order`` (a key of CASE_ORDERS).

        ``name`` matches any part of the name or an alias, without regard to case, diacritics or transliteration;
        ``facility`` and ``outlet`` any part of one the reports give; ``since`` keeps cases whose latest
        development is on or after that day (YYYY-MM-DD); ``state`` and ``assignee`` the team's state and the
        assignee's user name exactly.
        """
        if order not in CASE_ORDERS:
            raise InvalidValueError(f"cannot sort cases by {order!r}; choose one of {', '.join(CASE_ORDERS)}")
        where: list[Any] = []
        if status:
            where.append(case_files.c.status == status)
        if name and (terms.plain(name) or terms.folded(name)):
            where.append(case_files.c.id.in_(select(case_terms.c.case_id).where(or_(
                _term_like(terms.NAME, terms.plain(name)), _term_like(terms.NAME_FOLD, terms.folded(name))))))
        for kind, value in ((terms.FACILITY, facility), (terms.OUTLET, outlet)):
            if value and terms.plain(value):
                where.append(case_files.c.id.in_(select(case_terms.c.case_id)
                                                 .where(_term_like(kind, terms.plain(value)))))
        for kind, value in ((terms.STATE, state), (terms.ASSIGNEE, assignee)):
            if value:
                where.append(case_files.c.id.in_(select(case_terms.c.case_id).where(
                    case_terms.c.kind == kind, case_terms.c.value == value)))
        if since:
            where.append(case_files.c.latest >= since)
        column = CASE_ORDERS[order]
        keys = (column.desc() if descending else column.asc(), case_files.c.name, case_files.c.id)
        q = select(case_files.c.id, case_files.c.entity_id, case_files.c.name, case_files.c.status,
                   case_files.c.documents, case_files.c.outlets, case_files.c.independent_sources,
                   case_files.c.changed_at, case_files.c.latest).where(*where).order_by(*keys).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        with self._connect() as conn:
            total = int(conn.execute(select(func.count()).select_from(case_files).where(*where)).scalar() or 0)
            rows = [dict(r._mapping) for r in conn.execute(q)]
        return total, rows

    def case_work_of(self, case_ids: Sequence[str]) -> dict[str, dict[str, str | None]]:
        """For each of these cases, its team ``state``, ``assignee`` (None when nobody) and when it was last
        ``reviewed`` (None when never)."""
        out: dict[str, dict[str, str | None]] = {c: {"state": "new", "assignee": None, "reviewed": None}
                                                 for c in case_ids}
        with self._connect() as conn:
            for chunk in chunks(list(case_ids)):
                kinds = (terms.STATE, terms.ASSIGNEE, terms.REVIEWED)
                rows = conn.execute(select(case_terms.c.case_id, case_terms.c.kind, case_terms.c.value).where(
                    case_terms.c.case_id.in_(chunk), case_terms.c.kind.in_(kinds))).all()
                for r in rows:
                    out[r.case_id][r.kind] = r.value
        return out

    def case_term_values(self, kind: str, limit: int = 200) -> list[str]:
        """The distinct facilities or outlets (comparable form) the cases are found by, for a filter's choices."""
        with self._connect() as conn:
            return list(conn.execute(select(case_terms.c.value).where(case_terms.c.kind == kind).distinct()
                                     .order_by(case_terms.c.value).limit(limit)).scalars())

    def cases_of_documents(self, doc_ids: Sequence[str]) -> dict[str, list[dict[str, str]]]:
        """For each of these reports, the cases it belongs to ({id, name}, by name)."""
        out: dict[str, list[dict[str, str]]] = {d: [] for d in doc_ids}
        with self._connect() as conn:
            for chunk in chunks(list(doc_ids)):
                rows = conn.execute(
                    select(case_terms.c.value, case_files.c.id, case_files.c.name)
                    .join(case_files, case_files.c.id == case_terms.c.case_id)
                    .where(case_terms.c.kind == terms.DOCUMENT, case_terms.c.value.in_(chunk))
                    .order_by(case_files.c.name, case_files.c.id)).all()
                for r in rows:
                    out[r.value].append({"id": r.id, "name": r.name})
        return out

    def case_statuses(self) -> dict[str, int]:
        with self._connect() as conn:
            rows = conn.execute(select(case_files.c.status, func.count()).group_by(case_files.c.status)).all()
        return {r[0]: int(r[1]) for r in rows}

    def get_case(self, ref: str) -> dict[str, Any]:
        """A case by id, unique id prefix, or the subject's name or alias (regardless of case, diacritics and
        transliteration; a part of one when only one case has it)."""
        ref = ref.strip()
        with self._connect() as conn:
            data = conn.execute(select(case_files.c.data).where(case_files.c.id == ref)).scalar()
            if data is not None:
                return json.loads(data)
            found: list[Any] = []
            if len(ref) >= 4:
                found = conn.execute(select(case_files.c.data).where(
                    case_files.c.id.like(like_escape(ref) + "%", escape="\\")).limit(6)).scalars().all()
            for kind, key, exact in ((terms.NAME, terms.plain(ref), True), (terms.NAME_FOLD, terms.folded(ref), True),
                                     (terms.NAME, terms.plain(ref), False),
                                     (terms.NAME_FOLD, terms.folded(ref), False)):
                if found or not key:
                    break
                match = case_terms.c.value == key if exact else _term_like(kind, key)
                ids = select(case_terms.c.case_id).where(case_terms.c.kind == kind, match)
                found = conn.execute(select(case_files.c.data).where(case_files.c.id.in_(ids))
                                     .order_by(case_files.c.name).limit(6)).scalars().all()
        cases = [json.loads(d) for d in found]
        if len(cases) == 1:
            return cases[0]
        if not cases:
            raise NotFoundError(f"no case {ref!r}; `casewatch cases` lists them")
        names = ", ".join(f"{c['id']} ({c['subject']['name']})" for c in cases[:5])
        raise AmbiguousIdError(f"{ref!r} matches several cases: {names}; give the id")


def _term_like(kind: str, value: str) -> Any:
    """Rows of ``case_terms`` of this kind holding ``value`` anywhere (taken literally, bound)."""
    return (case_terms.c.kind == kind) & case_terms.c.value.like(f"%{like_escape(value)}%", escape="\\")


CASE_ORDERS: dict[str, Any] = {
    "name": case_files.c.name, "status": case_files.c.status, "reports": case_files.c.documents,
    "outlets": case_files.c.outlets, "sources": case_files.c.independent_sources, "latest": case_files.c.latest,
}
"""The columns the cases list sorts by, under the names its links and the API use."""

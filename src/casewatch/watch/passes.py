"""One pass over the sources that are due: fetch each, find what is new, ingest it like files.

A feed's entries are known by their GUID, their canonical URL and their page's hash, across every source,
so the same story reached through two feeds is one report; each new entry's page is fetched and ingested
as HTML, with the feed's title, date and GUID kept beside it. A watched page is fetched again on its
interval; new bytes are a new version (a new report) linked to the one before.

Nothing is lost when a pass is stopped: an entry is recorded as seen only after its report is stored, so
an entry fetched but not stored is fetched again next time, and its bytes, if stored already, are known.
Network access goes through the :class:`~casewatch.watch.fetcher.Fetcher` given, and nowhere else.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from ..acquire import Failure, read_bytes
from ..errors import CasewatchError
from ..ingest import IngestSummary, ingest
from ..models import RawReport
from ..runner import Runner
from ..settings import Settings
from ..store import Store, document_id, now_iso, sha256_hex
from ..store.sources import FAILING, SourceRow
from .feeds import looks_like_feed, parse_feed
from .fetcher import Fetcher, FetchError, Response
from .urls import canonical_url, page_canonical

GONE = (404, 410)
"""Answers after which an entry's page is given up (recorded as seen, with no report)."""


@dataclass
class SourceResult:
    """What one pass did for one source."""

    source: int
    name: str
    url: str
    fetched: int = 0
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    status: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "name": self.name, "url": self.url, "fetched": self.fetched, "new": self.new,
                "unchanged": self.unchanged, "failed": self.failed, "status": self.status, "errors": self.errors}


@dataclass
class PassReport:
    """What one pass did: per source, and the ingest of the new reports."""

    at: str
    sources: list[SourceResult] = field(default_factory=list)
    ingest: IngestSummary | None = None

    @property
    def new(self) -> int:
        return sum(s.new for s in self.sources)

    @property
    def failed(self) -> int:
        return sum(s.failed for s in self.sources)

    def to_json(self) -> dict[str, Any]:
        return {"at": self.at, "sources": [s.to_json() for s in self.sources],
                "new": self.new, "failed": self.failed,
                "documents": list(self.ingest.new) if self.ingest else []}

    def line(self) -> str:
        """One line for a monitor's log."""
        fetched = sum(s.fetched for s in self.sources)
        unchanged = sum(s.unchanged for s in self.sources)
        return (f"{self.at} pass: {len(self.sources)} source(s) due, {fetched} fetched, {self.new} new, "
                f"{unchanged} unchanged, {self.failed} failed")


@dataclass
class _Found:
    """A new report found for a source, with the entry that records it once stored."""

    raw: RawReport
    entry: dict[str, Any]


def _later(at: str, seconds: float) -> str:
    return (dt.datetime.fromisoformat(at) + dt.timedelta(seconds=seconds)).replace(microsecond=0).isoformat()


def _status(response: Response) -> str:
    return "not modified (304)" if response.not_modified else f"ok ({response.status})"


class _Pass:
    """The state of one pass (the fetch log rows and entries it will write)."""

    def __init__(self, store: Store, fetcher: Fetcher, settings: Settings, at: str):
        self.store = store
        self.fetcher = fetcher
        self.settings = settings
        self.at = at
        self.log: list[dict[str, Any]] = []
        self.seen_urls: set[str] = set()
        self.seen_hashes: set[str] = set()

    def get(self, source: SourceRow, url: str, **kw: Any) -> Response:
        """One request, written to the fetch log whatever happens."""
        try:
            response = self.fetcher.get(url, **kw)
        except FetchError as e:
            self.log.append({"source_id": source.id, "at": now_iso(), "url": url, "status": e.status, "bytes": 0,
                             "new_items": 0, "error": str(e)})
            raise
        self.log.append({"source_id": source.id, "at": now_iso(), "url": url, "status": response.status,
                         "bytes": len(response.body), "new_items": 0, "error": None})
        return response

    # -------------------------------------------------------------- one source

    def source(self, source: SourceRow, result: SourceResult) -> list[_Found]:
        accept = source.kind or "any"
        response = self.get(source, source.url, etag=source.etag, last_modified=source.last_modified, accept=accept)
        logged = self.log[-1]  # the source's own request: its new items are counted on it
        result.fetched += 1
        if response.not_modified:
            result.unchanged += 1
            self.store.source_fetched(source.id, at=self.at, kind=None, status=_status(response), ok=True,
                                      new_items=0, next_due_at=_later(self.at, source.every_seconds),
                                      keep_validators=True)
            return []
        kind = source.kind or ("feed" if looks_like_feed(response.content_type, response.body) else "page")
        found = self.feed(source, response, result) if kind == "feed" else self.page(source, response, result)
        logged["new_items"] = len(found)
        self.store.source_fetched(source.id, at=self.at, kind=kind, status=_status(response), ok=True,
                                  new_items=len(found), next_due_at=_later(self.at, source.every_seconds),
                                  etag=response.etag, last_modified=response.last_modified)
        return found

    def _raw(self, response: Response, meta: dict[str, Any] | None, result: SourceResult) -> RawReport | None:
        """The fetched page as a report, through the same checks as a file (size, binary, empty)."""
        for item in read_bytes(response.body, response.url, "html", self.settings):
            if isinstance(item, Failure):
                result.failed += 1
                result.errors.append(item.line())
                return None
            return replace(item, meta=json.dumps(meta, ensure_ascii=False, sort_keys=True) if meta else None)
        return None

    def _known(self, url: str | None, sha: str | None = None, guid: str | None = None) -> bool:
        if (url and url in self.seen_urls) or (sha and sha in self.seen_hashes):
            return True
        return self.store.known_entry(guid=guid, url=url, sha256=sha) is not None

    def feed(self, source: SourceRow, response: Response, result: SourceResult) -> list[_Found]:
        feed = parse_feed(response.body, response.url)
        found: list[_Found] = []
        for entry in feed.entries:
            link = entry.link
            url = canonical_url(link) if link else None
            if url is None or self._known(url, guid=entry.guid):
                result.unchanged += 1
                continue
            self.seen_urls.add(url)
            row = {"source_id": source.id, "guid": entry.guid, "url": url, "sha256": None, "document_id": None,
                   "previous_document_id": None, "title": entry.title, "published": entry.published,
                   "seen_at": self.at}
            try:
                page = self.get(source, link, accept="page")  # type: ignore[arg-type]
            except FetchError as e:
                if e.status in GONE:  # the entry's page is gone: seen, and not asked for again
                    self.store.add_entries([row])
                result.failed += 1
                result.errors.append(str(e))
                continue
            result.fetched += 1
            final = canonical_url(page_canonical(page.body, page.url) or page.url)
            sha = sha256_hex(page.body)
            if final != url and self._known(final, sha):
                result.unchanged += 1
                continue
            if self._known(None, sha):
                result.unchanged += 1
                continue
            self.seen_urls.add(final)
            self.seen_hashes.add(sha)
            meta = {"title": entry.title, "published": entry.published, "guid": entry.guid, "feed": source.url}
            raw = self._raw(page, {k: v for k, v in meta.items() if v}, result)
            if raw is None:
                continue
            row.update(url=final, sha256=sha, document_id=document_id(raw.data))
            found.append(_Found(raw, row))
        return found

    def page(self, source: SourceRow, response: Response, result: SourceResult) -> list[_Found]:
        sha = sha256_hex(response.body)
        last = self.store.latest_version(source.id)
        if last is not None and last.sha256 == sha:
            result.unchanged += 1
            return []
        raw = self._raw(response, None, result)
        if raw is None:
            return []
        url = canonical_url(page_canonical(response.body, response.url) or response.url)
        return [_Found(raw, {"source_id": source.id, "guid": None, "url": url, "sha256": sha,
                             "document_id": document_id(raw.data),
                             "previous_document_id": last.document_id if last else None,
                             "title": None, "published": None, "seen_at": self.at})]

    def failed(self, source: SourceRow, error: CasewatchError, result: SourceResult) -> None:
        result.failed += 1
        result.errors.append(str(error))
        failures = source.failures + 1
        marked = FAILING if failures >= self.settings.failing_after else "error: "
        result.status = f"{marked}{error}"
        wait = float(source.every_seconds)
        if isinstance(error, FetchError) and error.retry_after:  # the site said when to come back
            wait = max(wait, error.retry_after)
        self.store.source_fetched(source.id, at=self.at, kind=None, status=result.status, ok=False, new_items=0,
                                  next_due_at=_later(self.at, wait))


StopFn = Callable[[], bool]


def run_pass(store: Store, fetcher: Fetcher, settings: Settings, runner: Runner, *, source_id: int | None = None,
             at: str | None = None, stop: StopFn = lambda: False, actor: str | None = None) -> PassReport:
    """Fetch every source that is due (``source_id``: that one, due or not), then ingest what is new.

    ``stop`` is asked between sources: a pass asked to stop ingests what it fetched so far and returns.
    """
    at = at or now_iso()
    work = _Pass(store, fetcher, settings, at)
    report = PassReport(at=at)
    found: list[_Found] = []
    for source in store.due_sources(at, source_id):
        if stop():
            break
        result = SourceResult(source=source.id, name=source.name, url=source.url)
        report.sources.append(result)
        try:
            new = work.source(source, result)
        except CasewatchError as e:
            work.failed(source, e, result)
            continue
        found.extend(new)
        result.status = result.status or "ok"
    store.record_fetches(work.log)
    if found:
        report.ingest = ingest(store, [f.raw for f in found], runner, batch_size=settings.batch_size,
                               parallel_from=settings.parallel_from, actor=actor)
        added = set(report.ingest.new)
        stored = added | set(report.ingest.unchanged)
        store.add_entries([f.entry for f in found if f.entry["document_id"] in stored])
        by_source = {r.source: r for r in report.sources}
        for f in found:
            result = by_source[f.entry["source_id"]]
            if f.entry["document_id"] in added:
                result.new += 1
            else:  # the same bytes were stored before (ingested as a file, say)
                result.unchanged += 1
    return report

"""The tables. Those in ``metadata`` are never rebuilt; those in ``derived`` are made again from raw bytes."""
from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

SCHEMA_VERSION = 2
"""2: the audit and reviews tables carry hash chains (``prev_hash``, ``entry_hash``; see store/chain.py)."""

metadata = MetaData()

# -- never rebuilt: the record of what was read
blobs = Table(
    "blobs", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("data", LargeBinary, nullable=False),
    Column("size", Integer, nullable=False),
)
documents = Table(
    "documents", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),
    Column("sha256", String(64), ForeignKey("blobs.sha256"), nullable=False, unique=True),
    Column("kind", String(8), nullable=False),
    Column("origin", Text, nullable=False),
    Column("ingested_at", String(32), nullable=False),
    Column("meta", Text),  # JSON: what a feed said of the report (models.RawReport.meta)
)
sightings = Table(
    "sightings", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("origin", Text, nullable=False),
    Column("seen_at", String(32), nullable=False),
    Index("ix_sightings_document", "document_id"),
)
meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# -- never rebuilt: people, their access and their decisions
users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("disabled_at", String(32)),
)
tokens = Table(
    "tokens", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("label", Text, nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", String(32), nullable=False),
    Column("last_used_at", String(32)),
    Column("revoked_at", String(32)),
)
sessions = Table(
    "sessions", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("expires_at", String(32), nullable=False),
)
reviews = Table(
    "reviews", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(64), nullable=False),
    Column("target_id", String(64), nullable=False),
    Column("kind", String(16), nullable=False),  # fact, event, conflict
    Column("state", String(16), nullable=False),  # confirmed, rejected, edited, unreviewed
    Column("value", Text),
    Column("note", Text, nullable=False),
    Column("user", String(64), nullable=False),
    Column("at", String(32), nullable=False),
    Column("prev_hash", String(64)),  # hash chain, see store/chain.py
    Column("entry_hash", String(64)),
    Index("ix_reviews_case", "case_id", "target_id"),
)
audit = Table(
    "audit", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),
    Column("actor", String(64), nullable=False),
    Column("action", String(32), nullable=False),
    Column("target", Text, nullable=False),
    Column("before", Text),  # JSON
    Column("after", Text),  # JSON
    Column("prev_hash", String(64)),  # hash chain, see store/chain.py
    Column("entry_hash", String(64)),
)

# -- never rebuilt: what is watched on the network, and what was fetched (src/casewatch/watch/, store/sources.py)
sources = Table(
    "sources", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("url", Text, nullable=False),
    Column("kind", String(8)),  # feed or page; None until the first fetch tells which
    Column("every_seconds", Integer, nullable=False),
    Column("added_at", String(32), nullable=False),
    Column("added_by", String(64), nullable=False),
    Column("paused_at", String(32)),
    Column("removed_at", String(32)),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_fetch_at", String(32)),
    Column("last_status", Text),
    Column("items_seen", Integer, nullable=False, server_default="0"),
    Column("failures", Integer, nullable=False, server_default="0"),  # errors in a row
    Column("next_due_at", String(32)),
)
fetches = Table(
    "fetches", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("source_id", Integer, nullable=False),
    Column("at", String(32), nullable=False),
    Column("url", Text, nullable=False),
    Column("status", Integer),  # HTTP status; None when no answer came
    Column("bytes", Integer, nullable=False, server_default="0"),
    Column("new_items", Integer, nullable=False, server_default="0"),
    Column("error", Text),
    Index("ix_fetches_source", "source_id", "seq"),
)
"""Every request made for a source (a feed, a page, an entry's page): one row each, never changed."""
entries = Table(
    "feed_entries", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("source_id", Integer, nullable=False),
    Column("guid", Text),
    Column("url", Text),  # canonical
    Column("sha256", String(64)),  # of the page's bytes
    Column("document_id", String(64)),
    Column("previous_document_id", String(64)),  # the earlier version of a page that changed
    Column("title", Text),  # as the feed gives it
    Column("published", Text),  # as the feed gives it
    Column("seen_at", String(32), nullable=False),
    Index("ix_feed_entries_guid", "guid"),
    Index("ix_feed_entries_url", "url"),
    Index("ix_feed_entries_sha", "sha256"),
)
"""What each fetched item was: the feed's GUID, title and date, its canonical URL and the report it became."""

# -- never rebuilt: what changed in case files, who follows what, and what was sent (changes/, alerts/)
changes = Table(
    "changes", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),
    Column("case_id", String(64), nullable=False),
    Column("case_name", Text, nullable=False),
    Column("kind", String(16), nullable=False),  # new_case, status, fact, conflict, conflict_settled, source, report
    Column("from_value", Text),
    Column("to_value", Text),
    Column("detail", Text, nullable=False),  # JSON
    Column("documents", Text, nullable=False),  # JSON list of document ids
    Index("ix_changes_case", "case_id", "seq"),
    Index("ix_changes_at", "at"),
)
follows = Table(
    "follows", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user", String(64), nullable=False),
    Column("kind", String(8), nullable=False),  # case, person, status, place, query
    Column("value", Text, nullable=False),
    Column("channel", String(8), nullable=False),  # webhook, email, file
    Column("target", Text, nullable=False),  # the URL, address or path
    Column("secret", Text),  # a webhook's signing key
    Column("digest", String(8), nullable=False, server_default=""),  # "" (at once) or "daily"
    Column("created_at", String(32), nullable=False),
    Column("removed_at", String(32)),
    Column("last_digest_at", String(32)),  # when its latest daily digest was delivered
)
alerts = Table(
    "alerts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("change_seq", Integer, nullable=False),
    Column("follow_id", Integer, nullable=False),
    Column("channel", String(8), nullable=False),
    Column("state", String(12), nullable=False),  # pending, delivered, failing, cancelled (unfollowed)
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", String(32)),
    Column("delivered_at", String(32)),
    Column("last_error", Text),
    Column("created_at", String(32), nullable=False),
    UniqueConstraint("change_seq", "follow_id", name="uq_alert_change_follow"),
    Index("ix_alerts_state", "state"),
)
"""One alert per change and follow that matches it (the unique pair: never sent twice)."""
deliveries = Table(
    "deliveries", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("alert_id", Integer, nullable=False),
    Column("at", String(32), nullable=False),
    Column("ok", Integer, nullable=False),
    Column("detail", Text, nullable=False),
    Index("ix_deliveries_alert", "alert_id"),
)
"""Every attempt to deliver an alert, with what the channel answered."""

# -- derived: rebuilt from the raw bytes. Their tables carry the placeholder schema DERIVED_SCHEMA, which the
# store maps to the live tables (``main``) or, during ``casewatch rebuild``, to the copy built beside them.
DERIVED_SCHEMA = "cw_derived"
derived = MetaData(schema=DERIVED_SCHEMA)
articles = Table(
    "articles", derived,
    Column("document_id", String(64), primary_key=True),
    Column("title", Text),
    Column("author", Text),
    Column("outlet", Text),
    Column("url", Text),
    Column("external_id", Text),
    Column("published", Text),  # JSON date object
    Column("published_start", String(10)),
    Column("language", String(8)),
    Column("status", String(16), nullable=False),
    Column("error", Text),
    Column("text", Text, nullable=False),
    Column("words", Integer, nullable=False),
)
dates = Table(
    "dates", derived,
    Column("document_id", String(64), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("first", String(10)),
    Column("last", String(10)),
    Column("precision", String(16), nullable=False),
    Column("calendar", String(16), nullable=False),
    Column("anchor", Text),
    Index("ix_dates_document", "document_id", "seq"),
)

APPEND_ONLY = (
    ("blobs_never_change", "blobs", "UPDATE", "raw reports are never changed"),
    ("blobs_never_deleted", "blobs", "DELETE", "raw reports are never deleted"),
    ("audit_never_change", "audit", "UPDATE", "the audit log is append-only"),
    ("audit_never_deleted", "audit", "DELETE", "the audit log is append-only"),
    ("reviews_never_change", "reviews", "UPDATE", "reviews are never changed: add a new one"),
    ("reviews_never_deleted", "reviews", "DELETE", "reviews are never deleted: add a new one"),
    ("changes_never_change", "changes", "UPDATE", "change records are append-only"),
    ("changes_never_deleted", "changes", "DELETE", "change records are append-only"),
    ("fetches_never_change", "fetches", "UPDATE", "the fetch log is append-only"),
    ("deliveries_never_change", "deliveries", "UPDATE", "the delivery log is append-only"),
)
"""The triggers that keep what was read and what people decided: (name, table, refused statement, message);
:mod:`casewatch.store.dialect` writes them for each database."""
IMMUTABLE_TRIGGERS = tuple(
    f"CREATE TRIGGER IF NOT EXISTS {name} BEFORE {event} ON {table} BEGIN SELECT RAISE(ABORT, '{message}'); END"
    for name, table, event, message in APPEND_ONLY)

# -- derived: full-text search over the clean text (SQLite FTS5), rebuilt with the articles
FTS_TABLE = "documents_fts"
FTS_CREATE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "document_id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')"
)
FTS_DROP = f"DROP TABLE IF EXISTS {FTS_TABLE}"

# -- derived: extraction, resolution and corroboration results
extractions = Table(
    "extractions", derived,
    Column("document_id", String(64), primary_key=True),
    Column("data", Text, nullable=False),  # JSON of models.Extraction
)
figures = Table(
    "figures", derived,
    Column("document_id", String(64), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("quantity", String(64), nullable=False),
    Column("value", Float, nullable=False),
    Column("qualifier", String(16), nullable=False),
    Column("counted", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
    Column("attributed_to", Text),
    Index("ix_figures_document", "document_id", "seq"),
)
expansions = Table(
    "expansions", derived,
    Column("document_id", String(64), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("acronym", String(64), nullable=False),
    Column("expansion", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
    Index("ix_expansions_acronym", "acronym"),
    Index("ix_expansions_document", "document_id"),
)
signatures = Table(
    "signatures", derived,
    Column("document_id", String(64), primary_key=True),
    Column("data", Text, nullable=False),  # JSON list of MinHash values
)
bands = Table(
    "bands", derived,
    Column("key", String(64), nullable=False),
    Column("document_id", String(64), nullable=False),
    Index("ix_bands_key", "key"),
)
syndication = Table(
    "syndication", derived,
    Column("document_id", String(64), primary_key=True),
    Column("group_id", String(64)),
)
entities = Table(
    "entities", derived,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),
    Column("label", String(8), nullable=False),
    Column("name", Text, nullable=False),
    Column("aliases", Text, nullable=False),  # JSON list
    Column("keys", Text, nullable=False),  # JSON list
)
entity_keys = Table(
    "entity_keys", derived,
    Column("label", String(8), nullable=False),
    Column("key", String(128), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Index("ix_entity_keys", "label", "key"),
)
entity_mentions = Table(
    "entity_mentions", derived,
    Column("entity_id", String(64), nullable=False),
    Column("document_id", String(64), nullable=False),
    Column("mention", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("label", String(8), nullable=False),
    Index("ix_entity_mentions_entity", "entity_id"),
    Index("ix_entity_mentions_document", "document_id"),
)
case_files = Table(
    "case_files", derived,
    Column("id", String(64), primary_key=True),
    Column("entity_id", String(64), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("status", String(32), nullable=False),
    Column("documents", Integer, nullable=False),
    Column("outlets", Integer, nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("changed_at", String(32), nullable=False, server_default=""),
    Column("latest", String(10), nullable=False, server_default=""),  # date of the latest development
    Column("data", Text, nullable=False),  # JSON case file
    Index("ix_case_files_status", "status"),
)
case_terms = Table(
    "case_terms", derived,
    Column("case_id", String(64), nullable=False),
    Column("kind", String(16), nullable=False),  # name, name_fold, facility, outlet, document (store/case_terms.py)
    Column("value", Text, nullable=False),
    Index("ix_case_terms_kind", "kind", "value"),
    Index("ix_case_terms_case", "case_id"),
)
"""What each case is found by: its names and aliases in comparable forms, facilities, outlets, reports."""
pending_cases = Table(
    "pending_cases", derived,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("entity_id", String(64), nullable=False),
    Index("ix_pending_cases_entity", "entity_id"),
)
"""People whose case files must be made again: written with the reports that touch them, cleared when their
case files are saved, so a run stopped between the two leaves the work recorded for the next command."""

"""Ingest and rebuild: read reports, run the document layer in batches, write the results.

The CLI and the tests call these; they take the store and the runner as
arguments, so the same code runs on one core, a local pool, or elsewhere.

Nothing is lost when a run stops half-way (killed, out of memory, a power cut). Each batch is stored,
processed and linked in one transaction, together with the record of the case files it made out of date;
the case files are made at the end and that record cleared in the transaction that saves them. Whatever
a stopped run left (reports stored but not processed, case files out of date) the next ``ingest``,
``finish`` or upload finishes first, in ingest order, so the result is the one an uninterrupted run gives.
A rebuild works on a copy beside the live tables (:mod:`casewatch.store.shadow`) and switches at the end.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .acquire import Failure
from .link import build_pending_cases, link_documents
from .models import Outcome, RawReport
from .pipeline import process_reports
from .runner import Runner
from .store import Store, document_id, now_iso
from .store.integrity import matches_id
from .store.shadow import open_shadow, rebuild_lock


@dataclass
class IngestSummary:
    new: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "new": len(self.new),
            "unchanged": len(self.unchanged),
            "failed": len(self.failed),
            "documents": {"new": self.new, "unchanged": self.unchanged},
            "failures": [{"input": f.input, "reason": f.reason} for f in self.failed],
        }


ProgressFn = Callable[[int], None]
StageFn = Callable[[str], None]

READING = "reading reports"
PROCESSING = "cleaning, dating, extracting people and events"
LINKING = "linking reports to people and cases"
BUILDING = "building case files"
STAGES = (READING, PROCESSING, LINKING, BUILDING)
"""The stages an ingest names as it goes (:func:`ingest`'s ``on_stage``), in order."""
FailureFn = Callable[[Failure], None]
ProcessFn = Callable[[list[RawReport], Runner], list[Outcome]]


def _noop(_: object) -> None:
    return None


def start_stages(raws: list[RawReport], runner: Runner, parallel_from: int = 24) -> Callable[[], list[Outcome]]:
    """Begin every per-report stage over a batch, one chunk per worker so each runs ``nlp.pipe`` once.

    Returns a function that waits for the outcomes. A batch smaller than
    ``parallel_from`` stays in this process: starting workers would cost more.
    """
    if len(raws) < parallel_from or runner.workers == 1:
        outcomes = process_reports(raws)
        return lambda: outcomes
    parts = min(len(raws), runner.workers)
    size = -(-len(raws) // parts)
    chunks = [raws[i:i + size] for i in range(0, len(raws), size)]
    wait = runner.start(process_reports, chunks)
    return lambda: [out for chunk in wait() for out in chunk]


def run_stages(raws: list[RawReport], runner: Runner, parallel_from: int = 24) -> list[Outcome]:
    """Every per-report stage over a batch (see :func:`start_stages`)."""
    return start_stages(raws, runner, parallel_from)()


def _link(store: Store, items: list[tuple[str, Outcome]]) -> None:
    """Resolve and group newly processed reports, and record whose case files they made out of date."""
    if items:
        store.add_pending_cases(link_documents(store, [(doc_id, out.extraction) for doc_id, out in items]))


def ingest(
    store: Store,
    items: Iterable[RawReport | Failure],
    runner: Runner,
    batch_size: int = 64,
    on_progress: ProgressFn = _noop,
    on_failure: FailureFn = _noop,
    process: ProcessFn | None = None,
    parallel_from: int = 24,
    actor: str | None = None,
    on_stage: StageFn = _noop,
) -> IngestSummary:
    """Store every new report with its article; known bytes are a no-op (recorded as seen again).

    ``on_progress`` gets the number of reports handled (new or known) after each batch;
    ``on_stage`` the words for each stage (:data:`STAGES`) as the run enters it;
    ``on_failure`` each input that could not be read or processed, as it happens;
    ``process`` replaces the per-report stages (for a caller measuring another);
    ``actor`` (a user, or ``cli:LOGIN``) is who the audit log names for the run.
    While the workers process one batch, this process stores and links the one before.
    Work an earlier run left unfinished is finished first (see the module's notes).
    """
    summary = IngestSummary()
    finish_pending(store, runner, batch_size, on_failure=on_failure, parallel_from=parallel_from, cases=False)
    on_stage(READING)
    seen: set[str] = set()
    batch: list[RawReport] = []
    in_flight: list[tuple[list[tuple[str, RawReport]], Callable[[], list[Outcome]], list[tuple[str, str]], int]] = []

    def begin(fresh: list[tuple[str, RawReport]]) -> Callable[[], list[Outcome]]:
        raws = [raw for _, raw in fresh]
        if process is not None:
            return lambda: process(raws, runner)
        return start_stages(raws, runner, parallel_from)

    def finish() -> None:
        fresh, wait, again, size = in_flight.pop(0)
        on_stage(PROCESSING)
        outcomes = wait()
        on_stage(LINKING)
        with store.transaction():
            added = set(store.add_documents([(doc_id, raw, out)
                                             for (doc_id, raw), out in zip(fresh, outcomes, strict=True)]))
            store.add_sightings(again)
            _link(store, [(doc_id, out) for (doc_id, _), out in zip(fresh, outcomes, strict=True)
                          if doc_id in added])
        for (doc_id, raw), out in zip(fresh, outcomes, strict=True):
            if doc_id not in added:  # another process stored the same bytes meanwhile
                summary.unchanged.append(doc_id)
                continue
            summary.new.append(doc_id)
            if out.error:
                fail(Failure(raw.origin, f"stored as {doc_id} but not processed: {out.error}"))
        on_progress(size)
        on_stage(READING)

    def fail(f: Failure) -> None:
        summary.failed.append(f)
        on_failure(f)

    def flush() -> None:
        if not batch:
            return
        ids = [document_id(r.data) for r in batch]
        known = store.known_ids(ids)
        fresh: list[tuple[str, RawReport]] = []
        again: list[tuple[str, str]] = []
        for doc_id, raw in zip(ids, batch, strict=True):
            if doc_id in known or doc_id in seen:
                summary.unchanged.append(doc_id)
                again.append((doc_id, raw.origin))
            else:
                seen.add(doc_id)
                fresh.append((doc_id, raw))
        on_stage(PROCESSING)
        in_flight.append((fresh, begin(fresh), again, len(batch)))
        batch.clear()
        while len(in_flight) > 1:
            finish()

    for item in items:
        if isinstance(item, Failure):
            fail(item)
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    flush()
    while in_flight:
        finish()
    on_stage(BUILDING)
    build_pending_cases(store)
    if actor is not None:
        store.record(now_iso(), actor, "ingest", "documents", None, {
            "new": summary.new, "unchanged": len(summary.unchanged),
            "failed": [f"{f.input}: {f.reason}" for f in summary.failed],
        })
    return summary


def store_raw(store: Store, items: Iterable[RawReport | Failure], batch_size: int = 64,
              on_failure: FailureFn = _noop, actor: str | None = None) -> IngestSummary:
    """Store reports' bytes at once, to be processed by :func:`finish_pending` (an upload, answered at once)."""
    summary = IngestSummary()
    batch: list[RawReport] = []

    def flush() -> None:
        ids = [document_id(r.data) for r in batch]
        added = set(store.add_raw(list(zip(ids, batch, strict=True))))
        for doc_id in ids:
            (summary.new if doc_id in added else summary.unchanged).append(doc_id)
            added.discard(doc_id)
        batch.clear()

    for item in items:
        if isinstance(item, Failure):
            summary.failed.append(item)
            on_failure(item)
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    if actor is not None:
        store.record(now_iso(), actor, "upload", "documents", None, {
            "new": summary.new, "unchanged": len(summary.unchanged),
            "failed": [f"{f.input}: {f.reason}" for f in summary.failed],
        })
    return summary


def finish_pending(store: Store, runner: Runner, batch_size: int = 64, on_progress: ProgressFn = _noop,
                   on_failure: FailureFn = _noop, parallel_from: int = 24, cases: bool = True) -> int:
    """Process every stored report not processed yet, in ingest order, then (``cases``) make every case file
    recorded as out of date. Returns how many reports were processed; 0 when nothing was left to do."""
    done = 0
    for batch in store.unprocessed(batch_size):
        outcomes = run_stages([raw for _, raw in batch], runner, parallel_from)
        with store.transaction():
            written = set(store.write_outcomes([(doc_id, out) for (doc_id, _), out in zip(batch, outcomes,
                                                                                         strict=True)]))
            _link(store, [(doc_id, out) for (doc_id, _), out in zip(batch, outcomes, strict=True)
                          if doc_id in written])
        for (doc_id, raw), out in zip(batch, outcomes, strict=True):
            if doc_id in written and out.error:
                on_failure(Failure(raw.origin, f"stored as {doc_id} but not processed: {out.error}"))
        done += len(written)
        on_progress(len(batch))
    if cases:
        build_pending_cases(store)
    return done


ALTERED = "its stored bytes no longer match its id, so it was left out; run `casewatch verify`"
"""Why ``rebuild`` refuses a report whose bytes were changed after it was stored."""


def rebuild(store: Store, runner: Runner, batch_size: int = 64, on_progress: ProgressFn = _noop,
            on_failure: FailureFn = _noop, actor: str | None = None) -> int:
    """Make every derived table again from the raw reports, beside the live ones; the ids stay the same.

    The live case files stay as they were until the end, when the new ones replace them in one
    transaction. A rebuild that was stopped goes on from its last finished batch. Returns how many
    reports this run processed.
    """
    with rebuild_lock(store.path):
        shadow = open_shadow(store)
        since = shadow.started_at
        done = 0
        for last, stored in store.iter_raw_after(shadow.after, batch_size):
            batch = [(doc_id, raw) for doc_id, raw in stored if matches_id(doc_id, raw.data)]
            refused = [(doc_id, raw) for doc_id, raw in stored if not matches_id(doc_id, raw.data)]
            for doc_id, raw in refused:
                on_failure(Failure(raw.origin, f"report {doc_id}: {ALTERED}"))
            outcomes = run_stages([raw for _, raw in batch], runner)
            with shadow.transaction():
                shadow.replace_outcomes([(doc_id, out) for (doc_id, _), out in zip(batch, outcomes, strict=True)]
                                        # kept as failed, so no later command processes them
                                        + [(doc_id, Outcome(None, error=ALTERED)) for doc_id, _ in refused])
                _link(shadow, [(doc_id, out) for (doc_id, _), out in zip(batch, outcomes, strict=True)])
                shadow.finished_batch(last, len(stored))
            for (_doc_id, raw), out in zip(batch, outcomes, strict=True):
                if out.error:
                    on_failure(Failure(raw.origin, out.error))
            done += len(batch)
            on_progress(len(batch))
        build_pending_cases(shadow)
        shadow.switch_over(since)
        shadow.discard()
    finish_pending(store, runner, batch_size, on_failure=on_failure)
    if actor is not None:
        store.record(now_iso(), actor, "rebuild", "documents", None, {"documents": done})
    return done

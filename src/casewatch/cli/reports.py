"""Commands over the reports: ingest, list, show one, rebuild, and what work is left (status, finish)."""
from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..settings import Settings
from .base import Format, FormatOpt, actor, app, deliver_alerts, err, open_store, out, pending_note, show, state
from .progress import ProgressMode, ProgressOpt

MAX_SIZE_MB = Settings.max_bytes / 1_000_000
"""The size limit in MB: one number for the CLI and the web (``Settings.max_bytes``)."""


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (read recursively) or - for standard input.")],
    fmt: FormatOpt = Format.table,
    max_size: Annotated[float, typer.Option("--max-size", help="Largest report read, in MB.")] = MAX_SIZE_MB,
    workers: Annotated[int, typer.Option("--workers", help="Processes to use; 0 = one per core.")] = 0,
    progress_mode: ProgressOpt = ProgressMode.auto,
) -> None:
    """Read .txt, .html/.htm and .jsonl reports; store new ones, cleaned and with their dates resolved.

    Where it is goes to standard error: a bar counting reports, with the stage and the time left, on a
    terminal; a few plain lines otherwise."""
    from dataclasses import replace

    from ..acquire import Failure, list_sources, read_source
    from ..ingest import LINKING, PROCESSING
    from ..ingest import ingest as run_ingest
    from ..runner import make_runner
    from .progress import StageProgress, count_reports

    settings = replace(state.settings, max_bytes=int(max_size * 1_000_000), workers=workers)
    store = open_store()
    sources = list_sources(paths, settings)
    total = count_reports(sources)
    progress = StageProgress(err, "ingest", total, progress_mode)

    def items():
        for s in sources:
            if isinstance(s, Failure):
                yield s
                continue
            for item in read_source(s, settings, sys.stdin.buffer):
                if isinstance(item, Failure):
                    progress.advance(1)  # counted among the reports, never reaches a batch
                yield item

    def report(f: Failure) -> None:
        err.print(f"casewatch: {f.line()}", markup=False, highlight=False, soft_wrap=True)

    runner = make_runner(settings.effective_workers())
    in_here = runner.workers == 1 or (total or 0) < settings.parallel_from
    first = [True]

    def stage(words: str) -> None:
        """The ingest's stage words; until the first batch is back, say that the workers load the model."""
        if words == LINKING:
            first[0] = False
        if words == PROCESSING and first[0] and not in_here:
            words = f"starting {runner.workers} workers (each loads the language model), then {words}"
        progress.stage(words)

    try:
        with progress:
            if in_here and total != 0:
                progress.stage("loading the language model")
                from ..extract.nlp import get_nlp

                get_nlp()
            summary = run_ingest(store, items(), runner, settings.batch_size,
                                 on_progress=progress.advance, on_failure=report,
                                 parallel_from=settings.parallel_from, actor=actor(), on_stage=stage)
        deliver_alerts(store)
    finally:
        runner.close()
        store.close()
    if fmt is Format.json:
        from ..views.document_tables import print_json

        print_json(out, summary.to_json())
    else:
        out.print(f"{len(summary.new)} new, {len(summary.unchanged)} unchanged"
                  + (" (already stored: nothing to do)" if summary.unchanged and not summary.new else "")
                  + f", {len(summary.failed)} failed", highlight=False)
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def documents(fmt: FormatOpt = Format.table) -> None:
    """List the stored documents with their title, outlet, publication date and status."""
    from ..views import queries
    from ..views.document_tables import documents_table

    show(fmt, lambda store: queries.documents(store)[1], lambda items: documents_table(items, out.width))


@app.command()
def document(
    doc_id: Annotated[str, typer.Argument(metavar="ID", help="A document id, a unique prefix of one, "
                                                             "or a JSONL record's own id.")],
    fmt: FormatOpt = Format.table,
) -> None:
    """Show one document: metadata, clean text and every date expression with its days."""
    from ..views import queries
    from ..views.document_tables import document_view

    show(fmt, lambda store: queries.document(store, doc_id), document_view)


@app.command()
def rebuild(workers: Annotated[int, typer.Option("--workers", help="Processes to use; 0 = one per core.")] = 0
            ) -> None:
    """Make everything derived from the raw reports again (same ids), beside what is shown until it is done.

    A rebuild that was stopped goes on from where it stopped when run again."""
    from dataclasses import replace

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ..acquire import Failure
    from ..ingest import rebuild as run_rebuild
    from ..runner import make_runner

    settings = replace(state.settings, workers=workers)
    store = open_store()
    failures: list[Failure] = []
    runner = make_runner(settings.effective_workers())
    progress = Progress(TextColumn("rebuild"), BarColumn(), MofNCompleteColumn(), console=err,
                        transient=True, disable=not err.is_terminal)
    try:
        with progress:
            task = progress.add_task("rebuild", total=store.count_documents())
            n = run_rebuild(store, runner, settings.batch_size, on_progress=lambda k: progress.advance(task, k),
                            on_failure=failures.append, actor=actor())
    finally:
        runner.close()
        store.close()
    for f in failures:
        err.print(f"casewatch: {f.line()}", markup=False, highlight=False, soft_wrap=True)
    out.print(f"rebuilt {n} document(s), {len(failures)} failed", highlight=False)
    if failures:
        raise typer.Exit(1)


@app.command()
def status(fmt: FormatOpt = Format.table) -> None:
    """Say what the database holds and what work is left (reports not processed, case files out of date, a
    rebuild stopped half-way), with the command that finishes it."""
    from ..store.shadow import rebuild_in_progress

    store = open_store()
    try:
        work = store.pending_work()
        result = {"database": str(store.path), "documents": store.count_documents(),
                  "cases": sum(store.case_statuses().values()),
                  "pending": work, "rebuild": rebuild_in_progress(store.path)}
        note = pending_note(store)
    finally:
        store.close()
    result["action"] = note
    if fmt is Format.json:
        from ..views.document_tables import print_json

        print_json(out, result)
        return
    out.print(f"{result['database']}: {result['documents']} report(s), {result['cases']} case file(s)",
              highlight=False)
    out.print(note or "nothing left to do", highlight=False, soft_wrap=True)


@app.command()
def finish(workers: Annotated[int, typer.Option("--workers", help="Processes to use; 0 = one per core.")] = 0
           ) -> None:
    """Finish the work a stopped run or an upload left: process stored reports not processed yet and make
    the case files that are out of date."""
    from dataclasses import replace

    from ..acquire import Failure
    from ..ingest import finish_pending
    from ..link import build_pending_cases
    from ..runner import make_runner

    settings = replace(state.settings, workers=workers)
    store = open_store()
    failures: list[Failure] = []
    runner = make_runner(settings.effective_workers())
    try:
        n = finish_pending(store, runner, settings.batch_size, on_failure=failures.append,
                           parallel_from=settings.parallel_from, cases=False)
        cases = build_pending_cases(store)
        note = pending_note(store)
        deliver_alerts(store)
    finally:
        runner.close()
        store.close()
    for f in failures:
        err.print(f"casewatch: {f.line()}", markup=False, highlight=False, soft_wrap=True)
    out.print(f"processed {n} report(s), made {cases} case file(s), {len(failures)} failed", highlight=False)
    if note:
        err.print(f"casewatch: {note}", markup=False, highlight=False, soft_wrap=True)
    if failures:
        raise typer.Exit(1)

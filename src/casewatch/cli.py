"""The casewatch command line: a thin shell over the store, ingest and render modules.

Every error reaches the user as one line on stderr and an exit status:
1 when some input failed, 2 for a wrong id or an unusable database.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console

from . import __version__
from .errors import CasewatchError
from .settings import Settings, default_db

app = typer.Typer(
    name="casewatch",
    help="Sourced case files for human-rights cases, built from many short news reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=False)
err = Console(stderr=True)


class Format(StrEnum):
    table = "table"
    json = "json"


class State:
    settings: Settings = Settings()


state = State()

FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="table for people, json for scripts.")]


def _fail(message: str, code: int) -> typer.Exit:
    err.print(f"casewatch: {message}", markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _open():
    from .store import open_store

    return open_store(state.settings.db_path)


def _show(fmt: Format, read: Callable[[Any], Any], view: Callable[[Any], Any]) -> None:
    """Read from the store (closed right after), then print the result as JSON or as ``view`` renders it."""
    store = _open()
    try:
        result = read(store)
    finally:
        store.close()
    if fmt is Format.json:
        from .render import print_json

        print_json(out, result)
    else:
        out.print(view(result))


def _version(value: bool) -> None:
    if value:
        out.print(f"casewatch {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    db: Annotated[str, typer.Option("--db", envvar="CASEWATCH_DB", help="The database file.",
                                    show_default="./casewatch.db or $CASEWATCH_DB")] = "",
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """casewatch reads reports, cleans them, resolves their dates and keeps them in one database."""
    state.settings = Settings().with_db(db or default_db())


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (read recursively) or - for standard input.")],
    fmt: FormatOpt = Format.table,
    max_size: Annotated[float, typer.Option("--max-size", help="Largest report read, in MB.")] = 10.0,
    workers: Annotated[int, typer.Option("--workers", help="Processes to use; 0 = one per core.")] = 0,
) -> None:
    """Read .txt, .html/.htm and .jsonl reports; store new ones, cleaned and with their dates resolved."""
    from dataclasses import replace

    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    from .acquire import Failure, list_sources, read_source
    from .ingest import ingest as run_ingest
    from .runner import make_runner

    settings = replace(state.settings, max_bytes=int(max_size * 1_000_000), workers=workers)
    store = _open()
    sources = list_sources(paths, settings)
    total = sum(s.size for s in sources if not isinstance(s, Failure)) or None

    def items():
        for s in sources:
            if isinstance(s, Failure):
                yield s
            else:
                yield from read_source(s, settings, sys.stdin.buffer)

    def report(f: Failure) -> None:
        err.print(f"casewatch: {f.line()}", markup=False, highlight=False, soft_wrap=True)

    runner = make_runner(settings.effective_workers())
    progress = Progress(TextColumn("ingest"), BarColumn(), DownloadColumn(), TimeRemainingColumn(),
                        console=err, transient=True, disable=not err.is_terminal)
    try:
        with progress:
            task = progress.add_task("ingest", total=total)
            summary = run_ingest(store, items(), runner, settings.batch_size,
                                 on_progress=lambda n: progress.advance(task, n), on_failure=report,
                                 parallel_from=settings.parallel_from)
    finally:
        runner.close()
        store.close()
    if fmt is Format.json:
        from .render import print_json

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
    from .render import document_summary, documents_table

    _show(fmt, lambda store: [document_summary(d) for d in store.list_documents()],
          lambda items: documents_table(items, out.width))


@app.command()
def document(
    doc_id: Annotated[str, typer.Argument(metavar="ID", help="A document id, a unique prefix of one, "
                                                             "or a JSONL record's own id.")],
    fmt: FormatOpt = Format.table,
) -> None:
    """Show one document: metadata, clean text and every date expression with its days."""
    from .render import document_full, document_mentions, document_view

    def read(store: Any) -> dict[str, Any]:
        d = store.get_document(doc_id)
        full = document_full(d, store.document_dates(d.id), store.document_origins(d.id))
        full["mentions"] = document_mentions(store, d.id)
        return full

    _show(fmt, read, document_view)


class Kind(StrEnum):
    person = "person"
    org = "org"


@app.command()
def entities(
    kind: Annotated[Kind | None, typer.Option("--kind", help="Only people or only organisations.")] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """List the people and organisations resolved across reports, with every mention."""
    from .render_cases import entities_table, entity_json

    label = {"person": "PERSON", "org": "ORG"}.get(kind.value) if kind else None
    _show(fmt, lambda store: [entity_json(e, m) for e, m in store.list_entities(label)],
          lambda items: entities_table(items, kind.value if kind else None))


@app.command()
def cases(fmt: FormatOpt = Format.table) -> None:
    """List the cases: one per person the reports tie to an arrest, trial, sentence, execution..."""
    from .render_cases import case_summary, cases_table

    _show(fmt, lambda store: [case_summary(c) for c in store.list_cases()], cases_table)


@app.command()
def case(
    ref: Annotated[str, typer.Argument(metavar="ID_OR_NAME", help="A case id (or unique prefix), or the person's "
                                                                  "name or alias.")],
    fmt: FormatOpt = Format.table,
) -> None:
    """Show one case file: conflicts, facts with their quotes and sources, timeline, reports."""
    from .render_cases import case_view

    _show(fmt, lambda store: store.get_case(ref), case_view)


@app.command()
def figures(fmt: FormatOpt = Format.table) -> None:
    """List the figures the reports give (killed, arrested, executions...), each with its quotes."""
    from .render_cases import figures_json, figures_table

    _show(fmt, lambda store: figures_json(store.all_extractions()), figures_table)


@app.command()
def rebuild(workers: Annotated[int, typer.Option("--workers", help="Processes to use; 0 = one per core.")] = 0
            ) -> None:
    """Drop everything derived from the raw reports and make it again (same ids)."""
    from dataclasses import replace

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from .acquire import Failure
    from .ingest import rebuild as run_rebuild
    from .runner import make_runner

    settings = replace(state.settings, workers=workers)
    store = _open()
    failures: list[Failure] = []
    runner = make_runner(settings.effective_workers())
    progress = Progress(TextColumn("rebuild"), BarColumn(), MofNCompleteColumn(), console=err,
                        transient=True, disable=not err.is_terminal)
    try:
        with progress:
            task = progress.add_task("rebuild", total=store.count_documents())
            n = run_rebuild(store, runner, settings.batch_size, on_progress=lambda k: progress.advance(task, k),
                            on_failure=failures.append)
    finally:
        runner.close()
        store.close()
    for f in failures:
        err.print(f"casewatch: {f.line()}", markup=False, highlight=False, soft_wrap=True)
    out.print(f"rebuilt {n} document(s), {len(failures)} failed", highlight=False)
    if failures:
        raise typer.Exit(1)


def main() -> None:
    """Entry point: run the app, turning casewatch errors into one line and an exit status."""
    try:
        app()
    except CasewatchError as e:
        raise SystemExit(_fail(str(e), e.exit_code).exit_code) from None
    except KeyboardInterrupt:
        err.print("casewatch: interrupted; what was stored so far is kept")
        raise SystemExit(130) from None

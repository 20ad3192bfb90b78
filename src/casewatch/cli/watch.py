"""Commands that watch the network: sources, fetch (one pass) and monitor (until stopped)."""
from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated, Any

import typer

from .base import Format, FormatOpt, actor, app, deliver_alerts, err, open_store, out, state

sources_app = typer.Typer(help="The feeds and pages casewatch watches: add, list, pause, resume, remove.",
                          no_args_is_help=True)
app.add_typer(sources_app, name="sources")


class SourceKind(StrEnum):
    feed = "feed"
    page = "page"


def _print_json(value: Any) -> None:
    from ..views.document_tables import print_json

    print_json(out, value)


@sources_app.command("add")
def sources_add(
    url: Annotated[str, typer.Argument(help="The feed's or the page's address (http or https).")],
    name: Annotated[str, typer.Option("--name", help="What to call it; the address's host when not given.")] = "",
    every: Annotated[str, typer.Option("--every", help="How often to fetch it: 90s, 30m, 2h, 1d.",
                                       show_default="30m")] = "",
    kind: Annotated[SourceKind | None, typer.Option("--kind", help="feed or page; told from the first answer "
                                                                   "when not given.")] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Watch a feed (RSS or Atom: each entry's page becomes a report) or one page (each new version does)."""
    from ..watch.sources import add_source

    store = open_store()
    try:
        row = add_source(store, url, name=name, every=every, kind=kind.value if kind else None,
                         default_every=state.settings.source_every, actor=actor())
    finally:
        store.close()
    if fmt is Format.json:
        _print_json(row.to_json())
    else:
        out.print(f"source {row.id} added: {row.name} <{row.url}>; `casewatch fetch` fetches it now",
                  highlight=False, markup=False)


@sources_app.command("list")
def sources_list(fmt: FormatOpt = Format.table) -> None:
    """The sources: name, address, kind, interval, last fetch and its status, items seen, failures in a row."""
    from ..views.source_tables import sources_table

    store = open_store()
    try:
        rows = store.list_sources()
    finally:
        store.close()
    if fmt is Format.json:
        _print_json([r.to_json() for r in rows])
    else:
        out.print(sources_table(rows))


def _change(source_id: int, action: str) -> None:
    from ..watch.sources import change_source

    store = open_store()
    try:
        row = change_source(store, source_id, action, actor=actor())
    finally:
        store.close()
    out.print(f"source {row.id} ({row.name}): {row.state}", highlight=False, markup=False)


@sources_app.command("pause")
def sources_pause(source_id: Annotated[int, typer.Argument(metavar="ID")]) -> None:
    """Stop fetching a source for now (its history stays; `resume` goes on)."""
    _change(source_id, "pause")


@sources_app.command("resume")
def sources_resume(source_id: Annotated[int, typer.Argument(metavar="ID")]) -> None:
    """Fetch a paused source again, from the next pass."""
    _change(source_id, "resume")


@sources_app.command("remove")
def sources_remove(source_id: Annotated[int, typer.Argument(metavar="ID")]) -> None:
    """Stop watching a source; what was fetched from it stays, with where it came from."""
    _change(source_id, "remove")


CONTACT_NOTE = ("no contact is set, so the sites asked cannot reach whoever runs casewatch; set `contact` in a "
                "settings file (--config; see the README's Settings)")


def _contact_note() -> None:
    if not state.settings.contact.strip():
        err.print(f"casewatch: {CONTACT_NOTE}", markup=False, highlight=False, soft_wrap=True)


@app.command()
def fetch(
    source: Annotated[int | None, typer.Option("--source", help="Only this source, due or not.")] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """One pass over the sources that are due: fetch them, ingest what is new, send the alerts it causes."""
    from ..runner import make_runner
    from ..views.source_tables import pass_table
    from ..watch.fetcher import HttpFetcher
    from ..watch.passes import run_pass

    settings = state.settings
    store = open_store()
    try:
        if source is not None:
            store.get_source(source)  # an unknown id is one line, before anything is fetched
        _contact_note()
        with HttpFetcher(settings) as fetcher:
            runner = make_runner(settings.effective_workers())
            try:
                report = run_pass(store, fetcher, settings, runner, source_id=source, actor=actor())
            finally:
                runner.close()
        deliver_alerts(store)
    finally:
        store.close()
    if fmt is Format.json:
        _print_json(report.to_json())
    elif report.sources:
        out.print(pass_table(report))
    else:
        out.print("no source is due; `casewatch sources list` says when each is next", highlight=False)
    for result in report.sources:
        for error in result.errors:
            err.print(f"casewatch: {result.name}: {error}", markup=False, highlight=False, soft_wrap=True)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def monitor(
    workers: Annotated[int, typer.Option("--workers", help="Processes to use; 0 = one per core.")] = 0,
) -> None:
    """Watch every source on its own interval until stopped (Ctrl-C or SIGTERM: a clean stop that loses
    nothing). One monitor per database; a line per pass goes to standard error."""
    from dataclasses import replace

    from ..runner import make_runner
    from ..watch.fetcher import HttpFetcher
    from ..watch.monitor import StopFlag, monitor_lock
    from ..watch.monitor import monitor as run_monitor

    settings = replace(state.settings, workers=workers)
    _contact_note()
    stop = StopFlag()

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    def after(_report: Any) -> None:
        from ..alerts.deliver import deliver_due

        delivered = deliver_due(store, settings)
        for line in delivered.lines:
            log(f"  alerts: {line}")

    with monitor_lock(settings.db_path):
        store = open_store()
        runner = make_runner(settings.effective_workers())
        fetcher = HttpFetcher(settings)
        try:
            with stop.on_signals():
                run_monitor(store, fetcher, settings, runner, stop=stop, log=log, after_pass=after, actor=actor())
        finally:
            fetcher.close()
            runner.close()
            store.close()

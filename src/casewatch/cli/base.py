"""What every command shares: the app, the consoles, the settings, the store opener, output by format."""
from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console

from .. import __version__
from ..settings import Settings, default_db, load_settings

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


def fail(message: str, code: int) -> typer.Exit:
    err.print(f"casewatch: {message}", markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(code)


def open_store():
    from ..store import open_store as open_db

    return open_db(state.settings.db_path)


def show(fmt: Format, read: Callable[[Any], Any], view: Callable[[Any], Any]) -> None:
    """Read from the store (closed right after), then print the result as JSON or as ``view`` renders it."""
    store = open_store()
    try:
        result = read(store)
        note = pending_note(store)
    finally:
        store.close()
    if note:
        err.print(f"casewatch: {note}", markup=False, highlight=False, soft_wrap=True)
    if fmt is Format.json:
        from ..views.document_tables import print_json

        print_json(out, result)
    else:
        out.print(view(result))


def pending_note(store: Any) -> str | None:
    """One line saying what work is left and which command finishes it; None when nothing is."""
    from ..store.shadow import rebuild_in_progress

    work = store.pending_work()
    parts = []
    if work["documents"]:
        parts.append(f"{work['documents']} report(s) stored but not processed yet")
    if work["cases"]:
        parts.append(f"{work['cases']} case file(s) out of date")
    lines = []
    if parts:
        lines.append(" and ".join(parts) + "; `casewatch finish` completes them")
    rebuilding = rebuild_in_progress(store.path)
    if rebuilding is not None:
        total = store.count_documents()
        if rebuilding["running"]:
            lines.append(f"a rebuild is running ({rebuilding['done']} of {total} reports done); "
                         "what is shown is from before it until it finishes")
        else:
            lines.append(f"a rebuild stopped after {rebuilding['done']} of {total} reports; what is shown is from "
                         "before it; `casewatch rebuild` goes on from there")
    return "; ".join(lines) or None


def deliver_alerts(store: Any) -> Any:
    """Send the alerts that are due (after an ingest or a fetch), with a line on stderr for each message that
    could not be sent (it waits and is tried again)."""
    from ..alerts.deliver import deliver_due

    report = deliver_due(store, state.settings)
    if report.failed:
        for line in report.lines:
            err.print(f"casewatch: alerts: {line}", markup=False, highlight=False, soft_wrap=True)
    return report


def actor() -> str:
    """Who the audit log names for a command typed at this machine: ``cli:`` and the login name."""
    import getpass

    try:
        return f"cli:{getpass.getuser()}"
    except (OSError, KeyError):
        return "cli"


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
    config: Annotated[str, typer.Option("--config", envvar="CASEWATCH_CONFIG",
                                        help="A settings file (TOML) changing the shipped defaults.")] = "",
) -> None:
    """casewatch reads reports, cleans them, resolves their dates and keeps them in one database."""
    state.settings = load_settings(config or None).with_db(db or default_db())



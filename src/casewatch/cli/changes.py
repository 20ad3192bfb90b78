"""The changes command: what changed in case files, newest first."""
from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any

import typer

from ..changes.diff import KINDS
from .base import Format, FormatOpt, app, show

ChangeKind = StrEnum("ChangeKind", {k: k for k in KINDS})  # type: ignore[misc]
"""The kinds of change, as ``--kind`` takes them."""


def changes_table(items: list[dict[str, Any]]) -> Any:
    """The change records as a terminal table: when, the case by name, what changed in words, the reports."""
    from rich.table import Table

    from ..changes.records import change_line

    table = Table(title=f"{len(items)} change(s), newest first", title_justify="left")
    for column in ("#", "When", "Case", "What changed", "Reports"):
        table.add_column(column, overflow="fold")
    for c in items:
        table.add_row(str(c["id"]), c["at"].replace("T", " ")[:16], c["case_name"], change_line(c),
                      str(len(c["documents"])))
    return table


@app.command()
def changes(
    since: Annotated[str | None, typer.Option("--since", metavar="24h|7d|30m|DATE|TIME",
                                              help="Only changes recorded since: minutes, hours or days back, "
                                                   "a day (YYYY-MM-DD) or a time (ISO, UTC unless it says).")]
    = None,
    case: Annotated[str | None, typer.Option("--case", metavar="ID_OR_NAME",
                                             help="Only this case (an id, prefix, name or alias, as `case` "
                                                  "takes it).")] = None,
    kind: Annotated[ChangeKind | None, typer.Option("--kind", help="Only changes of this kind.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many.")] = 100,
    fmt: FormatOpt = Format.table,
) -> None:
    """List what changed in case files after each ingest or review: new cases, statuses, facts, conflicts
    found or settled, new sources and reports, each with its quotes."""
    from ..changes.records import change_json
    from ..changes.since import parse_since
    from .cases import find_case

    after = parse_since(since, dt.datetime.now(dt.UTC)) if since else None

    def read(store: Any) -> list[dict[str, Any]]:
        case_id = find_case(store, case)["id"] if case else None
        rows = store.changes(since=after, case_id=case_id, kind=kind.value if kind else None, limit=limit)
        return [change_json(r) for r in rows]

    show(fmt, read, changes_table)

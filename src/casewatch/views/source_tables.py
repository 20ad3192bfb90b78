"""Terminal tables for watched sources and for what a fetch pass did."""
from __future__ import annotations

from typing import Any

from rich.table import Table

from ..durations import say_duration


def _when(stamp: str | None) -> str:
    return stamp.replace("T", " ").replace("+00:00", " UTC") if stamp else "never"


def sources_table(rows: list[Any]) -> Table:
    """One row per source (store.sources.SourceRow): what it is, how often, and how its last fetch went."""
    table = Table(title=f"{len(rows)} source(s)", title_justify="left")
    for name in ("id", "name", "url", "kind", "every", "state", "last fetch", "last status", "items", "failures"):
        table.add_column(name, overflow="fold", justify="right" if name in ("id", "items", "failures") else "left")
    for r in rows:
        table.add_row(str(r.id), r.name, r.url, r.kind or "(not fetched yet)", say_duration(r.every_seconds),
                      r.state, _when(r.last_fetch_at), r.last_status or "", str(r.items_seen), str(r.failures))
    return table


def pass_table(report: Any) -> Table:
    """One row per source a pass fetched (watch.passes.PassReport): fetched, new, unchanged, failed."""
    table = Table(title=f"fetch {_when(report.at)}: {report.new} new report(s)", title_justify="left")
    for name in ("id", "source", "fetched", "new", "unchanged", "failed", "status"):
        table.add_column(name, overflow="fold", justify="left" if name in ("source", "status") else "right")
    for s in report.sources:
        table.add_row(str(s.source), s.name, str(s.fetched), str(s.new), str(s.unchanged), str(s.failed), s.status)
    return table

"""What the CLI prints about follows and alerts (targets already masked by the store)."""
from __future__ import annotations

from typing import Any

from rich.table import Table


def follow_line(f: dict[str, Any]) -> str:
    """``follow 3: status sentenced_to_death → webhook https://host/… (at once)``."""
    when = "daily digest" if f["digest"] == "daily" else "at once"
    return f"follow {f['id']}: {f['kind']} {f['value']} → {f['channel']} {f['target']} ({when}) for {f['user']}"


def follows_table(items: list[dict[str, Any]]) -> Table:
    table = Table(title=f"{len(items)} follow(s)", title_justify="left")
    table.add_column("id", justify="right")
    for col in ("user", "follows", "value", "channel", "to", "when", "since"):
        table.add_column(col)
    for f in items:
        table.add_row(str(f["id"]), f["user"], f["kind"], f["value"], f["channel"], f["target"],
                      "daily digest" if f["digest"] == "daily" else "at once",
                      f["created_at"] + (f" (removed {f['removed_at']})" if f["removed_at"] else ""))
    return table


def alerts_table(items: list[dict[str, Any]]) -> Table:
    table = Table(title=f"{len(items)} alert(s), newest first", title_justify="left")
    for col in ("id", "change", "follow"):
        table.add_column(col, justify="right")
    for col in ("user", "channel", "state", "tries", "delivered", "next try / last error"):
        table.add_column(col)
    for a in items:
        waiting = " · ".join(x for x in (a["next_attempt_at"], a["last_error"]) if x)
        table.add_row(str(a["id"]), str(a["change"]), str(a["follow"]), a["user"], a["channel"], a["state"],
                      str(a["attempts"]), a["delivered_at"] or "", waiting)
    return table

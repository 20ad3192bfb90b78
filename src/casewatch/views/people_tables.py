"""What the CLI prints about users, tokens and the audit log."""
from __future__ import annotations

import json
from typing import Any

from rich.table import Table


def users_table(items: list[dict[str, Any]]) -> Table:
    table = Table(title=f"{len(items)} user(s)", title_justify="left")
    for col in ("name", "role", "since", "access"):
        table.add_column(col)
    for u in items:
        table.add_row(u["name"], u["role"], u["created_at"], "disabled" if u["disabled"] else "active")
    return table


def tokens_table(items: list[dict[str, Any]]) -> Table:
    table = Table(title=f"{len(items)} token(s)", title_justify="left")
    table.add_column("id", justify="right")
    for col in ("user", "label", "created", "last used", "state"):
        table.add_column(col)
    for t in items:
        table.add_row(str(t["id"]), t["user"], t["label"], t["created_at"], t["last_used_at"] or "never",
                      "revoked" if t["revoked"] else "live")
    return table


def change_text(value: Any, width: int = 160) -> str:
    """One line for a before/after value in the audit log."""
    if value is None:
        return ""
    shown = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return shown if len(shown) <= width else shown[:width - 1] + "…"


def audit_table(items: list[dict[str, Any]]) -> Table:
    table = Table(title=f"{len(items)} audit entr{'y' if len(items) == 1 else 'ies'}, newest first",
                  title_justify="left")
    table.add_column("#", justify="right")
    for col in ("when", "who", "action", "what", "before", "after"):
        table.add_column(col, overflow="fold")
    for e in items:
        table.add_row(str(e["seq"]), e["at"], e["actor"], e["action"], e["target"], change_text(e["before"]),
                      change_text(e["after"]))
    return table

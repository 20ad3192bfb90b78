"""What the CLI prints: JSON objects built from stored rows, and Rich tables for people."""
from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .models import DateMention
from .store import StoredDocument

SUMMARY_KEYS = ("id", "origin", "title", "outlet", "author", "url", "published", "language", "status")


def document_summary(d: StoredDocument) -> dict[str, Any]:
    """The object `casewatch documents --format json` lists for one document."""
    a = d.article or {}
    return {
        "id": d.id,
        "origin": d.origin,
        "title": a.get("title"),
        "outlet": a.get("outlet"),
        "author": a.get("author"),
        "url": a.get("url"),
        "published": a.get("published"),
        "language": a.get("language"),
        "status": a.get("status") or "unprocessed",
    }


def document_full(d: StoredDocument, dates: list[DateMention], origins: list[dict[str, str]]) -> dict[str, Any]:
    """The object `casewatch document ID --format json` prints: the summary plus text and dates."""
    a = d.article or {}
    out = document_summary(d)
    out.update({
        "kind": d.kind,
        "sha256": d.sha256,
        "external_id": a.get("external_id"),
        "ingested_at": d.ingested_at,
        "seen_as": origins,
        "words": a.get("words", 0),
        "error": a.get("error"),
        "text": a.get("text", ""),
        "dates": [m.to_json() for m in dates],
    })
    return out


def _day_range(first: str | None, last: str | None) -> str:
    if not first:
        return "unresolved"
    return first if first == last else f"{first} … {last}"


def _published_cell(pub: dict[str, Any] | None) -> str:
    return _day_range(pub.get("start"), pub.get("end")) if pub else "—"


def documents_table(docs: list[StoredDocument]) -> Table:
    table = Table(title=f"{len(docs)} document(s)", title_justify="left", expand=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("outlet", max_width=24)
    table.add_column("title", max_width=60)
    table.add_column("lang", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("origin", style="dim", max_width=40)
    for d in docs:
        s = document_summary(d)
        status = s["status"]
        style = {"ok": "green", "no_text": "yellow", "error": "red"}.get(status, "")
        table.add_row(
            s["id"], _published_cell(s["published"]), s["outlet"] or "—", s["title"] or "—",
            s["language"] or "—", Text(status, style=style), s["origin"],
        )
    return table


def document_view(full: dict[str, Any]) -> Group:
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column()
    for key in ("id", "title", "outlet", "author", "url", "origin", "language", "status", "kind", "words"):
        if full.get(key) not in (None, ""):
            meta.add_row(key, str(full[key]))
    pub = full.get("published")
    meta.add_row("published", f"{_published_cell(pub)}  ({pub['text']!r})" if pub else "unknown")
    if full.get("error"):
        meta.add_row("error", Text(full["error"], style="red"))
    body = Text(full.get("text") or "")
    for m in full.get("dates", []):
        start, end = m["span"]
        body.stylize("bold magenta" if m["start"] else "bold yellow", start, end)
    dates = Table(title="dates", title_justify="left")
    dates.add_column("words")
    dates.add_column("days")
    dates.add_column("precision")
    dates.add_column("calendar")
    dates.add_column("anchor", style="dim")
    for m in full.get("dates", []):
        dates.add_row(m["text"], _day_range(m["start"], m["end"]), m["precision"], m["calendar"], m["anchor"] or "")
    return Group(Panel(meta, title="document", title_align="left"), Panel(body, title="clean text",
                                                                          title_align="left"), dates)


def print_json(console: Console, obj: Any) -> None:
    import json

    console.file.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")

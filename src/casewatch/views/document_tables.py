"""The terminal's views of reports: the reports table, one report with its marked text, search hits (Rich)."""
from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .short_ids import short_ids


def _day_range(first: str | None, last: str | None) -> str:
    if not first:
        return "unresolved"
    return first if first == last else f"{first} … {last}"


def _published_cell(pub: dict[str, Any] | None) -> str:
    return _day_range(pub.get("start"), pub.get("end")) if pub else "—"


def _short_origin(origin: str) -> str:
    """The file name of a path (with its #line), or the URL as it is."""
    if "://" in origin:
        return origin
    return origin.replace("\\", "/").rsplit("/", 1)[-1]


def documents_table(rows: list[dict[str, Any]], width: int = 160) -> Table:
    """One row per document summary, fitted to the screen: titles and outlets wrap rather than being cut, the
    id is its short form (``casewatch document`` takes it), and the language and origin only where there is room."""
    narrow, wide = width < 100, width >= 140
    short = short_ids(s["id"] for s in rows)
    table = Table(title=f"{len(rows)} document(s)", title_justify="left")
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("published", overflow="fold")
    if not narrow:
        table.add_column("lang", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("outlet", overflow="fold", max_width=14 if narrow else 20)
    table.add_column("title", overflow="fold")
    if wide:
        table.add_column("origin", style="dim", overflow="fold", max_width=36)
    for s in rows:
        status = s["status"]
        style = {"ok": "green", "no_text": "yellow", "error": "red"}.get(status, "")
        cells = [short[s["id"]], _published_cell(s["published"]), *([] if narrow else [s["language"] or "—"]),
                 Text(status, style=style), s["outlet"] or "—", s["name"]]
        if wide:
            cells.append(_short_origin(s["origin"]))
        table.add_row(*cells)
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
    for m in full.get("mentions", []):
        start, end = m["span"]
        body.stylize({"PERSON": "bold cyan", "ORG": "bold green"}.get(m["label"], "underline"), start, end)
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


def search_table(result: dict[str, Any]) -> Table:
    """Search hits, best first: id, title, and the words around the match (matches in bold)."""
    items = result["items"]
    table = Table(title=f"{result['total']} report(s) match; {len(items)} shown", title_justify="left")
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("title", overflow="fold")
    table.add_column("snippet", overflow="fold")
    for h in items:
        snippet = Text()
        for i, part in enumerate(h["snippet"].split("[[")):
            hit, _sep, rest = part.partition("]]") if i else ("", "", part)
            snippet.append(hit, style="bold")
            snippet.append(rest)
        table.add_row(h["id"], h["title"] or "—", snippet)
    return table

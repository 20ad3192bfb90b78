"""The terminal's views of reports: the reports table, one report with its marked text, search hits (Rich)."""
from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text


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
    """One line per document summary, fitted to the screen: the origin column only where there is room."""
    published = [_published_cell(s["published"]) for s in rows]
    narrow, wide = width < 100, width >= 140
    fixed = {"id": 16, "published": max([10, *map(len, published)]), "status": 7, "outlet": 10 if narrow else 18}
    if not narrow:
        fixed["lang"] = 4
    origin_w = 32 if wide else 0
    columns = len(fixed) + 1 + (1 if wide else 0)
    title_w = max(12, width - sum(fixed.values()) - origin_w - 3 * columns - 1)
    table = Table(title=f"{len(rows)} document(s)", title_justify="left", expand=False)
    table.add_column("id", style="cyan", no_wrap=True, width=fixed["id"])
    table.add_column("published", no_wrap=True, width=fixed["published"])
    if not narrow:
        table.add_column("lang", no_wrap=True, width=fixed["lang"])
    table.add_column("status", no_wrap=True, width=fixed["status"])
    table.add_column("outlet", no_wrap=True, overflow="ellipsis", width=fixed["outlet"])
    table.add_column("title", no_wrap=True, overflow="ellipsis", width=min(title_w, 72))
    if wide:
        table.add_column("origin", style="dim", no_wrap=True, overflow="ellipsis", width=origin_w)
    for s, pub in zip(rows, published, strict=True):
        status = s["status"]
        style = {"ok": "green", "no_text": "yellow", "error": "red"}.get(status, "")
        cells = [s["id"], pub, *([] if narrow else [s["language"] or "—"]), Text(status, style=style),
                 s["outlet"] or "—", s["name"]]
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

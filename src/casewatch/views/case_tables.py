"""The terminal's views of entities, cases and figures (Rich)."""
from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .glance_table import glance_panel
from .short_ids import short_ids
from .source_counts import independent_words, outlet_words

# ---------------------------------------------------------------------------- tables and views

def entities_table(items: list[dict[str, Any]], kind: str | None) -> Table:
    table = Table(title=f"{len(items)} {kind or 'entit'}{'ies' if not kind else '(s)'}", title_justify="left")
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("name")
    table.add_column("aliases")
    table.add_column("mentions", justify="right")
    table.add_column("reports", justify="right")
    for e in items:
        docs = {m["document"] for m in e["mentions"]}
        table.add_row(e["id"], e["name"], ", ".join(e["aliases"]), str(len(e["mentions"])), str(len(docs)))
    return table


STATUS_STYLE = {"executed": "bold red", "sentenced_to_death": "bold red", "died_in_custody": "bold red",
                "killed": "bold red", "released": "green", "pardoned": "green", "acquitted": "green"}


def status_words(status: str) -> str:
    """A status as words (``sentenced_to_death`` → ``sentenced to death``), so a narrow column can wrap it."""
    return status.replace("_", " ")


def cases_table(items: list[dict[str, Any]]) -> Table:
    """One row per case; names wrap rather than being cut, and the id is its short form (see short_ids)."""
    short = short_ids(c["id"] for c in items)
    table = Table(title=f"{len(items)} case(s)", title_justify="left")
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("name", overflow="fold", ratio=3)
    table.add_column("status", overflow="fold", ratio=1)
    table.add_column("reports", justify="right", no_wrap=True)
    table.add_column("outlets", justify="right", no_wrap=True)
    table.add_column("independent sources", justify="right", overflow="fold", max_width=11)
    for c in items:
        status = Text(status_words(c["status"]), style=STATUS_STYLE.get(c["status"], ""))
        table.add_row(short[c["id"]], c["name"], status, str(c["documents"]), str(c["outlets"]),
                      str(c["independent_sources"]))
    return table


def _quote_lines(support: list[dict[str, Any]], titles: dict[str, str], limit: int = 3) -> Text:
    out = Text()
    for s in support[:limit]:
        out.append("  “", style="dim")
        out.append(s["quote"].strip())
        out.append("”", style="dim")
        who = f" — {s['attributed_to']}" if s.get("attributed_to") else ""
        out.append(f"\n    [{titles.get(s['document'], s['document'])}{who}]\n", style="dim")
    if len(support) > limit:
        out.append(f"  … and {len(support) - limit} more\n", style="dim")
    return out


def _date_words(d: dict[str, Any] | None) -> str:
    if not d:
        return "undated"
    if not d.get("start"):
        return f"{d['text']!r} (unresolved)"
    span = d["start"] if d["start"] == d.get("end") else f"{d['start']} … {d['end']}"
    return f"{span} ({d['text']!r})"


def source_names(sources: list[dict[str, Any]]) -> dict[str, str]:
    """How a quote names its report: the whole title and the outlet (never cut, so two titles stay apart)."""
    from .shapes import report_label

    return {s["document"]: report_label(s["title"], s.get("outlet")) if s.get("title")
            else s.get("outlet") or s["document"] for s in sources}


def _day_words(pub: dict[str, Any] | None) -> str:
    if not pub:
        return "undated"
    if not pub.get("start"):
        return pub.get("text") or "undated"
    return pub["start"] if pub["start"] == pub.get("end") else f"{pub['start']} … {pub['end']}"


def sources_table(sources: list[dict[str, Any]]) -> Table:
    """The case's reports: short id, whole title, outlet and day, syndication group (short) and who they relay."""
    short = short_ids(s["document"] for s in sources)
    table = Table(title="sources", title_justify="left")
    table.add_column("report", style="cyan", no_wrap=True)
    table.add_column("title", overflow="fold")
    table.add_column("outlet, published", overflow="fold", max_width=14)
    table.add_column("relays; syndication", overflow="fold", max_width=16)
    for s in sources:
        where = Text(s.get("outlet") or "—")
        where.append("\n" + _day_words(s.get("published")), style="dim")
        relays = Text(", ".join(s.get("cites") or []) or "—")
        group = s.get("syndication_group")
        if group and group != s["document"]:
            relays.append(f"\nsame text as {short.get(group, group[:8])}", style="dim")
        table.add_row(short[s["document"]], s.get("title") or "—", where, relays)
    return table


def case_view(cf: dict[str, Any]) -> RenderableType:
    """A case file for people: conflicts first, then facts with their quotes, the timeline, the sources."""
    titles = source_names(cf.get("sources", []))
    parts: list[RenderableType] = [glance_panel(cf)]
    head = Text()
    head.append(cf["subject"]["name"], style="bold")
    if cf["subject"].get("aliases"):
        head.append(f"  (also: {', '.join(cf['subject']['aliases'])})", style="dim")
    head.append("\nstatus: ")
    head.append(cf["status"], style=STATUS_STYLE.get(cf["status"], "bold"))
    head.append(f"   {len(cf.get('sources', []))} report(s), {outlet_words(cf)}, {independent_words(cf)}"
                f"   id: {cf['id']}")
    parts.append(Panel(head, title="case", title_align="left"))
    for c in cf.get("conflicts", []):
        body = Text()
        if c.get("note"):
            body.append(c["note"] + "\n", style="bold")
        for v in c["values"]:
            body.append(f"• {v['value']}\n", style="yellow")
            body.append_text(_quote_lines(v["support"], titles, 2))
        parts.append(Panel(body, title=f"CONFLICT: {c['field']}", title_align="left", border_style="red"))
    for c in cf.get("settled_conflicts", []):
        who = c.get("settled_by") or {}
        body = Text(f"settled by {who.get('user', '?')}, {who.get('at', '?')}: {who.get('how', '')}\n", style="dim")
        if c.get("resolution") is not None:
            body.append(f"settled on: {c['resolution']}\n", style="green")
        for v in c["values"]:
            aside = c.get("resolution") is not None and v["value"] != c["resolution"]
            body.append(f"• {v['value']}{' (set aside)' if aside else ''}\n", style="dim" if aside else "")
        parts.append(Panel(body, title=f"settled conflict: {c['field']}", title_align="left", border_style="green"))
    for f in cf.get("facts", []):
        body = Text()
        body.append(f"{f['field']}: ", style="bold")
        body.append(str(f["value"]))
        body.append(f"   {outlet_words(f)}, {independent_words(f)}", style="dim")
        if f.get("primary_sources"):
            body.append(f", from {', '.join(f['primary_sources'])}", style="dim")
        body.append("\n")
        body.append_text(_quote_lines(f["support"], titles))
        parts.append(body)
    events = [e for e in cf.get("events", [])]
    if events:
        table = Table(title="timeline", title_justify="left")
        table.add_column("when")
        table.add_column("event")
        table.add_column("how sure")
        table.add_column("reports", justify="right")
        for e in sorted(events, key=lambda e: ((e.get("date") or {}).get("start") or "9999", e["type"])):
            table.add_row(_date_words(e.get("date")), e["type"], e.get("modality", ""),
                          str(len({s["document"] for s in e["support"]})))
        parts.append(table)
    parts.append(sources_table(cf.get("sources", [])))
    return Group(*parts)


def figures_table(items: list[dict[str, Any]]) -> Table:
    table = Table(title=f"{len(items)} figure(s)", title_justify="left")
    table.add_column("counted")
    table.add_column("qualifier")
    table.add_column("value", justify="right")
    table.add_column("reports", justify="right")
    table.add_column("first quote")
    for f in items:
        table.add_row(f["quantity"], f["qualifier"], f"{f['value']:,}", str(len({s['document'] for s in f['support']})),
                      f["support"][0]["quote"][:90])
    return table

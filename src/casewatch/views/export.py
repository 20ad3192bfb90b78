"""A case file exported for sharing: JSON (the schema), CSV (a row per fact) or a printable HTML dossier.

Pure: a case file in, bytes out. The HTML is made from an autoescaped template
and holds no script; the CSV neutralises cells a spreadsheet would run as a
formula (report text is hostile input).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from typing import Any

from .shapes import report_label, report_name

FORMATS = ("json", "csv", "html")
MEDIA = {"json": "application/json", "csv": "text/csv; charset=utf-8", "html": "text/html; charset=utf-8"}
CSV_COLUMNS = ("case", "subject", "status", "fact", "field", "value", "reports_value", "modality", "review",
               "review_note", "confidence", "outlets", "independent_sources", "primary_sources", "documents",
               "reports", "quotes", "attributed_to")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Provenance:
    """Who exported a case and when, and what the store knows of its reports beyond the case file."""

    exported_by: str
    exported_at: str
    """ISO 8601 in UTC."""
    reports: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Report id -> name, outlet, url, published (:func:`casewatch.views.shapes.report_names`)."""

    @classmethod
    def now(cls, exported_by: str, reports: dict[str, dict[str, Any]] | None = None) -> Provenance:
        at = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        return cls(exported_by=exported_by, exported_at=at, reports=reports or {})


def export(case_file: dict[str, Any], fmt: str, audit_chain: dict[str, Any] | None = None,
           provenance: Provenance | None = None) -> tuple[bytes, str]:
    """(the bytes, their media type). ``audit_chain`` (the store's audit chain head: hash, entries, at) goes in
    the JSON as an extra top-level field, so a recipient can later ask for ``casewatch verify --head HASH``.
    ``provenance`` (who, when, the reports' URLs and names) goes in the dossier and names the CSV's reports."""
    if fmt == "json":
        body = case_file if audit_chain is None else {**case_file, "audit_chain": audit_chain}
        return (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8"), MEDIA["json"]
    if fmt == "csv":
        return to_csv(case_file, provenance).encode("utf-8"), MEDIA["csv"]
    if fmt == "html":
        return to_html(case_file, provenance).encode("utf-8"), MEDIA["html"]
    raise ValueError(fmt)


def _day(date: Any) -> str:
    return str(date.get("start") or date.get("text") or "") if isinstance(date, dict) else ""


def _web_address(url: Any) -> str | None:
    """A report's address when it is on the web (http or https); never a local path or another scheme."""
    return url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None


def reports_of(case_file: dict[str, Any], provenance: Provenance | None = None) -> dict[str, dict[str, Any]]:
    """Report id -> name (title or first words), outlet, url (from the report's metadata, never a file path),
    published day, for every report the case cites."""
    known = provenance.reports if provenance else {}
    out: dict[str, dict[str, Any]] = {}
    for s in case_file.get("sources", []):
        doc_id = s["document"]
        meta = known.get(doc_id, {})
        name = report_name(s.get("title"), None, "") or meta.get("name") or doc_id
        out[doc_id] = {"id": doc_id, "name": name, "outlet": s.get("outlet") or meta.get("outlet"),
                       "url": _web_address(meta.get("url")),
                       "published": _day(s.get("published") or meta.get("published")),
                       "syndication_group": s.get("syndication_group")}
    return out


def _stage(event: dict[str, Any], status: str) -> str | None:
    from ..corroborate.config import settings

    cfg = settings()
    stage = cfg["event_stage"].get(event["type"])
    if stage == "sentenced" and status == "sentenced_to_death":
        stage = status
    return cfg["stage_status"].get(stage, stage) if stage else None


def status_basis(case_file: dict[str, Any], reports: dict[str, dict[str, Any]]) -> str:
    """The status and why, in words: the event that sets it, its date and the reports that tell of it."""
    status = case_file["status"].replace("_", " ")
    try:
        from .glance import case_glance, glance_lines
    except ImportError:  # the case-at-a-glance module is not there: say it simply
        pass
    else:
        return glance_lines(case_glance(case_file))[0].text
    from ..corroborate.config import settings

    modalities, wanted = settings()["status_modalities"], case_file["status"]
    setting = [e for e in case_file.get("events", []) if e.get("review") != "rejected"
               and e.get("modality", "asserted") in modalities and _stage(e, wanted) == wanted]
    if not setting:
        return f"{status} — no report states an event that sets it"
    event = max(setting, key=lambda e: _day(e.get("date")))
    docs = dict.fromkeys(s["document"] for s in event.get("support", []))
    told = "; ".join(report_label(reports[d]["name"], reports[d]["outlet"]) if d in reports else d for d in docs)
    day = _day(event.get("date")) or "undated"
    return f"{status} — set by {event['type'].replace('_', ' ')}, {day}, told by {told}"


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def fact_rows(case_file: dict[str, Any], provenance: Provenance | None = None) -> list[dict[str, str]]:
    reports = reports_of(case_file, provenance)
    rows = []
    for f in case_file.get("facts", []):
        support = f.get("support", [])
        rows.append({
            "case": case_file["id"],
            "subject": case_file["subject"]["name"],
            "status": case_file["status"],
            "fact": f.get("id", ""),
            "field": f["field"],
            "value": f["value"],
            "reports_value": f.get("original_value", f["value"]),
            "modality": f.get("modality", ""),
            "review": f.get("review", "unreviewed"),
            "review_note": (f.get("reviewed") or {}).get("note", ""),
            "confidence": "" if f.get("confidence") is None else f"{f['confidence']:.2f}",
            "outlets": str(f.get("outlets", "")),
            "independent_sources": str(f.get("independent_sources", "")),
            "primary_sources": "; ".join(f.get("primary_sources", [])),
            "documents": "; ".join(dict.fromkeys(s["document"] for s in support)),
            "reports": "; ".join(_named(reports, d) for d in dict.fromkeys(s["document"] for s in support)),
            "quotes": " | ".join(f"{s['document']}@{s['start']}-{s['end']}: {s['quote']}" for s in support),
            "attributed_to": "; ".join(dict.fromkeys(s["attributed_to"] for s in support if s.get("attributed_to"))),
        })
    return rows


def _named(reports: dict[str, dict[str, Any]], doc_id: str) -> str:
    """"id: title (outlet)" for one report (its id alone when the case file does not list it)."""
    r = reports.get(doc_id)
    return f"{doc_id}: {report_label(r['name'], r['outlet'])}" if r else doc_id


def to_csv(case_file: dict[str, Any], provenance: Provenance | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in fact_rows(case_file, provenance):
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return buffer.getvalue()


def _rejected(item: dict[str, Any]) -> bool:
    return item.get("review") == "rejected"


def to_html(case_file: dict[str, Any], provenance: Provenance | None = None) -> str:
    """The printable dossier: who exported it and when, status and basis, facts with quotes and reviews, the
    reports with outlets, URLs and dates; rejected items listed apart, marked as rejected."""
    from ..web.templating import render
    from .html import fields_in_order

    provenance = provenance or Provenance.now("not recorded")
    reports = reports_of(case_file, provenance)
    rejected = [(kind, x) for kind, key in (("fact", "facts"), ("event", "events"), ("conflict", "conflicts"))
                for x in case_file.get(key, []) if _rejected(x)]
    return render("dossier.html", cf=case_file, provenance=provenance, reports=reports,
                  basis=status_basis(case_file, reports),
                  facts=fields_in_order([f for f in case_file.get("facts", []) if not _rejected(f)]),
                  events=[e for e in case_file.get("events", []) if not _rejected(e)],
                  conflicts=[c for c in case_file.get("conflicts", []) if not _rejected(c)], rejected=rejected)

"""A case file exported for sharing: JSON (the schema), CSV (a row per fact) or a printable HTML dossier.

Pure: a case file in, bytes out. The HTML is made from an autoescaped template
and holds no script; the CSV neutralises cells a spreadsheet would run as a
formula (report text is hostile input).
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any

FORMATS = ("json", "csv", "html")
MEDIA = {"json": "application/json", "csv": "text/csv; charset=utf-8", "html": "text/html; charset=utf-8"}
CSV_COLUMNS = ("case", "subject", "status", "fact", "field", "value", "reports_value", "modality", "review",
               "review_note", "confidence", "outlets", "independent_sources", "primary_sources", "documents",
               "quotes", "attributed_to")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export(case_file: dict[str, Any], fmt: str, audit_chain: dict[str, Any] | None = None) -> tuple[bytes, str]:
    """(the bytes, their media type). ``audit_chain`` (the store's audit chain head: hash, entries, at) goes in
    the JSON as an extra top-level field, so a recipient can later ask for ``casewatch verify --head HASH``."""
    if fmt == "json":
        body = case_file if audit_chain is None else {**case_file, "audit_chain": audit_chain}
        return (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8"), MEDIA["json"]
    if fmt == "csv":
        return to_csv(case_file).encode("utf-8"), MEDIA["csv"]
    if fmt == "html":
        return to_html(case_file).encode("utf-8"), MEDIA["html"]
    raise ValueError(fmt)


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def fact_rows(case_file: dict[str, Any]) -> list[dict[str, str]]:
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
            "quotes": " | ".join(f"{s['document']}@{s['start']}-{s['end']}: {s['quote']}" for s in support),
            "attributed_to": "; ".join(dict.fromkeys(s["attributed_to"] for s in support if s.get("attributed_to"))),
        })
    return rows


def to_csv(case_file: dict[str, Any]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in fact_rows(case_file):
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return buffer.getvalue()


def to_html(case_file: dict[str, Any]) -> str:
    from ..web.templating import render
    from .html import fields_in_order, source_titles

    return render("dossier.html", cf=case_file, facts=fields_in_order(case_file.get("facts", [])),
                  titles=source_titles(case_file))

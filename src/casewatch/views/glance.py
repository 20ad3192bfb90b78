"""The case at a glance: its status and the event that sets it, the latest development, the open conflicts and
what remains to review, computed from a case file (pure; the case page and ``casewatch case`` draw it)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..corroborate.config import norm_value, settings

OPEN_REVIEWS = {None, "unreviewed"}


@dataclass(frozen=True)
class Told:
    """One event as the top block tells it: what, when, who says so and how many independent sources."""

    event_id: str
    type: str
    modality: str
    day: str | None
    """The event's last possible day, or the day a report tells of it by (``on_or_before``)."""
    on_or_before: bool
    when: str
    said_by: list[str]
    outlets: list[str]
    independent_sources: int
    reports: int
    details: dict[str, Any] = field(default_factory=dict)
    report: dict[str, Any] | None = None
    """The first report (by publication) that tells of it: its source entry."""


@dataclass(frozen=True)
class Glance:
    status: str
    basis: Told | None
    latest: Told | None
    newest_report: dict[str, Any] | None
    """Only when no event has a day: the newest report, as the latest development."""
    open_conflicts: list[dict[str, Any]] = field(default_factory=list)
    to_review: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Line:
    label: str
    text: str
    anchor: str | None = None


def _published(source: dict[str, Any] | None) -> str | None:
    date = (source or {}).get("published") or {}
    return date.get("end") or date.get("start")


def _stage(event: dict[str, Any], death_said: bool) -> str | None:
    """The stage an event of the case file reaches (as ``corroborate.status.stage_of`` does for a merged one)."""
    cfg = settings()
    details = {k: norm_value(k, str(v)) for k, v in (event.get("details") or {}).items()}
    kind = event["type"]
    if kind == "sentence":
        death = {norm_value("sentence", v) for v in cfg["death_sentence_values"]}
        return "sentenced_to_death" if details.get("sentence") in death or death_said else cfg["event_stage"][kind]
    if kind == "trial" and any(details.get(k) in {norm_value(k, w) for w in ws}
                               for k, ws in cfg["acquittal_details"].items()):
        return "acquitted"
    if kind == "appeal":
        return cfg["appeal_outcome_stages"].get(details.get("outcome", ""))
    if kind == "commutation":
        return cfg["commutation_outcome_stages"].get(details.get("outcome", ""), cfg["event_stage"][kind])
    return cfg["event_stage"].get(kind)


def _told(event: dict[str, Any], sources: dict[str, dict[str, Any]]) -> Told:
    docs = list(dict.fromkeys(s["document"] for s in event.get("support", [])))
    reports = sorted((sources.get(d, {"document": d}) for d in docs), key=lambda s: _published(s) or "9999")
    date, by = event.get("date") or {}, event.get("by") or {}
    if date.get("start"):
        day, before = date.get("end") or date["start"], False
        span = date["start"] if date["start"] == day else f"{date['start']} to {day}"
        when = f"{span} (“{date['text']}”)" if date.get("text") and date["text"] not in span else span
    else:
        day = by.get("end") or (_published(reports[0]) if reports else None)
        before = True
        when = f"on or before {day}" if day else "undated"
    attributed = list(event.get("primary_sources") or []) or list(dict.fromkeys(
        s["attributed_to"] for s in event.get("support", []) if s.get("attributed_to")))
    outlets = list(dict.fromkeys(s.get("outlet") or "outlet unknown" for s in reports))
    return Told(event_id=event["id"], type=event["type"], modality=event.get("modality", "asserted"), day=day,
                on_or_before=before, when=when, said_by=attributed, outlets=outlets,
                independent_sources=int(event.get("independent_sources", 0)), reports=len(docs),
                details=dict(event.get("details") or {}), report=reports[0] if reports else None)


def _newest(told: list[Told]) -> Told | None:
    """The latest by day; on the same day a dated event before an undated one, then the surer, then the
    better sourced, then one that sets a stage before a statement."""
    rank: list[str] = settings()["modality_rank"]
    dated = [t for t in told if t.day]
    if not dated:
        return None
    return max(dated, key=lambda t: (t.day, not t.on_or_before,
                                     -(rank.index(t.modality) if t.modality in rank else len(rank)),
                                     t.independent_sources, t.type != "statement"))


def case_glance(cf: dict[str, Any]) -> Glance:
    """The top block of a case: status and basis, latest development, open conflicts, what remains to review."""
    cfg = settings()
    sources = {s["document"]: s for s in cf.get("sources", [])}
    kept = [e for e in cf.get("events", []) if e.get("review") != "rejected"]
    death_said = any(f["field"] == "sentence" and f.get("review") != "rejected"
                     and f.get("modality", "asserted") in cfg["status_modalities"]
                     and norm_value("sentence", str(f["value"])) in
                     {norm_value("sentence", v) for v in cfg["death_sentence_values"]} for f in cf.get("facts", []))
    setting = [_told(e, sources) for e in kept if e.get("modality", "asserted") in cfg["status_modalities"]
               and (stage := _stage(e, death_said)) is not None
               and cfg["stage_status"].get(stage, stage) == cf["status"]]
    latest = _newest([_told(e, sources) for e in kept])
    newest_report = None
    if latest is None and sources:
        newest_report = max(sources.values(), key=lambda s: _published(s) or "")
    conflicts = [c for c in cf.get("conflicts", []) if c.get("review") in OPEN_REVIEWS and not c.get("settled")]
    to_review = {kind: sum(1 for x in cf.get(kind, []) if x.get("review") in OPEN_REVIEWS)
                 for kind in ("facts", "events", "conflicts")}
    return Glance(status=cf["status"], basis=_newest(setting) or (setting[-1] if setting else None), latest=latest,
                  newest_report=newest_report, open_conflicts=conflicts, to_review=to_review)


def _words(text: str) -> str:
    return text.replace("_", " ")


def _report_words(source: dict[str, Any] | None) -> str:
    if not source:
        return ""
    title = source.get("title") or source["document"]
    day = _published(source)
    return f"“{title}”, {source.get('outlet') or 'outlet unknown'}" + (f", {day}" if day else "")


def _told_words(t: Told) -> str:
    who = ", ".join(t.said_by) if t.said_by else "the reports in their own voice"
    modality = "" if t.modality == "asserted" else f" ({t.modality})"
    details = "; ".join(f"{_words(k)}: {v}" for k, v in t.details.items())
    modality += f" [{details}]" if details else ""
    first = t.report or {}
    title = f"; first told in “{first.get('title') or first['document']}”" if first else ""
    day = f" ({_published(first)})" if first and _published(first) else ""
    return (f"{_words(t.type)}{modality}, {t.when} — says so: {who} — {t.independent_sources} independent "
            f"source(s), {t.reports} report(s) in {', '.join(t.outlets)}{title}{day}")


def conflict_label(c: dict[str, Any]) -> str:
    extra = c.get("event_type") or c.get("acronym")
    return _words(c["field"]) + (f" ({_words(extra)})" if extra else "")


def glance_lines(g: Glance) -> list[Line]:
    """The top block as labelled lines of plain text, each with the anchor of what it points at."""
    if g.basis:
        basis = Line("Status", f"{_words(g.status)} — set by {_told_words(g.basis)}", g.basis.event_id)
    elif g.status == "unknown":
        basis = Line("Status", "unknown — the reports contest every event that would set it")
    else:
        basis = Line("Status", f"{_words(g.status)} — no report states an event that sets a stage")
    if g.latest:
        latest = Line("Latest development", _told_words(g.latest), g.latest.event_id)
    elif g.newest_report:
        latest = Line("Latest development", f"no dated event; newest report {_report_words(g.newest_report)}")
    else:
        latest = Line("Latest development", "no dated event or report")
    if g.open_conflicts:
        fields = ", ".join(dict.fromkeys(conflict_label(c) for c in g.open_conflicts))
        conflicts = Line("Open conflicts", f"{len(g.open_conflicts)}: {fields}", g.open_conflicts[0].get("id"))
    else:
        conflicts = Line("Open conflicts", "none")
    left = g.to_review
    review = Line("To review", f"{sum(left.values())} unreviewed: {left.get('facts', 0)} fact(s), "
                               f"{left.get('events', 0)} event(s), {left.get('conflicts', 0)} conflict(s)")
    return [basis, latest, conflicts, review]

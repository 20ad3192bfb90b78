"""The case status: the latest stage the supported events reach.

* Only events stated with a ``status_modalities`` modality (asserted, reported)
  set the status; alleged, expected and denied events never do.
* An event type that one report states and another denies is *contested*: it
  does not set the status (the status stays at the stage below) and a status
  conflict is flagged. Precision first: "executed" is never shown while a
  report denies it.
* Each event type maps to a stage (``event_stage``); a sentence whose details
  or whose subject's sentence fact say death is ``sentenced_to_death``; a trial
  with an acquittal verdict is ``acquitted``.
* The status is the stage of highest rank in ``status_order``; when that stage
  is an exit (released, acquitted, pardoned) and dated events come strictly
  after it, ranking starts again among those (a release, then a new arrest).
* No stage at all: ``unknown`` when contested events are all there is, else
  ``reported``.
"""
from __future__ import annotations

from .config import norm_value, settings
from .events import EventGroup
from .facts import FactGroup


def contested_types(events: list[EventGroup]) -> list[str]:
    """Event types that one report states and another denies, in order of first appearance."""
    stated = {g.type for g in events if not g.denied and g.modality in settings()["contest_modalities"]}
    return list(dict.fromkeys(g.type for g in events if g.denied and g.type in stated))


def _death_values() -> set[str]:
    return {norm_value("sentence", v) for v in settings()["death_sentence_values"]}


def stage_of(group: EventGroup, facts: list[FactGroup]) -> str | None:
    """The stage an event reaches, or None for an event that sets no stage."""
    cfg = settings()
    stage = cfg["event_stage"].get(group.type)
    details = dict(group.details_key)
    if group.type == "sentence":
        said_death = details.get("sentence") in _death_values() or any(
            f.field == "sentence" and f.key in _death_values() and not f.denied
            and f.modality in cfg["status_modalities"] for f in facts)
        return "sentenced_to_death" if said_death else stage
    if group.type == "trial":
        for key, words in cfg["acquittal_details"].items():
            if details.get(key) in {norm_value(key, w) for w in words}:
                return "acquitted"
    return stage


def derive_status(events: list[EventGroup], facts: list[FactGroup]) -> str:
    cfg = settings()
    order: list[str] = cfg["status_order"]
    contested = set(contested_types(events))
    pool = [(g, s) for g in events
            if not g.denied and g.modality in cfg["status_modalities"] and g.type not in contested
            and (s := stage_of(g, facts)) is not None and s in order]
    if not pool:
        return "unknown" if contested else "reported"
    while True:
        top, stage = max(pool, key=lambda p: order.index(p[1]))
        if stage in cfg["exit_stages"] and top.days is not None:
            later = [p for p in pool if p[0].days is not None and p[0].days[0] > top.days[1]]
            if later:
                pool = later
                continue
        return stage


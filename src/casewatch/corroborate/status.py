"""The case status: the stage of the latest supported event in time.

* Only events stated with a ``status_modalities`` modality (asserted: a report says it happened, in its own
  voice or a source's) set the status; alleged, rumoured, expected, demanded, conditional and denied events
  never do.
* An event type that one report states and another denies is *contested*: it does not set the status (the
  status stays at the stage below) and a status conflict is flagged. Precision first: "executed" is never
  shown while a report denies it.
* Each event type maps to a stage (``event_stage``); a sentence whose details or whose subject's sentence
  fact say death is ``sentenced_to_death``; a trial with an acquittal verdict is ``acquitted``; an appeal that
  overturned the sentence sends the case back to trial (``appeal_outcome_stages``).
* The events are put in the order they happened: by their days when both have them; else, for events told in
  the same report, by the report's own order of things (``EventMention.when``: "after his release", "was
  re-arrested", "remains in prison"); else in the natural order of a case (``natural_order``: an arrest comes
  before a sentence, a release after it).
* The status then follows them: custody stages only ever advance (a transfer after a death sentence leaves
  the case sentenced to death); an exit (release, acquittal, pardon) takes over, and any stage after an exit
  starts the case again ("pardoned, then arrested again" is arrested); a commutation replaces a death
  sentence until a later death sentence reinstates it; a death is final.
* No stage at all: ``unknown`` when contested events are all there is, else ``reported``.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from .config import norm_value, settings
from .events import EventGroup
from .facts import FactGroup


def _compatible(denied: EventGroup, stated: EventGroup) -> bool:
    """Whether a denial contradicts a statement: not when they are of different kinds ("not sentenced to death" and
    "was given twelve years in prison" both hold)."""
    a, b = dict(denied.details_key), dict(stated.details_key)
    return not ("sentence" in a and "sentence" in b and a["sentence"] != b["sentence"])


def contested_types(events: list[EventGroup], staged_only: bool = False) -> list[str]:
    """Event types that one report states and another denies, in order of first appearance (``staged_only``: only
    those that set a stage of the status)."""
    cfg = settings()
    stated = [g for g in events if not g.denied and g.modality in cfg["contest_modalities"]]
    return list(dict.fromkeys(g.type for g in events if g.denied and any(
        h.type == g.type and _compatible(g, h) for h in stated)
        and (not staged_only or g.type in cfg["event_stage"])))


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
    if group.type == "appeal":
        return cfg["appeal_outcome_stages"].get(details.get("outcome", ""))
    if group.type == "commutation":
        return cfg["commutation_outcome_stages"].get(details.get("outcome", ""), stage)
    return stage


@dataclass(frozen=True)
class _Step:
    group: EventGroup
    stage: str
    doc: str | None = None
    when: int | None = None
    """One telling of the group in one report, when the report tells it at several times ("sentenced to death
    ..., commuted ..., and the sentence was reinstated")."""


def _when_in(step: _Step, doc_id: str) -> int | None:
    if step.doc == doc_id and step.when is not None:
        return step.when
    ranks = [e.when for d, e in step.group.mentions if d.id == doc_id]
    return min(ranks) if ranks else None


def _steps(group: EventGroup, stage: str) -> list[_Step]:
    """The group as one step, and one more for each later time a report tells it again."""
    out = [_Step(group, stage)]
    by_doc: dict[str, set[int]] = {}
    for d, e in group.mentions:
        by_doc.setdefault(d.id, set()).add(e.when)
    for doc_id, ranks in by_doc.items():
        out.extend(_Step(group, stage, doc_id, r) for r in sorted(ranks)[1:])
    return out


def _compare(a: _Step, b: _Step) -> int:
    """Which of two events came first (negative: ``a``)."""
    if a.group.days is not None and b.group.days is not None:
        if a.group.days[1] < b.group.days[0]:
            return -1
        if b.group.days[1] < a.group.days[0]:
            return 1
    shared = [d.id for d, _ in a.group.mentions if any(d.id == x.id for x, _ in b.group.mentions)]
    for doc_id in dict.fromkeys(shared):
        wa, wb = _when_in(a, doc_id), _when_in(b, doc_id)
        if wa is not None and wb is not None and wa != wb:
            return -1 if wa < wb else 1
    order: list[str] = settings()["natural_order"]
    ia = order.index(a.stage) if a.stage in order else len(order)
    ib = order.index(b.stage) if b.stage in order else len(order)
    return (ia > ib) - (ia < ib)


def status_of(stage: str) -> str:
    """The status a stage shows as ("overturned" shows as back on trial)."""
    return settings()["stage_status"].get(stage, stage)


def _rank(stage: str) -> int:
    return settings()["status_order"].index(status_of(stage))


def _advance(state: str | None, stage: str) -> str:
    """The status after one more event, in order."""
    cfg = settings()
    exits, final = set(cfg["exit_stages"]), set(cfg["final_stages"])
    resets: dict[str, str] = cfg["reset_stages"]
    if state is None or stage in final or stage in exits or stage in resets:
        return stage if state not in final else state
    if state in final:
        return state
    if state in exits:
        return stage
    if state in resets:
        return stage if _rank(stage) >= _rank(resets[state]) else state
    return max(state, stage, key=_rank)


def derive_status(events: list[EventGroup], facts: list[FactGroup]) -> str:
    cfg = settings()
    order: list[str] = cfg["status_order"]
    contested = set(contested_types(events, staged_only=True))
    pool = [step for g in events
            if not g.denied and g.modality in cfg["status_modalities"] and g.type not in contested
            and (s := stage_of(g, facts)) is not None and status_of(s) in order for step in _steps(g, s)]
    if not pool:
        return "unknown" if contested else "reported"
    state: str | None = None
    for step in sorted(pool, key=functools.cmp_to_key(_compare)):
        state = _advance(state, step.stage)
    return status_of(state) if state is not None else "reported"

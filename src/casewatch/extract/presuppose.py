"""What an event that has not happened takes for granted, and what a ruling acts on.

A report that says an event is only asked for, expected or halted still tells something that has happened:

* an execution that is scheduled, imminent, faced, halted or not carried out presupposes a death sentence
  ("urged Varesh to halt the execution of X", "his execution is imminent");
* a release asked for, ordered, expected, refused or denied presupposes that the person is held ("called for
  the release of X", "a court ordered his release, but he is still held");
* a sentence or a trial still to come presupposes charges ("faces up to twelve years in jail", "is due to be
  sentenced next week"), an acquittal asked for a trial ("asked the court to acquit X").

Each is a new event of its own type, with the words of the event that presupposes it as its evidence and
``cue`` "presupposed", asserted. The rules are data (``data/extract_events.json``, "presuppositions").

A ruling or a demand that acts on a sentence, a charge or a detention takes it as a fact: "quash his death
sentence", "drop the charges against X" (:func:`.triggers.acted_on`).
"""
from __future__ import annotations

from .context import Context
from .events import Found
from .timing import EARLIER, NOW
from .triggers import in_own_phrase


def _conditional_on(ctx: Context, f: Found, lemmas: set[str]) -> bool:
    """Whether the event hangs on a condition of its own: "could be executed if he is convicted"."""
    for t in (f.trigger, f.trigger.head):
        for c in t.children:
            if c.dep_ == "advcl" and c.lemma_.lower() in lemmas and any(
                    m.dep_ == "mark" and m.lower_ in ("if", "unless", "once", "when") for m in c.children):
                return True
    return False


def _in_custody(ctx: Context, f: Found) -> bool:
    """Whether the event is told of a place or time of custody: a prison, a police station, an interrogation."""
    if f.where.facility and "court" not in f.where.facility.lower():
        return True
    return in_own_phrase(ctx, f.trigger, set(ctx.lex.events["custody_words"]) | {"interrogation", "station"})


def presupposed(ctx: Context, events: list[Found]) -> list[Found]:
    """The events the report's unrealised events presuppose, one per rule, subject and report sentence."""
    rules = ctx.lex.events["presuppositions"]
    have = {(f.type, f.subject) for f in events if f.modality == "asserted"}
    out: list[Found] = []
    for f in events:
        if f.subject is None:
            continue
        for rule in rules:
            if f.type != rule["if"] or f.cue not in rule["cues"]:
                continue
            if rule.get("custody_place") and not _in_custody(ctx, f):
                continue
            if rule.get("details") and any(f.details.get(k) != v for k, v in rule["details"].items()):
                continue
            if _conditional_on(ctx, f, set(rule.get("not_if", []))):
                continue
            key = (rule["then"], f.subject)
            if key in have:
                continue
            have.add(key)
            new = Found(rule["then"], f.trigger, f.first, f.last, f.subject, f.patient, f.sentence,
                        dict(rule.get("then_details", {})))
            new.cue = "presupposed"
            new.when = NOW if rule.get("now") else EARLIER
            new.date = None
            new.where = f.where
            new.source = f.source
            new.attribution = f.attribution
            out.append(new)
    return out

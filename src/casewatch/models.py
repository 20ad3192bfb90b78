"""Plain data passed between the stages. No I/O here.

A stage takes one of these and returns another; the store turns them into rows
and the CLI into tables or JSON.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

PRECISIONS = ("day", "week", "month", "part_of_month", "season", "part_of_year", "year", "range")
CALENDARS = ("gregorian", "solar_hijri", "lunar_hijri")


@dataclass(frozen=True)
class DateMention:
    """A date expression and the calendar days it can mean.

    ``span`` indexes the clean text the expression was found in (None for a
    date taken from page metadata). ``first``/``last`` are None when the
    expression cannot be resolved (no publication date to anchor it, or words
    too vague): the words are kept all the same.
    """

    text: str
    first: dt.date | None
    last: dt.date | None
    precision: str
    span: tuple[int, int] | None = None
    calendar: str = "gregorian"
    anchor: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.span is not None:
            out["span"] = [self.span[0], self.span[1]]
        out.update({
            "text": self.text,
            "start": self.first.isoformat() if self.first else None,
            "end": self.last.isoformat() if self.last else None,
            "precision": self.precision,
            "calendar": self.calendar,
            "anchor": self.anchor,
        })
        return out

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> DateMention:
        span = d.get("span")
        return cls(
            text=d["text"],
            first=dt.date.fromisoformat(d["start"]) if d.get("start") else None,
            last=dt.date.fromisoformat(d["end"]) if d.get("end") else None,
            precision=d["precision"],
            span=(int(span[0]), int(span[1])) if span else None,
            calendar=d.get("calendar") or "gregorian",
            anchor=d.get("anchor"),
        )


@dataclass(frozen=True)
class Cleaned:
    """What a cleaner makes of one report: its own words, in order, and what the page says about it."""

    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    date_text: str | None = None
    """The words the publication date was read from (a date line, a meta tag), unresolved."""


@dataclass(frozen=True)
class RawReport:
    """One report as read: its bytes, what kind of bytes, and where they came from."""

    data: bytes
    kind: str  # "text", "html" or "jsonl" (one JSON record)
    origin: str
    meta: str | None = None
    """JSON of what the place it was found in says about it, used where the report itself is silent: a feed
    entry's ``title``, ``published`` (YYYY-MM-DD), ``guid`` and ``feed``. Stored with the report, never rebuilt."""


@dataclass
class Article:
    """A report after cleaning, metadata and dates: the document layer's result."""

    text: str
    title: str | None
    author: str | None
    outlet: str | None
    url: str | None
    published: DateMention | None
    language: str | None
    dates: list[DateMention] = field(default_factory=list)
    external_id: str | None = None


# ---------------------------------------------------------------------------- extraction (per document)

MENTION_LABELS = ("PERSON", "ORG", "PLACE", "FACILITY")
EVENT_TYPES = (
    "protest", "refusal", "arrest", "detention", "transfer", "charge", "trial", "sentence", "appeal",
    "execution", "release", "pardon", "commutation", "death_in_custody", "disappearance", "torture",
    "killing", "statement",
)
MODALITIES = ("asserted", "alleged", "expected", "denied", "reported")
QUALIFIERS = ("more_than", "at_least", "about", "exactly", "up_to", "fewer_than")


@dataclass(frozen=True)
class Evidence:
    """Words of one report: ``quote == text[start:end]`` of its clean text, always."""

    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Mention:
    """A name in the clean text: a person, an organisation, a place or a facility (prison, court...)."""

    start: int
    end: int
    text: str
    label: str
    sentence: int
    """Index into Extraction.sentences."""
    written: str | None = None
    """For a person named after a title or an honorific kept out of the name, the name as written with it
    ("Daw Nwe Ni Aung", "Dr. Leyla Varo"), so that the form a reader knows stays findable."""


@dataclass(frozen=True)
class Attribution:
    """Who a report says a statement comes from, as the report puts it.

    ``name`` is the words naming the source ("IHRS", "the Iran Human Rights Society",
    "his cousin", "a judiciary spokesman"); ``mention`` is the index of the
    mention that names it when there is one; ``generic`` is True for an
    unnamed source ("a human rights group", "rights groups", "activists").
    ``kind`` is "organisation", "person", "official", "relative", "court", "media" or "unknown".
    ``evidence`` is the attributing words ("according to IHRS", "the group said").
    """

    name: str
    kind: str
    evidence: Evidence
    mention: int | None = None
    generic: bool = False
    group: int | None = None
    """For a named person who speaks for an organisation ("X, director of Group G"): the mention naming it."""


@dataclass(frozen=True)
class EventMention:
    """One report's statement that something happened (or will, or did not) to someone."""

    type: str
    evidence: Evidence
    """The sentence that states it."""
    trigger: Evidence
    subject: int | None
    """Index of the person mention it is about (for a pronoun, the mention it stands for)."""
    modality: str = "asserted"
    date: DateMention | None = None
    place: str | None = None
    facility: str | None = None
    details: dict[str, str] = field(default_factory=dict)
    attribution: Attribution | None = None
    cue: str | None = None
    """What set the modality: "demanded", "prevented", "conditional", "question", "expected", "feared",
    "rumoured", "believed", "unconfirmed", "hedged", "alleged", "negated", "denied", "presupposed"; None when
    the report simply states it."""
    when: int = 20
    """Where the event sits in its report's order of things, for events with no date: 10 before the rest (a
    past perfect, "after ..."), 20 the report's plain past, 30 after the rest ("again", "re-arrested"), 40 now
    ("remains in prison"); the units order verbs in a coordination."""


@dataclass(frozen=True)
class FactMention:
    """One report's statement of a fact about a person: role, age, charge, sentence, facility..."""

    subject: int
    """Index of the person mention it is about."""
    field: str
    value: str
    """Normalised value: "death", "soldier", "23", "Tarsen prison", "burning a conscription office"."""
    evidence: Evidence
    modality: str = "asserted"
    attribution: Attribution | None = None


@dataclass(frozen=True)
class Figure:
    """A number the report gives: "Police have killed more than 2,600 people" -> killed, 2600, more_than."""

    quantity: str
    value: float
    qualifier: str
    counted: str
    evidence: Evidence
    attribution: Attribution | None = None


@dataclass(frozen=True)
class Quotation:
    """Words the report puts in someone's mouth (inside the quote marks) and who said them."""

    evidence: Evidence
    speaker: str | None = None
    speaker_mention: int | None = None


@dataclass(frozen=True)
class OrgExpansion:
    """An organisation written with its acronym: "the Center for Human Rights in Iran (IHRS)"."""

    acronym: str
    expansion: str
    evidence: Evidence


@dataclass
class Extraction:
    """Everything the extract stage finds in one report; every offset indexes its clean text."""

    sentences: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    facts: list[FactMention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quotation] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    """Every source the report cites anywhere, named or generic (what the report relays)."""
    expansions: list[OrgExpansion] = field(default_factory=list)


# ---------------------------------------------------------------------------- resolution and case files

@dataclass(frozen=True)
class LocalEntity:
    """One person or organisation within one report: the mentions that name it there."""

    index: int
    label: str
    """PERSON or ORG."""
    name: str
    """The fullest form the report gives ("Kourosh Dalirvand"; for an organisation its expansion if given)."""
    mentions: tuple[int, ...]
    """Indexes into Extraction.mentions."""
    acronym: str | None = None
    written: tuple[str, ...] = ()
    """Forms of a person's name written with a title or an honorific ("U Kawiya"): kept among the aliases."""


@dataclass(frozen=True)
class Entity:
    """One real person or organisation across all reports. ``id`` is stable across rebuilds."""

    id: str
    label: str
    name: str
    aliases: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    """Blocking keys: reports are resolved against stored entities sharing a key, never all pairs."""


@dataclass(frozen=True)
class KnownOrganisation:
    """An entry of the shipped knowledge file of rights groups, courts and state bodies."""

    name: str
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    kind: str = "organisation"


@dataclass(frozen=True)
class CaseDocument:
    """What corroboration needs of one report."""

    id: str
    origin: str
    outlet: str | None
    title: str | None
    published: DateMention | None
    syndication_group: str | None
    extraction: Extraction
    entity_of_mention: dict[int, str]
    """Mention index -> global entity id, for person and organisation mentions."""


@dataclass(frozen=True)
class Outcome:
    """What the per-report stages made of one report, or why they failed.

    ``article`` is None when the document layer failed; ``error`` with an
    article means a later stage (extraction) failed and the report keeps its
    clean text and dates.
    """

    article: Article | None
    error: str | None = None
    extraction: Extraction | None = None
    signature: list[int] | None = None


REVIEW_STATES = ("unreviewed", "confirmed", "rejected", "edited")
REVIEW_KINDS = ("fact", "event", "conflict")
CASE_STATES = ("new", "in_review", "verified")
"""Where a team stands with a whole case: nobody has started, someone is reviewing it, it is verified."""
CASE_TARGET = "case"
"""The target id of a case-level decision (its state and assignee), kept as a review of kind ``case``: an id no
fact, event or conflict takes, so the reviews table's history, hash chain and rebuild carry it like any other."""


@dataclass(frozen=True)
class Review:
    """An analyst's decision on one fact, event or conflict of a case file (the latest per target counts).

    ``value`` is the corrected value of an edited fact, or the value a reviewer
    settles a conflict on; None otherwise.
    """

    case_id: str
    target_id: str
    kind: str
    state: str
    value: str | None
    note: str
    user: str
    at: str
    seq: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"case": self.case_id, "target": self.target_id, "kind": self.kind, "state": self.state,
                "value": self.value, "note": self.note, "user": self.user, "at": self.at}

"""Extract: what one report says, with the exact words that say it.

    from casewatch.extract import extract, extract_many
    extract(text, dates) -> Extraction
    extract_many([(text, dates), ...], batch_size=32) -> [Extraction, ...]

Both are pure functions of their input. The English model is loaded once per
process on first use (:func:`casewatch.extract.nlp.get_nlp`); ``extract_many``
parses in batches with ``nlp.pipe``. Every offset indexes the text given, and
every ``Evidence.quote`` is the text at its offsets. A text longer than the
model accepts (``nlp.max_length``) is read up to the last paragraph break that
fits, so one huge report never stops a batch.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..models import DateMention, EventMention, Extraction
from .attribution import Source, find_sources, report_sources
from .context import Context, build_sentences
from .denials import denied_by_reference, unconfirmed_by_reference
from .events import Found, date_anchors, find_events, statement_events
from .expansions import expansions, find_acronyms
from .facts import build_facts
from .figures import find_figures
from .mentions import find_mentions
from .nlp import get_nlp
from .people import build_people
from .presuppose import presupposed
from .quotes import find_quotes, long_quotes, quote_attribution, quote_sources

__all__ = ["extract", "extract_many"]


def _attribute(ctx: Context, f: Found, quoted: list[tuple[tuple[int, int], Source | None]]) -> None:
    """The event's source: its sentence's, else the speaker of the quote it is said in."""
    f.attribution = f.source.attribution if f.source is not None else None
    if f.attribution is None and ctx.in_quote(f.trigger.idx):
        f.attribution = quote_attribution(ctx, quoted, f.trigger.idx)


def _event_mention(ctx: Context, f: Found) -> EventMention:
    return EventMention(
        type=f.type,
        evidence=ctx.sentence_evidence(f.sentence) if f.through is None
        else ctx.sentences_evidence(f.sentence, f.through),
        trigger=ctx.token_evidence(f.first, f.last),
        subject=f.subject,
        modality=f.modality,
        date=f.date,
        place=f.where.place,
        facility=f.where.facility,
        details=dict(f.details),
        attribution=f.attribution,
        cue=f.cue,
        when=f.when,
    )


def _parsed_text(text: str, doc: Doc) -> str:
    """The part of ``text`` the parse covers; raises ValueError when the parse is of another text. Checks the
    first and last tokens at their offsets: ``doc.text`` would join every token's text again."""
    if len(doc) == 0:
        return ""
    end = doc[-1].idx + len(doc[-1].text_with_ws)
    for t in (doc[0], doc[len(doc) // 2], doc[-1]):
        if text[t.idx:t.idx + len(t.text_with_ws)] != t.text_with_ws:
            raise ValueError("the parse is not of this text")
    return text[:end]


def extract_doc(text: str, doc: Doc, dates: list[DateMention]) -> Extraction:
    """Everything the extract stage finds in one report, given its parse (of the whole text or a first part)."""
    parsed = _parsed_text(text, doc)
    ctx = Context(text, doc, list(dates))
    build_sentences(ctx)
    if not ctx.sentences:
        return Extraction()
    ctx.quote_spans = long_quotes(parsed)
    found = find_acronyms(ctx)
    ctx.expansion_of = {f.acronym: f.expansion for f in found if f.expansion}
    titles = find_mentions(ctx, found)
    people = build_people(ctx, titles)
    sources = find_sources(ctx, people)
    quoted = quote_sources(ctx, sources)
    ctx.quote_speakers = [(span, s.subject if s is not None else None) for span, s in quoted]
    anchors = date_anchors(ctx)
    events = find_events(ctx, people, sources, anchors)
    unconfirmed_by_reference(ctx, events)
    events += denied_by_reference(ctx, events, sources)
    events += presupposed(ctx, events)
    events += statement_events(ctx, events, anchors)
    events.sort(key=lambda f: (f.trigger.i, f.type))
    for f in events:
        _attribute(ctx, f, quoted)
    speakers = [s.attribution for _, s in quoted if s is not None]
    return Extraction(
        sentences=list(ctx.sentences),
        mentions=list(ctx.mentions),
        events=[_event_mention(ctx, f) for f in events],
        facts=build_facts(ctx, people, sources, events),
        figures=find_figures(ctx, sources),
        quotes=find_quotes(ctx, quoted),
        attributions=report_sources(sources, speakers),
        expansions=expansions(ctx, found),
    )


def parseable(text: str, limit: int) -> str:
    """The part of a text the model reads: all of it, or up to the last paragraph break within ``limit``."""
    if len(text) < limit:
        return text
    cut = text.rfind("\n", 0, limit - 1)
    return text[:cut if cut > 0 else limit - 1]


def extract(text: str, dates: list[DateMention]) -> Extraction:
    """Extract one report's clean text, given the date expressions found in it."""
    nlp = get_nlp()
    return extract_doc(text, nlp(parseable(text, nlp.max_length)), dates)


def extract_many(items: list[tuple[str, list[DateMention]]], batch_size: int = 32) -> list[Extraction]:
    """Extract many reports, parsed in batches; results are in the order given."""
    nlp = get_nlp()
    texts = [parseable(t, nlp.max_length) for t, _ in items]
    return [extract_doc(text, doc, dates)
            for (text, dates), doc in zip(items, nlp.pipe(texts, batch_size=batch_size), strict=True)]

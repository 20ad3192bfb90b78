"""An extraction survives the trip to JSON and back unchanged."""
from __future__ import annotations

import datetime as dt

from casewatch.models import (
    Attribution,
    DateMention,
    EventMention,
    Evidence,
    Extraction,
    FactMention,
    Figure,
    Mention,
    OrgExpansion,
    Quotation,
)
from casewatch.views.serialize import dumps, extraction_loads


def test_round_trip() -> None:
    ev = Evidence(0, 30, "Lina Farrow was sentenced to death")
    att = Attribution(name="the group", kind="organisation", evidence=Evidence(31, 45, "the group said"), mention=1)
    x = Extraction(
        sentences=[(0, 46), (47, 90)],
        mentions=[Mention(0, 11, "Lina Farrow", "PERSON", 0), Mention(50, 54, "VHRW", "ORG", 1)],
        events=[EventMention(
            type="sentence", evidence=ev, trigger=Evidence(16, 25, "sentenced"), subject=0, modality="expected",
            date=DateMention("Tuesday", dt.date(2026, 1, 20), dt.date(2026, 1, 20), "day", (60, 67),
                             anchor="published 2026-01-21"),
            details={"sentence": "death"}, attribution=att)],
        facts=[FactMention(subject=0, field="age", value="23", evidence=ev, attribution=None)],
        figures=[Figure("killed", 3000, "more_than", "people", ev, Attribution("rights groups", "organisation", ev,
                                                                              generic=True))],
        quotes=[Quotation(ev, speaker="the group", speaker_mention=1)],
        attributions=[att, Attribution("Ada Brenn", "person", Evidence(47, 60, "Ada Brenn said"), mention=0, group=1)],
        expansions=[OrgExpansion("VHRW", "Varesh Human Rights Watch", ev)],
    )
    assert extraction_loads(dumps(x)) == x

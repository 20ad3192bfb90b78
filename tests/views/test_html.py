"""Text cut into highlighted segments, and the drawn timeline's geometry."""
from __future__ import annotations

from casewatch.views.html import Mark, segments, syndication_groups, timeline


def test_segments_cover_the_text_once_with_overlapping_marks():
    text = "Lio Ness was arrested on Monday."
    marks = [Mark(0, 8, "person", "person: Lio Ness"), Mark(13, 21, "event", "arrest"),
             Mark(4, 21, "quote", "q", anchor="quote"), Mark(25, 31, "date", "date")]
    segs = segments(text, marks)
    assert "".join(s.text for s in segs) == text
    assert [(s.text, s.kinds) for s in segs[:4]] == [("Lio ", ["person"]), ("Ness", ["person", "quote"]),
                                                     (" was ", ["quote"]), ("arrested", ["event", "quote"])]
    assert [s.anchor for s in segs].count("quote") == 1 and segs[1].anchor == "quote"
    assert segs[1].css == "hl-person hl-quote" and segs[1].title == "person: Lio Ness; q"


def test_marks_outside_the_text_are_clipped_or_dropped():
    segs = segments("abc", [Mark(-4, 1, "x"), Mark(2, 99, "y"), Mark(5, 9, "z"), Mark(1, 1, "w")])
    assert [(s.text, s.kinds) for s in segs] == [("a", ["x"]), ("b", []), ("c", ["y"])]
    assert segments("", [Mark(0, 3, "x")]) == []


def _event(eid: str, etype: str, start: str, end: str | None = None) -> dict:
    return {"id": eid, "type": etype, "modality": "asserted", "review": "unreviewed",
            "date": {"text": start, "start": start, "end": end or start, "precision": "day"}}


def test_timeline_places_events_by_date_one_row_per_type():
    events = [_event("e1", "arrest", "2025-12-20", "2025-12-31"), _event("e2", "trial", "2026-02-03"),
              _event("e3", "sentence", "2026-02-10"), {"id": "e4", "type": "appeal", "date": None}]
    tl = timeline(events, width=900)
    assert tl is not None and [p.event_id for p in tl.points] == ["e1", "e2", "e3"]
    x = {p.event_id: p.x for p in tl.points}
    assert x["e1"] < x["e2"] < x["e3"] and all(130 <= p.x <= 880 for p in tl.points)
    assert tl.points[0].width > tl.points[1].width  # a span of days is drawn wider than one day
    assert [label for _, label in tl.rows] == ["arrest", "trial", "sentence"]
    assert any("Jan 2026" in label for _, label in tl.ticks)
    assert timeline([events[3]]) is None


def test_sources_are_grouped_by_syndication():
    sources = [{"document": "a", "syndication_group": "g"}, {"document": "b", "syndication_group": None},
               {"document": "c", "syndication_group": "g"}]
    assert [[s["document"] for s in g] for g in syndication_groups(sources)] == [["a", "c"], ["b"]]

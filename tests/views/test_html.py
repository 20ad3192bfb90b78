"""Text cut into highlighted segments, and the drawn timeline's geometry."""
from __future__ import annotations

import itertools

from casewatch.views.html import NARROW, Mark, segments, syndication_groups, timeline


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
    assert any(label.endswith("Jan") for _, label in tl.ticks)  # weekly ticks over seven weeks
    assert tl.unplaced == ["appeal"]  # no date and no report to place it by
    assert timeline([events[3]]) is None


def _undated(eid: str, etype: str, doc: str, modality: str = "asserted", by: str | None = None) -> dict:
    e = {"id": eid, "type": etype, "modality": modality, "review": "unreviewed", "date": None,
         "support": [{"document": doc, "start": 0, "end": 3, "quote": "was"}]}
    if by:
        e["by"] = {"text": by, "end": by, "anchor": "published"}
    return e


SOURCES = [{"document": "r1", "published": {"text": "x", "start": "2026-03-01", "end": "2026-03-01"}},
           {"document": "r2", "published": None}]


def test_every_event_type_gets_a_row_and_undated_events_sit_on_or_before_their_reports_day():
    events = [_event("e1", "arrest", "2026-01-05"), _undated("u1", "torture", "r1", modality="alleged"),
              _undated("u2", "transfer", "r2", by="2026-02-10"), _undated("u3", "death_in_custody", "r2")]
    tl = timeline(events, SOURCES)
    assert tl is not None and [label for _, label in tl.rows] == ["arrest", "transfer", "torture"]
    by_id = {p.event_id: p for p in tl.points}
    assert not by_id["e1"].undated and by_id["u1"].undated and by_id["u2"].undated
    assert by_id["u1"].days == "on or before 2026-03-01" and by_id["u2"].days == "on or before 2026-02-10"
    assert by_id["e1"].x < by_id["u2"].x < by_id["u1"].x and by_id["u1"].modality == "alleged"
    assert tl.unplaced == ["death in custody"]  # its one report has no date


def _no_overlap(tl, font: float = 11) -> bool:
    spans = [(x - len(t) * font * 0.31, x + len(t) * font * 0.31) for x, t in tl.ticks]
    return all(a[1] < b[0] for a, b in itertools.pairwise(spans)) and all(a >= 0 and b <= tl.width for a, b in spans)


def test_the_axis_has_dated_ticks_that_never_overlap_at_any_span_or_width():
    for end in ("2026-01-06", "2026-02-20", "2026-11-30", "2031-06-01", "2090-01-01"):
        events = [_event("a", "arrest", "2026-01-05"), _event("b", "trial", end)]
        for width in (900, NARROW):
            tl = timeline(events, width=width)
            assert tl is not None and len(tl.ticks) >= 2, (end, width, tl.ticks)
            assert _no_overlap(tl), (end, width, tl.ticks)
            xs = [x for x, _ in tl.ticks]
            assert xs == sorted(xs)
    wide = timeline([_event("a", "arrest", "2026-01-05"), _event("b", "trial", "2026-11-30")], width=900)
    narrow = timeline([_event("a", "arrest", "2026-01-05"), _event("b", "trial", "2026-11-30")], width=NARROW)
    assert len(narrow.ticks) < len(wide.ticks)  # fewer ticks on a phone, none squeezed


def test_a_single_day_case_still_gets_an_axis():
    tl = timeline([_event("a", "arrest", "2026-01-05")], width=NARROW)
    assert tl is not None and any(label == "5 Jan" for _, label in tl.ticks)


def test_the_phone_drawing_puts_row_labels_above_the_rows_and_uses_the_full_width():
    events = [_event("a", "arrest", "2026-01-05"), _event("b", "trial", "2026-02-05")]
    wide, narrow = timeline(events, width=900), timeline(events, width=NARROW)
    assert not wide.labels_above and narrow.labels_above and narrow.width == NARROW
    assert narrow.left < 20 < wide.left
    assert all(narrow.left <= p.x and p.x + p.width <= NARROW for p in narrow.points)
    assert narrow.axis_y > max(y for y, _ in narrow.rows) and narrow.height > narrow.axis_y


def test_sources_are_grouped_by_syndication():
    sources = [{"document": "a", "syndication_group": "g"}, {"document": "b", "syndication_group": None},
               {"document": "c", "syndication_group": "g"}]
    assert [[s["document"] for s in g] for g in syndication_groups(sources)] == [["a", "c"], ["b"]]

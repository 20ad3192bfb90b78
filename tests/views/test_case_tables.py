"""`casewatch case` in the terminal: a conflict settled by a review is shown as settled, with its resolution."""
from __future__ import annotations

from rich.console import Console

from casewatch.views.case_tables import case_view


def test_a_settled_conflict_is_shown_settled_with_the_side_set_aside():
    cf = {"id": "case-1", "subject": {"name": "Tavi Orlo", "aliases": []}, "status": "detained", "outlets": 1,
          "independent_sources": 1, "sources": [{"document": "d1", "title": "Orlo held", "outlet": "Kell Times"}],
          "facts": [], "events": [], "conflicts": [],
          "settled_conflicts": [{"id": "conflict-2", "field": "facility", "settled": True, "resolution": "Dunmere jail",
                                 "settled_by": {"user": "ana", "at": "2031-02-02T09:00:00Z",
                                                "how": "rejected one side"},
                                 "values": [{"value": "Dunmere jail", "support": []},
                                            {"value": "Kell barracks", "support": []}]}]}
    console = Console(width=100, record=True)
    console.print(case_view(cf))
    text = console.export_text()
    assert "settled conflict: facility" in text and "CONFLICT: facility" not in text
    assert "settled by ana, 2031-02-02T09:00:00Z: rejected one side" in text
    assert "settled on: Dunmere jail" in text and "• Kell barracks (set aside)" in text
    assert "• Dunmere jail\n" in text or "• Dunmere jail " in text

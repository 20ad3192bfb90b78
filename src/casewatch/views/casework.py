"""A case's team state (new, in review, verified) and its assignee: checked, recorded, case file remade.

Kept in the append-only ``reviews`` table as a decision of kind ``case`` on the target ``case`` (the state in
``state``, the assignee's user name in ``value``), so its history, audit row, hash chain and survival of
``casewatch rebuild`` are those of every review.
"""
from __future__ import annotations

from typing import Any

from ..errors import InvalidValueError, NotFoundError
from ..models import CASE_STATES, CASE_TARGET, Review
from ..store import Store, now_iso
from .reviewing import MAX_NOTE


def set_case_work(store: Store, case_ref: str, state: str, *, user: str, assignee: str | None = None,
                  note: str = "") -> dict[str, Any]:
    """Set a case's state and assignee (None or "" for nobody); returns the case file as it now stands."""
    from ..link import rebuild_cases

    if state not in CASE_STATES:
        raise InvalidValueError(f"no case state {state!r}; choose one of {', '.join(CASE_STATES)}")
    if len(note) > MAX_NOTE:
        raise InvalidValueError(f"note too long ({len(note)} characters); keep it under {MAX_NOTE}")
    case_file = store.get_case(case_ref)
    assignee = (assignee or "").strip() or None
    if assignee is not None:
        found = store.find_user(assignee)
        if found is None or not found.active:
            raise NotFoundError(f"no active user {assignee!r} to assign the case to; `casewatch user list` "
                                "shows the users")
    before = store.current_reviews([case_file["id"]]).get(case_file["id"], {}).get(CASE_TARGET)
    store.add_review(Review(case_id=case_file["id"], target_id=CASE_TARGET, kind="case", state=state,
                            value=assignee, note=note.strip(), user=user, at=now_iso()), before)
    rebuild_cases(store, {case_file["entity"]})
    return store.get_case(case_file["id"])

"""An analyst's review of one fact, event or conflict: checked, recorded with its audit row, case file remade.

The review is kept for good (the ``reviews`` table is append-only and never
rebuilt); the case file is made again from its reports with every current
review laid over it, so the status and counts follow at once and survive
``casewatch rebuild``.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import InvalidValueError, NotFoundError
from ..models import REVIEW_STATES, Review
from ..store import Store, now_iso

MAX_NOTE = 2000


def find_target(case_file: dict[str, Any], target_id: str) -> tuple[str, dict[str, Any]]:
    """(kind, item) of the fact, event or conflict with this id in a case file."""
    for kind, key in (("fact", "facts"), ("event", "events"), ("conflict", "conflicts")):
        for item in case_file.get(key, []):
            if item.get("id") == target_id:
                return kind, item
    raise NotFoundError(f"case {case_file['id']} has no fact, event or conflict {target_id!r}; "
                        f"`casewatch case {case_file['id']} --format json` shows their ids")


def check_review(kind: str, state: str, value: str | None, note: str) -> str | None:
    """The value to keep (None when the state takes none); an error that says what to fix otherwise."""
    if not state:
        raise InvalidValueError(f"choose a decision for the {kind}: {', '.join(REVIEW_STATES)}")
    if state not in REVIEW_STATES:
        raise InvalidValueError(f"no review state {state!r}; choose one of {', '.join(REVIEW_STATES)}")
    if len(note) > MAX_NOTE:
        raise InvalidValueError(f"note too long ({len(note)} characters); keep it under {MAX_NOTE}")
    value = (value or "").strip() or None
    if state == "edited":
        if kind == "event":
            raise InvalidValueError("an event cannot be edited: confirm or reject it, and say why in the note")
        if value is None:
            raise InvalidValueError(f"an edited {kind} needs the corrected value")
        if not note.strip():
            raise InvalidValueError(f"say in the note why the {kind} was edited")
        return value
    if state == "rejected" and not note.strip():
        raise InvalidValueError(f"say in the note why the {kind} is rejected")
    return None


def review(store: Store, case_ref: str, target_id: str, state: str, *, user: str, note: str = "",
           value: str | None = None) -> dict[str, Any]:
    """Record a review and remake the case file; returns the case file as it now stands."""
    return review_many(store, case_ref, [target_id], state, user=user, note=note, value=value)


def review_many(store: Store, case_ref: str, target_ids: Sequence[str], state: str, *, user: str, note: str = "",
                value: str | None = None) -> dict[str, Any]:
    """One decision over several items (a group of near-duplicate facts): every target is checked first, then
    each gets its own review record (and audit row), so the history stays exact; the case file is remade once."""
    from ..link import rebuild_cases

    case_file = store.get_case(case_ref)
    targets = list(dict.fromkeys(t for t in target_ids if t))
    if not targets:
        raise InvalidValueError("say which fact, event or conflict is reviewed (its id)")
    checked = []
    for target_id in targets:
        kind, _ = find_target(case_file, target_id)
        checked.append((target_id, kind, check_review(kind, state, value, note)))
    current = store.current_reviews([case_file["id"]]).get(case_file["id"], {})
    at = now_iso()
    for target_id, kind, kept in checked:
        store.add_review(Review(case_id=case_file["id"], target_id=target_id, kind=kind, state=state, value=kept,
                                note=note.strip(), user=user, at=at), current.get(target_id))
    rebuild_cases(store, {case_file["entity"]})
    return store.get_case(case_file["id"])

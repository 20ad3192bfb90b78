"""Store queries for who follows what, the alerts made from changes and every delivery attempt."""
from __future__ import annotations

from collections.abc import Sequence

from .base import StoreBase


class FollowQueries(StoreBase):
    """Mixed into :class:`casewatch.store.Store`."""

    def queue_alerts(self, change_seqs: Sequence[int]) -> int:
        """Make an alert for each follow that one of these new change records matches; returns how many.

        Called inside the transaction that stores the change records, so a change and its alerts are kept
        together or not at all."""
        return 0

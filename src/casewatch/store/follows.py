"""Store queries for who follows what, the alerts made from changes and every delivery attempt."""
from __future__ import annotations

from .base import StoreBase


class FollowQueries(StoreBase):
    """Mixed into :class:`casewatch.store.Store`."""

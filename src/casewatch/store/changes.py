"""Store queries for what changed in case files: the append-only change records."""
from __future__ import annotations

from .base import StoreBase


class ChangeQueries(StoreBase):
    """Mixed into :class:`casewatch.store.Store`."""

"""Store queries for what is watched on the network: sources, the fetch log, feed entries."""
from __future__ import annotations

from .base import StoreBase


class SourceQueries(StoreBase):
    """Mixed into :class:`casewatch.store.Store`."""

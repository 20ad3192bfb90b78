"""One exception tree for casewatch. Every message names the input and says what to do.

    CasewatchError
    ├── InputError          a report that cannot be read (binary, empty, not UTF-8, too large, broken JSON)
    ├── NotFoundError       an id or name that matches nothing in the store
    ├── AmbiguousIdError    an id prefix that matches more than one thing
    └── StoreError          the database cannot be opened or is from a newer casewatch

The CLI prints ``str(error)`` as one line and exits with ``error.exit_code``.
"""
from __future__ import annotations


class CasewatchError(Exception):
    exit_code = 1


class InputError(CasewatchError):
    """A report that cannot be read. ``origin`` names it; the message says why and what to do."""

    def __init__(self, origin: str, reason: str):
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class NotFoundError(CasewatchError):
    exit_code = 2


class AmbiguousIdError(CasewatchError):
    exit_code = 2


class StoreError(CasewatchError):
    exit_code = 2

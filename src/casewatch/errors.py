"""One exception tree for casewatch. Every message names the input and says what to do.

    CasewatchError
    ├── InputError          a report that cannot be read (binary, empty, not UTF-8, too large, broken JSON)
    ├── NotFoundError       an id or name that matches nothing in the store
    ├── AmbiguousIdError    an id prefix that matches more than one thing
    ├── StoreError          the database cannot be opened or is from a newer casewatch
    ├── InvalidValueError   a value a person gave that cannot be used (a user name, a role, a review state)
    ├── AccessError         not signed in, or signed in without the role an action needs
    │   └── ForbiddenError  signed in, but the role does not allow it
    ├── LockedOutError      too many failed sign-ins to an account or from an address (web: 429)
    ├── TooLargeError       a web request, upload or file over the limits (web: 413)
    └── FetchError          a web page or feed that could not be fetched (casewatch.watch: timeout, refused by
                            robots.txt, too large, a bad content type or charset, an HTTP error; web: 502)

The CLI prints ``str(error)`` as one line and exits with ``error.exit_code``; the
web layer answers every one of them in one JSON (or HTML) shape with
``error.http_status``.
"""
from __future__ import annotations


class CasewatchError(Exception):
    exit_code = 1
    http_status = 400


class InputError(CasewatchError):
    """A report that cannot be read. ``origin`` names it; the message says why and what to do."""

    def __init__(self, origin: str, reason: str):
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class NotFoundError(CasewatchError):
    exit_code = 2
    http_status = 404


class AmbiguousIdError(CasewatchError):
    exit_code = 2


class StoreError(CasewatchError):
    exit_code = 2
    http_status = 503


class InvalidValueError(CasewatchError):
    exit_code = 2
    http_status = 422


class AccessError(CasewatchError):
    exit_code = 2
    http_status = 401


class ForbiddenError(AccessError):
    http_status = 403


class LockedOutError(CasewatchError):
    exit_code = 2
    http_status = 429


class TooLargeError(CasewatchError):
    exit_code = 2
    http_status = 413


FETCH_KINDS = frozenset({
    "timeout", "network", "too_large", "bomb", "redirects", "robots", "content_type", "charset", "http",
})


class FetchError(CasewatchError):
    """A web address that could not be fetched. ``url`` names it, ``kind`` says why (one of :data:`FETCH_KINDS`),
    ``status`` is the HTTP status when the site answered, ``retry_after`` the seconds the site asked to wait.
    The message is one line: the address, what happened, what to do."""

    exit_code = 2
    http_status = 502

    def __init__(self, url: str, kind: str, reason: str, *, status: int | None = None,
                 retry_after: float | None = None):
        if kind not in FETCH_KINDS:
            raise ValueError(f"unknown fetch error kind {kind!r}")
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.kind = kind
        self.reason = reason
        self.status = status
        self.retry_after = retry_after

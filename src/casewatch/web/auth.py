"""Who is asking: a browser session (cookie) or a script (``Authorization: Bearer TOKEN``), and CSRF checks.

Every route depends on :func:`viewer`, :func:`analyst` or :func:`admin`. A
missing or bad credential raises :class:`AccessError` (401; pages redirect to
the login form), a role too low :class:`ForbiddenError` (403). Writes from a
browser session must carry the session's CSRF token (form field ``csrf`` or
header ``X-CSRF-Token``); token-authenticated scripts send no cookie, so they
need none.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass

from fastapi import Request

from .. import access
from ..errors import AccessError, ForbiddenError
from ..store import Store
from ..store.access import User

SESSION_COOKIE = "casewatch_session"
LOGIN_COOKIE = "casewatch_login"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


@dataclass(frozen=True)
class Caller:
    user: User
    via: str  # "session" or "token"
    csrf: str = ""


def store_of(request: Request) -> Store:
    return request.app.state.store


def identify(request: Request) -> Caller | None:
    """The caller, from a bearer token or a session cookie; None when neither is given."""
    cached = getattr(request.state, "caller", False)
    if cached is not False:
        return cached
    store = store_of(request)
    caller = None
    header = request.headers.get("authorization", "")
    if header:
        scheme, _, credential = header.partition(" ")
        user = access.user_for_token(store, credential.strip()) if scheme.lower() == "bearer" else None
        if user is None:
            raise AccessError("that API token is not valid (revoked, mistyped, or its user is disabled); "
                              "make a new one with `casewatch token create USER`")
        caller = Caller(user, "token")
    else:
        found = access.session_user(store, request.cookies.get(SESSION_COOKIE, ""))
        if found is not None:
            caller = Caller(found[0], "session", found[1])
    request.state.caller = caller
    return caller


def _needs(request: Request, role: str) -> Caller:
    caller = identify(request)
    access.require(caller.user if caller else None, role)
    assert caller is not None
    return caller


def check_csrf(request: Request, caller: Caller, field: str = "") -> bool:
    """Whether a browser write carries its session's CSRF token (header ``X-CSRF-Token``, else form ``field``)."""
    sent = request.headers.get("x-csrf-token", "") or field
    return bool(sent) and secrets.compare_digest(sent, caller.csrf)


async def _writer(request: Request, role: str) -> Caller:
    caller = _needs(request, role)
    if caller.via == "session" and request.method not in SAFE_METHODS:
        field = ""
        if not request.headers.get("x-csrf-token") and request.headers.get("content-type", "").startswith(FORM_TYPES):
            field = str((await request.form()).get("csrf") or "")
        if not check_csrf(request, caller, field):
            raise ForbiddenError("the form's security token is missing or stale; reload the page and try again")
    return caller


def viewer(request: Request) -> Caller:
    """Any signed-in user (reads)."""
    return _needs(request, "viewer")


async def member(request: Request) -> Caller:
    """Any signed-in user, for a write of their own (signing out); a browser write must carry the CSRF token."""
    return await _writer(request, "viewer")


async def analyst(request: Request) -> Caller:
    """An analyst or admin; a browser write must carry the CSRF token."""
    return await _writer(request, "analyst")


def uploader(request: Request) -> Caller:
    """An analyst or admin sending reports; the upload is read within its limits before the CSRF token in it is
    checked (see ``uploads.accept_upload``), so the form is never parsed here."""
    return _needs(request, "analyst")


async def admin(request: Request) -> Caller:
    """An admin; a browser write must carry the CSRF token."""
    return await _writer(request, "admin")

"""Who may do what: roles, passwords, API tokens and browser sessions.

Roles, lowest first: ``viewer`` reads, ``analyst`` also reviews and uploads,
``admin`` also manages users and tokens and reads the audit log. Passwords are
hashed with argon2id; API tokens and session keys are random and stored only
as their SHA-256, so a copied database gives no way in.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from .errors import AccessError, ForbiddenError, InvalidValueError, LockedOutError
from .settings import Settings
from .store import Store, now_iso
from .store.access import User

ROLES = ("viewer", "analyst", "admin")
TOKEN_PREFIX = "cw_"
MIN_PASSWORD = 8
SESSION_HOURS = 12
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")

_hasher = PasswordHasher()
_DUMMY = _hasher.hash("not a password anyone has")


def check_role(role: str) -> str:
    if role not in ROLES:
        raise InvalidValueError(f"no role {role!r}; choose one of {', '.join(ROLES)}")
    return role


def allows(user: User, needed: str) -> bool:
    return ROLES.index(user.role) >= ROLES.index(needed)


def require(user: User | None, needed: str) -> User:
    """The user, when signed in with at least the ``needed`` role; otherwise an access error."""
    if user is None:
        raise AccessError("sign in first: log in at /login, or send an API token as 'Authorization: Bearer TOKEN' "
                          "(`casewatch token create USER` makes one)")
    if not allows(user, needed):
        raise ForbiddenError(f"user {user.name!r} is a {user.role}; this needs the {needed} role "
                             f"(an admin can change it with `casewatch user role {user.name} {needed}`)")
    return user


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InvalidValueError(f"password too short: use at least {MIN_PASSWORD} characters")
    return _hasher.hash(password)


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def add_user(store: Store, name: str, role: str, password: str, actor: str) -> User:
    if not _NAME.match(name):
        raise InvalidValueError(f"user name {name!r} cannot be used: 1-64 letters, digits, '.', '_', '@' or '-', "
                                "starting with a letter or digit")
    check_role(role)
    if store.find_user(name) is not None:
        raise InvalidValueError(f"user {name!r} exists already; `casewatch user list` lists users")
    return store.add_user(name, role, hash_password(password), now_iso(), actor)


def authenticate(store: Store, name: str, password: str) -> User | None:
    """The active user with this name and password, or None (as slow for an unknown name as for a wrong password)."""
    stored = store.password_hash(name)
    try:
        _hasher.verify(stored or _DUMMY, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    user = store.find_user(name) if stored else None
    return user if user is not None and user.active else None


def _minutes_ago(minutes: int) -> str:
    return (dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=minutes)).isoformat()


def _lockout_message(scope: str, name: str, minutes: int) -> str:
    if scope == "account":
        return (f"too many failed logins for this account; try again in {minutes} minutes or ask an admin "
                f"(changing the account, e.g. `casewatch user password {name}`, lifts the lock)")
    return f"too many failed logins from this address; try again in {minutes} minutes or ask an admin"


def _check_lockouts(store: Store, name: str, address: str, settings: Settings) -> None:
    """Refuse at once while the account or the address is locked out."""
    account, origin = f"user/{name}", f"address/{address}"
    since = _minutes_ago(settings.login_lockout_minutes)
    locked = store.last_audit_at(("login.lockout",), target=account)
    lifted = store.last_audit_at(("user.change",), target=account)
    if locked and locked > since and not (lifted and lifted >= locked):
        raise LockedOutError(_lockout_message("account", name, settings.login_lockout_minutes))
    locked = store.last_audit_at(("login.lockout",), target=origin)
    if locked and locked > since:
        raise LockedOutError(_lockout_message("address", name, settings.login_lockout_minutes))


def _failed(store: Store, name: str, address: str, settings: Settings) -> None:
    """Record a failed sign-in; lock the account or the address (and audit it) when it was one too many."""
    at, actor, account = now_iso(), f"address:{address}", f"user/{name}"
    store.record(at, actor, "login.fail", account, None, {"address": address})
    window = _minutes_ago(settings.login_window_minutes)
    reset = store.last_audit_at(("login.lockout", "login", "user.change"), target=account) or ""
    failures = store.count_audit_after("login.fail", max(window, reset), target=account)
    if failures >= settings.login_failures_per_account:
        store.record(at, actor, "login.lockout", account, None, {
            "scope": "account", "failures": failures, "minutes": settings.login_lockout_minutes})
        raise LockedOutError(_lockout_message("account", name, settings.login_lockout_minutes))
    reset = store.last_audit_at(("login.lockout",), target=f"address/{address}") or ""
    failures = store.count_audit_after("login.fail", max(window, reset), actor=actor)
    if failures >= settings.login_failures_per_address:
        store.record(at, actor, "login.lockout", f"address/{address}", None, {
            "scope": "address", "failures": failures, "minutes": settings.login_lockout_minutes})
        raise LockedOutError(_lockout_message("address", name, settings.login_lockout_minutes))


def sign_in(store: Store, name: str, password: str, address: str, settings: Settings) -> User | None:
    """The user, when the password is right and neither the account nor the address is locked out.

    None for a wrong name or password (recorded); :class:`LockedOutError` while locked out, or when this
    failure was one too many (``settings.login_*``). Every attempt, lockout and sign-in is in the audit log.
    """
    _check_lockouts(store, name, address, settings)
    user = authenticate(store, name, password)
    if user is None:
        _failed(store, name, address, settings)
        return None
    store.record(now_iso(), user.name, "login", f"user/{user.name}", None, {"address": address})
    return user


def create_token(store: Store, user_name: str, label: str, actor: str) -> tuple[int, str]:
    """A new API token for a user: (its id, the secret, shown once and never stored)."""
    user = store.get_user(user_name)
    if not user.active:
        raise InvalidValueError(f"user {user_name!r} is disabled; `casewatch user enable {user_name}` first")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token_id = store.add_token(user, label or "api", secret_hash(secret), now_iso(), actor)
    return token_id, secret


def user_for_token(store: Store, secret: str) -> User | None:
    if not secret.startswith(TOKEN_PREFIX):
        return None
    return store.user_by_token(secret_hash(secret), now_iso())


def start_session(store: Store, user: User) -> tuple[str, str]:
    """A new browser session: (the cookie's key, the session's CSRF token)."""
    key, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    at = dt.datetime.now(dt.UTC).replace(microsecond=0)
    store.add_session(user, secret_hash(key), csrf, at.isoformat(),
                      (at + dt.timedelta(hours=SESSION_HOURS)).isoformat())
    return key, csrf


def session_user(store: Store, key: str) -> tuple[User, str] | None:
    return store.session_user(secret_hash(key), now_iso()) if key else None


def end_session(store: Store, key: str) -> None:
    if key:
        store.end_session(secret_hash(key))

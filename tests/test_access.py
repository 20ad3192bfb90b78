"""Users, passwords, tokens, sessions and roles."""
from __future__ import annotations

import pytest

from casewatch import access
from casewatch.errors import AccessError, ForbiddenError, InvalidValueError, LockedOutError
from casewatch.settings import Settings
from casewatch.store import now_iso, open_store


@pytest.fixture
def store(db):
    s = open_store(db)
    yield s
    s.close()


def test_passwords_are_hashed_and_checked(store):
    user = access.add_user(store, "rana", "analyst", "a long password", "test")
    assert user.role == "analyst" and user.active
    stored = store.password_hash("rana")
    assert stored.startswith("$argon2") and "a long password" not in stored
    assert access.authenticate(store, "rana", "a long password") == user
    assert access.authenticate(store, "rana", "A long password") is None
    assert access.authenticate(store, "nobody", "a long password") is None


@pytest.mark.parametrize(("name", "role", "password", "words"), [
    ("rana", "boss", "a long password", "no role"),
    ("ra na", "viewer", "a long password", "cannot be used"),
    ("<b>", "viewer", "a long password", "cannot be used"),
    ("rana", "viewer", "short", "at least 8"),
])
def test_bad_user_values_say_what_to_fix(store, name, role, password, words):
    with pytest.raises(InvalidValueError, match=words):
        access.add_user(store, name, role, password, "test")


def test_a_name_is_taken_once(store):
    access.add_user(store, "rana", "viewer", "a long password", "test")
    with pytest.raises(InvalidValueError, match="exists already"):
        access.add_user(store, "rana", "admin", "a long password", "test")


def test_tokens_are_shown_once_and_stored_as_hashes(store, db):
    access.add_user(store, "rana", "viewer", "a long password", "test")
    token_id, secret = access.create_token(store, "rana", "script", "test")
    assert secret.startswith("cw_") and len(secret) > 40
    assert secret.encode() not in db.read_bytes()
    assert access.user_for_token(store, secret).name == "rana"
    assert access.user_for_token(store, secret + "x") is None
    assert store.list_tokens("rana")[0].last_used_at is not None
    store.revoke_token(token_id, now_iso(), "test")
    assert access.user_for_token(store, secret) is None


def test_disabling_a_user_ends_sessions_and_tokens(store):
    user = access.add_user(store, "rana", "analyst", "a long password", "test")
    _, secret = access.create_token(store, "rana", "script", "test")
    key, csrf = access.start_session(store, user)
    assert access.session_user(store, key) == (user, csrf)
    store.update_user("rana", now_iso(), "test", disable=True)
    assert access.session_user(store, key) is None
    assert access.user_for_token(store, secret) is None
    assert access.authenticate(store, "rana", "a long password") is None
    with pytest.raises(InvalidValueError, match="disabled"):
        access.create_token(store, "rana", "again", "test")
    store.update_user("rana", now_iso(), "test", enable=True)
    assert access.user_for_token(store, secret) is None  # revoked for good: enabling revives no token
    assert store.list_tokens("rana")[0].revoked_at is not None
    assert access.authenticate(store, "rana", "a long password") == store.get_user("rana")
    _, fresh = access.create_token(store, "rana", "after", "test")
    assert access.user_for_token(store, fresh).name == "rana"


def test_roles_rank_viewer_analyst_admin(store):
    viewer = access.add_user(store, "v", "viewer", "a long password", "test")
    admin = access.add_user(store, "a", "admin", "a long password", "test")
    assert access.require(admin, "analyst") == admin
    with pytest.raises(ForbiddenError, match="analyst role"):
        access.require(viewer, "analyst")
    with pytest.raises(AccessError, match="sign in"):
        access.require(None, "viewer")


def test_every_access_change_is_audited_without_secrets(store):
    access.add_user(store, "rana", "viewer", "a long password", "cli:test")
    token_id, secret = access.create_token(store, "rana", "script", "cli:test")
    store.update_user("rana", now_iso(), "cli:test", role="analyst")
    store.update_user("rana", now_iso(), "cli:test", password_hash=access.hash_password("another password"))
    store.revoke_token(token_id, now_iso(), "cli:test")
    log = list(reversed(store.audit_log()))
    assert [e.action for e in log] == ["user.add", "token.create", "user.change", "user.change", "token.revoke"]
    assert log[2].before["role"] == "viewer" and log[2].after["role"] == "analyst"
    assert log[3].after["password"] == "changed"
    text = repr([e.to_json() for e in log])
    assert secret not in text and "argon2" not in text and "another password" not in text


LIMITS = Settings(login_failures_per_account=3, login_failures_per_address=5, login_window_minutes=15,
                  login_lockout_minutes=15)


def test_failed_sign_ins_lock_the_account_and_each_lockout_is_audited(store):
    access.add_user(store, "rana", "analyst", "a long password", "test")
    for _ in range(2):
        assert access.sign_in(store, "rana", "wrong password", "10.0.0.1", LIMITS) is None
    with pytest.raises(LockedOutError, match="too many failed logins for this account; try again in 15 minutes"):
        access.sign_in(store, "rana", "wrong password", "10.0.0.2", LIMITS)
    with pytest.raises(LockedOutError, match="this account"):  # the right password too, from anywhere
        access.sign_in(store, "rana", "a long password", "10.0.0.3", LIMITS)
    lockouts = store.audit_log(action="login.lockout")
    assert [(e.target, e.after["scope"], e.after["failures"]) for e in lockouts] == [("user/rana", "account", 3)]
    assert store.count_audit(action="login.fail") == 3
    store.update_user("rana", now_iso(), "cli:admin", password_hash=access.hash_password("a new password"))
    assert access.sign_in(store, "rana", "a new password", "10.0.0.3", LIMITS).name == "rana"
    assert store.audit_log(action="login")[0].after == {"address": "10.0.0.3"}


def test_failed_sign_ins_from_one_address_lock_that_address(store):
    for name in ("ana", "bo", "cy"):
        access.add_user(store, name, "viewer", "a long password", "test")
    for name in ("ana", "bo", "cy", "ana"):
        assert access.sign_in(store, name, "wrong password", "10.9.9.9", LIMITS) is None
    with pytest.raises(LockedOutError, match="from this address"):
        access.sign_in(store, "bo", "wrong password", "10.9.9.9", LIMITS)
    with pytest.raises(LockedOutError, match="from this address"):
        access.sign_in(store, "cy", "a long password", "10.9.9.9", LIMITS)
    assert access.sign_in(store, "cy", "a long password", "10.1.1.1", LIMITS).name == "cy"
    assert store.audit_log(action="login.lockout")[0].target == "address/10.9.9.9"


def test_a_right_password_clears_earlier_failures(store):
    access.add_user(store, "rana", "viewer", "a long password", "test")
    for _ in range(3):
        for _ in range(2):
            assert access.sign_in(store, "rana", "wrong password", "10.0.0.1", Settings(
                login_failures_per_account=3, login_failures_per_address=100)) is None
        assert access.sign_in(store, "rana", "a long password", "10.0.0.1", Settings(
            login_failures_per_account=3, login_failures_per_address=100)) is not None

"""Users, passwords, tokens, sessions and roles."""
from __future__ import annotations

import pytest

from casewatch import access
from casewatch.errors import AccessError, ForbiddenError, InvalidValueError
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
    assert access.user_for_token(store, secret).name == "rana"


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

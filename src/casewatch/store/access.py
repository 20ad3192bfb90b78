"""Store queries for people and their access: users, API tokens, browser sessions.

Secrets are never stored: passwords as argon2 hashes (made by ``casewatch.access``),
tokens and session keys as their SHA-256. Nothing here is rebuilt.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select, update

from ..errors import NotFoundError
from .decisions import write_audit
from .schema import audit, sessions, tokens, users


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str
    created_at: str
    disabled_at: str | None = None

    @property
    def active(self) -> bool:
        return self.disabled_at is None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "created_at": self.created_at,
                "disabled": self.disabled_at is not None}


@dataclass(frozen=True)
class Token:
    id: int
    user: str
    label: str
    created_at: str
    last_used_at: str | None
    revoked_at: str | None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "user": self.user, "label": self.label, "created_at": self.created_at,
                "last_used_at": self.last_used_at, "revoked": self.revoked_at is not None}


def _user(r: Any) -> User:
    return User(id=r.id, name=r.name, role=r.role, created_at=r.created_at, disabled_at=r.disabled_at)


class AccessQueries:
    """Mixed into :class:`casewatch.store.Store`."""

    engine: Engine

    # ------------------------------------------------------------------ users

    def count_users(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(users)).scalar() or 0)

    def list_users(self) -> list[User]:
        with self.engine.connect() as conn:
            return [_user(r) for r in conn.execute(select(users).order_by(users.c.name))]

    def find_user(self, name: str) -> User | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(users).where(users.c.name == name)).first()
        return _user(row) if row else None

    def get_user(self, name: str) -> User:
        user = self.find_user(name)
        if user is None:
            raise NotFoundError(f"no user {name!r}; `casewatch user list` lists them")
        return user

    def password_hash(self, name: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(users.c.password_hash).where(users.c.name == name)).scalar()

    def add_user(self, name: str, role: str, password_hash: str, at: str, actor: str) -> User:
        with self.engine.begin() as conn:
            conn.execute(insert(users).values(name=name, role=role, password_hash=password_hash, created_at=at))
            write_audit(conn, at, actor, "user.add", f"user/{name}", None, {"name": name, "role": role})
        return self.get_user(name)

    def update_user(self, name: str, at: str, actor: str, *, role: str | None = None,
                    password_hash: str | None = None, disable: bool = False, enable: bool = False) -> User:
        """Change a user's role, password or whether they may sign in; ends their sessions when they lose access.

        Disabling also revokes every token the user holds, for good: enabling the user again revives none.
        """
        values: dict[str, Any] = {}
        if role is not None:
            values["role"] = role
        if password_hash is not None:
            values["password_hash"] = password_hash
        if disable:
            values["disabled_at"] = at
        if enable:
            values["disabled_at"] = None
        before = self.get_user(name)
        with self.engine.begin() as conn:
            conn.execute(update(users).where(users.c.id == before.id).values(**values))
            if disable or password_hash is not None or (role is not None and role != before.role):
                conn.execute(delete(sessions).where(sessions.c.user_id == before.id))
            revoked = 0
            if disable:
                revoked = conn.execute(update(tokens).where(tokens.c.user_id == before.id,
                                                            tokens.c.revoked_at.is_(None))
                                       .values(revoked_at=at)).rowcount
            after = _user(conn.execute(select(users).where(users.c.id == before.id)).one())
            shown_after = after.to_json() | ({"password": "changed"} if password_hash is not None else {})
            if revoked:
                shown_after |= {"tokens_revoked": revoked}
            write_audit(conn, at, actor, "user.change", f"user/{name}", before.to_json(), shown_after)
        return after

    # ------------------------------------------------------------------ API tokens

    def add_token(self, user: User, label: str, token_hash: str, at: str, actor: str) -> int:
        with self.engine.begin() as conn:
            token_id = int(conn.execute(insert(tokens).values(
                user_id=user.id, label=label, token_hash=token_hash, created_at=at,
            )).inserted_primary_key[0])
            write_audit(conn, at, actor, "token.create", f"token/{token_id}", None,
                        {"id": token_id, "user": user.name, "label": label})
        return token_id

    def list_tokens(self, user: str | None = None, token_id: int | None = None) -> list[Token]:
        q = (select(tokens, users.c.name.label("user_name")).join(users, users.c.id == tokens.c.user_id)
             .order_by(tokens.c.id))
        if user is not None:
            q = q.where(users.c.name == user)
        if token_id is not None:
            q = q.where(tokens.c.id == token_id)
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
        return [Token(id=r.id, user=r.user_name, label=r.label, created_at=r.created_at,
                      last_used_at=r.last_used_at, revoked_at=r.revoked_at) for r in rows]

    def revoke_token(self, token_id: int, at: str, actor: str) -> Token:
        found = self.list_tokens(token_id=token_id)
        if not found:
            raise NotFoundError(f"no token {token_id}; `casewatch token list` lists them")
        with self.engine.begin() as conn:
            conn.execute(update(tokens).where(tokens.c.id == token_id, tokens.c.revoked_at.is_(None))
                         .values(revoked_at=at))
            write_audit(conn, at, actor, "token.revoke", f"token/{token_id}", found[0].to_json(),
                        found[0].to_json() | {"revoked": True})
        return self.list_tokens(token_id=token_id)[0]

    def user_by_token(self, token_hash: str, at: str) -> User | None:
        """The active user a live token belongs to (and the token's last use noted), or None."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(users, tokens.c.id.label("token_id"), tokens.c.last_used_at)
                .join(tokens, tokens.c.user_id == users.c.id)
                .where(tokens.c.token_hash == token_hash, tokens.c.revoked_at.is_(None),
                       users.c.disabled_at.is_(None))
            ).first()
        if row is None:
            return None
        if (row.last_used_at or "")[:16] != at[:16]:  # at most one write a minute per token
            with self.engine.begin() as conn:
                conn.execute(update(tokens).where(tokens.c.id == row.token_id).values(last_used_at=at))
        return _user(row)

    # ------------------------------------------------------------------ browser sessions

    def add_session(self, user: User, key_hash: str, csrf: str, at: str, expires_at: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(sessions).where(sessions.c.expires_at < at))
            conn.execute(insert(sessions).values(token_hash=key_hash, user_id=user.id, csrf=csrf, created_at=at,
                                                 expires_at=expires_at))

    def session_user(self, key_hash: str, at: str) -> tuple[User, str] | None:
        """The active user of a live session and the session's CSRF token, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(users, sessions.c.csrf).join(sessions, sessions.c.user_id == users.c.id)
                .where(sessions.c.token_hash == key_hash, sessions.c.expires_at > at, users.c.disabled_at.is_(None))
            ).first()
        return (_user(row), row.csrf) if row else None

    def end_session(self, key_hash: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(sessions).where(sessions.c.token_hash == key_hash))

    # ------------------------------------------------------------------ sign-in attempts (kept in the audit log)

    def last_audit_at(self, actions: tuple[str, ...], *, target: str | None = None,
                      actor: str | None = None) -> str | None:
        """When the latest audit entry with one of ``actions`` (for this target, by this actor) was written."""
        q = select(func.max(audit.c.at)).where(audit.c.action.in_(actions))
        if target is not None:
            q = q.where(audit.c.target == target)
        if actor is not None:
            q = q.where(audit.c.actor == actor)
        with self.engine.connect() as conn:
            return conn.execute(q).scalar()

    def count_audit_after(self, action: str, after: str, *, target: str | None = None,
                          actor: str | None = None) -> int:
        """How many audit entries with ``action`` (for this target, by this actor) were written after ``after``."""
        q = select(func.count()).select_from(audit).where(audit.c.action == action, audit.c.at > after)
        if target is not None:
            q = q.where(audit.c.target == target)
        if actor is not None:
            q = q.where(audit.c.actor == actor)
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar() or 0)

"""Making and ending follows for the CLI and the web: every value checked, the case resolved, the secret made.

A follow names what is followed (``kind``: case, person, status, place, query, and its ``value``), who follows
(an existing user), how alerts go out (``webhook:URL``, ``email:ADDRESS``, ``file:PATH``) and whether they come
at once or in a daily digest. A webhook follow gets a signing secret, returned once, never shown again.
"""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InvalidValueError, NotFoundError
from ..settings import Settings
from .channels import CHANNELS, EMAIL_PATTERN, FILE_NAME_PATTERN, WEBHOOK_PATTERN, mask
from .match import KINDS, status_set

DIGESTS = ("", "daily")


@dataclass(frozen=True)
class NewFollow:
    id: int
    secret: str | None  # a webhook's signing secret: shown to the user this once
    follow: dict[str, Any]  # as ``following`` shows it


def parse_notify(notify: str) -> tuple[str, str]:
    """``webhook:URL``, ``email:ADDRESS`` or ``file:PATH`` as (channel, target), checked."""
    channel, sep, target = notify.partition(":")
    channel, target = channel.strip().lower(), target.strip()
    if not sep or channel not in CHANNELS or not target:
        raise InvalidValueError(f"--notify {mask('webhook', notify) if channel == 'webhook' else notify!r}: give "
                                "webhook:URL, email:ADDRESS or file:PATH")
    return channel, target


def check_target(channel: str, target: str) -> str:
    if channel == "webhook" and not re.fullmatch(WEBHOOK_PATTERN, target):
        raise InvalidValueError(f"webhook {mask(channel, target)}: give an http:// or https:// address")
    if channel == "email" and not re.fullmatch(EMAIL_PATTERN, target):
        raise InvalidValueError(f"email {target!r}: give an address like desk@example.org")
    if channel == "file":
        return str(Path(target).expanduser().absolute())
    return target


LOCAL_NAMES = ("localhost", ".localhost", ".local", ".internal", ".lan", ".home.arpa")
"""Host names that stand for this machine or a private network."""


def is_local_address(url: str) -> bool:
    """Whether a webhook's host is this machine or a private network, as written (an IP address that is not
    global, or a local name); a public name that resolves to a private address is not told apart here."""
    import ipaddress
    from urllib.parse import urlsplit

    try:
        host = (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return True
    if not host or host == "localhost" or host.endswith(LOCAL_NAMES):
        return True
    try:
        return not ipaddress.ip_address(host).is_global
    except ValueError:
        return False


def web_webhook(settings: Settings, target: str) -> str:
    """A webhook given in the web UI or API: checked as any, and refused on this machine or a private network
    unless ``webhook_local_ok`` is set (a signed-in viewer must not make casewatch call inside the network)."""
    target = check_target("webhook", target)
    if not settings.webhook_local_ok and is_local_address(target):
        raise InvalidValueError(f"webhook {mask('webhook', target)}: points at this machine or a private network; "
                                "give a public address (an admin may allow local ones with webhook_local_ok)")
    return target


def web_file(settings: Settings, name: str) -> str:
    """The web UI's file channel takes a file name only, written in the alert files folder."""
    if not re.fullmatch(FILE_NAME_PATTERN, name) or name in (".", ".."):
        raise InvalidValueError(f"file {name!r}: give a file name only (letters, digits, . _ -)")
    folder = Path(settings.alert_files_dir) if settings.alert_files_dir else settings.db_path.parent / "alerts"
    return str((folder / name).absolute())


def check_value(store: Any, kind: str, value: str) -> str:
    """The value as kept: a case resolved to its id as ``casewatch case`` resolves it, statuses checked."""
    if kind not in KINDS:
        raise InvalidValueError(f"cannot follow {kind!r}; follow one of {', '.join(KINDS)}")
    value = " ".join(value.split())
    if not value:
        raise InvalidValueError(f"say which {kind} to follow")
    if kind == "case":
        from ..cli.cases import find_case

        return str(find_case(store, value)["id"])
    if kind == "status":
        return ",".join(status_set(value))
    return value[:500]


def create_follow(store: Any, user: str, kind: str, value: str, channel: str, target: str, digest: str = "",
                  actor: str | None = None) -> NewFollow:
    """Check everything, then store the follow (audited); the webhook's secret comes back here only."""
    if store.find_user(user) is None:
        raise NotFoundError(f"no user {user!r}; `casewatch user add {user} --role viewer` adds one")
    if digest not in DIGESTS:
        raise InvalidValueError(f"digest {digest!r}: give daily, or none for alerts at once")
    kept = check_value(store, kind, value)
    target = check_target(channel, target)
    secret = secrets.token_hex(32) if channel == "webhook" else None
    follow_id = store.add_follow(user, kind, kept, channel, target, digest, secret, actor=actor)
    return NewFollow(follow_id, secret, store.get_follow(follow_id).to_json())


def end_follow(store: Any, follow_id: int, *, user: Any = None, actor: str | None = None) -> dict[str, Any]:
    """Remove a follow; a web or API ``user`` may remove only their own (an admin any)."""
    from .. import access

    found = store.get_follow(follow_id)
    if user is not None and found.user != user.name and not access.allows(user, "admin"):
        raise NotFoundError(f"no follow {follow_id} of yours; the Following page lists them")
    if found.removed_at:
        return found.to_json()
    return store.remove_follow(follow_id, actor=actor).to_json()

"""Sending the alerts that are due: at once for most follows, once a day for a daily digest.

:func:`deliver_due` is called after every ingest, fetch or monitor pass (and by ``casewatch alerts send``). A
message that fails is tried again later, each wait twice the one before (``alert_backoff`` doubled, at most
``alert_backoff_max``, with jitter); an alert is never dropped. Each attempt is a ``deliveries`` row, and an
alert is marked delivered right after its channel accepts it.
"""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..settings import Settings
from . import channels, payload

Sender = Callable[[Any, list[payload.Item], Settings], channels.Outcome]
"""Sends one message (``follow``, its items, the settings) and says whether the channel accepted it."""


@dataclass
class DeliveryReport:
    """What one pass sent: messages sent and failed, alerts delivered, and one line per message."""
    sent: int = 0
    failed: int = 0
    delivered: int = 0
    waiting_digest: int = 0
    lines: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"sent": self.sent, "failed": self.failed, "delivered": self.delivered,
                "waiting_digest": self.waiting_digest, "lines": self.lines}


def _webhook(follow: Any, items: list[payload.Item], settings: Settings) -> channels.Outcome:
    data = payload.body(items[0]) if len(items) == 1 else payload.digest_body(items)
    key = ",".join(str(i.alert) for i in items)
    return channels.send_webhook(follow.target, follow.secret or "", payload.body_bytes(data), key, settings)


def _email(follow: Any, items: list[payload.Item], settings: Settings) -> channels.Outcome:
    subject, text = payload.email(items, settings.base_url)
    return channels.send_email(follow.target, subject, text, settings)


def _file(follow: Any, items: list[payload.Item], settings: Settings) -> channels.Outcome:
    return channels.send_file(Path(follow.target), [payload.file_line(i) for i in items], settings)


LATEST = "9999-12-31T23:59:59+00:00"
"""A time after every retry: all waiting alerts are due by it."""
SENDERS: dict[str, Sender] = {"webhook": _webhook, "email": _email, "file": _file}


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def digest_time(now: dt.datetime, hour: int) -> dt.datetime:
    """The latest daily digest time at or before ``now``: today at ``hour`` UTC, or yesterday's."""
    today = now.astimezone(dt.UTC).replace(hour=hour, minute=0, second=0, microsecond=0)
    return today if today <= now else today - dt.timedelta(days=1)


def backoff(attempts: int, settings: Settings, jitter: float) -> float:
    """Seconds before the next try after ``attempts`` failed ones (``jitter`` in [0, 1) spreads them)."""
    wait = min(settings.alert_backoff * 2 ** max(attempts - 1, 0), settings.alert_backoff_max)
    return min(wait * (0.75 + 0.5 * jitter), settings.alert_backoff_max)


def deliver_due(store: Any, settings: Settings, now: dt.datetime | None = None,
                senders: dict[str, Sender] | None = None,
                jitter: Callable[[], float] = random.random) -> DeliveryReport:
    """Send every alert due at ``now`` (default: the clock): one message per alert of a follow that wants
    alerts at once, one per daily-digest follow (all its waiting alerts) once its digest hour has passed."""
    now = now or dt.datetime.now(dt.UTC)
    at = _iso(now)
    use = {**SENDERS, **(senders or {})}
    report = DeliveryReport()
    due = store.due_alerts(at)
    if not due:
        return report
    digests = {a.follow.id for a in due if a.follow.digest == "daily"}
    if digests:  # a digest holds every waiting alert of its follow, also those whose own retry is later
        due = [a for a in due if a.follow.id not in digests]
        due += [a for a in store.due_alerts(LATEST) if a.follow.id in digests]
    found, cases = store.changes_and_cases([a.change_seq for a in due])
    groups: dict[tuple[int, int], list[Any]] = {}
    for alert in due:
        follow = alert.follow
        if follow.digest == "daily":
            since = _iso(digest_time(now, settings.digest_hour))
            if follow.last_digest_at and follow.last_digest_at >= since:
                report.waiting_digest += 1
                continue
            groups.setdefault((follow.id, 0), []).append(alert)
        else:
            groups.setdefault((follow.id, alert.id), []).append(alert)
    for (_, single), group in groups.items():
        follow = group[0].follow
        items = [payload.Item(a.id, found[a.change_seq], payload.case_of(found[a.change_seq],
                                                                          cases.get(found[a.change_seq]["case"]),
                                                                          settings.base_url), follow.brief())
                 for a in group if a.change_seq in found]
        if not items:
            continue
        try:
            outcome = use[follow.channel](follow, items, settings)
        except Exception as e:
            outcome = channels.Outcome(False, f"{follow.channel}: {type(e).__name__}")
        ids = [i.alert for i in items]
        if outcome.ok:
            store.record_attempt(ids, at, True, outcome.detail, digest_follow=None if single else follow.id)
            report.sent += 1
            report.delivered += len(ids)
        else:
            attempts = max(a.attempts for a in group) + 1
            retry = _iso(now + dt.timedelta(seconds=backoff(attempts, settings, jitter())))
            store.record_attempt(ids, at, False, outcome.detail, next_attempt_at=retry)
            report.failed += 1
        report.lines.append(f"{'sent' if outcome.ok else 'failed'}: alert(s) {', '.join(map(str, ids))} — "
                            f"{outcome.detail}")
    return report

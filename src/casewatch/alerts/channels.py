"""The three ways an alert leaves casewatch: a signed webhook POST, an email through SMTP, a line in a JSONL file.

Each sender answers an :class:`Outcome` and never raises for a channel that is down: the alert then waits and is
tried again. Webhook URLs are shown masked (``https://host/…``) and the SMTP password never appears in what a
sender answers.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import urlsplit

from ..settings import Settings

CHANNELS = ("webhook", "email", "file")
SIGNATURE_HEADER = "X-Casewatch-Signature"
ALERT_HEADER = "X-Casewatch-Alert"
WEBHOOK_PATTERN = r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%!$&'()*+,;=:@/?#-]*)?$"
"""A webhook URL casewatch accepts (the API declares the same pattern)."""
EMAIL_PATTERN = r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
FILE_NAME_PATTERN = r"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$"
"""A file name the web UI's file channel takes (written in the alert files folder)."""


@dataclass(frozen=True)
class Outcome:
    ok: bool
    detail: str


def mask(channel: str, target: str) -> str:
    """A target as it may be shown: a webhook URL as scheme://host/… (its path and query can hold a key)."""
    if channel != "webhook":
        return target
    parts = urlsplit(target)
    return f"{parts.scheme}://{parts.hostname or ''}/…"


def sign(secret: str, body: bytes) -> str:
    """The signature header's value: ``sha256=`` and the HMAC-SHA256 of the exact body bytes."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def _scrub(text: str, *secrets: str) -> str:
    for s in secrets:
        if s:
            text = text.replace(s, "…")
    return text[:500]


def send_webhook(url: str, secret: str, body: bytes, alert_key: str, settings: Settings) -> Outcome:
    """POST the body, signed; 2xx is delivered, anything else (or no answer) failed."""
    import httpx

    headers = {"Content-Type": "application/json", SIGNATURE_HEADER: sign(secret, body), ALERT_HEADER: alert_key,
               "User-Agent": f"casewatch-alerts{' (' + settings.contact + ')' if settings.contact else ''}"}
    timeout = httpx.Timeout(settings.fetch_read_timeout, connect=settings.fetch_connect_timeout)
    shown = mask("webhook", url)
    try:
        with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
            answer = client.post(url, content=body, headers=headers)
    except httpx.HTTPError as e:
        return Outcome(False, f"webhook {shown}: no answer ({_scrub(type(e).__name__ + ': ' + str(e), url)})")
    if 200 <= answer.status_code < 300:
        return Outcome(True, f"webhook {shown}: {answer.status_code}")
    return Outcome(False, f"webhook {shown}: answered {answer.status_code}")


def send_email(to: str, subject: str, text: str, settings: Settings) -> Outcome:
    """Send plain text through the SMTP server the settings name (STARTTLS and login when set)."""
    if not settings.smtp_host:
        return Outcome(False, "email: no SMTP server set (smtp_host in the settings file)")
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = settings.smtp_from, to, subject
    message.set_content(text)
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout) as smtp:
            if settings.smtp_starttls:
                smtp.starttls()
            if settings.smtp_user:
                smtp.login(settings.smtp_user, settings.smtp_password)
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as e:
        reason = _scrub(f"{type(e).__name__}: {e}", settings.smtp_password)
        return Outcome(False, f"email to {to} via {settings.smtp_host}:{settings.smtp_port}: {reason}")
    return Outcome(True, f"email to {to}: accepted by {settings.smtp_host}")


def written_alerts(path: Path) -> set[int]:
    """The alert ids a JSONL alert file already holds."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return set()
    found = set()
    for line in data.splitlines():
        try:
            alert = json.loads(line).get("alert")
        except (ValueError, AttributeError):
            continue
        if isinstance(alert, int):
            found.add(alert)
    return found


def send_file(path: Path, lines: list[dict], settings: Settings | None = None) -> Outcome:
    """Append one JSON line per alert not in the file yet, then flush and fsync (written once, even after a
    crash between writing and marking the alert delivered)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        have = written_alerts(path)
        new = [line for line in lines if line.get("alert") not in have]
        with path.open("ab") as f:
            for line in new:
                f.write(json.dumps(line, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n")
            f.flush()
            os.fsync(f.fileno())
    except OSError as e:
        return Outcome(False, f"file {path}: {e.strerror or e}")
    return Outcome(True, f"file {path}: {len(new)} line(s) written, {len(lines) - len(new)} already there")

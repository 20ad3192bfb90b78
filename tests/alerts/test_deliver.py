"""Delivering alerts through a real local SMTP server, a local webhook receiver and a JSONL file: signed, retried
with backoff while a channel is down, sent once, digests once a day."""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import socket
import threading
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from alerts.support import QUOTE, add_change, new_store
from casewatch.alerts.channels import Outcome
from casewatch.alerts.deliver import deliver_due
from casewatch.alerts.follow import create_follow
from casewatch.settings import Settings

T0 = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)


@pytest.fixture()
def store(tmp_path):
    s = new_store(tmp_path / "d.db")
    yield s
    s.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Receiver:
    """A webhook receiver on 127.0.0.1 answering ``status`` and keeping each request's headers and body."""

    def __init__(self, port: int, status: int = 204):
        self.status, self.got = status, []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                owner.got.append((dict(self.headers), body))
                self.send_response(owner.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def smtp():
    from aiosmtpd.controller import Controller

    class Keep:
        def __init__(self):
            self.messages = []

        async def handle_DATA(self, server, session, envelope):
            self.messages.append((envelope.rcpt_tos, envelope.content))
            return "250 OK"

    handler = Keep()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield controller, handler
    controller.stop()


def test_an_email_holds_the_change_the_quotes_and_the_links(store, smtp):
    controller, handler = smtp
    settings = Settings(smtp_host="127.0.0.1", smtp_port=controller.port, base_url="https://cw.example.org")
    create_follow(store, "ana", "status", "sentenced_to_death", "email", "ana@example.org")
    store.queue_alerts([add_change(store)])
    report = deliver_due(store, settings, now=T0)
    assert report.sent == 1 and report.delivered == 1
    [(to, raw)] = handler.messages
    mail = message_from_bytes(raw, policy=policy.default)
    text = mail.get_content()
    assert to == ["ana@example.org"]
    assert mail["Subject"].startswith("casewatch: Dara Lindqvist — Status: on trial → sentenced to death")
    assert QUOTE["quote"] in text and "Court hands down sentence, Harbor Herald" in text
    assert "https://cw.example.org/cases/case-lind01" in text
    assert "https://cw.example.org/documents/doc-lind-1?q=10-58" in text
    assert store.alerts_list()[1][0]["state"] == "delivered"
    assert deliver_due(store, settings, now=T0 + dt.timedelta(hours=1)).sent == 0  # never sent twice
    assert len(handler.messages) == 1


def test_a_daily_digest_sends_one_email_after_the_digest_hour(store, smtp):
    controller, handler = smtp
    settings = Settings(smtp_host="127.0.0.1", smtp_port=controller.port, digest_hour=7)
    create_follow(store, "ana", "case", "case-lind01", "email", "ana@example.org", digest="daily")
    store.queue_alerts([add_change(store), add_change(store, kind="fact", from_value=None, to_value="Norvale",
                                                      detail={"field": "facility", "value": "Norvale Prison",
                                                              "quotes": [QUOTE]})])
    early = dt.datetime(2026, 3, 3, 6, 0, tzinfo=dt.UTC)
    first = deliver_due(store, settings, now=early)  # yesterday's digest time has passed: the first digest goes
    assert first.sent == 1 and first.delivered == 2 and len(handler.messages) == 1
    store.queue_alerts([add_change(store, to_value="executed", from_value="sentenced_to_death")])
    assert deliver_due(store, settings, now=early + dt.timedelta(minutes=30)).sent == 0  # one digest a day
    assert len(handler.messages) == 1
    later = dt.datetime(2026, 3, 3, 7, 5, tzinfo=dt.UTC)
    assert deliver_due(store, settings, now=later).sent == 1
    mail = message_from_bytes(handler.messages[1][1], policy=policy.default)
    assert "executed" in mail.get_content()


def test_two_alerts_in_one_digest_make_one_message(store, smtp):
    controller, handler = smtp
    settings = Settings(smtp_host="127.0.0.1", smtp_port=controller.port)
    create_follow(store, "ana", "person", "Dara Lindqvist", "email", "ana@example.org", digest="daily")
    store.queue_alerts([add_change(store), add_change(store, to_value="executed")])
    assert deliver_due(store, settings, now=T0).sent == 1
    mail = message_from_bytes(handler.messages[0][1], policy=policy.default)
    assert mail["Subject"].startswith("casewatch: 2 changes") and mail.get_content().count("case-lind01") >= 2


def test_a_webhook_is_signed_and_waits_while_the_receiver_is_down(store):
    port = _free_port()
    made = create_follow(store, "ana", "status", "sentenced_to_death", "webhook", f"http://127.0.0.1:{port}/hook")
    store.queue_alerts([add_change(store)])
    settings = Settings(alert_backoff=30, alert_backoff_max=600, fetch_connect_timeout=2, fetch_read_timeout=5)
    down = deliver_due(store, settings, now=T0, jitter=lambda: 0.0)  # nothing listens: connection refused
    assert down.failed == 1 and down.sent == 0
    [alert] = store.alerts_list()[1]
    assert alert["state"] == "failing" and alert["attempts"] == 1
    assert "no answer" in store.deliveries_of(alert["id"])[0]["detail"]
    receiver = Receiver(port)
    try:
        assert deliver_due(store, settings, now=T0 + dt.timedelta(seconds=10)).sent == 0  # not due yet
        assert receiver.got == []
        up = deliver_due(store, settings, now=T0 + dt.timedelta(seconds=30))
        assert up.sent == 1
        assert deliver_due(store, settings, now=T0 + dt.timedelta(hours=2)).sent == 0
    finally:
        receiver.close()
    [(headers, body)] = receiver.got
    expected = "sha256=" + hmac.new(made.secret.encode(), body, hashlib.sha256).hexdigest()
    assert headers["X-Casewatch-Signature"] == expected
    assert headers["X-Casewatch-Alert"] == str(alert["id"])
    sent = json.loads(body)
    assert sent["alert"] == alert["id"] and sent["change"]["to"] == "sentenced_to_death"
    assert sent["case"] == {"id": "case-lind01", "name": "Dara Lindqvist", "status": "sentenced_to_death",
                            "url": "http://127.0.0.1:8000/cases/case-lind01"}
    assert sent["follow"] == {"id": made.id, "kind": "status", "value": "sentenced_to_death"}
    final = store.alerts_list()[1][0]
    assert final["state"] == "delivered" and final["attempts"] == 2
    assert [d["ok"] for d in store.deliveries_of(alert["id"])] == [False, True]


def test_a_webhook_answering_500_is_retried_with_growing_waits(store):
    receiver = Receiver(_free_port(), status=500)
    try:
        create_follow(store, "ana", "case", "case-lind01", "webhook", f"http://127.0.0.1:{receiver.server.server_port}/h")
        store.queue_alerts([add_change(store)])
        settings = Settings(alert_backoff=30, alert_backoff_max=100)
        now = T0
        waits = []
        for _ in range(4):
            assert deliver_due(store, settings, now=now, jitter=lambda: 0.5).failed == 1
            nxt = dt.datetime.fromisoformat(store.alerts_list()[1][0]["next_attempt_at"])
            waits.append((nxt - now).total_seconds())
            now = nxt
        assert waits == [30, 60, 100, 100]  # doubled, capped
        receiver.status = 200
        assert deliver_due(store, settings, now=now).sent == 1
        assert len(receiver.got) == 5
        assert "answered 500" in store.deliveries_of(1)[0]["detail"]
    finally:
        receiver.close()


def test_a_file_channel_writes_one_line_per_alert_and_never_twice(store, tmp_path):
    path = tmp_path / "out" / "alerts.jsonl"
    create_follow(store, "ana", "place", "Norvale Prison", "file", str(path))
    store.queue_alerts([add_change(store), add_change(store, to_value="executed")])
    assert deliver_due(store, Settings(), now=T0).sent == 2
    assert deliver_due(store, Settings(), now=T0 + dt.timedelta(days=1)).sent == 0
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [line["alert"] for line in lines] == [1, 2]
    assert lines[0]["case"] == "case-lind01" and lines[0]["kind"] == "status" and lines[0]["detail"]["quotes"]


def test_a_crash_between_writing_the_line_and_marking_it_delivered_writes_once(store, tmp_path):
    path = tmp_path / "alerts.jsonl"
    create_follow(store, "ana", "case", "case-lind01", "file", str(path))
    store.queue_alerts([add_change(store)])

    def crash(*args, **kwargs):
        raise SystemExit("power cut")

    real = store.record_attempt
    store.record_attempt = crash
    with pytest.raises(SystemExit):
        deliver_due(store, Settings(), now=T0)  # the line is written, the alert not marked
    store.record_attempt = real
    assert store.alerts_list()[1][0]["state"] == "pending"
    assert deliver_due(store, Settings(), now=T0).sent == 1
    assert len(path.read_text().splitlines()) == 1


def test_a_sender_that_breaks_leaves_the_alert_waiting(store):
    create_follow(store, "ana", "case", "case-lind01", "email", "ana@example.org")
    store.queue_alerts([add_change(store)])

    def broken(follow, items, settings):
        raise RuntimeError("boom")

    report = deliver_due(store, Settings(), now=T0, senders={"email": broken})
    assert report.failed == 1 and store.alerts_list()[1][0]["state"] == "failing"
    ok = deliver_due(store, Settings(), now=T0 + dt.timedelta(days=1),
                     senders={"email": lambda f, i, s: Outcome(True, "accepted")})
    assert ok.delivered == 1


def test_smtp_failures_never_show_the_password(store):
    port = _free_port()  # nothing listens
    settings = Settings(smtp_host="127.0.0.1", smtp_port=port, smtp_user="desk", smtp_password="s3cr3t-pw")
    create_follow(store, "ana", "case", "case-lind01", "email", "ana@example.org")
    store.queue_alerts([add_change(store)])
    report = deliver_due(store, settings, now=T0)
    assert report.failed == 1
    shown = repr(report.to_json()) + repr(store.alerts_list()) + repr([e.to_json() for e in store.audit_log()])
    assert "s3cr3t-pw" not in shown


def test_email_logs_in_when_a_user_is_set(store):
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    seen, got = [], []

    def check(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.password == b"s3cr3t-pw"
        seen.append((auth_data.login, ok))
        return AuthResult(success=ok)

    class Keep:
        async def handle_DATA(self, server, session, envelope):
            got.append(envelope.content)
            return "250 OK"

    controller = Controller(Keep(), hostname="127.0.0.1", port=_free_port(), authenticator=check,
                            auth_require_tls=False)
    controller.start()
    try:
        settings = Settings(smtp_host="127.0.0.1", smtp_port=controller.port, smtp_user="desk",
                            smtp_password="s3cr3t-pw")
        create_follow(store, "ana", "case", "case-lind01", "email", "ana@example.org")
        store.queue_alerts([add_change(store)])
        assert deliver_due(store, settings, now=T0).sent == 1
    finally:
        controller.stop()
    assert seen == [(b"desk", True)] and len(got) == 1
    assert "s3cr3t-pw" not in repr(settings)


def test_a_digest_holds_alerts_waiting_for_a_retry_too(store):
    sent = []

    def refuse(follow, items, settings):
        sent.append([i.alert for i in items])
        return Outcome(len(sent) > 1, "answer")

    create_follow(store, "ana", "case", "case-lind01", "email", "ana@example.org", digest="daily")
    store.queue_alerts([add_change(store)])
    settings = Settings(alert_backoff=3600, alert_backoff_max=7200)
    assert deliver_due(store, settings, now=T0, senders={"email": refuse}).failed == 1
    store.queue_alerts([add_change(store, to_value="executed")])  # new, due at once; the first waits an hour
    assert deliver_due(store, settings, now=T0 + dt.timedelta(minutes=1), senders={"email": refuse}).sent == 1
    assert sent == [[1], [1, 2]]

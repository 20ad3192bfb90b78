"""The monitor: one per database, a clean stop on SIGTERM, and nothing lost or doubled when killed mid-pass."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from casewatch.store import open_store
from casewatch.watch.monitor import MonitorRunningError, monitor_lock, seconds_until
from tests_support import Cli
from watch.http_site import Reply, Site

pytestmark = pytest.mark.slow

STORY = """<html><head><title>{name} detained</title></head><body><article>
<p>Relatives said that {name}, a bookseller, was detained by police in Brevik on 3 May 2026.</p>
<p>The family has not been told where {name} is being held, the relatives said.</p></article></body></html>"""
NAMES = ["Ilse Marrant", "Oren Vasquel", "Tove Lindqvar", "Piet Amsberg"]


def feed(site: Site, count: int) -> bytes:
    items = "".join(f"<item><title>{NAMES[k]}</title><link>{site.url(f'/news/{k}.html')}</link>"
                    f"<guid isPermaLink=\"false\">urn:brevik:{k}</guid></item>" for k in range(count))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Brevik</title>{items}</channel></rss>'.encode()


def start(db, config, log):
    return subprocess.Popen([sys.executable, "-m", "casewatch", "--db", str(db), "--config", str(config), "monitor",
                             "--workers", "1"], stdout=log, stderr=subprocess.STDOUT,
                            env={**os.environ, "COLUMNS": "200"})


def wait_for(check, seconds=120.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.1)
    return False


def test_the_lock_names_the_monitor_that_holds_it(tmp_path):
    db = tmp_path / "casewatch.db"
    with monitor_lock(db), pytest.raises(MonitorRunningError, match=f"pid {os.getpid()}"), monitor_lock(db):
        pass
    with monitor_lock(db):  # released, so taken again
        pass


def test_the_wait_is_until_the_next_source_is_due_at_most_a_tick():
    now = "2026-05-01T09:00:00+00:00"
    assert seconds_until(None, now, 1.0) == 1.0
    assert seconds_until("2026-05-01T09:00:00+00:00", now, 1.0) == 0.0
    assert seconds_until("2026-05-01T09:00:30+00:00", now, 5.0) == 5.0
    assert seconds_until("2026-05-01T08:00:00+00:00", now, 5.0) == 0.0


@pytest.fixture
def watched(tmp_path):
    site = Site()
    db = tmp_path / "casewatch.db"
    config = tmp_path / "casewatch.toml"
    config.write_text('contact = "tests@example.org"\nfetch_host_delay = 0.0\nmonitor_tick = 0.2\n', encoding="utf-8")
    for k, name in enumerate(NAMES):
        site.put(f"/news/{k}.html", STORY.format(name=name).encode())
    cli = Cli(db)
    yield site, db, config, cli
    site.close()


def test_a_second_monitor_is_refused_and_sigterm_stops_the_first_cleanly(watched, tmp_path):
    site, db, config, cli = watched
    site.put("/feed.xml", feed(site, 2), "application/rss+xml")
    assert cli("sources", "add", site.url("/feed.xml"), "--every", "1s").returncode == 0
    with (tmp_path / "monitor.log").open("w") as log:
        first = start(db, config, log)
        try:
            assert wait_for(lambda: "pass:" in (tmp_path / "monitor.log").read_text()), \
                (tmp_path / "monitor.log").read_text()
            second = cli("--config", str(config), "monitor")
            assert second.returncode == 2
            assert "a monitor is already running on this database" in second.stderr
            assert len(second.stderr.strip().splitlines()) == 1
            site.put("/feed.xml", feed(site, 3), "application/rss+xml")
            store = open_store(db)
            try:
                assert wait_for(lambda: store.count_documents() == 3)
            finally:
                store.close()
            first.send_signal(signal.SIGTERM)
            assert first.wait(60) == 0
        finally:
            if first.poll() is None:
                first.kill()
    text = (tmp_path / "monitor.log").read_text()
    assert "monitor stopped (SIGTERM)" in text and "Traceback" not in text
    assert cli("--config", str(config), "fetch", "--format", "json").returncode == 0  # the lock is free


def test_a_monitor_killed_mid_pass_loses_nothing_and_stores_nothing_twice(watched, tmp_path):
    site, db, config, cli = watched
    site.put("/feed.xml", feed(site, 4), "application/rss+xml")
    arrived = []

    def slow(seen):  # the third entry's page answers late: the monitor is killed while it waits
        arrived.append(time.monotonic())
        time.sleep(30)
        return Reply(200, STORY.format(name=NAMES[2]).encode())

    site.route("/news/2.html", slow)
    assert cli("sources", "add", site.url("/feed.xml"), "--every", "1s").returncode == 0
    alerts = tmp_path / "alerts.jsonl"
    assert cli("user", "add", "ana", "--role", "viewer", "--password", "correct horse battery").returncode == 0
    assert cli("follow", "--status", "detained", "--user", "ana", "--notify", f"file:{alerts}").returncode == 0
    with (tmp_path / "monitor.log").open("w") as log:
        first = start(db, config, log)
        try:
            assert wait_for(lambda: bool(arrived))
            first.send_signal(signal.SIGKILL)
            first.wait(30)
        finally:
            if first.poll() is None:
                first.kill()
    site.put("/news/2.html", STORY.format(name=NAMES[2]).encode())
    with (tmp_path / "monitor2.log").open("w") as log:
        again = start(db, config, log)  # the lock died with the killed process
        try:
            store = open_store(db)
            try:
                assert wait_for(lambda: store.count_documents() == 4), (tmp_path / "monitor2.log").read_text()
            finally:
                store.close()
            again.send_signal(signal.SIGTERM)
            assert again.wait(60) == 0
        finally:
            if again.poll() is None:
                again.kill()
    docs = cli.json("documents")
    assert sorted(d["title"] for d in docs) == sorted(f"{n} detained" for n in NAMES)
    store = open_store(db)
    try:
        entries = [e for d in docs for e in store.entries_of_document(d["id"])]
    finally:
        store.close()
    assert sorted(e.guid for e in entries) == [f"urn:brevik:{k}" for k in range(4)]  # each once
    new_cases = [c for c in cli.json("changes") if c["kind"] == "new_case"]
    assert sorted(c["case_name"] for c in new_cases) == sorted(NAMES)
    written = [json.loads(line) for line in alerts.read_text(encoding="utf-8").splitlines()]
    assert sorted(w["case_name"] for w in written) == sorted(NAMES)  # one alert each, none twice
    assert {a["state"] for a in cli.json("alerts")} == {"delivered"}
    status = json.loads(cli("status", "--format", "json").stdout)
    assert status["documents"] == 4 and status["pending"] == {"documents": 0, "cases": 0}, status

"""Benchmark of watching sources: fetch + ingest from a local web server, and the time from a feed entry to its alert.

1. A local server (127.0.0.1) publishes generated reports (bench/corpus.py, every one an HTML page) through
   FEEDS RSS feeds of ENTRIES entries each. `casewatch fetch` over the FEEDS sources, fresh database, is timed
   beside `casewatch ingest` of the same pages saved as files (entries/s and the ratio). Every source is on
   the one local host, so the polite delay between two requests to one host is set to 0 for this run (on the
   real network each outlet is its own host).
2. A `casewatch monitor` (one source fetched every INTERVAL seconds) runs while entries are added to its
   feed one at a time; a follow writes its alerts to a file. For each entry: the seconds from its being added
   to the feed to its alert line being in the file (median and p95).

    python bench/feeds.py [--feeds 50] [--entries 20] [--latency 20] [--interval 2] [--workers 0]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200"}


class Site:
    """A local web site whose pages can be changed while it runs."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[bytes, str]] = {}
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with site.lock:
                    found = site.pages.get(self.path)
                if found is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body, kind = found
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def put(self, path: str, body: bytes, kind: str) -> None:
        with self.lock:
            self.pages[path] = (body, kind)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def rss(site: Site, title: str, items: list[tuple[str, str]]) -> bytes:
    """An RSS 2.0 feed of (page path, title) items, newest first."""
    stamp = format_datetime(datetime(2026, 3, 1, tzinfo=UTC))
    entries = "".join(f"<item><title>{escape(t)}</title><link>{escape(site.url(p))}</link>"
                      f"<guid isPermaLink=\"false\">bench{escape(p)}</guid><pubDate>{stamp}</pubDate></item>"
                      for p, t in reversed(items))
    return (f"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{escape(title)}</title>"
            f"<link>{escape(site.url('/'))}</link><description>bench</description>{entries}</channel></rss>"
            ).encode()


def cli(db: Path, *args: str, config: Path | None = None, check: bool = True) -> tuple[float, str]:
    cmd = [sys.executable, "-m", "casewatch", "--db", str(db), *(["--config", str(config)] if config else []), *args]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=ENV)
    wall = time.perf_counter() - start
    if check and done.returncode != 0:
        raise SystemExit(f"bench: {' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return wall, done.stdout


def throughput(work: Path, feeds: int, per_feed: int, workers: int) -> list[str]:
    work.mkdir(parents=True, exist_ok=True)
    pages = work / "pages"
    n = feeds * per_feed
    generate(pages, n, seed=11, pages=True)
    files = sorted(pages.glob("*.html"))[:n]
    site = Site()
    try:
        for i in range(feeds):
            items = []
            for j, f in enumerate(files[i * per_feed:(i + 1) * per_feed]):
                path = f"/news/{i}/{j}.html"
                site.put(path, f.read_bytes(), "text/html; charset=utf-8")
                items.append((path, f.stem))
            site.put(f"/feeds/{i}.xml", rss(site, f"Bench feed {i}", items), "application/rss+xml")
        config = work / "bench.toml"
        config.write_text('contact = "bench@localhost"\nfetch_host_delay = 0.0\n', encoding="utf-8")
        as_files = work / "files.db"
        t_files, _ = cli(as_files, "ingest", str(pages), "--workers", str(workers), "--progress", "none")
        fetched = work / "fetched.db"
        for i in range(feeds):
            cli(fetched, "sources", "add", site.url(f"/feeds/{i}.xml"), "--kind", "feed", config=config)
        t_fetch, shown = cli(fetched, "fetch", "--format", "json", config=config)
        report = json.loads(shown)
    finally:
        site.close()
    got = sum(s["new"] for s in report["sources"])
    return [
        f"fetch + ingest: {feeds} feeds x {per_feed} entries from a local server, fresh store, "
        f"{workers or os.cpu_count()} processes",
        f"  {'casewatch ingest of the same pages as files':<52}{t_files:>8.1f} s "
        f"{len(files) / t_files:>8.1f} reports/s",
        f"  {'casewatch fetch (feeds, pages, ingest, changes)':<52}{t_fetch:>8.1f} s {got / t_fetch:>8.1f} entries/s",
        f"  ratio fetch / files throughput = {(got / t_fetch) / (len(files) / t_files):.3f}; "
        f"{got} of {n} entries new",
    ]


PERSON_PAGE = """<html><head><title>{name} detained | Bench Courier</title>
<meta property="article:published_time" content="2026-03-{day:02d}T08:00:00Z"></head><body><article>
<h1>{name} detained in Ostara</h1>
<p>The rights group Ostara Prison Watch said that the teacher {name} was arrested by security forces in Ostara on
2 March 2026 and is being held in Ostara Central Prison.</p>
<p>The group said that {name} had not been allowed to see a lawyer since the arrest.</p>
</article></body></html>"""
FIRST = ["Arvid", "Belen", "Corin", "Dalia", "Emrik", "Farah", "Goran", "Hale", "Ines", "Jarek", "Kalle", "Liora",
         "Milo", "Nadja", "Oskar", "Perrin", "Quilla", "Rasmus", "Selma", "Tobin", "Ulla", "Viggo", "Wren", "Yara"]
LAST = ["Tamsberg", "Quellan", "Orvath", "Pellinor", "Saskard", "Vintero", "Hollmar", "Drevak", "Ashkell",
        "Brunvik", "Castellor", "Dunmere", "Elvander", "Farrowick", "Gildane", "Harnsby", "Iversand", "Jorvale",
        "Kestrin", "Lindqvale", "Morwick", "Norrland", "Ostervik", "Pardale"]


def latency(work: Path, count: int, interval: float, workers: int) -> list[str]:
    work.mkdir(parents=True, exist_ok=True)
    site = Site()
    db = work / "latency.db"
    alerts = work / "alerts.jsonl"
    config = work / "latency.toml"
    config.write_text(f'contact = "bench@localhost"\nfetch_host_delay = 0.0\nmonitor_tick = {interval / 4}\n',
                      encoding="utf-8")
    items: list[tuple[str, str]] = []
    site.put("/feed.xml", rss(site, "Bench latency feed", items), "application/rss+xml")
    cli(db, "user", "add", "bench", "--role", "viewer", "--password", "bench password long enough")
    cli(db, "sources", "add", site.url("/feed.xml"), "--kind", "feed", "--every", f"{interval:g}s", config=config)
    cli(db, "follow", "--status", "arrested,detained", "--user", "bench", "--notify", f"file:{alerts}",
        config=config)
    log = (work / "monitor.log").open("w")
    monitor = subprocess.Popen([sys.executable, "-m", "casewatch", "--db", str(db), "--config", str(config), "monitor",
                                "--workers", str(workers)], stdout=log, stderr=subprocess.STDOUT, env=ENV)
    waits: list[float] = []
    try:
        time.sleep(interval * 2)
        for k in range(count):
            name = f"{FIRST[k % len(FIRST)]} {LAST[(k * 7) % len(LAST)]}"
            path = f"/news/{k}.html"
            site.put(path, PERSON_PAGE.format(name=name, day=3 + k % 20).encode(), "text/html; charset=utf-8")
            items.append((path, f"{name} detained"))
            added = time.perf_counter()
            site.put("/feed.xml", rss(site, "Bench latency feed", items), "application/rss+xml")
            while time.perf_counter() - added < 120:
                text = alerts.read_text(encoding="utf-8") if alerts.exists() else ""
                if any(json.loads(line).get("case_name") == name for line in text.splitlines() if line.strip()):
                    waits.append(time.perf_counter() - added)
                    break
                time.sleep(0.05)
    finally:
        monitor.terminate()
        monitor.wait(60)
        log.close()
        site.close()
    if not waits:
        return [f"entry to alert: no alert came (see {work / 'monitor.log'})"]
    waits.sort()
    p95 = waits[min(len(waits) - 1, round(0.95 * (len(waits) - 1)))]
    return [f"entry to alert, monitor every {interval:g} s: median {statistics.median(waits):.2f} s, "
            f"p95 {p95:.2f} s over {len(waits)} of {count} entries"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--feeds", type=int, default=50)
    ap.add_argument("--entries", type=int, default=20)
    ap.add_argument("--latency", type=int, default=20, help="entries timed from feed to alert")
    ap.add_argument("--interval", type=float, default=2.0, help="the monitor's interval for the latency run")
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--keep", type=Path)
    a = ap.parse_args()
    work = a.keep or Path(tempfile.mkdtemp(prefix="casewatch-feeds-"))
    work.mkdir(parents=True, exist_ok=True)
    print("\n".join(throughput(work, a.feeds, a.entries, a.workers)), flush=True)
    print("\n".join(latency(work, a.latency, a.interval, a.workers)), flush=True)
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Web fixtures: a copy of the examples database with three users and their tokens, an in-process client, and for the
browser tests `casewatch serve` over such a copy, Debian's Chromium through Playwright and a screenshot folder."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from web.site import Site, copy_db, make_site


@pytest.fixture(scope="module")
def site(example_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The examples, three users (viewer, analyst, admin; each named after its role), an in-process client."""
    return make_site(copy_db(example_db, tmp_path_factory.mktemp("web") / "casewatch.db"))


ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _chromium() -> str:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "playwright is not installed (make install adds it)"
    else:
        if Path(CHROMIUM).exists():
            return CHROMIUM
        reason = "Chromium is not installed: `sudo apt-get install chromium` runs these tests (see DEVELOPERS.md)"
    if os.environ.get("CI"):
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(example_db, tmp_path_factory):
    """`casewatch serve` over a copy of the examples with three users; yields its base address."""
    db = copy_db(example_db, tmp_path_factory.mktemp("browser") / "casewatch.db")
    make_site(db)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "casewatch", "--db", str(db), "serve", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base}/login", timeout=2).close()
            break
        except (urllib.error.URLError, ConnectionError):
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail(f"casewatch serve did not start: {proc.communicate()[1][-2000:]}")
            time.sleep(0.3)
    yield base
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=FLAGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def shots() -> Path:
    folder = Path(os.environ.get("CASEWATCH_SCREENSHOTS") or ROOT / "build" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder

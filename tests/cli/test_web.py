"""The CLI's web and sharing commands: serve, export, search."""
from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_says_how_to_create_the_first_user_and_answers(tmp_path):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "casewatch", "--db", str(tmp_path / "c.db"), "serve", "--port",
                             str(port)], stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2) as r:
                    page = r.read().decode()
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.3)
        else:
            pytest.fail("casewatch serve did not answer")
        assert "casewatch user add NAME --role admin" in page
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/cases", timeout=5)
        assert refused.value.code == 401
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "no users yet" in err and "casewatch user add NAME --role admin" in err


def test_export_in_three_formats(example_cli, tmp_path):
    cf = example_cli.json("case", "Kourosh Dalirvand")
    exported = json.loads(example_cli("export", cf["id"]).stdout)
    assert len(exported.pop("audit_chain")["hash"]) == 64  # the audit chain head, for `casewatch verify --head`
    assert exported == cf
    rows = list(csv.DictReader(io.StringIO(example_cli("export", cf["id"], "--format", "csv").stdout)))
    assert len(rows) == len(cf["facts"]) and {r["case"] for r in rows} == {cf["id"]}
    out = tmp_path / "dossier.html"
    done = example_cli("export", "Kourosh Dalirvand", "--format", "html", "--output", str(out))
    assert done.returncode == 0 and "Kourosh Dalirvand" in out.read_text()
    wrong = example_cli("export", cf["id"], "--format", "pdf")
    assert wrong.returncode == 2 and "json, csv, html" in wrong.stderr


def test_search_from_the_cli(example_cli):
    found = example_cli.json("search", "Gharvan")
    assert found["total"] >= 1 and all("[[" in h["snippet"] for h in found["items"])
    table = example_cli("search", "Gharvan")
    assert table.returncode == 0 and "report(s) match" in table.stdout

"""Runs stopped half-way (SIGKILL to the process group) lose nothing, and the next command finishes them.

The reports are the benchmark's generated ones (fictional people, several reports per case), a few hundred,
so that the case-file stage and a rebuild last long enough to be stopped in the middle.
"""
from __future__ import annotations

import importlib.util
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests_support import Cli

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
REPORTS = 300


def _generate(folder: Path, n: int = REPORTS) -> Path:
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    module.generate(folder, n, seed=11)
    return folder


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _generate(tmp_path_factory.mktemp("generated") / "reports")


@pytest.fixture(scope="module")
def uninterrupted(reports: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The case files an ingest that nobody stopped makes of the reports."""
    db = tmp_path_factory.mktemp("whole") / "whole.db"
    proc = Cli(db)("ingest", str(reports), "--workers", "2")
    assert proc.returncode == 0, proc.stderr
    return _case_files(db)


def _case_files(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as con:
        return dict(con.execute("SELECT id, data FROM case_files"))


def _query(db: Path, sql: str) -> int:
    """One number from the database, read as another process would while it is being written."""
    for path in (db, db.with_name(db.name + ".rebuild")):
        if "rebuild_state" in sql and path == db:
            continue
        if not path.exists():
            return 0
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as con:
                row = con.execute(sql).fetchone()
            return int(row[0] or 0) if row else 0
        except sqlite3.OperationalError:
            return 0
    return 0


def _kill_when(cmd: list[str], ready, timeout: float = 600) -> int:
    """Start ``cmd`` in its own process group and SIGKILL the group as soon as ``ready()`` holds.

    Returns the exit status; fails the test when the command finished before the moment came.
    """
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
                            env={**os.environ, "COLUMNS": "200"})
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"{cmd[3:]} finished before it could be stopped: {proc.stderr.read().decode()[-500:]}")
        if ready():
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            return proc.returncode
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    pytest.fail(f"{cmd[3:]} never reached the moment to stop it")


def _casewatch(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "casewatch", "--db", str(db), *args]


def test_ingest_killed_at_the_case_file_stage_is_finished_by_the_next_ingest(
        reports: Path, uninterrupted: dict[str, str], tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    stored = REPORTS  # every report is stored before the case files are made
    code = _kill_when(_casewatch(db, "ingest", str(reports), "--workers", "2"),
                      lambda: _query(db, "SELECT count(*) FROM articles") >= stored
                      and _query(db, "SELECT count(*) FROM pending_cases") > 0)
    assert code == -signal.SIGKILL
    assert _case_files(db) == {}, "the case files are written in one transaction at the end"

    cli = Cli(db)
    status = cli("status")
    assert "case file(s) out of date" in status.stdout and "casewatch finish" in status.stdout

    again = cli("ingest", str(reports))
    assert again.returncode == 0, again.stderr
    assert f"0 new, {REPORTS} unchanged" in again.stdout
    assert _case_files(db) == uninterrupted
    assert "nothing left to do" in cli("status").stdout


def test_ingest_killed_between_batches_ends_as_an_uninterrupted_run(
        reports: Path, uninterrupted: dict[str, str], tmp_path: Path) -> None:
    db = tmp_path / "halfway.db"
    code = _kill_when(_casewatch(db, "ingest", str(reports), "--workers", "2"),
                      lambda: _query(db, "SELECT count(*) FROM articles") >= REPORTS // 3)
    assert code == -signal.SIGKILL
    cli = Cli(db)
    again = cli("ingest", str(reports))
    assert again.returncode == 0, again.stderr
    assert _case_files(db) == uninterrupted

    # Reviews made after the crash stay on their facts through a rebuild from the raw reports.
    assert cli("user", "add", "ilan", "--role", "analyst", "--password", "a long pass phrase").returncode == 0
    reviewed: dict[str, str] = {}
    for case, data in sorted(uninterrupted.items())[:8]:
        fact = json.loads(data)["facts"][0]["id"]
        done = cli("review", case, fact, "confirmed", "--user", "ilan", "--note", "seen in the court papers")
        assert done.returncode == 0, done.stderr
        reviewed[case] = fact
    rebuilt = cli("rebuild")
    assert rebuilt.returncode == 0, rebuilt.stderr
    after = _case_files(db)
    assert after.keys() == uninterrupted.keys()
    for case, fact in reviewed.items():
        facts = {f["id"]: f for f in json.loads(after[case])["facts"]}
        assert facts[fact]["review"] == "confirmed", (case, fact)


def test_rebuild_killed_half_way_leaves_the_cases_as_they_were_and_goes_on_later(
        reports: Path, uninterrupted: dict[str, str], tmp_path: Path) -> None:
    db = tmp_path / "rebuild.db"
    cli = Cli(db)
    assert cli("ingest", str(reports), "--workers", "2").returncode == 0
    store_case = _case_files(db)
    case_id, data = next(iter(sorted(store_case.items())))
    fact = json.loads(data)["facts"][0]
    assert cli("user", "add", "rhea", "--role", "analyst", "--password", "a long pass phrase").returncode == 0
    reviewed = cli("review", case_id, fact["id"], "confirmed", "--user", "rhea",
                   "--note", "checked against the court record")
    assert reviewed.returncode == 0, reviewed.stderr
    listed = cli("cases", "--format", "json").stdout  # the list says when the case was last reviewed
    before = _case_files(db)

    code = _kill_when(_casewatch(db, "rebuild", "--workers", "2"),
                      lambda: _query(db, "SELECT value FROM rebuild_state WHERE key = 'done'") >= REPORTS // 2)
    assert code == -signal.SIGKILL
    assert cli("cases", "--format", "json").stdout == listed
    assert _case_files(db) == before
    status = cli("status")
    assert "a rebuild stopped after" in status.stdout and "casewatch rebuild" in status.stdout

    resumed = cli("rebuild")
    assert resumed.returncode == 0, resumed.stderr
    after = _case_files(db)
    assert after == before
    facts = {f["id"]: f for f in json.loads(after[case_id])["facts"]}
    assert facts[fact["id"]]["review"] == "confirmed", facts[fact["id"]]
    assert not db.with_name(db.name + ".rebuild").exists()
    assert {k: v for k, v in after.items() if k != case_id} == {
        k: v for k, v in uninterrupted.items() if k != case_id}

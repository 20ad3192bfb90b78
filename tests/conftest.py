"""Shared fixtures: a fresh database per test, the bundled examples, and the CLI run as a user runs it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "reports"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "casewatch.db"


@pytest.fixture(scope="session")
def examples() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def manifest() -> dict:
    return json.loads((EXAMPLES / "MANIFEST.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


class Cli:
    """Runs `python -m casewatch --db DB ...` in a subprocess, as a user would."""

    def __init__(self, db: Path):
        self.db = db

    def __call__(self, *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None,
                 db: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "casewatch", *(["--db", str(self.db)] if db else []), *args]
        full_env = {**os.environ, "COLUMNS": "200", **(env or {})}
        proc = subprocess.run(cmd, input=stdin, capture_output=True, env=full_env, timeout=600)
        return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())

    def json(self, *args: str) -> object:
        proc = self(*args, "--format", "json")
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder with one pasted report, one HTML page and one JSONL record (all invented)."""
    from tests_support import write_corpus

    return write_corpus(tmp_path / "in")


@pytest.fixture
def cli(db: Path) -> Cli:
    return Cli(db)


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the bundled examples ingested once for the whole session (read-only use)."""
    path = tmp_path_factory.mktemp("examples") / "casewatch.db"
    proc = Cli(path)("ingest", str(EXAMPLES))
    assert proc.returncode == 0, proc.stderr
    return path


@pytest.fixture(scope="session")
def example_cli(example_db: Path) -> Cli:
    return Cli(example_db)

"""Shared fixtures: a fresh database per test, the bundled examples, and the CLI run as a user runs it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests_support import Cli

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

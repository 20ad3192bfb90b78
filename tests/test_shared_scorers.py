"""The shared reference scorers, run through the CLI (skipped when ../shared is not beside the project)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def casewatch_cli() -> str:
    return f"{sys.executable} -m casewatch"


@pytest.mark.shared
def test_reference_reports_documents_section(shared: Path, tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(shared / "eval" / "score_corpus.py"), "--gold", str(shared / "gold" / "seeds.json"),
         "--cli", casewatch_cli(), "--sections", "documents", "--keep", str(tmp_path)],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )
    failed = [line for line in proc.stdout.splitlines() if line.startswith("FAIL")]
    assert proc.returncode == 0 and not failed, proc.stdout[-3000:] + proc.stderr[-2000:]

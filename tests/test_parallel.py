"""A pool of workers gives exactly what one process gives: same documents, entities and case files."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests_support import TEACHER_REPORT


@pytest.mark.slow
def test_two_workers_match_one_process(tmp_path: Path, examples: Path, cli) -> None:
    corpus = tmp_path / "many"
    shutil.copytree(examples, corpus)
    for i in range(24):  # enough reports for the batch to go to the pool
        (corpus / f"extra-{i:02d}.txt").write_text(TEACHER_REPORT + f"\nThe monitor's reference is CW-{i:04d}.\n",
                                                 encoding="utf-8")
    results = []
    for workers, name in ((1, "one.db"), (2, "two.db")):
        cli.db = tmp_path / name
        proc = cli("ingest", str(corpus), "--workers", str(workers))
        assert proc.returncode == 0, proc.stderr
        results.append((cli.json("documents"), cli.json("entities"), cli.json("cases"), cli.json("figures")))
    assert results[0] == results[1]
    assert len(results[0][0]) == 41

"""Quality gates: the shared reference scorers, run through the CLI as a user runs it.

Each pins a floor that a change must not go below (skipped when ../shared is not beside the project).
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

TEMPEVAL_VALUE_F1 = 84.0
"""TimeBank date values: the issue asks for 70 and more than dateparser; the document layer reaches 84.2."""
ECBPLUS_NAMED_F1 = 82.5
"""ECB+ dev topics, cross-document person coreference, NAMED CoNLL F1 with singletons. The mention rules are
tuned on the train topics only (80.5 there) and no longer hold rules written from particular evaluation
documents; on the dev topics, read by no rule, casewatch reaches 82.8 (mentions R 90.3, P 92.2)."""


STATUS_ACCURACY = 0.95
"""status_dev.jsonl, status accuracy over the case items (the issue asks for 0.90; casewatch 0.957, KEYWORD
0.43)."""
STATUS_CASES_FOUND = 0.99
"""status_dev.jsonl, share of the case items whose case is found (the issue asks for 0.95; casewatch 255 of
256)."""
DEV_SET_CHECKS = 120
"""dev_belarus.json and dev_myanmar.json, checks passed of 129 each (the issue asks for 90 %: 117; casewatch
122 and 120)."""


def casewatch_cli() -> str:
    return f"{sys.executable} -m casewatch"


def run_scorer(shared: Path, name: str, *args: str, timeout: int = 1500) -> str:
    proc = subprocess.run([sys.executable, str(shared / "eval" / name), "--cli", casewatch_cli(), *args],
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    assert proc.returncode in (0, 1), proc.stdout[-2000:] + proc.stderr[-2000:]
    return proc.stdout


@pytest.mark.shared
def test_reference_reports_every_section(shared: Path, tmp_path: Path) -> None:
    out = run_scorer(shared, "score_corpus.py", "--gold", str(shared / "gold" / "seeds.json"), "--keep",
                     str(tmp_path))
    failed = [line for line in out.splitlines() if line.startswith("FAIL")]
    assert not failed and re.search(r"^\d+ passed, 0 failed$", out, re.M), out[-3000:]


@pytest.mark.shared
@pytest.mark.slow
def test_tempeval_dates(shared: Path) -> None:
    out = run_scorer(shared, "score_tempeval.py")
    summary = next(line for line in out.splitlines() if line.startswith("SUMMARY"))
    value_f1 = float(re.search(r"value F1 ([\d.]+)", summary).group(1))
    rows = {line.split()[0] + " " + line.split()[1]: line.split() for line in out.splitlines()
            if line.startswith("value F1")}
    dateparser = float(rows["value F1"][-1])
    assert value_f1 >= TEMPEVAL_VALUE_F1 and value_f1 > dateparser, summary


@pytest.mark.shared
@pytest.mark.slow
def test_ecbplus_people(shared: Path) -> None:
    out = run_scorer(shared, "score_ecbplus.py", "--topics", "dev")
    summary = next(line for line in out.splitlines() if line.startswith("SUMMARY"))
    named = float(re.search(r"NAMED CoNLL F1 \(\+singl/-singl\): casewatch ([\d.]+)", summary).group(1))
    assert named >= ECBPLUS_NAMED_F1, summary


@pytest.mark.shared
@pytest.mark.slow
def test_html_boilerplate_removal(shared: Path) -> None:
    out = run_scorer(shared, "score_html.py", "--jobs", "2")
    ratio = re.search(r"casewatch/TRAFILATURA-BENCH F1 = ([\d.]+)", out)
    assert ratio and float(ratio.group(1)) >= 1.0, out[-1500:]


@pytest.mark.shared
@pytest.mark.slow
def test_status_from_what_happened(shared: Path) -> None:
    """No harmful overstatement (executed, released, dead... that the text does not support), ever."""
    out = run_scorer(shared, "score_status.py", "--gold", str(shared / "gold" / "status_dev.jsonl"))
    summary = next(line for line in out.splitlines() if line.startswith("SUMMARY"))
    accuracy = float(re.search(r"status accuracy: casewatch ([\d.]+)", summary).group(1))
    harmful = int(re.search(r"harmful: casewatch (\d+)", summary).group(1))
    missing = int(re.search(r"case=true items with no case: (\d+)", out).group(1))
    items = int(re.search(r"status items=(\d+)", summary).group(1))
    assert harmful == 0, out[-4000:]
    assert accuracy >= STATUS_ACCURACY, summary
    assert (items - missing) / items >= STATUS_CASES_FOUND, summary


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("gold", ["dev_belarus.json", "dev_myanmar.json"])
def test_multi_report_case_sets(shared: Path, tmp_path: Path, gold: str) -> None:
    out = run_scorer(shared, "score_corpus.py", "--gold", str(shared / "gold" / gold), "--keep", str(tmp_path))
    passed = int(re.search(r"^(\d+) passed, \d+ failed$", out, re.M).group(1))
    assert passed >= DEV_SET_CHECKS, "\n".join(line for line in out.splitlines() if line.startswith("FAIL"))

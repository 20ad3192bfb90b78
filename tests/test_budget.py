"""The time budget of one report's stages."""
from __future__ import annotations

import threading

import pytest

from casewatch.budget import OverBudget, time_budget
from casewatch.models import RawReport
from casewatch.pipeline import EXTRACT_MAX_CHARS, process_report, process_reports


def _spin() -> None:
    while True:
        pass


def test_a_stage_past_its_budget_fails_with_the_report_name() -> None:
    with pytest.raises(OverBudget) as e, time_budget("slow.txt", 0.05):
        _spin()
    assert e.value.origin == "slow.txt" and "split it" in e.value.reason


def test_the_budget_is_lifted_after_the_block() -> None:
    with time_budget("quick.txt", 0.05):
        pass
    done = threading.Event()
    threading.Timer(0.2, done.set).start()
    assert done.wait(2)  # no alarm arrives once the block is left


def test_outside_the_main_thread_the_stages_run_unguarded() -> None:
    seen: list[object] = []

    def work() -> None:
        with time_budget("thread.txt", 0.01):
            seen.append(process_report(RawReport(b"Pell was held.", "text", "thread.txt")).article)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert seen and seen[0] is not None


def test_text_past_the_extract_limit_keeps_its_document_layer_and_fails_by_name() -> None:
    text = ("Mira Olsen was detained in Varn on 3 March 2026, her lawyer said. " * (EXTRACT_MAX_CHARS // 60 + 10))
    (outcome,) = process_reports([RawReport(text.encode(), "text", "long.txt")])
    assert outcome.article is not None and outcome.extraction is None
    assert outcome.error is not None and "too long" in outcome.error and "split it" in outcome.error

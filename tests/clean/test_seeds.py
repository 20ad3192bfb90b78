"""The shared reference reports (../shared beside the project): what must stay and go, and the titles.

Read at run time, never copied; skipped where ../shared is not there.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from casewatch.clean import clean_text

SHARED = Path(__file__).resolve().parents[3] / "shared"
GOLD = SHARED / "gold" / "seeds.json"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not GOLD.is_file(), reason="needs ../shared beside the project"),
]


def norm(text: str | None) -> str:
    """Lower-case, curly quotes and dashes folded, white space collapsed (as the shared scorer compares)."""
    text = (text or "").translate(str.maketrans("‘’“”—–", "''\"\"--"))
    return re.sub(r"\s+", " ", text).strip().lower()


def documents() -> list[tuple[str, dict]]:
    if not GOLD.is_file():
        return []
    return sorted(json.loads(GOLD.read_text(encoding="utf-8"))["documents"].items())


@pytest.mark.parametrize(("name", "gold"), documents())
def test_reference_report(name: str, gold: dict) -> None:
    cleaned = clean_text((SHARED / "corpus" / "seeds" / name).read_text(encoding="utf-8"))
    text = norm(cleaned.text)
    assert [k for k in gold["must_keep"] if norm(k) not in text] == []
    assert [k for k in gold["must_drop"] if norm(k) in text] == []
    if gold.get("title") is not None:
        assert norm(cleaned.title) == norm(gold["title"])

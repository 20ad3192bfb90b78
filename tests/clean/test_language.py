"""detect_language: the packaged py3langid model, restricted to the languages reports come in."""
from __future__ import annotations

import pytest

from casewatch.clean import detect_language


def test_english() -> None:
    text = "A court upheld the prison sentence of a nurse who spoke to reporters about a hospital."
    assert detect_language(text) == "en"


def test_persian() -> None:
    text = "دادگاه تجدیدنظر حکم زندان این پرستار را بدون برگزاری جلسه تأیید کرد، به گفته وکیل او."
    assert detect_language(text) == "fa"


def test_arabic_is_not_taken_for_persian() -> None:
    text = "أيدت محكمة الاستئناف حكم السجن الصادر بحق الممرضة دون عقد جلسة، بحسب محاميها."
    assert detect_language(text) == "ar"


@pytest.mark.parametrize("text", ["", "   ", "Iran", "Evin prison", "12 / 2026", "زندان اوین"])
def test_too_little_text_gives_none(text: str) -> None:
    assert detect_language(text) is None

"""The language of a report, by py3langid (its model ships inside the package; nothing is downloaded).

Classification is restricted to languages that reports on human-rights cases are
commonly written in: a smaller choice is more reliable on short texts.
"""
from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

LANGUAGES = (
    "en", "fa", "ar", "fr", "de", "es", "pt", "it", "nl", "ru", "uk", "be", "pl", "ro", "sr", "hr", "bs",
    "bg", "mk", "el", "sq", "tr", "az", "ku", "sdh", "ur", "ps", "hi", "bn", "ne", "si", "ta", "zh", "ja",
    "ko", "vi", "th", "km", "my", "id", "ms", "tl", "sw", "am", "so", "ha", "om", "he", "hy", "ka", "kk",
    "ky", "uz", "tg", "tk", "ug", "mn", "sv", "no", "da", "fi", "hu", "cs", "sk",
)
"""ISO 639-1/3 codes the identifier may answer."""

MIN_LETTERS = 15
"""Fewer letters than this is too little text to tell."""

MIN_CONFIDENCE = 0.5
"""Below this probability the answer is None."""

SAMPLE_CHARS = 1500
"""Characters read from the start of the text: plenty to tell the language, and the cost stays flat."""


@cache
def _identifier() -> LanguageIdentifier:
    """The identifier, loaded from the packaged model on first use."""
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def detect_language(text: str) -> str | None:
    """The language of the text as an ISO code ('en', 'fa', ...); None for too little or unclear text."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    language, confidence = _identifier().classify(sample)
    return language if confidence >= MIN_CONFIDENCE else None

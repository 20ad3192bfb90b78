"""The settings of ``casewatch/data/corroborate.json``, read once, and the small helpers that apply them."""
from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files
from typing import Any

_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_NOT_WORD = re.compile(r"[^\w\s'-]+")
_SPACE = re.compile(r"\s+")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


@cache
def settings() -> dict[str, Any]:
    """The whole settings file (do not change the returned dict)."""
    return json.loads(files("casewatch").joinpath("data", "corroborate.json").read_text(encoding="utf-8"))


def norm(text: str | None) -> str:
    """Casefolded, quotes and dashes folded, punctuation dropped, no leading article, single spaces."""
    if not text:
        return ""
    s = _NOT_WORD.sub(" ", text.translate(_FOLD).casefold())
    s = _SPACE.sub(" ", s).strip(" '-")
    return _ARTICLE.sub("", s)


def norm_value(field: str, value: str) -> str:
    """A fact value's comparison key: ``norm`` plus the field's synonyms ("death penalty" -> "death")."""
    v = norm(value)
    return settings().get("value_synonyms", {}).get(norm(field), {}).get(v, v)


def modality_rank(modality: str) -> int:
    """Lower is stronger: asserted < reported < alleged < expected < denied; unknown words rank last."""
    order: list[str] = settings()["modality_rank"]
    return order.index(modality) if modality in order else len(order)


def strongest(modalities: list[str]) -> str:
    """The strongest modality of a non-empty list."""
    return min(modalities, key=modality_rank)


def is_denied(modality: str) -> bool:
    return modality == "denied"

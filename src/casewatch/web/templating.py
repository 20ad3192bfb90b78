"""The Jinja2 environment shared by the web pages and the HTML export: autoescaping always on."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ..views.source_counts import SOURCE_TERMS, independent_words, outlet_words


def _days(date: dict[str, Any] | None) -> str:
    if not date or not date.get("start"):
        return "undated"
    return date["start"] if date["start"] == date.get("end") else f"{date['start']} to {date['end']}"


def _words(name: str | None) -> str:
    return (name or "").replace("_", " ")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("casewatch.web", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html",), default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["days"] = _days
    env.filters["words"] = _words
    env.filters["outlets"] = outlet_words
    env.filters["independent"] = independent_words
    env.globals["source_terms"] = SOURCE_TERMS
    return env


def render(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)

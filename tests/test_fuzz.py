"""Generated text, HTML, JSONL and feed-like XML through acquire -> clean -> dates -> extract.

Every input ends as a report or a casewatch error, never another exception; every quote, mention and
date span equals the text at its offsets; and no input runs over its time budget. ``make test`` runs a
short seeded version; ``make fuzz`` (CASEWATCH_FUZZ_EXAMPLES=10000) a long one, printing the counts.
"""
from __future__ import annotations

import dataclasses
import json
import os
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casewatch.acquire import Failure, read_bytes
from casewatch.models import DateMention, Outcome
from casewatch.pipeline import process_reports
from casewatch.settings import Settings

EXAMPLES = int(os.environ.get("CASEWATCH_FUZZ_EXAMPLES", "0") or 0)
"""How many inputs to try; 0 for the short seeded run of ``make test``."""

WORDS = ["Mara", "Voss", "was", "detained", "arrested", "in", "Elt", "on", "Monday", "3", "March", "2026",
         "said", "her", "lawyer", "the", "court", "sentenced", "years", "prison", "“", "”", '"', ".", ",",
         "Ramadan", "yesterday", "Rights", "Group", "(", ")", "-", "\n", "\n\n", "\t", "\u00a0", "\u200b",
         "\ud800", "\x1b", "é", "ß", "العربية", "中文", "&amp;", "<", ">", "ﬁ", "\u0301"]

_chars = st.characters(exclude_characters="\x00")
_text = st.lists(st.one_of(st.sampled_from(WORDS), st.text(_chars, max_size=12)), max_size=120).map(" ".join)
_TAGS = ["p", "div", "span", "article", "h1", "title", "script", "style", "br", "a", "li", "table", "td"]


@st.composite
def _html(draw: st.DrawFn) -> str:
    def node(depth: int) -> str:
        if depth > 6 or draw(st.booleans()):
            return draw(_text).replace("<", "&lt;") if draw(st.booleans()) else draw(_text)
        tag = draw(st.sampled_from(_TAGS))
        attrs = "".join(f' a{i}="{draw(st.text(max_size=5))}"' for i in range(draw(st.integers(0, 80))))
        inner = "".join(node(depth + 1) for _ in range(draw(st.integers(0, 3))))
        return f"<{tag}{attrs}>{inner}" + (f"</{tag}>" if draw(st.booleans()) else "")
    head = draw(st.sampled_from(["<!DOCTYPE html>", "<!DOCTYPE html [<!ENTITY x 'y'>]>", "", "<html>"]))
    return head + "".join(node(0) for _ in range(draw(st.integers(1, 4))))


@st.composite
def _jsonl(draw: st.DrawFn) -> str:
    def record() -> str:
        obj = {"text": draw(_text)} if draw(st.booleans()) else {"html": draw(_html())}
        for key in draw(st.lists(st.sampled_from(["url", "title", "outlet", "id", "published", "x"]), max_size=4)):
            obj[key] = draw(st.one_of(st.text(max_size=20), st.integers(), st.none(), st.sampled_from(
                ["2026-03-03", "3 March 2026", "not a date"])))
        line = json.dumps(obj, ensure_ascii=draw(st.booleans()))
        if draw(st.integers(0, 9)) == 0:  # a broken, deep or huge line now and then
            line = draw(st.sampled_from([line[: len(line) // 2], "[" * 500 + "]" * 500, '{"text": 1' + "0" * 5000
                                         + "}", "null", '{"text": "\\udc00"}']))
        return line
    return "\n".join(record() for _ in range(draw(st.integers(1, 3))))


@st.composite
def _feed(draw: st.DrawFn) -> str:
    items = "".join(f"<item><title>{draw(_text)}</title><description>{draw(_text)}</description>"
                    f"<pubDate>{draw(st.sampled_from(['Mon, 02 Mar 2026 10:00:00 GMT', 'x']))}</pubDate></item>"
                    for _ in range(draw(st.integers(0, 3))))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{draw(_text)}</title>{items}</channel></rss>'


_ENCODINGS = ["utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-32", "latin-1"]
INPUTS = st.tuples(
    st.sampled_from(["text", "html", "jsonl", "feed"]).flatmap(
        lambda kind: st.tuples(st.just(kind), {"text": _text, "html": _html(), "jsonl": _jsonl(),
                                               "feed": _feed()}[kind])),
    st.sampled_from(_ENCODINGS),
)

_UNEXPECTED = ("could not be processed (", "extraction failed (")


def _spans(obj: object, text: str) -> None:
    """Every quote, mention and date span in an extraction equals the text at its offsets."""
    if isinstance(obj, list | tuple):
        for x in obj:
            _spans(x, text)
        return
    if isinstance(obj, dict):
        for x in obj.values():
            _spans(x, text)
        return
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        return
    names = {f.name for f in dataclasses.fields(obj)}
    if {"start", "end", "quote"} <= names:
        assert text[obj.start:obj.end] == obj.quote, obj
    elif {"start", "end", "text"} <= names and isinstance(obj.text, str):
        assert text[obj.start:obj.end] == obj.text, obj
    if isinstance(obj, DateMention) and obj.span is not None:
        assert text[obj.span[0]:obj.span[1]] == obj.text, obj
    for name in names:
        _spans(getattr(obj, name), text)


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")


def _check(outcome: Outcome) -> None:
    assert not (outcome.error or "").startswith(_UNEXPECTED) and "took longer than" not in (outcome.error or ""), \
        outcome.error  # the budget's message (budget.OverBudget)
    if outcome.article is not None and outcome.extraction is not None:
        _spans(outcome.extraction, outcome.article.text)
    if outcome.article is not None:
        _spans(outcome.article.dates, outcome.article.text)


def test_generated_inputs_end_as_reports_or_casewatch_errors() -> None:
    tried: Counter[str] = Counter()
    refused: Counter[str] = Counter()
    limits = Settings(max_bytes=200_000)

    @settings(max_examples=EXAMPLES or 60, derandomize=not EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(INPUTS)
    def run(case: tuple[tuple[str, str], str]) -> None:
        (kind, text), encoding = case
        tried[kind] += 1
        given_kind = {"feed": None, "text": "text", "html": "html", "jsonl": "jsonl"}[kind]
        items = list(read_bytes(_encode(text, encoding), f"fuzz.{kind}", given_kind, limits))
        raws = [i for i in items if not isinstance(i, Failure)]
        refused[kind] += len(items) - len(raws)
        for outcome in process_reports(raws):
            _check(outcome)

    run()
    total = sum(tried.values())
    print(f"\nfuzz: {total} inputs tried ({', '.join(f'{k} {n}' for k, n in sorted(tried.items()))}); "
          f"{sum(refused.values())} refused with a casewatch error; crashes = 0")
    assert total > 0

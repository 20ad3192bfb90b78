"""The packaged rule data and the package's public API."""
from __future__ import annotations

import json
from importlib.resources import files

import casewatch.clean
from casewatch.clean.rules import build_rules, line_key, rules


def test_the_api_is_the_three_functions() -> None:
    assert sorted(casewatch.clean.__all__) == ["clean_html", "clean_text", "detect_language"]


def test_the_packaged_rules_load_and_compile() -> None:
    data = json.loads(files("casewatch").joinpath("data", "boilerplate.json").read_text(encoding="utf-8"))
    compiled = build_rules(data)
    assert {g.name for g in compiled.groups} >= {"banner", "share", "newsletter", "cookie"}
    assert all(g.max_words > 0 and (g.key or g.search) for g in compiled.groups)
    assert rules() is rules()


def test_vocabulary_words_stand_for_their_placeholders() -> None:
    data = {
        "vocabulary": {
            "agency": ["Northgate Wire"], "credit_label": ["photo"], "social": ["fax"], "nav": ["home"],
            "month": ["January"], "weekday": ["Monday"], "date_label": ["published"], "role": ["writer"],
            "report_word": ["said"], "ticker": ["live"], "outlet_word": ["daily"],
        },
        "keep": {"search": []},
        "drop": {"share": {"max_words": 5, "key": ["send by {social}"]}},
        "byline": {"lead": ["by"], "max_words": 10},
        "bio": {"lead": "covers", "strong_lead": "covers", "cue": ["previously"],
                "min_words": 5, "max_words": 50},
        "link_line": {"max_words": 10, "key": ["read more: .+"]},
        "markers": {"comments": ["leave a reply"], "related": ["related"]},
        "dates": {"date": ["\\d{1,2} {month} \\d{4}"], "time": "\\d{1,2}:\\d{2}", "max_rest_words": 2,
                  "max_words": 8},
    }
    compiled = build_rules(data)
    share = compiled.groups[0]
    assert share.matches("Send by fax", line_key("Send by fax"), 3)
    assert not share.matches("Send by post", line_key("Send by post"), 3)
    assert compiled.date.search("Published 3 January 2026")


def test_line_key_trims_punctuation_bullets_and_arrows() -> None:
    assert line_key("  • View Full Bio & Articles →") == "view full bio & articles"
    assert line_key("Share.") == "share"

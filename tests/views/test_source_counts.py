"""Source counts in words: reports with no known outlet are counted apart, and every count is explained."""
from __future__ import annotations

from casewatch.views.case_tables import case_view
from casewatch.views.source_counts import SOURCE_TERMS, independent_words, outlet_words
from casewatch.web.templating import environment


def test_reports_with_no_known_outlet_are_said_apart():
    assert outlet_words({"outlets": 5, "reports_without_outlet": 3}) == "5 outlets (+3 reports with no known outlet)"
    assert outlet_words({"outlets": 1, "reports_without_outlet": 1}) == "1 outlet (+1 report with no known outlet)"
    assert outlet_words({"outlets": 2}) == "2 outlets"  # a case file stored before the count existed
    assert independent_words({"independent_sources": 1}) == "1 independent source"


def test_every_count_shown_has_its_explanation():
    assert set(SOURCE_TERMS) == {"outlet", "independent source", "primary source"}
    assert "never more independent sources than reports" in SOURCE_TERMS["independent source"]
    assert "count as the group" in SOURCE_TERMS["primary source"]
    env = environment()
    assert env.filters["outlets"] is outlet_words and env.globals["source_terms"] is SOURCE_TERMS


def test_the_terminal_case_view_says_the_counts_the_same_way():
    from rich.console import Console

    cf = {"id": "case-1", "subject": {"name": "Tavi Orlo", "aliases": []}, "status": "arrested",
          "outlets": 2, "reports_without_outlet": 1, "independent_sources": 2, "sources": [{"document": "d"}] * 3,
          "facts": [{"field": "age", "value": "31", "outlets": 1, "reports_without_outlet": 1,
                     "independent_sources": 2, "primary_sources": [], "support": []}],
          "events": [], "conflicts": []}
    console = Console(width=200, record=True)
    console.print(case_view(cf))
    text = console.export_text()
    assert "3 report(s), 2 outlets (+1 report with no known outlet), 2 independent sources" in text
    assert "1 outlet (+1 report with no known outlet), 2 independent sources" in text


def test_the_readme_explains_the_counts_in_the_same_words():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    flat = " ".join(readme.replace("**", "").split())
    for meaning in SOURCE_TERMS.values():
        assert meaning in flat

"""`casewatch cases` filters and sorts as the cases list does; `casewatch case` finds a person by any spelling."""
from __future__ import annotations


def test_cases_by_alias_sorted_and_filtered(example_cli):
    assert [c["name"] for c in example_cli.json("cases", "--name", "KUROSH")] == ["Kourosh Dalirvand"]
    by_reports = example_cli.json("cases", "--sort", "reports", "--desc")
    counts = [c["documents"] for c in by_reports]
    assert counts == sorted(counts, reverse=True) and len(set(counts)) > 1
    every = example_cli.json("cases")
    middle = sorted(c["latest"] for c in every if c["latest"])[len(every) // 2]
    recent = example_cli.json("cases", "--since", middle)
    assert 0 < len(recent) < len(every) and all(c["latest"] >= middle for c in recent)


def test_bad_since_is_refused_with_a_message(example_cli):
    proc = example_cli("cases", "--since", "last week")
    assert proc.returncode != 0 and "YYYY-MM-DD" in proc.stderr and "Traceback" not in proc.stderr


def test_case_by_spelling_variant(example_cli):
    assert example_cli.json("case", "kurosh dalirvand")["subject"]["name"] == "Kourosh Dalirvand"
    assert example_cli.json("case", "Dalirvánd")["subject"]["name"] == "Kourosh Dalirvand"

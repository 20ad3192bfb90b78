"""casewatch changes: the table, the JSON list, the filters, and a bad --since."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from changes.reports import DETAINED, SENTENCED

pytestmark = pytest.mark.slow

KEYS = ["id", "at", "case", "case_name", "kind", "from", "to", "detail", "documents"]


@pytest.fixture
def two_reports(cli, tmp_path: Path):
    for name, text in (("detained.txt", DETAINED), ("sentenced.txt", SENTENCED)):
        path = tmp_path / name
        path.write_bytes(text)
        assert cli("ingest", str(path)).returncode == 0
    return cli


def test_the_json_list_newest_first_in_the_agreed_shape(two_reports):
    proc = two_reports("changes", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    items = json.loads(proc.stdout)
    assert [list(c) for c in items] == [KEYS] * len(items)
    assert [c["id"] for c in items] == sorted((c["id"] for c in items), reverse=True)
    assert items[-1]["kind"] == "new_case" and items[-1]["case_name"] == "Tomas Vireny"
    kinds = {c["kind"] for c in items}
    assert {"new_case", "report", "status", "source"} <= kinds
    assert all(isinstance(c["documents"], list) and c["documents"] for c in items)


def test_filters_by_case_name_kind_and_since(two_reports):
    by_name = json.loads(two_reports("changes", "--case", "vireny", "--kind", "status", "-f", "json").stdout)
    assert [(c["from"], c["to"]) for c in by_name] == [("detained", "sentenced_to_death")]
    assert json.loads(two_reports("changes", "--since", "2000-01-01", "--limit", "1", "-f", "json").stdout)
    assert json.loads(two_reports("changes", "--since", "2999-01-01", "-f", "json").stdout) == []
    table = two_reports("changes", "--kind", "status")
    assert "Status: detained → sentenced to death" in table.stdout
    assert "Tomas Vireny" in table.stdout


def test_a_bad_since_or_an_unknown_case_is_one_line_and_exit_2(two_reports):
    bad = two_reports("changes", "--since", "last week")
    assert bad.returncode == 2
    assert bad.stderr.strip().count("\n") == 0 and "24h" in bad.stderr and "YYYY-MM-DD" in bad.stderr
    unknown = two_reports("changes", "--case", "Nobody Known")
    assert unknown.returncode == 2 and "no case" in unknown.stderr

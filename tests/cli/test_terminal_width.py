"""The terminal at 80 columns: the tables of cases, documents and one case keep every name and title whole
(wrapped, never cut), with short ids the commands take back; ingest says where it is, counting reports."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console

from casewatch.acquire import Source
from casewatch.cli.progress import ProgressMode, StageProgress, count_reports
from casewatch.ingest import STAGES
from casewatch.views.short_ids import case_ref_candidates, short_ids
from tests_support import Cli

NARROW = {"COLUMNS": "80"}


def tables(text: str) -> list[tuple[list[str], list[list[str]]]]:
    """Every Rich table in ``text``: its header cells and its rows, each cell's wrapped lines joined by a space.

    A row starts where the first column has words; the lines below it, with that column empty, carry on
    the same row's cells (that is how a wrapped cell looks)."""
    found: list[tuple[list[str], list[list[str]]]] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if not lines[i].startswith("┏"):
            i += 1
            continue
        i += 1
        head: list[list[str]] = []
        while lines[i].startswith("┃"):
            cells = [c.strip() for c in lines[i].strip("┃").split("┃")]
            head = head or [[] for _ in cells]
            for parts, cell in zip(head, cells, strict=True):
                if cell:
                    parts.append(cell)
            i += 1
        assert lines[i].startswith("┡"), lines[i]
        i += 1
        rows: list[list[list[str]]] = []
        while not lines[i].startswith("└"):
            cells = [c.strip() for c in lines[i].strip("│").split("│")]
            if cells[0] or not rows:
                rows.append([[] for _ in cells])
            for parts, cell in zip(rows[-1], cells, strict=True):
                if cell:
                    parts.append(cell)
            i += 1
        found.append(([" ".join(h) for h in head], [[" ".join(c) for c in r] for r in rows]))
    return found


def words(text: str | None) -> str:
    return " ".join((text or "—").split())


def run_narrow(cli: Cli, *args: str) -> str:
    proc = cli(*args, env=NARROW)
    assert proc.returncode == 0, proc.stderr
    too_wide = [line for line in proc.stdout.splitlines() if len(line) > 80]
    assert not too_wide, too_wide
    return proc.stdout


def one_table(text: str, first_header: str) -> tuple[list[str], list[dict[str, str]]]:
    (head, rows), = [(h, r) for h, r in tables(text) if h and h[0] == first_header]
    return head, [dict(zip(head, r, strict=True)) for r in rows]


@pytest.mark.slow
def test_cases_at_80_columns_keep_every_name_whole(example_cli: Cli) -> None:
    cases = example_cli.json("cases")
    assert len(cases) >= 5
    head, rows = one_table(run_narrow(example_cli, "cases"), "id")
    assert head == ["id", "name", "status", "reports", "outlets", "independent sources"]  # headers whole
    assert len(rows) == len(cases)
    for case in cases:
        (row,) = [r for r in rows if case["id"] == "case-" + r["id"] or case["id"].startswith("case-" + r["id"])]
        assert row["name"] == words(case["name"]), (row, case["name"])
        assert row["status"] == case["status"].replace("_", " ")
        assert row["reports"] == str(case["documents"])
        assert len(row["id"]) <= 12  # short, and still the command's way back to the case
        assert example_cli.json("case", row["id"])["id"] == case["id"]


@pytest.mark.slow
def test_documents_at_80_columns_keep_every_title_and_outlet_whole(example_cli: Cli) -> None:
    docs = example_cli.json("documents")
    out = run_narrow(example_cli, "documents")
    assert "…" not in out
    _head, rows = one_table(out, "id")
    assert len(rows) == len(docs)
    for doc in docs:
        (row,) = [r for r in rows if doc["id"].startswith(r["id"])]
        assert row["title"] == words(doc["title"]), (row, doc["title"])
        assert row["outlet"] == words(doc["outlet"])
    short = rows[0]["id"]
    assert len(short) == 8
    assert example_cli.json("document", short)["id"].startswith(short)


@pytest.mark.slow
def test_one_case_at_80_columns_names_each_report_by_its_whole_title(example_cli: Cli) -> None:
    biggest = max(example_cli.json("cases"), key=lambda c: c["documents"])
    full = example_cli.json("case", biggest["id"])
    out = run_narrow(example_cli, "case", biggest["name"])
    _head, rows = one_table(out, "report")
    sources = full["sources"]
    assert len(rows) == len(sources) >= 2
    for source in sources:
        (row,) = [r for r in rows if source["document"].startswith(r["report"])]
        assert row["title"] == words(source.get("title")), (row, source.get("title"))
    titles = {words(s.get("title")) for s in sources}
    assert len({r["title"] for r in rows}) == len(titles)  # two different titles never look the same
    # the quotes name their report between brackets: the whole title, never cut (the glance panel above the
    # case's own panel puts event details in brackets, so it is left out)
    flat = " ".join(out.split("╭─ case", 1)[1].replace("│", " ").split())
    named = re.findall(r"\[([^\[\]]+)\]", flat)
    assert named
    for name in named:
        assert any(name.startswith(t) for t in titles if t != "—") or any(
            name.startswith(s.get("outlet") or s["document"]) for s in sources), name


@pytest.mark.slow
def test_an_ambiguous_case_prefix_is_one_clear_line(example_cli: Cli) -> None:
    proc = example_cli("case", "case-")
    assert proc.returncode == 2
    assert "matches several cases" in proc.stderr and "give the id" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_short_ids_grow_only_where_two_would_look_alike() -> None:
    ids = ["case-abcdef123456", "case-abcdef129999", "case-0123456789ab"]
    assert short_ids(ids) == {"case-abcdef123456": "abcdef123", "case-abcdef129999": "abcdef129",
                              "case-0123456789ab": "01234567"}
    assert short_ids(["5eab13de3ba67fdb"]) == {"5eab13de3ba67fdb": "5eab13de"}
    assert case_ref_candidates("abcdef12") == ["abcdef12", "case-abcdef12"]
    assert case_ref_candidates("Abel Tamsin") == ["Abel Tamsin"]
    assert case_ref_candidates("ab") == ["ab"]  # too short to be anyone's prefix


# ---------------------------------------------------------------------------- progress

def test_reports_are_counted_one_per_file_and_one_per_jsonl_record(tmp_path: Path) -> None:
    lines = tmp_path / "wire.jsonl"
    lines.write_text('{"text": "Ilse Marrow was detained."}\n\n{"text": "Oren Pask was freed."}\n', encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text("<p>Teodor Vay was charged.</p>", encoding="utf-8")
    assert count_reports([Source(lines, str(lines), "jsonl", 1), Source(page, str(page), "html", 1)]) == 3
    assert count_reports([Source(None, "-", "auto", 0)]) is None  # standard input: not known before reading


def test_plain_progress_names_each_stage_once_and_counts_reports_by_tenths() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, width=80)
    with StageProgress(console, "ingest", 20, ProgressMode.auto) as progress:  # not a terminal: plain lines
        for _batch in range(4):
            for stage in STAGES[:3]:
                progress.stage(stage)
            progress.advance(5)
        progress.stage(STAGES[3])
    lines = buffer.getvalue().splitlines()
    assert lines[0] == "ingest: 20 reports to read"
    for stage in STAGES:
        assert sum(stage in line for line in lines) == 1, lines
    counted = [line for line in lines if line.endswith("reports done")]
    assert counted == [f"ingest: {n} of 20 reports done" for n in (5, 10, 15, 20)]
    assert lines[-1] == "ingest: done: 20 of 20 reports"


@pytest.mark.slow
def test_ingest_says_its_stages_and_counts_reports_not_bytes(cli: Cli, corpus: Path) -> None:
    (corpus / "more.jsonl").write_text(
        json.dumps({"text": "Ilse Marrow, a nurse, was detained in Varno on Monday."}) + "\n"
        + json.dumps({"text": "Oren Pask, a printer, was released on bail on Friday."}) + "\n", encoding="utf-8")
    proc = cli("ingest", str(corpus), "--format", "json")  # standard error is a pipe here: plain lines
    assert proc.returncode == 0, proc.stderr
    total = json.loads(proc.stdout)["new"]
    assert total == 5  # three files and a file of two records
    lines = proc.stderr.splitlines()
    assert lines[0] == f"ingest: {total} reports to read"
    assert "ingest: loading the language model (0 of 5 reports done)" in lines
    for stage in STAGES:
        assert any(line.startswith(f"ingest: {stage} (") for line in lines), (stage, lines)
    assert lines[-1] == f"ingest: done: {total} of {total} reports"

    quiet = Cli(cli.db.with_name("quiet.db"))("ingest", str(corpus), "--progress", "none")
    assert quiet.returncode == 0 and quiet.stderr == ""

    drawn = Cli(cli.db.with_name("drawn.db"))("ingest", str(corpus), "--progress", "bar")
    assert drawn.returncode == 0, drawn.stderr
    assert "━" in drawn.stderr and "reports, time left" in drawn.stderr
    assert "loading the language model" in drawn.stderr and f"{total}/{total}" in drawn.stderr

"""A batch of hostile inputs beside good reports: no traceback, every good report stored, exit status 1.

The hostile shapes are those that once stopped or stalled a whole ingest: numbers longer than Python
reads, arrays nested deeper than it recurses, escaped lone surrogates, hundreds of thousands of short
lines, tens of thousands of nested elements, a tag with a hundred thousand attributes, a DOCTYPE with an
internal subset, UTF-32 text, text longer than the extract stage reads.
"""
from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from tests_support import Cli

pytestmark = pytest.mark.slow

GOOD = {
    "good-weaver.txt": "Weaver detained in Pellmoor\n\nMonitors said on Friday that Tobin Aster, a weaver, was "
                       "detained in Pellmoor on 3 March 2026.\n\nHis sister said he was taken to the district "
                       "jail the next day.\n",
    "good-baker.txt": "Baker sentenced in Varn\n\nA court in Varn sentenced the baker Ilse Moravec to four years "
                      "in prison on Tuesday, her lawyer said.\n\nShe denies the charges.\n",
    "good-singer.html": "<!DOCTYPE html><html><head><title>Singer freed | Lowmarsh Herald</title></head><body>"
                        "<article><h1>Singer freed on bail</h1><p>The singer Dara Quill was freed on bail on "
                        "9 February 2026 after two weeks in custody, her family said on Monday.</p></article>"
                        "</body></html>",
}
GOOD_RECORD = {"text": "A journalist, Emil Strand, was arrested in Korvik on Sunday, his editor said.",
               "url": "https://hostile.example/good-1", "title": "Journalist arrested"}


def _write(folder: Path) -> Path:
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    lines = [
        '{"text": "A number.", "count": ' + "9" * 5000 + "}",
        '{"text": "Deep.", "x": ' + "[" * 10_000 + "]" * 10_000 + "}",
        '{"text": "Lone \\ud800 surrogate: Mara Voss was detained in Elt on Monday, her brother said."}',
        json.dumps(GOOD_RECORD),
        "{not json",
    ]
    (folder / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "newlines.txt").write_text("a\n" * 100_000, encoding="utf-8")
    (folder / "nested.html").write_text("<html><body>" + "<div>" * 50_000 + "Cell 4 was searched." +
                                        "</div>" * 50_000 + "</body></html>", encoding="utf-8")
    attrs = " ".join(f'data-a{i}="v"' for i in range(100_000))
    (folder / "attributes.html").write_text(f"<html><body><article><p {attrs}>Noor Falk, a nurse, was detained "
                                            "in Ashby on Monday, her union said.</p></article></body></html>",
                                            encoding="utf-8")
    (folder / "subset.html").write_text('<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                                        "<html><head><title>Poet held</title></head><body><article><p>The poet "
                                        "Rima Solvek was detained in Orth on Monday, her family said on "
                                        "Tuesday.</p></article></body></html>", encoding="utf-8")
    (folder / "wide.txt").write_bytes(codecs.BOM_UTF32_LE + "Clerk held\n\nThe clerk Jonas Pell was detained "
                                      "in Brill on Monday, a colleague said.\n".encode("utf-32-le"))
    (folder / "long.txt").write_text("Mira Olsen was detained in Varn on 3 March 2026, her lawyer said. " * 4000,
                                     encoding="utf-8")
    return folder


def test_a_hostile_batch_stores_every_good_report_and_exits_1(tmp_path: Path) -> None:
    folder = _write(tmp_path / "batch")
    cli = Cli(tmp_path / "hostile.db")
    proc = cli("ingest", str(folder))
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    failed = [line for line in proc.stderr.splitlines() if line.startswith("casewatch: ")]
    assert any("mixed.jsonl#1" in line and "digits" in line for line in failed), failed
    assert any("mixed.jsonl#2" in line and "nested" in line for line in failed), failed
    assert any("mixed.jsonl#5" in line and "broken JSON" in line for line in failed), failed
    assert any("long.txt" in line and "too long" in line for line in failed), failed
    docs = {d["origin"]: d for d in cli.json("documents", "--format", "json")}
    for name in GOOD:
        assert any(origin.endswith(name) for origin in docs), name
    assert GOOD_RECORD["url"] in docs
    texts = {origin: cli.json("document", d["id"], "--format", "json")["text"] for origin, d in docs.items()}
    by_name = {Path(origin).name: text for origin, text in texts.items()}
    surrogate = next(t for t in texts.values() if "Mara Voss" in t)
    assert "\ufffd" in surrogate and "Mara Voss was detained" in surrogate
    assert "Jonas Pell was detained" in by_name["wide.txt"] and "\x00" not in by_name["wide.txt"]
    assert "Rima Solvek was detained" in by_name["subset.html"]
    assert "Noor Falk, a nurse, was detained" in by_name["attributes.html"]
    assert "Cell 4 was searched." in by_name["nested.html"]

"""Small invented reports the tests write to disk, and the CLI run as a user runs it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

TEACHER_REPORT = """Teacher detained in Ostara

Rights monitors said on Monday that Lina Farrow, a music teacher, was detained in Ostara last week.

Her brother said she had been moved to the central prison two days later.
"""

PAGE = """<!DOCTYPE html><html><head><title>Poet held | Northwind Daily</title>
<meta property="og:site_name" content="Northwind Daily">
<meta property="article:published_time" content="2026-02-04T09:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Poet held without charge</h1>
<p>The poet Arman Vell has been held without charge since 12 January 2026, his lawyer said on Tuesday.</p>
<p>His family has not been allowed to visit him at the prison in Karsk, the lawyer added in a statement.</p>
<p>Rights groups have called for his release and for an independent inquiry into his treatment.</p>
</article><footer>Copyright Northwind Daily</footer></body></html>"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "teacher.txt").write_text(TEACHER_REPORT, encoding="utf-8")
    (folder / "poet.html").write_text(PAGE, encoding="utf-8")
    (folder / "wire.jsonl").write_text(
        json.dumps({"text": "A student was sentenced on Sunday to five years.", "url": "https://wire.example/1",
                    "title": "Student sentenced", "outlet": "Wire Example", "published": "2026-02-03",
                    "id": "w-1"}) + "\n",
        encoding="utf-8")
    return folder


class Cli:
    """Runs `python -m casewatch --db DB ...` in a subprocess, as a user would."""

    def __init__(self, db: Path):
        self.db = db

    def __call__(self, *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None,
                 db: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "casewatch", *(["--db", str(self.db)] if db else []), *args]
        full_env = {**os.environ, "COLUMNS": "200", **(env or {})}
        proc = subprocess.run(cmd, input=stdin, capture_output=True, env=full_env, timeout=600)
        return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())

    def json(self, *args: str) -> object:
        proc = self(*args, "--format", "json")
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

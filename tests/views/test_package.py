"""The views package: the JSON views and the web layer stand without Rich (the terminal's tables alone use it)."""
from __future__ import annotations

import subprocess
import sys


def test_the_api_and_the_json_views_do_not_import_rich():
    code = ("import sys\nimport casewatch.web.app, casewatch.web.api, casewatch.views.queries, casewatch.views.export\n"
            "print(sorted(m for m in sys.modules if m == 'rich' or m.startswith('rich.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_the_terminal_tables_do_use_rich():
    code = "import sys\nimport casewatch.views.case_tables\nprint('rich' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "True"

"""`casewatch case NAME` prints the case at a glance first: status and basis, latest development, open
conflicts, what remains to review."""
from __future__ import annotations

import re

from casewatch.views.glance import case_glance, glance_lines


def _words(panel_text: str) -> str:
    """The terminal's text without the panel's borders, one space between words."""
    return re.sub(r"\s+", " ", re.sub(r"[│╭╮╰╯─]", " ", panel_text)).strip()


def test_case_prints_the_top_block_first(example_cli):
    cf = example_cli.json("case", "Kourosh Dalirvand")
    out = example_cli("case", "Kourosh Dalirvand", env={"COLUMNS": "80"})
    assert out.returncode == 0, out.stderr
    first = out.stdout.splitlines()[0]
    assert "at a glance: Kourosh Dalirvand" in first
    top = out.stdout.split("╰", 1)[0]  # the first panel only
    text = _words(top)
    lines = glance_lines(case_glance(cf))
    assert [line.label for line in lines] == ["Status", "Latest development", "Open conflicts", "To review"]
    for line in lines:
        assert _words(f"{line.label}: {line.text}") in text
    assert text.index("Status:") < text.index("Latest development:") < text.index("To review:")
    assert out.stdout.index("at a glance") < out.stdout.index("CONFLICT")

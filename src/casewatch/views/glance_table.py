"""The case at a glance in the terminal: the top block ``casewatch case`` prints first (Rich)."""
from __future__ import annotations

from typing import Any

from rich.panel import Panel
from rich.text import Text

from .glance import case_glance, glance_lines


def glance_panel(cf: dict[str, Any]) -> Panel:
    body = Text()
    for i, line in enumerate(glance_lines(case_glance(cf))):
        body.append(("\n" if i else "") + f"{line.label}: ", style="bold")
        body.append(line.text)
    return Panel(body, title=f"at a glance: {cf['subject']['name']}", title_align="left")

"""The README documents every command and option the CLI has (the docs fail when they fall behind)."""
from __future__ import annotations

from pathlib import Path

import typer.main

from casewatch.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_command_and_option_is_in_the_readme() -> None:
    group = typer.main.get_command(app)
    assert group.commands, "the CLI has no commands"
    for name, command in group.commands.items():
        assert f"casewatch {name}" in README, f"command {name} is not documented"
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--"):
                    assert opt in README, f"{name} {opt} is not documented"
    for param in group.params:
        for opt in param.opts:
            if opt.startswith("--"):
                assert opt in README, f"global option {opt} is not documented"

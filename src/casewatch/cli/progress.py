"""How a long command shows where it is: a live bar on a terminal, a few plain lines otherwise.

The bar counts reports (not bytes), names the current stage and estimates the time left; it is drawn on
standard error, so standard output stays what the command prints. Where standard error is not a terminal
(a pipe, a log, ``make`` under CI) the same stages and counts come as a few lines starting with the
command's name, one per stage change and one per tenth of the reports; ``--progress none`` turns both off
and ``--progress bar`` forces the bar.
"""
from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

from ..acquire import Failure, Source


class ProgressMode(StrEnum):
    auto = "auto"
    bar = "bar"
    plain = "plain"
    none = "none"


ProgressOpt = Annotated[ProgressMode, typer.Option(
    "--progress", help="auto: a bar on a terminal, plain lines otherwise; bar, plain or none to choose.")]


def count_reports(sources: Iterable[Source | Failure]) -> int | None:
    """How many reports the sources hold: one per file, one per non-blank line of a JSONL file; None when
    standard input is among them (its count is not known before it is read)."""
    total = 0
    for s in sources:
        if isinstance(s, Failure):
            continue
        if s.path is None:
            return None
        if s.kind != "jsonl":
            total += 1
            continue
        try:
            with Path(s.path).open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        except OSError:
            total += 1  # reading it fails later, with its own message
    return total


def _plain_count(done: int, total: int | None) -> str:
    if total is not None:
        return f"{done} of {total} reports"
    return f"{done} report{'' if done == 1 else 's'}"


class StageProgress:
    """A progress display over reports with named stages; use as a context manager."""

    def __init__(self, console: Console, verb: str, total: int | None, mode: ProgressMode = ProgressMode.auto):
        self.console, self.verb, self.total = console, verb, total
        if mode is ProgressMode.auto:
            mode = ProgressMode.bar if console.is_terminal else ProgressMode.plain
        self.mode = mode
        self.done = 0
        self.stage_words = ""
        self._tenth = 0
        self._seen: set[str] = set()
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        if mode is ProgressMode.bar:
            if not console.is_terminal:  # forced: draw on this stream as if it were a terminal
                console = Console(file=console.file, force_terminal=True, width=console.width)
            self._bar = Progress(TextColumn(f"{verb} [progress.description]{{task.description}}"), BarColumn(),
                                 MofNCompleteColumn(), TextColumn("reports, time left"),
                                 TimeRemainingColumn(), console=console, transient=True)

    def __enter__(self) -> StageProgress:
        if self._bar is not None:
            self._bar.__enter__()
            self._task = self._bar.add_task("starting", total=self.total)
        elif self.mode is ProgressMode.plain:
            self._line(f"{self.total} reports to read" if self.total is not None
                       else "reading reports (how many is known once they are read)")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)  # type: ignore[arg-type]
        elif self.mode is ProgressMode.plain and exc[0] is None:
            self._line(f"done: {_plain_count(self.done, self.total)}")

    def _line(self, words: str) -> None:
        self.console.print(f"{self.verb}: {words}", markup=False, highlight=False, soft_wrap=True)

    def stage(self, words: str) -> None:
        """Enter a stage: its words beside the bar, or one plain line the first time the run enters it."""
        if words == self.stage_words:
            return
        self.stage_words = words
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, description=words)
        elif self.mode is ProgressMode.plain and words not in self._seen:  # each stage once, not once a batch
            self._seen.add(words)
            self._line(f"{words} ({_plain_count(self.done, self.total)} done)")

    def advance(self, n: int) -> None:
        """Count ``n`` more reports handled; a plain line each time another tenth of them is done."""
        self.done += n
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task, n)
        elif self.mode is ProgressMode.plain and self.total:
            tenth = min(10, self.done * 10 // self.total)
            if tenth > self._tenth:
                self._tenth = tenth
                self._line(f"{_plain_count(self.done, self.total)} done")

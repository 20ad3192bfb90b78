"""Commands that keep the record safe: back the store up, restore a backup, verify nothing was changed."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .base import Format, FormatOpt, actor, app, err, open_store, out, state


def _count(n: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{n:,} {noun if n == 1 else plural}"


def _say(line: str) -> None:
    out.print(line, markup=False, highlight=False, soft_wrap=True)


@app.command()
def backup(
    path: Annotated[Path, typer.Argument(metavar="PATH", help="The backup file to write, or a folder to write "
                                                              "NAME-TIME.db in.")],
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace PATH when it is a file that exists.")
                         ] = False,
) -> None:
    """Copy the database to PATH while ingests and the web app go on using it; the copy is checked."""
    from ..store.backup import backup as run_backup

    db = state.settings.db_path
    result = run_backup(db, path, overwrite=overwrite)
    _say(f"backed up {db} to {result.path}: {_count(result.reports, 'report')}, "
         f"{_count(result.audit_entries, 'audit entry')}, {result.size / 1_000_000:.1f} MB, integrity check ok")


@app.command()
def restore(
    path: Annotated[Path, typer.Argument(metavar="PATH", help="A backup made by `casewatch backup`.")],
    force: Annotated[bool, typer.Option("--force", help="Restore even while another process has the database "
                                                        "open (stop it first when you can).")] = False,
) -> None:
    """Bring a backup back as the database; the one it replaces is kept as NAME.before-restore-TIME."""
    from ..store import now_iso
    from ..store.backup import restore as run_restore

    db = state.settings.db_path
    result = run_restore(path, db, force=force)
    store = open_store()  # upgrades a backup made by an earlier casewatch
    try:
        store.record(now_iso(), actor(), "restore", str(db), None,
                     {"from": str(path), "kept": str(result.kept) if result.kept else None})
    finally:
        store.close()
    _say(f"restored {result.source} as {db}: {_count(result.reports, 'report')}, "
         f"{_count(result.audit_entries, 'audit entry')}")
    if result.kept is not None:
        _say(f"the database it replaced is kept as {result.kept}")
    if result.discarded_rebuild:
        _say("a stopped rebuild's copy of the replaced database was discarded; `casewatch rebuild` starts afresh")
    _say("run `casewatch verify` to check the restored database")


@app.command()
def verify(
    head: Annotated[list[str] | None, typer.Option("--head", metavar="HASH", help="An audit chain head kept "
                                                   "from an export (audit_chain.hash): fail unless it is still "
                                                   "held. May be given more than once.")] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Check every report's bytes against its id and sha256 and the audit and review hash chains; name each
    report or row that was altered, forged or deleted, and exit 1 when any was."""
    from ..store.integrity import verify as run_verify

    store = open_store()
    try:
        result = run_verify(store, tuple(head or ()))
    finally:
        store.close()
    if fmt is Format.json:
        from ..views.document_tables import print_json

        print_json(out, result.to_json())
    else:
        for problem in result.problems:
            err.print(f"casewatch: {problem.line}", markup=False, highlight=False, soft_wrap=True)
        counted = (f"verified {_count(result.reports, 'report')}, "
                   f"{_count(result.chains.get('audit', 0), 'audit entry')} "
                   f"and {_count(result.chains.get('reviews', 0), 'review')}")
        if result.intact:
            _say(f"{counted}: all intact")
        else:
            n = len(result.problems)
            _say(f"{counted}: {n} problem{'s' * (n != 1)} found (listed above); restore a backup you have verified "
                 "(`casewatch restore`) or keep this database aside as evidence of the change")
        if result.intact and result.head is not None and result.head.entries:
            _say(f"audit chain head: {result.head.hash} (audit row {result.head.entries:,}, at {result.head.at})")
    if not result.intact:
        raise typer.Exit(1)

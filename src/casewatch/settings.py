"""One settings object with the shipped defaults. Thresholds live here, not in the code that uses them."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_DB = "casewatch.db"
DB_ENV = "CASEWATCH_DB"


@dataclass(frozen=True)
class Settings:
    db_path: Path = Path(DEFAULT_DB)
    max_bytes: int = 10_000_000
    """Largest input read, in bytes (10 MB): one file, one upload, one pasted text, or the whole of standard input."""
    workers: int = 0
    """Processes for the per-document stages; 0 means one per CPU core."""
    parallel_from: int = 24
    """Batches smaller than this are processed in the calling process (a pool costs more to start)."""
    batch_size: int = 64
    """Reports processed and written per transaction."""
    suffixes: dict[str, str] = field(default_factory=lambda: {
        ".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
    })
    """File endings read when walking a folder, and the kind of report each holds."""
    max_request_bytes: int = 50_000_000
    """Largest web request body, in bytes (50 MB): bigger ones are refused (413) before being read whole."""
    max_upload_files: int = 100
    """Most files in one web upload."""
    upload_batch: int = 4
    """Reports the web's background worker processes per transaction (smaller: finer progress)."""
    login_window_minutes: int = 15
    """Failed sign-ins are counted over this many minutes."""
    login_failures_per_account: int = 5
    """Failed sign-ins to one account, within the window, that lock it."""
    login_failures_per_address: int = 20
    """Failed sign-ins from one address, within the window, that lock it out."""
    login_lockout_minutes: int = 15
    """How long a lockout lasts (an admin's change to the account lifts it sooner)."""

    def with_db(self, path: str | os.PathLike[str] | None) -> Settings:
        return replace(self, db_path=Path(path)) if path else self

    def effective_workers(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)


def default_db() -> str:
    return os.environ.get(DB_ENV) or DEFAULT_DB

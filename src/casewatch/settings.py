"""One settings object with the shipped defaults. Thresholds live here, not in the code that uses them."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
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

    # -- watching the network (casewatch.watch): the fetcher is the only code that touches it
    contact: str = ""
    """An address or page where a site's owner can reach whoever runs casewatch; named in every request's
    User-Agent. Set it (``contact = "mailto:desk@example.org"`` in the settings file)."""
    fetch_connect_timeout: float = 10.0
    """Seconds to wait for a connection."""
    fetch_read_timeout: float = 30.0
    """Seconds to wait for each piece of an answer."""
    fetch_max_redirects: int = 5
    """Most redirects followed for one request."""
    fetch_max_ratio: int = 100
    """Largest ratio of decompressed to compressed bytes accepted (a gzip bomb is refused); the decompressed
    body is capped at ``max_bytes`` too."""
    fetch_host_delay: float = 2.0
    """Seconds between two requests to one host (one request at a time per host)."""
    fetch_retries: int = 3
    """Retries of a request that timed out or got 429 or 5xx, with exponential backoff and jitter."""
    fetch_backoff: float = 1.0
    """Seconds before the first retry; doubled at each retry."""
    fetch_backoff_max: float = 120.0
    """Longest wait before a retry. A Retry-After asking for longer ends the tries at once (the error's
    ``retry_after`` says how long the site asked for), so that the site is not asked again sooner than it said."""
    fetch_ratio_from: int = 1_000_000
    """Decompressed size (bytes) from which ``fetch_max_ratio`` is enforced: small pages compress well."""
    fetch_total_timeout: float = 120.0
    """Longest one request may take in all, answer included (a site sending a byte now and then is cut off)."""
    robots_lifetime: float = 3600.0
    """Seconds a site's robots.txt is kept before it is fetched again."""
    failing_after: int = 3
    """Failed fetches in a row after which a source is marked failing (never dropped)."""
    source_every: int = 1800
    """Seconds between two fetches of a source when ``sources add`` gives no ``--every``."""
    monitor_tick: float = 1.0
    """Seconds the monitor sleeps between looks at which source is due."""

    # -- alerts (casewatch.alerts)
    base_url: str = "http://127.0.0.1:8000"
    """Where the web UI is reached: alerts link to case pages under it."""
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_user: str = ""
    smtp_password: str = field(default="", repr=False)
    """Read from $CASEWATCH_SMTP_PASSWORD when not in the settings file; never shown back."""
    smtp_from: str = "casewatch@localhost"
    smtp_starttls: bool = False
    smtp_timeout: float = 30.0
    alert_backoff: float = 30.0
    """Seconds before an alert that could not be delivered is tried again; doubled at each try."""
    alert_backoff_max: float = 3600.0
    """Longest wait between two tries of one alert: it is tried until delivered, never dropped."""
    digest_hour: int = 7
    """The hour (UTC) when daily digests are sent."""
    alert_files_dir: str = ""
    """The folder where a file channel chosen in the web UI writes (the web takes a file name only, never a
    path); empty: an ``alerts`` folder beside the database."""
    webhook_local_ok: bool = False
    """Whether a webhook given in the web UI or API may point at this machine or a private network (loopback,
    private, link-local addresses, ``localhost``, ``*.local``, ``*.internal``); the CLI may always."""

    def with_db(self, path: str | os.PathLike[str] | None) -> Settings:
        return replace(self, db_path=Path(path)) if path else self

    def effective_workers(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)


CONFIG_ENV = "CASEWATCH_CONFIG"
SMTP_PASSWORD_ENV = "CASEWATCH_SMTP_PASSWORD"


def load_settings(path: str | os.PathLike[str] | None = None) -> Settings:
    """The shipped defaults, with what the settings file (TOML: ``key = value``, names as in :class:`Settings`)
    changes; the file is ``path``, else $CASEWATCH_CONFIG, else none."""
    import tomllib

    from .errors import InvalidValueError

    given = path or os.environ.get(CONFIG_ENV)
    values: dict[str, object] = {}
    if given:
        where = Path(given)
        try:
            values = tomllib.loads(where.read_text(encoding="utf-8"))
        except OSError as e:
            reason = e.strerror or e
            raise InvalidValueError(f"settings file {where}: cannot be read ({reason}); check the path") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise InvalidValueError(f"settings file {where}: not valid TOML ({e}); fix it") from None
        known = {f.name: f for f in fields(Settings)}
        for key, value in values.items():
            if key not in known or key in ("db_path", "suffixes"):
                raise InvalidValueError(f"settings file {where}: unknown setting {key!r}; see casewatch/settings.py")
            default = getattr(Settings, key)
            if isinstance(default, bool) != isinstance(value, bool) or not isinstance(
                    value, type(default) if not isinstance(default, float) else (int, float)):
                raise InvalidValueError(f"settings file {where}: {key} must be a {type(default).__name__}")
    if not values.get("smtp_password") and os.environ.get(SMTP_PASSWORD_ENV):
        values["smtp_password"] = os.environ[SMTP_PASSWORD_ENV]
    return replace(Settings(), **values)  # type: ignore[arg-type]


def default_db() -> str:
    return os.environ.get(DB_ENV) or DEFAULT_DB

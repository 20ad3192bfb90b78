"""The casewatch command line: a thin shell over the store, ingest, review, access and render modules.

Every error reaches the user as one line on stderr and an exit status:
1 when some input failed, 2 for a wrong id, a wrong value, an unusable database
or missing access.
"""
from __future__ import annotations

from ..errors import CasewatchError

# isort: off  (each module registers its commands; --help lists them in this order)
from . import alerts, cases, changes, evidence, people, reports, watch, web  # noqa: F401
from .base import app, err, fail

# isort: on

__all__ = ["app", "main"]


def main() -> None:
    """Entry point: run the app, turning casewatch errors into one line and an exit status."""
    try:
        app()
    except CasewatchError as e:
        raise SystemExit(fail(str(e), e.exit_code).exit_code) from None
    except KeyboardInterrupt:
        err.print("casewatch: interrupted; what was stored so far is kept")
        raise SystemExit(130) from None

"""Web fixtures: a copy of the examples database with three users and their tokens, and an in-process client."""
from __future__ import annotations

from pathlib import Path

import pytest

from web.site import Site, copy_db, make_site


@pytest.fixture(scope="module")
def site(example_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The examples, three users (viewer, analyst, admin; each named after its role), an in-process client."""
    return make_site(copy_db(example_db, tmp_path_factory.mktemp("web") / "casewatch.db"))

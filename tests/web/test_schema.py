"""The API against its own OpenAPI document, as schemathesis runs it with a token: generated calls (examples,
coverage of edge values and undeclared methods, fuzzing) never get a server error, an answer the document does
not declare, or a 405 without an Allow header."""
from __future__ import annotations

import pytest
import schemathesis
from schemathesis.engine import Status, events

from web.site import make_site

pytestmark = pytest.mark.slow

MAX_EXAMPLES = 10


@pytest.fixture(scope="module")
def api_site(tmp_path_factory: pytest.TempPathFactory):
    """A fresh store with one report, so lists are not empty."""
    site = make_site(tmp_path_factory.mktemp("schema") / "casewatch.db")
    files = {"files": ("port.txt", b"Port workers held\n\nThe dock worker Arvo Lenk was arrested in Port Elsin on "
                                   b"Monday, his union said.\n", "text/plain")}
    assert site.client.post("/api/documents", files=files, headers=site.auth("admin")).status_code == 202
    return site


def _line(label: str, check) -> str:
    info = check.failure_info
    return f"{label}: {check.name}: {info.failure.title}: {info.failure.message}" if info else f"{label}: {check.name}"


def run_schemathesis(site) -> tuple[int, list[str]]:
    """Every phase of a seeded, bounded schemathesis run; (cases sent, one line per failed check)."""
    spec = site.client.get("/api/openapi.json", headers=site.auth("admin")).json()
    config = schemathesis.Config.from_dict({
        "seed": 20261203, "headers": site.auth("admin"),
        "generation": {"max-examples": MAX_EXAMPLES, "deterministic": True},
    })
    schema = schemathesis.openapi.from_dict(spec, config=config)
    schema.app = site.client.app
    cases, failures = 0, []
    for event in schemathesis.engine.from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            cases += len(event.recorder.cases)
            for checks in event.recorder.checks.values():
                failures.extend(_line(event.recorder.label, c) for c in checks if c.status == Status.FAILURE)
        elif isinstance(event, events.NonFatalError | events.FatalError):
            failures.append(f"error: {getattr(event, 'info', event)}")
    return cases, sorted(set(failures))


def test_generated_calls_get_declared_answers(api_site):
    cases, failures = run_schemathesis(api_site)
    print(f"schemathesis: {cases} cases, {len(failures)} unique failures")
    assert cases > 100
    assert failures == [], "\n".join(failures)

"""Page and API response times: median and p95 per route, in process (the ASGI app through its test client).

The store is copied first, and a user with a token added to the copy, so the
measured database is never changed. Each route is asked for many different
cases and reports, so the figures cover small and large case files alike.
"""
from __future__ import annotations

import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

ROUTES_PER_KIND = 40


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(db: Path, label: str, rounds: int = ROUTES_PER_KIND) -> list[str]:
    """Lines of a table: route, calls, median ms, p95 ms; then the pages and API overall."""
    from fastapi.testclient import TestClient

    from casewatch.access import add_user, create_token
    from casewatch.settings import Settings
    from casewatch.store import open_store
    from casewatch.web import create_app

    work = Path(tempfile.mkdtemp(prefix="casewatch-web-bench-"))
    copy = work / "casewatch.db"
    import sqlite3

    with sqlite3.connect(db) as a, sqlite3.connect(copy) as b:
        a.backup(b)
    store = open_store(copy)
    add_user(store, "bench", "admin", "bench password", "bench")
    _, token = create_token(store, "bench", "bench", "bench")
    total_cases, rows = store.case_rows()
    docs = [d.id for d in store.list_documents()]
    store.close()
    rng = random.Random(7)
    cases = rng.sample([r["id"] for r in rows], min(rounds, len(rows)))
    sample_docs = rng.sample(docs, min(rounds, len(docs)))
    statuses = sorted({r["status"] for r in rows})
    client = TestClient(create_app(Settings().with_db(copy)))
    headers = {"Authorization": f"Bearer {token}"}
    routes: dict[str, list[str]] = {
        "page /": ["/", *(f"/?status={s}" for s in statuses), "/?sort=name&p=2", "/?q=a"],
        "page /cases/{id}": [f"/cases/{c}" for c in cases],
        "page /documents/{id}": [f"/documents/{d}" for d in sample_docs],
        "page /search": [f"/search?q={w}" for w in ("arrested", "prison", "sentenced court", "rights group")],
        "api /api/cases": ["/api/cases", "/api/cases?page=2", "/api/cases?per_page=200"],
        "api /api/cases/{id}": [f"/api/cases/{c}" for c in cases],
        "api /api/documents": ["/api/documents", "/api/documents?page=3"],
        "api /api/documents/{id}": [f"/api/documents/{d}" for d in sample_docs],
        "api /api/entities": ["/api/entities", "/api/entities?kind=person", "/api/entities?kind=org&page=2"],
        "api /api/figures": ["/api/figures", "/api/figures?page=2"],
    }
    timings: dict[str, list[float]] = {}
    for name, paths in routes.items():
        client.get(paths[0], headers=headers)  # first call: templates compiled, caches warm
        want = max(rounds, len(paths))
        for i in range(want):
            path = paths[i % len(paths)]
            t0 = time.perf_counter()
            got = client.get(path, headers=headers)
            timings.setdefault(name, []).append(1000 * (time.perf_counter() - t0))
            if got.status_code != 200:
                raise RuntimeError(f"{path}: {got.status_code} {got.text[:300]}")
    client.close()
    shutil.rmtree(work, ignore_errors=True)
    lines = [f"web over {label}: {total_cases} cases, {len(docs)} reports; {rounds} calls a route, in process",
             f"  {'route':<30}{'calls':>7}{'median ms':>11}{'p95 ms':>9}"]
    for name, values in timings.items():
        lines.append(f"  {name:<30}{len(values):>7}{statistics.median(values):>11.1f}{_p95(values):>9.1f}")
    for kind in ("page", "api"):
        values = [v for name, vs in timings.items() if name.startswith(kind) for v in vs]
        lines.append(f"  {'all ' + kind + 's':<30}{len(values):>7}{statistics.median(values):>11.1f}"
                     f"{_p95(values):>9.1f}")
    return lines


def summary(lines: list[str]) -> str:
    """`pages median/p95 X/Y ms, API X/Y ms` from the last two lines of :func:`measure`."""
    pages, api = lines[-2].split(), lines[-1].split()
    return f"pages {pages[-2]}/{pages[-1]} ms, API {api[-2]}/{api[-1]} ms (median/p95)"

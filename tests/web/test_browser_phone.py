"""At a phone's width (390 px) no page scrolls sideways: the cases list, a case page, a report page, the audit log
and the printable dossier. Screenshots of each at 1400 and 390 px go to build/screenshots/ (or
$CASEWATCH_SCREENSHOTS; docs/screenshots/ holds the README's copies)."""
from __future__ import annotations

import pytest

from web.site import sign_in

pytestmark = [pytest.mark.slow, pytest.mark.browser]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1400, "height": 1000}


CASE = "/cases/Kourosh%20Dalirvand"  # the examples' largest case: most facts, events, conflicts and reports


def _pages(page, base: str) -> dict[str, str]:
    """The pages to check, by screenshot name (the report is the case's first quoted one)."""
    page.goto(f"{base}{CASE}")
    report = page.locator("a.quote").first.get_attribute("href").split("#")[0]
    return {"cases": "/", "case": CASE, "report": report, "audit": "/audit", "dossier": f"{CASE}/export.html"}


def test_no_page_scrolls_sideways_at_390_px(server, browser, shots):
    page = browser.new_page(viewport=DESKTOP)
    sign_in(page, server, "admin")
    wide = {}
    for name, path in _pages(page, server).items():
        for size, viewport in (("1400", DESKTOP), ("390", PHONE)):
            page.set_viewport_size(viewport)
            response = page.goto(f"{server}{path}")
            assert response.status == 200, (path, response.status)
            page.screenshot(path=str(shots / f"{name}-{size}.png"))  # what the screen shows first
            if size == "390":
                wide[name] = page.evaluate("document.documentElement.scrollWidth")
    assert all(width <= 390 for width in wide.values()), wide
    page.close()

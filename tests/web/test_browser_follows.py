"""In a real browser: a viewer follows a case from its page and finds it on the Following page; neither page
scrolls sideways at a phone's width (390 px)."""
from __future__ import annotations

import pytest

from web.site import sign_in

pytestmark = [pytest.mark.slow, pytest.mark.browser]

PHONE = {"width": 390, "height": 844}


def _no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{page.url} is {width} px wide at 390 px"


def test_a_viewer_follows_a_case_on_a_phone(server, browser, shots):
    page = browser.new_page(viewport=PHONE)
    sign_in(page, server, "viewer")
    page.goto(f"{server}/cases/Behnam%20Ostovari")
    _no_sideways_scroll(page)
    follow = page.locator("details.follow-case")
    follow.locator("summary").click()
    _no_sideways_scroll(page)
    follow.locator("select[name=channel]").select_option("webhook")
    follow.locator("input[name=target]").fill("https://hooks.example.org/a-long-private-path-that-must-not-show/x")
    follow.locator("select[name=digest]").select_option("daily")
    follow.locator("button[type=submit]").click()
    page.wait_for_url(f"{server}/cases/*/follow")
    made = page.locator(".follow-made").inner_text()
    assert "Now following" in made and "Signing secret" in made and "private-path" not in made
    _no_sideways_scroll(page)
    page.screenshot(path=str(shots / "follows-made-390.png"), full_page=True)
    page.goto(f"{server}/follows")
    rows = page.locator("table.follows tbody tr").all_inner_texts()
    assert any("https://hooks.example.org/…" in r and "daily digest" in r for r in rows), rows
    _no_sideways_scroll(page)
    page.screenshot(path=str(shots / "follows-390.png"), full_page=True)
    page.close()

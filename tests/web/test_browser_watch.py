"""At a phone's width (390 px) the Sources page, with a long address and its fetch log, does not scroll sideways;
an analyst adds a source through its form. Screenshots at 1400 and 390 px go to the screenshots folder."""
from __future__ import annotations

import pytest

from web.site import sign_in

pytestmark = [pytest.mark.slow, pytest.mark.browser]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1400, "height": 1000}
LONG = ("https://very-long-outlet-name-for-regional-rights-news.example.org/feeds/category/detentions-and-trials/"
        "rss.xml?edition=international&format=full")


def test_an_analyst_adds_a_source_and_the_page_fits_a_phone(server, browser, shots):
    page = browser.new_page(viewport=DESKTOP)
    sign_in(page, server, "analyst")
    page.click("nav >> text=Sources")
    page.wait_for_url(f"{server}/sources")
    page.fill("input[name=url]", LONG)
    page.fill("input[name=name]", "Regional rights news")
    page.fill("input[name=every]", "2h")
    page.select_option("select[name=kind]", "feed")
    page.click("form[action='/sources'] button[type=submit]")
    page.wait_for_url(f"{server}/sources")
    row = page.locator("table.sources tbody tr", has_text="Regional rights news")
    assert row.count() == 1 and "2h" in row.inner_text()
    wide = {}
    for size, viewport in (("1400", DESKTOP), ("390", PHONE)):
        page.set_viewport_size(viewport)
        page.goto(f"{server}/sources")
        page.screenshot(path=str(shots / f"sources-{size}.png"), full_page=True)
        wide[size] = page.evaluate("document.documentElement.scrollWidth")
    assert wide["390"] <= 390, wide
    page.close()

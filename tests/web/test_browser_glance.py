"""In a real browser: the case page's top block, its section links, the timeline's undated events, and no
sideways scroll on a phone."""
from __future__ import annotations

import pytest

from web.site import sign_in

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CASE = "/cases/Kourosh%20Dalirvand"


def test_the_top_block_and_a_section_link(server, browser, shots):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, server, "viewer")
    page.goto(server + CASE)
    block = page.locator("section.glance")
    assert block.is_visible()
    labels = block.locator("dt").all_inner_texts()
    assert labels == ["Status", "Latest development", "Open conflicts", "To review"]
    status = block.locator(".glance-line").first.inner_text()
    assert "sentenced to death" in status and "independent source" in status and "says so:" in status
    head = page.locator("header.case-head").bounding_box()
    first_section = page.locator("section.conflicts").bounding_box()
    assert block.bounding_box()["y"] < first_section["y"] and head["y"] < block.bounding_box()["y"]
    page.screenshot(path=str(shots / "case-glance.png"))

    toc = page.locator("nav.case-toc")
    for name in ("Conflicts", "Timeline", "Facts", "Events", "Sources"):
        assert toc.get_by_role("link", name=name).count() == 1
    toc.get_by_role("link", name="Sources").click()
    page.wait_for_function("location.hash === '#sources-h'")
    heading = page.locator("#sources-h").bounding_box()
    assert 0 <= heading["y"] < 900  # scrolled into view
    assert page.evaluate("window.scrollY") > 0

    basis = block.locator(".glance-line").first.locator("a.glance-link")
    target = basis.get_attribute("href")
    basis.click()
    page.wait_for_function(f"location.hash === {target!r}")
    assert page.locator(f"[id='{target[1:]}']").is_visible()


def test_the_timeline_draws_undated_events_and_a_legend(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, server, "viewer")
    page.goto(server + CASE)
    chart = page.locator("svg.timeline-chart[data-layout=wide]")
    assert chart.is_visible()
    undated = chart.locator("polygon.undated")
    assert undated.count() >= 1
    assert "on or before" in undated.first.locator("title").text_content()
    assert chart.locator("rect.event").count() >= 1 and chart.locator("text.tick-label").count() >= 3
    legend = page.locator("section.timeline .legend").inner_text()
    assert "stated" in legend and "alleged" in legend and "on or before" in legend


def test_a_case_page_does_not_scroll_sideways_on_a_phone(server, browser, shots):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    sign_in(page, server, "analyst")
    page.goto(server + CASE)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator("svg.timeline-chart[data-layout=wide]").is_hidden()
    narrow = page.locator("svg.timeline-chart[data-layout=narrow]")
    assert narrow.is_visible() and narrow.locator("polygon.undated").count() >= 1
    sizes = narrow.locator("text.tick-label, text.row-label").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().height)")
    assert sizes and min(sizes) >= 10  # labels readable on the phone, not a few pixels tall
    page.screenshot(path=str(shots / "case-glance-390.png"), full_page=False)

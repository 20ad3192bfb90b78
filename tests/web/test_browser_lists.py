"""In a real browser: the cases list finds a person by an alias typed without capitals, sorts by a column when its
header is clicked (and the other way on a second click), keeps the filter while sorting, and does not scroll
sideways at phone width."""
from __future__ import annotations

import pytest

from web.site import sign_in

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _column(page, label: str) -> list[str]:
    return [t.strip() for t in page.locator(f'table.cases td[data-label="{label}"]').all_inner_texts()]


def test_alias_search_and_sort_by_a_column(server, browser, shots):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, server, "viewer")

    page.fill("form.filters input[name=q]", "kurosh")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    assert _column(page, "Name") == ["Kourosh Dalirvand"]
    assert page.input_value("form.filters input[name=q]") == "kurosh"

    page.goto(f"{server}/")
    page.click("table.cases th a:has-text('Reports')")
    page.wait_for_load_state()
    first = [int(v) for v in _column(page, "Reports")]
    assert len(set(first)) > 1 and first == sorted(first, reverse=True)
    page.click("table.cases th a:has-text('Reports')")
    page.wait_for_load_state()
    assert [int(v) for v in _column(page, "Reports")] == sorted(first)

    page.click("table.cases th a:has-text('Name')")
    page.wait_for_load_state()
    names = _column(page, "Name")
    assert names == sorted(names)
    page.screenshot(path=str(shots / "cases-sorted.png"), full_page=True)
    page.close()


def test_filter_kept_while_sorting_and_no_sideways_scroll_on_a_phone(server, browser, shots):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    sign_in(page, server, "viewer")
    every = set(_column(page, "Name"))
    page.goto(f"{server}/?q=ar")
    before = set(_column(page, "Name"))
    assert before and before < every
    page.click("table.cases th a:has-text('Latest development')")
    page.wait_for_load_state()
    assert set(_column(page, "Name")) == before and "q=ar" in page.url
    for path in ("/", "/documents?sort=published"):
        page.goto(f"{server}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    page.screenshot(path=str(shots / "cases-390.png"), full_page=True)
    page.close()

"""In a real browser: the case page's source counts lead to what they mean, and nothing scrolls sideways at 390 px."""
from __future__ import annotations

import pytest

from web.site import sign_in

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_the_counts_link_to_their_meaning_and_fit_a_phone(server, browser, shots):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    sign_in(page, server, "viewer")
    page.click("text=Kourosh Dalirvand")
    terms = page.locator("details.source-terms")
    assert not terms.evaluate("d => d.open")
    assert "outlet" in page.locator(".facts-line .count-outlets abbr").get_attribute("title")
    page.click(".facts-line a.terms-link")  # following the link opens the box it points into
    page.wait_for_function("document.querySelector('details.source-terms').open")
    assert page.locator("#source-terms-list dt").all_inner_texts() == ["outlet", "independent source",
                                                                       "primary source"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    terms.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "case-sources-390.png"))

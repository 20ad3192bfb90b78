"""In a real browser: an analyst takes a case (in review, assigned to herself) from its page, sees it in the
header, and finds it with "assigned to me" on the cases list."""
from __future__ import annotations

import pytest

from web.site import sign_in

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_an_analyst_takes_a_case_and_finds_it_assigned_to_her(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, server, "analyst")
    page.goto(f"{server}/cases/Behnam%20Ostovari")
    work = page.locator("#work")
    assert "new" in work.inner_text() and "nobody assigned" in work.inner_text()
    work.locator("details.work-edit summary").click()
    work.locator("select[name=state]").select_option("in_review")
    work.locator("select[name=assignee]").select_option("analyst")
    work.locator("input[name=note]").fill("taking it")
    work.locator("button[type=submit]").click()
    page.wait_for_url("**#work")
    shown = page.locator("#work").inner_text()
    assert "in review" in shown and "assigned to analyst" in shown and "taking it" in shown

    page.goto(f"{server}/")
    page.locator("input[name=mine]").check()
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_load_state()
    names = page.locator("table.cases tbody td[data-label='Name']").all_inner_texts()
    assert names == ["Behnam Ostovari"], names
    assert "in review · analyst" in page.locator("table.cases tbody").inner_text()
    page.close()

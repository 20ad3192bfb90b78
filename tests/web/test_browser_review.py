"""Reviewing in a real browser (Playwright driving Debian's Chromium): no decision is chosen for the analyst, a
rejection without a note is refused beside its form with what was typed kept, a group of near-duplicate facts is
reviewed with one form, and a conflict settled by rejecting one side stays on the page, marked settled."""
from __future__ import annotations

import re

import pytest

from web.site import sign_in

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CASE = "/cases/Kourosh%20Dalirvand"


@pytest.fixture
def page(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sign_in(page, server, "analyst")
    page.goto(f"{server}{CASE}")
    yield page
    assert dialogs == []
    page.close()


def fact_item(page, value: str):
    """The fact whose shown value is exactly ``value``."""
    return page.locator("section.facts .fact", has=page.locator(".value", has_text=re.compile(f"^{value}$"))).first


def test_no_decision_is_chosen_and_the_browser_asks_for_one(page):
    item = page.locator("section.events .event-item").first
    item.locator("details.review-form summary").click()
    select = item.locator("select[name=state]")
    assert select.input_value() == ""
    assert select.evaluate("e => e.options[e.selectedIndex].text") == "choose…"
    url = page.url
    item.locator("button[type=submit]").click()
    assert select.evaluate("e => e.validity.valueMissing")
    assert page.url == url  # nothing was sent


def test_a_rejection_without_a_note_is_refused_in_place(page, server):
    item = fact_item(page, "24")
    target = item.get_attribute("id")
    item.locator("details.review-form summary").click()
    item.locator("select[name=state]").select_option("rejected")
    note = item.locator("input[name=note]")
    assert note.evaluate("e => e.required && e.validity.valueMissing")  # the browser asks for the note first
    # the server enforces it too: send the form as a browser without the check would
    item.locator("form").evaluate("f => { f.noValidate = true; }")
    item.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url.startswith(f"{server}/cases/")
    assert "Kourosh Dalirvand" in page.locator("h1").first.inner_text()
    again = page.locator(f"[id='{target}']")
    error = again.locator(".form-error")
    assert error.is_visible() and "say in the note why the fact is rejected" in error.inner_text()
    assert again.locator("select[name=state]").input_value() == "rejected"
    assert page.locator(".form-error").count() == 1


def test_a_group_of_near_duplicate_facts_is_reviewed_once(page, shots):
    group = page.locator("section.facts .fact-group", has=page.locator(".value", has_text="armed insurrection")).first
    assert group.locator(".fact").count() == 2 and group.locator("form").count() == 1
    group.locator("details.review-form summary").click()
    group.locator("select[name=state]").select_option("confirmed")
    group.locator("input[name=note]").fill("one charge told two ways")
    group.locator("button[type=submit]").click()
    page.wait_for_load_state()
    group = page.locator("section.facts .fact-group", has=page.locator(".value", has_text="armed insurrection")).first
    badges = group.locator(".fact .review")
    assert [badges.nth(i).inner_text() for i in range(badges.count())] == ["confirmed", "confirmed"]
    assert "one charge told two ways" in group.locator(".review-note").first.inner_text()
    group.screenshot(path=str(shots / "review-group.png"))


def test_a_conflict_settled_by_a_rejection_stays_shown_as_settled(page, shots):
    age = page.locator("section.conflicts .conflict", has_text="Age").first
    conflict_id = age.get_attribute("id")
    item = fact_item(page, "24")
    item.locator("details.review-form summary").click()
    item.locator("select[name=state]").select_option("rejected")
    item.locator("input[name=note]").fill("the court record gives 23")
    item.locator("button[type=submit]").click()
    page.wait_for_load_state()
    settled = page.locator(f"section.conflicts [id='{conflict_id}']")
    assert "settled" in (settled.get_attribute("class") or "").split()
    text = settled.inner_text()
    assert "settled" in text and "analyst" in text and "the court record gives 23" in text
    assert "Settled on: 23" in " ".join(text.split())
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator("section.conflicts").screenshot(path=str(shots / "review-settled-390.png"))

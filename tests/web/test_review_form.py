"""The case page's review forms, in process: no default decision, a required note enforced by the server with the
error shown in place (the case page itself, 422, what was typed kept), notes shown as text, one form for a group
of near-duplicate facts, and a conflict settled by rejecting one side still shown, marked settled."""
from __future__ import annotations

from urllib.parse import quote

import lxml.html
import pytest

CASE = "Kourosh Dalirvand"


@pytest.fixture(scope="module")
def analyst(site):
    return site.signed_in("analyst")


@pytest.fixture(scope="module")
def case(analyst) -> dict:
    return analyst.get(f"/api/cases/{quote(CASE)}").json()


def page_of(client, cf: dict):
    got = client.get(f"/cases/{cf['id']}")
    assert got.status_code == 200, got.text
    return lxml.html.fromstring(got.text)


def form_for(doc, target: str):
    """The review form whose targets include ``target``."""
    (form,) = [f for f in doc.xpath("//form[contains(@action, '/review')]")
               if target in f.xpath(".//input[@name='target']/@value")]
    return form


def fact(cf: dict, field: str, value: str) -> dict:
    return next(f for f in cf["facts"] if f["field"] == field and f["value"] == value)


def post(client, cf: dict, targets: list[str], **fields: str):
    data = {"csrf": client.csrf, "target": targets, **fields}
    return client.post(f"/cases/{cf['id']}/review", data=data, follow_redirects=False)


def test_no_decision_is_chosen_before_the_analyst_chooses_one(analyst, case):
    doc = page_of(analyst, case)
    selects = doc.xpath("//form[contains(@action, '/review')]//select[@name='state']")
    assert selects
    for select in selects:
        assert select.get("required") is not None
        first = select.xpath("./option")[0]
        assert first.get("value") == "" and first.get("selected") is not None and first.get("disabled") is not None
        assert not [o for o in select.xpath("./option")[1:] if o.get("selected") is not None]
    notes = doc.xpath("//form[contains(@action, '/review')]//label[input[@name='note']]")
    assert notes and all("required to reject or edit" in n.text_content() for n in notes)


def test_a_review_without_a_decision_is_refused_in_place(analyst, case):
    target = case["events"][0]["id"]
    got = post(analyst, case, [target], state="", note="")
    assert got.status_code == 422
    error = form_for(lxml.html.fromstring(got.text), target).xpath(".//*[@class='form-error']")
    assert error and "choose a decision" in error[0].text_content()


def test_rejecting_without_a_note_answers_the_case_page_with_the_error_beside_that_form(analyst, case):
    target = fact(case, "age", "24")["id"]
    got = post(analyst, case, [target], state="rejected", note="  ", value="kept value")
    assert got.status_code == 422 and "text/html" in got.headers["content-type"]
    doc = lxml.html.fromstring(got.text)
    assert CASE in doc.xpath("//h1")[0].text_content()  # the case page itself, not an error page
    form = form_for(doc, target)
    (error,) = form.xpath(".//*[@class='form-error']")
    assert "say in the note why the fact is rejected" in error.text_content()
    assert form.getparent().get("open") is not None  # the form is open where the analyst left it
    assert form.xpath(".//option[@selected]/@value") == ["rejected"]
    assert form.xpath(".//input[@name='value']/@value") == ["kept value"]
    assert form.xpath(".//input[@name='note']")[0].get("required") is not None
    others = [f for f in doc.xpath("//form[contains(@action, '/review')]") if f is not form]
    assert others and not [f for f in others if f.xpath(".//*[@class='form-error']")]
    after = analyst.get(f"/api/cases/{case['id']}").json()
    assert fact(after, "age", "24")["review"] == "unreviewed"


def test_an_edit_without_a_note_is_refused_too(analyst, case):
    target = fact(case, "age", "23")["id"]
    got = post(analyst, case, [target], state="edited", value="25", note="")
    assert got.status_code == 422
    (error,) = form_for(lxml.html.fromstring(got.text), target).xpath(".//*[@class='form-error']")
    assert "why the fact was edited" in error.text_content()


def test_a_note_is_shown_as_text_beside_the_badge(analyst, case):
    target = next(e for e in case["events"])["id"]
    assert post(analyst, case, [target], state="confirmed", note="matches the court notice").status_code == 303
    doc = page_of(analyst, case)
    (item,) = doc.xpath(f"//*[@id='{target}']")
    (note,) = item.xpath(".//*[@class='review-note']")
    assert "analyst" in note.text_content() and "matches the court notice" in note.text_content()


def test_near_duplicate_facts_share_one_form_and_each_gets_its_own_review(analyst, case, site):
    short = fact(case, "charge", "armed insurrection")["id"]
    long = fact(case, "charge", "armed insurrection against the state")["id"]
    doc = page_of(analyst, case)
    form = form_for(doc, short)
    assert form.xpath(".//input[@name='target']/@value") == [short, long]
    assert not doc.xpath(f"//*[@id='{long}']//form")  # no second form for the other member
    assert post(analyst, case, [short, long], state="confirmed", note="one charge, told twice").status_code == 303
    after = analyst.get(f"/api/cases/{case['id']}").json()
    assert {fact(after, "charge", v)["review"] for v in ("armed insurrection",
                                                        "armed insurrection against the state")} == {"confirmed"}
    from casewatch.store import open_store

    store = open_store(site.db)
    try:
        history = [r for r in store.review_history(case["id"]) if r.note == "one charge, told twice"]
    finally:
        store.close()
    assert sorted(r.target_id for r in history) == sorted([short, long])


def test_the_api_reviews_a_whole_group_when_asked(site, case):
    court = next(f for f in case["facts"] if f["field"] == "court" and f["value"] == "State Security Court")
    body = {"case": case["id"], "target": court["id"], "state": "confirmed", "note": "same court", "group": True}
    got = site.client.post("/api/reviews", json=body, headers=site.auth("analyst"))
    assert got.status_code == 201, got.text
    items = got.json()["items"]
    assert len(items) == 2 and {i["field"] for i in items} == {"court"}
    assert {i["review"] for i in items} == {"confirmed"}


def test_a_conflict_settled_by_rejecting_one_side_stays_shown_as_settled(analyst, case):
    (conflict,) = [c for c in case["conflicts"] if c["field"] == "age"]
    wrong = fact(case, "age", "24")["id"]
    assert post(analyst, case, [wrong], state="rejected", note="the court gave 23").status_code == 303
    after = analyst.get(f"/api/cases/{case['id']}").json()
    assert conflict["id"] not in [c["id"] for c in after["conflicts"]]
    doc = page_of(analyst, case)
    (shown,) = doc.xpath(f"//section[@class='conflicts']//*[@id='{conflict['id']}']")
    assert "settled" in shown.get("class").split()
    text = " ".join(shown.text_content().split())
    assert "settled by analyst" in text and "rejected '24': the court gave 23" in text
    assert "Settled on: 23" in text
    (aside,) = shown.xpath(".//*[contains(@class, 'set-aside')]/*[@class='value']")
    assert aside.text_content() == "24"


def test_a_refused_review_of_no_form_on_the_page_still_says_why(analyst, case):
    got = post(analyst, case, [], state="confirmed", note="")
    assert got.status_code == 422
    doc = lxml.html.fromstring(got.text)
    (error,) = doc.xpath("//section[@class='conflicts']/*[@class='form-error']")
    assert "say which fact, event or conflict" in error.text_content()

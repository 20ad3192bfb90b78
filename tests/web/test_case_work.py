"""A case's team state and assignee: set through the API and the case page's form, shown on the page, kept in the
case file (surviving the remaking of case files), audited, and refused with a clear message when wrong."""
from __future__ import annotations

import re

CASE = "Kourosh Dalirvand"


def _case_id(site) -> str:
    return site.client.get(f"/api/cases/{CASE}", headers=site.auth("viewer")).json()["id"]


def test_a_new_case_has_no_state_set_and_nobody_assigned(site):
    got = site.client.get(f"/api/cases/{_case_id(site)}", headers=site.auth("viewer")).json()
    assert got["work"] == {"state": "new", "assignee": None}


def test_an_analyst_takes_a_case_and_an_admin_verifies_it(site):
    case_id = _case_id(site)
    got = site.client.post(f"/api/cases/{case_id}/work", headers=site.auth("analyst"),
                           json={"state": "in_review", "assignee": "analyst", "note": "checking the court dates"})
    assert got.status_code == 201, got.text
    assert got.json()["work"]["state"] == "in_review" and got.json()["work"]["assignee"] == "analyst"
    case = site.client.get(f"/api/cases/{case_id}", headers=site.auth("viewer")).json()
    assert case["work"]["by"] == "analyst" and case["work"]["note"] == "checking the court dates"
    assert case["review"]["unreviewed"] >= 1  # the case's own counts are not touched by its state

    done = site.client.post(f"/api/cases/{case_id}/work", headers=site.auth("admin"), json={"state": "verified"})
    work = done.json()["work"]
    assert work == {"state": "verified", "assignee": None, "by": "admin", "at": work["at"], "note": ""}
    audit = site.client.get("/api/audit", headers=site.auth("admin")).json()["items"]
    assert any(e["target"] == f"{case_id}/case" and e["after"]["state"] == "verified" for e in audit)


def test_a_wrong_state_or_an_unknown_assignee_is_refused_with_what_to_do(site):
    case_id = _case_id(site)
    bad = site.client.post(f"/api/cases/{case_id}/work", headers=site.auth("analyst"), json={"state": "done"})
    assert bad.status_code == 422
    nobody = site.client.post(f"/api/cases/{case_id}/work", headers=site.auth("analyst"),
                              json={"state": "in_review", "assignee": "Mira Holt"})
    assert nobody.status_code == 404
    assert "user list" in nobody.json()["error"]["message"]


def test_the_case_page_shows_the_state_and_its_form_sets_it(site):
    from fastapi.testclient import TestClient

    client = TestClient(site.client.app)
    csrf = site.login(client, "analyst")
    case_id = _case_id(site)
    done = client.post(f"/cases/{case_id}/work", data={"csrf": csrf, "state": "in_review", "assignee": "analyst",
                                                       "note": "mine"}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"].endswith("#work")
    page = client.get(f"/cases/{case_id}").text
    block = re.search(r'<div class="case-work" id="work">(.*?)</div>', page, re.S).group(1)
    assert "in review" in block and '<strong class="assignee">analyst</strong>' in block
    assert '<option value="analyst" selected>analyst (me)</option>' in block


def test_the_cases_list_filters_by_team_state_assignee_and_assigned_to_me(site):
    from fastapi.testclient import TestClient

    case_id = _case_id(site)
    other = next(c for c in site.client.get("/api/cases?per_page=100", headers=site.auth("viewer")).json()["items"]
                 if c["id"] != case_id)
    assert site.client.post(f"/api/cases/{case_id}/work", headers=site.auth("analyst"),
                            json={"state": "in_review", "assignee": "analyst"}).status_code == 201
    assert site.client.post(f"/api/cases/{other['id']}/work", headers=site.auth("admin"),
                            json={"state": "verified", "assignee": "admin"}).status_code == 201

    def listed(query: str, role: str = "viewer") -> set[str]:
        items = site.client.get(f"/api/cases?per_page=100&{query}", headers=site.auth(role)).json()["items"]
        return {c["id"] for c in items}

    assert listed("state=in_review") == {case_id}
    assert listed("state=verified") == {other["id"]}
    assert listed("assignee=admin") == {other["id"]}
    assert case_id not in listed("state=new") and other["id"] not in listed("state=new")
    assert len(listed("state=new")) + 2 == len(listed(""))
    assert site.client.get("/api/cases?state=finished", headers=site.auth("viewer")).status_code == 422

    client = TestClient(site.client.app)
    site.login(client, "analyst")
    mine = client.get("/?mine=true").text
    assert f'href="/cases/{case_id}"' in mine and f'href="/cases/{other["id"]}"' not in mine
    assert "in review · analyst" in mine
    everyone = client.get("/").text
    assert f'href="/cases/{other["id"]}"' in everyone and "verified · admin" in everyone


def test_the_cases_list_says_when_a_case_was_last_reviewed_after_its_latest_development(site):
    case_id = _case_id(site)  # set in review above: a review newer than any report of the examples
    rows = site.client.get("/api/cases?per_page=100", headers=site.auth("viewer")).json()["items"]
    mine = next(r for r in rows if r["id"] == case_id)
    assert mine["work"]["reviewed"] and mine["work"]["reviewed"] > (mine["latest"] or "")
    untouched = [r for r in rows if r["work"]["state"] == "new"]
    assert untouched and all(r["work"]["reviewed"] is None for r in untouched)
    page = site.client.get("/", headers=site.auth("viewer")).text
    assert f'reviewed {mine["work"]["reviewed"][:10]}' in page

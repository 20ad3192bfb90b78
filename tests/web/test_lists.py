"""The cases and reports lists: names found by alias and spelling, every column sortable both ways, filters that
keep their values, the same parameters in the API; search results that name outlet, date and cases."""
from __future__ import annotations

import re

import pytest

from web.site import Site

ROW = re.compile(r"<tr>\s*<td data-label=\"Name\"><a href=\"/cases/([^\"]+)\">([^<]+)</a>", re.S)


def _cases(site: Site, query: str) -> list[str]:
    got = site.client.get("/" + query, headers=site.auth("viewer"))
    assert got.status_code == 200, got.text
    return [name for _, name in ROW.findall(got.text)]


def _cells(html: str, label: str) -> list[str]:
    return [c.strip() for c in re.findall(rf'<td data-label="{label}"[^>]*>(.*?)</td>', html, re.S)]


def _api(site: Site, path: str) -> dict:
    got = site.client.get(path, headers=site.auth("viewer"))
    assert got.status_code == 200, got.text
    return got.json()


@pytest.mark.parametrize("typed", ["kurosh", "KUROSH", "Kurosh Dalirvand", "dalirv", "Kourosh"])
def test_name_filter_finds_every_spelling(site, typed):
    assert _cases(site, f"?q={typed}") == ["Kourosh Dalirvand"]


def test_name_filter_without_diacritics_and_literal(site):
    assert _cases(site, "?q=Dalirvánd") == ["Kourosh Dalirvand"]
    assert _cases(site, "?q=%25") == []  # a typed % is not a wildcard


@pytest.mark.parametrize(("column", "label"), [("reports", "Reports"), ("outlets", "Outlets"),
                                               ("sources", "Independent sources")])
def test_numeric_columns_sort_both_ways(site, column, label):
    down = site.client.get(f"/?sort={column}&dir=desc", headers=site.auth("viewer")).text
    up = site.client.get(f"/?sort={column}&dir=asc", headers=site.auth("viewer")).text
    values = [int(v) for v in _cells(down, label)]
    assert values == sorted(values, reverse=True) and len(set(values)) > 1
    assert [int(v) for v in _cells(up, label)] == sorted(values)


def test_name_and_latest_development_sort(site):
    names = _cases(site, "?sort=name&dir=asc")
    assert names == sorted(names) and _cases(site, "?sort=name&dir=desc") == names[::-1]
    html = site.client.get("/?sort=latest&dir=desc", headers=site.auth("viewer")).text
    days = [d for d in _cells(html, "Latest development") if d != "—"]
    assert days == sorted(days, reverse=True) and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in days)


def test_last_change_is_the_latest_development_in_the_reports(site):
    cf = _api(site, "/api/cases/Kourosh Dalirvand")
    days = [e["date"]["start"] for e in cf["events"] if e.get("date")]
    days += [s["published"]["start"] for s in cf["sources"] if s.get("published")]
    html = site.client.get("/?q=Kourosh", headers=site.auth("viewer")).text
    assert _cells(html, "Latest development") == [max(days)]


def test_header_links_flip_the_order_and_keep_the_filters(site):
    html = site.client.get("/?q=kourosh&sort=reports&dir=desc&p=1", headers=site.auth("viewer")).text
    link = re.search(r'<th class="num" aria-sort="descending"><a href="([^"]+)"', html).group(1)
    assert "dir=asc" in link and "sort=reports" in link and "q=kourosh" in link and "p=" not in link
    other = re.search(r'<th><a href="([^"]+)" class="sort">Name</a>', html).group(1)
    assert "sort=name" in other and "dir=asc" in other
    assert 'type="hidden" name="sort" value="reports"' in html  # the filter form keeps the sort


@pytest.mark.parametrize("bad", ["?sort=name;drop", "?dir=sideways", "?since=yesterday", "?q=" + "x" * 201])
def test_bad_sort_or_filter_values_are_refused(site, bad):
    assert site.client.get("/" + bad, headers=site.auth("viewer")).status_code == 422


def _files(site: Site) -> list[dict]:
    return [_api(site, f"/api/cases/{c['id']}") for c in _api(site, "/api/cases?per_page=500")["items"]]


def _facilities(cf: dict) -> set[str]:
    found = {e["facility"] for e in cf["events"] if e.get("facility")}
    return found | {f["value"] for f in cf["facts"] if f["field"] == "facility"}


def test_filters_by_status_facility_outlet_and_since(site):
    files = _files(site)
    kourosh = next(cf for cf in files if cf["subject"]["name"] == "Kourosh Dalirvand")
    outlet = sorted(s["outlet"] for s in kourosh["sources"] if s.get("outlet"))[0]
    expected = {cf["subject"]["name"] for cf in files
                if any((s.get("outlet") or "").lower() == outlet.lower() for s in cf["sources"])}
    assert set(_cases(site, f"?outlet={outlet.upper()}")) == expected and "Kourosh Dalirvand" in expected
    facility = sorted(_facilities(kourosh))[0]
    expected = {cf["subject"]["name"] for cf in files if facility.lower() in {f.lower() for f in _facilities(cf)}}
    found = set(_cases(site, f"?facility={facility.lower()}"))
    assert expected <= found < {cf["subject"]["name"] for cf in files}
    assert _cases(site, f"?status={kourosh['status']}&q=kurosh") == ["Kourosh Dalirvand"]
    every = _api(site, "/api/cases?per_page=500")["items"]
    middle = sorted(c["latest"] for c in every if c["latest"])[len(every) // 2]
    recent = _api(site, f"/api/cases?since={middle}&per_page=500")["items"]
    assert 0 < len(recent) < len(every)
    assert {c["id"] for c in recent} == {c["id"] for c in every if (c["latest"] or "") >= middle}


def test_api_cases_takes_the_same_parameters_and_pages(site):
    found = _api(site, "/api/cases?q=kurosh")
    assert [c["name"] for c in found["items"]] == ["Kourosh Dalirvand"]
    first = _api(site, "/api/cases?status=&sort=name&per_page=2")
    second = _api(site, "/api/cases?status=&sort=name&per_page=2&page=2")
    assert first["total"] == second["total"] > 2
    names = [c["name"] for c in first["items"] + second["items"]]
    assert names == sorted(names) and len(set(names)) == 4
    assert _api(site, "/api/cases?sort=name&dir=desc&per_page=1")["items"][0]["name"] == max(
        c["name"] for c in _api(site, "/api/cases?per_page=500")["items"])
    assert site.client.get("/api/cases?sort=bogus", headers=site.auth("viewer")).status_code == 422


def test_openapi_declares_the_list_parameters(site):
    spec = _api(site, "/api/openapi.json")
    for path, wanted in (("/api/cases", {"q", "status", "facility", "outlet", "since", "sort", "dir"}),
                         ("/api/documents", {"outlet", "language", "status", "since", "until", "sort", "dir"})):
        params = {p["name"]: p for p in spec["paths"][path]["get"]["parameters"]}
        assert wanted <= set(params)
    sort = spec["paths"]["/api/cases"]["get"]["parameters"]
    schema = next(p for p in sort if p["name"] == "sort")["schema"]
    assert "reports" in schema.get("enum", []) or "reports" in str(schema)


def test_reports_list_sorts_and_filters(site):
    html = site.client.get("/documents?sort=published&dir=desc", headers=site.auth("viewer")).text
    days = [d for d in _cells(html, "Published") if d != "undated"]
    assert days == sorted(days, reverse=True) and len(days) > 1
    titles = _cells(site.client.get("/documents?sort=title&dir=asc", headers=site.auth("viewer")).text, "Title")
    plain = [re.sub(r"<[^>]+>", "", t) for t in titles]
    assert plain == sorted(plain)
    harbor = site.client.get("/documents?outlet=harbor", headers=site.auth("viewer")).text
    assert {o.lower() for o in _cells(harbor, "Outlet")} == {"harbor post"}
    assert 'value="harbor"' in harbor
    assert "No report matches" in site.client.get("/documents?language=xx", headers=site.auth("viewer")).text
    ok = _cells(site.client.get("/documents?status=ok&language=en", headers=site.auth("viewer")).text, "Status")
    assert ok and set(ok) == {"ok"}
    assert site.client.get("/documents?sort=words", headers=site.auth("viewer")).status_code == 422


def test_api_documents_filters(site):
    every = _api(site, "/api/documents?per_page=500")
    dated = _api(site, "/api/documents?since=2026-03-10&until=2026-03-17&sort=published&per_page=500")
    days = [d["published"]["start"] for d in dated["items"]]
    assert days == sorted(days) and all("2026-03-10" <= d <= "2026-03-17" for d in days)
    assert 0 < dated["total"] < every["total"]
    assert {d["outlet"].lower() for d in _api(site, "/api/documents?outlet=HARBOR")["items"]} == {"harbor post"}


def test_tables_stack_on_phones(site):
    for path in ("/", "/documents"):
        html = site.client.get(path, headers=site.auth("viewer")).text
        assert re.search(r'<table class="[^"]*\bstack\b', html)
        assert re.findall(r"<td\b", html) and not re.findall(r"<td(?![^>]*data-label=)", html)


def test_search_results_name_outlet_date_and_cases(site):
    html = site.client.get("/search?q=Dalirvand", headers=site.auth("viewer")).text
    cf = _api(site, "/api/cases/Kourosh Dalirvand")
    assert f'href="/cases/{cf["id"]}" class="hit-case">Kourosh Dalirvand</a>' in html
    assert re.search(r'<span class="published">\d{4}-\d{2}-\d{2}</span>', html)
    outlets = {s["outlet"] for s in cf["sources"] if s.get("outlet")}
    assert any(f'<span class="outlet">{o}</span>' in html for o in outlets)
    found = _api(site, "/api/search?q=Dalirvand")
    assert any(cf["id"] in [c["id"] for c in item["cases"]] for item in found["items"])

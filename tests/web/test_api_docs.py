"""/api/docs draws the app's own OpenAPI document: every path, its parameters and its request bodies' fields."""
from __future__ import annotations


def test_the_api_page_lists_every_operation_with_its_request_body(site):
    got = site.client.get("/api/docs", headers=site.auth("viewer"))
    assert got.status_code == 200, got.text
    spec = site.client.get("/api/openapi.json", headers=site.auth("viewer")).json()
    for path, methods in spec["paths"].items():
        for method in methods:
            assert f"{method.upper()} {path}" in got.text
    # the review call's JSON fields and the upload's form fields are named on the page
    review = got.text.split("POST /api/reviews", 1)[1].split('<section class="endpoint">', 1)[0]
    assert "application/json" in review
    for field in ("case", "target", "state", "note", "value"):
        assert f"<code>{field}</code>" in review
    upload = got.text.split("POST /api/documents", 1)[1].split('<section class="endpoint">', 1)[0]
    assert "multipart/form-data" in upload and "<code>files</code>" in upload and "list of file" in upload

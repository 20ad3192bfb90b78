"""The API page's request bodies: fields followed through $ref, with their types and whether they are required."""
from __future__ import annotations

from casewatch.views.api_docs import request_body

SPEC = {
    "components": {"schemas": {"NoteIn": {"type": "object", "required": ["case"], "properties": {
        "case": {"type": "string", "description": "Which case."},
        "tags": {"type": "array", "items": {"type": "string"}},
        "state": {"enum": ["open", "shut"]},
        "value": {"anyOf": [{"type": "string"}, {"type": "null"}]}}}}},
}


def test_a_json_body_is_read_through_its_reference():
    op = {"requestBody": {"required": True, "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/NoteIn"}}}}}
    [body] = request_body(SPEC, op)
    assert body["media"] == "application/json" and body["required"] is True
    fields = {f["name"]: f for f in body["fields"]}
    assert fields["case"] == {"name": "case", "type": "string", "required": True, "description": "Which case."}
    assert fields["tags"]["type"] == "list of string" and not fields["tags"]["required"]
    assert fields["state"]["type"] == "open | shut"
    assert fields["value"]["type"] == "string or null"


def test_a_file_upload_and_an_operation_without_a_body():
    op = {"requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object", "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"}}}}}}}}
    [body] = request_body(SPEC, op)
    assert body["fields"][0]["type"] == "list of file" and body["required"] is False
    assert request_body(SPEC, {"responses": {}}) == []

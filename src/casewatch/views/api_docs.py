"""The OpenAPI document as rows a page can print: each operation's request body with its fields."""
from __future__ import annotations

from typing import Any


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``$ref`` (``#/components/schemas/Name``) to the schema it names."""
    seen = 0
    while "$ref" in schema and seen < 8:
        node: Any = spec
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node.get(part, {}) if isinstance(node, dict) else {}
        schema, seen = node if isinstance(node, dict) else {}, seen + 1
    return schema


def _type(spec: dict[str, Any], schema: dict[str, Any]) -> str:
    schema = _resolve(spec, schema)
    if "anyOf" in schema:
        return " or ".join(_type(spec, s) for s in schema["anyOf"])
    kind = schema.get("type", "object")
    if kind == "array":
        return f"list of {_type(spec, schema.get('items', {}))}"
    if schema.get("format") == "binary":
        return "file"
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    return str(kind)


def request_body(spec: dict[str, Any], operation: dict[str, Any]) -> list[dict[str, Any]]:
    """One entry per media type the operation accepts: its fields (name, type, required, meaning)."""
    body = operation.get("requestBody") or {}
    out = []
    for media, content in (body.get("content") or {}).items():
        schema = _resolve(spec, content.get("schema") or {})
        required = set(schema.get("required") or [])
        fields = [{"name": name, "type": _type(spec, prop), "required": name in required,
                   "description": _resolve(spec, prop).get("description") or prop.get("description") or ""}
                  for name, prop in (schema.get("properties") or {}).items()]
        out.append({"media": media, "required": bool(body.get("required")), "fields": fields})
    return out

"""A small JSON Schema validator for the keywords the published finance schemas use.

jsonschema is not a dependency; pydantic's serialisation schemas use only ``$ref``,
``$defs``, ``type``, ``properties``, ``required``, ``additionalProperties``, ``items``,
``prefixItems``, ``minItems``/``maxItems``, ``anyOf``, ``enum``, ``const`` and
``pattern`` (plus annotations). Any other keyword is refused, so a schema change that
this validator would silently ignore fails the test instead.
"""

from __future__ import annotations

import re
from typing import Any

_ANNOTATIONS = {"title", "description", "default", "examples", "$defs", "format"}
_TYPES: dict[str, Any] = {"object": dict, "array": list, "string": str, "boolean": bool,
                          "null": type(None)}


def errors(value: Any, schema: dict[str, Any], root: dict[str, Any], at: str = "$") -> list[str]:
    """Return where ``value`` breaks ``schema`` (empty when it validates)."""
    unknown = set(schema) - _ANNOTATIONS - {
        "$ref", "type", "properties", "required", "additionalProperties", "items",
        "prefixItems", "minItems", "maxItems", "anyOf", "enum", "const", "pattern"}
    if unknown:
        return [f"{at}: unsupported keywords {sorted(unknown)}"]
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return errors(value, root["$defs"][name], root, at)
    if "anyOf" in schema:
        if all(errors(value, s, root, at) for s in schema["anyOf"]):
            return [f"{at}: matches none of anyOf"]
        return []
    out: list[str] = []
    kind = schema.get("type")
    if kind == "integer":
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind == "number":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    else:
        ok = kind is None or isinstance(value, _TYPES[kind])
    if not ok:
        return [f"{at}: {type(value).__name__} is not {kind}"]
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{at}: {value!r} not in {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        out.append(f"{at}: {value!r} != {schema['const']!r}")
    if "pattern" in schema and not re.search(schema["pattern"], value):
        out.append(f"{at}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        out += [f"{at}: missing {k}" for k in schema.get("required", []) if k not in value]
        extra = schema.get("additionalProperties", True)
        for k, v in value.items():
            if k in props:
                out += errors(v, props[k], root, f"{at}.{k}")
            elif extra is False:
                out.append(f"{at}: unexpected {k}")
            elif isinstance(extra, dict):
                out += errors(v, extra, root, f"{at}.{k}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", 1e9):
            out.append(f"{at}: {len(value)} items")
        prefix = schema.get("prefixItems", [])
        for i, v in enumerate(value):
            item = prefix[i] if i < len(prefix) else schema.get("items")
            if isinstance(item, dict):
                out += errors(v, item, root, f"{at}[{i}]")
    return out

"""Request parameters read like Laravel's `$request->input()` (spec 2.4).

The JSON body (for a JSON content type) or the form body, then the query string merged in
(the body wins). Form and query keys use PHP's bracket syntax (`tags[]=a`, `meta[k]=v`).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl

from cachet_emulator import php_json

_BRACKETS = re.compile(r"\[([^\]]*)\]")


def is_json_content_type(content_type: str) -> bool:
    """Laravel's isJson(): the Content-Type contains `/json` or `+json`."""
    return "/json" in content_type or "+json" in content_type


def parse_query(query: str) -> dict[str, Any]:
    """PHP's parse_str(): brackets build arrays, the last duplicate wins, `.`/` ` become `_`."""
    if not query:
        return {}
    return build_php_array(parse_qsl(query, keep_blank_values=True))


def build_php_array(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Turn (key, value) pairs with bracket keys into nested PHP arrays."""
    root: dict[str, Any] = {}
    for key, value in pairs:
        _assign(root, key, value)
    return {key: _listify(value) for key, value in root.items()}


def _assign(root: dict[str, Any], key: str, value: Any) -> None:
    opening = key.find("[")
    base = key if opening <= 0 else key[:opening]
    base = base.replace(".", "_").replace(" ", "_")
    if not base:
        return
    rest = key[opening:] if opening > 0 else ""
    path: list[str] = []
    consumed = 0
    for match in _BRACKETS.finditer(rest):
        if match.start() != consumed:
            break
        path.append(match.group(1))
        consumed = match.end()
    if not path:
        root[base] = value
        return
    target = root
    step = base
    for segment in path:
        child = target.get(step)
        if not isinstance(child, dict):
            child = target[step] = {}
        target = child
        step = segment if segment != "" else str(_next_index(target))
    target[step] = value


def _next_index(array: dict[str, Any]) -> int:
    indices = [int(key) for key in array if key.lstrip("-").isdigit()]
    return max(indices) + 1 if indices else 0


def _listify(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    converted = {key: _listify(item) for key, item in value.items()}
    if all(key == str(index) for index, key in enumerate(converted)):
        return list(converted.values())
    return converted


def json_body_fields(body: bytes) -> dict[str, Any]:
    """The fields of a JSON body; anything but a JSON object counts as no fields."""
    decoded = php_json.decode(body) if body else None
    return decoded if isinstance(decoded, dict) else {}


def merge(body_fields: dict[str, Any], query_fields: dict[str, Any]) -> dict[str, Any]:
    """`body + query` in PHP: body keys first, query keys only where the body has none."""
    merged = dict(body_fields)
    for key, value in query_fields.items():
        merged.setdefault(key, value)
    return merged

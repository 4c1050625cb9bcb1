"""JSON as Laravel's JsonResponse writes it: `/` and non-ASCII escaped, floats like PHP 8."""

from __future__ import annotations

import json
from typing import Any


def encode(value: Any) -> bytes:
    """PHP's json_encode with default flags (2.0 stays `2.0`, as in PHP >= 7.1)."""
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    # '/' can only occur inside JSON strings, so escaping it in the output is safe.
    return text.replace("/", "\\/").encode("ascii")

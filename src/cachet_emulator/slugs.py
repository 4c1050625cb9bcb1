"""Laravel's Str::slug(), which names tags and incident templates (spec 6.2)."""

from __future__ import annotations

import re

from anyascii import anyascii

_NOT_SLUG = re.compile(r"[^-\w\s]+")
_SEPARATORS = re.compile(r"[-\s]+")


def slug(name: str) -> str:
    """`"Another Test Tag"` -> `another-test-tag`."""
    text = anyascii(name).replace("_", "-").replace("@", "-at-").lower()
    text = _NOT_SLUG.sub("", text).replace("_", "")
    return _SEPARATORS.sub("-", text).strip("-")

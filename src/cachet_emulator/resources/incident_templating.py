"""Rendering incident templates as Cachet does with Twig (spec 8.4 step 2, 17.5).

Jinja2 reads the same `{{ name }}` / `{{ incident.name }}` / `{% if %}` syntax. What we add
makes the output Twig's: names look up array keys only (never Python attributes), unknown
names print nothing, printed values use PHP's string conversion (`true` -> "1") and are
escaped like Twig's `html` strategy; printing an array is the 500 PHP's notice causes.
"""

from __future__ import annotations

from typing import Any

from jinja2 import TemplateError, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from cachet_emulator import php
from cachet_emulator.errors import server_error
from cachet_emulator.schema import Row
from cachet_emulator.store import Store

TEMPLATES_TABLE = "incident_templates"

# htmlspecialchars($value, ENT_QUOTES | ENT_SUBSTITUTE), the escaper of Twig's `html` strategy.
_HTML_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#039;"}
)


class _ArrayToStringConversion(TemplateError):
    """PHP's "Array to string conversion" notice, which Laravel turns into a 500."""


def _twig_print(value: Any) -> str:
    if isinstance(value, Undefined):
        return ""
    if isinstance(value, Markup):  # already escaped (`|e`) or marked safe (`|raw`)
        return str(value)
    if isinstance(value, list | dict):
        raise _ArrayToStringConversion("Array to string conversion")
    return php.to_string(value).translate(_HTML_ESCAPES)


class _TwigLikeEnvironment(ImmutableSandboxedEnvironment):
    """Variables are plain arrays: `a.b` and `a[b]` read keys (or list positions) only."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        return self.getitem(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, dict) and argument in obj:
            return obj[argument]
        if isinstance(obj, dict) and php.to_string(argument) in obj:
            return obj[php.to_string(argument)]
        index = php.filter_int(argument) if not isinstance(argument, bool) else None
        if isinstance(obj, list) and index is not None and 0 <= index < len(obj):
            return obj[index]
        return self.undefined(obj=obj, name=str(argument))


_ENVIRONMENT = _TwigLikeEnvironment(
    autoescape=False,  # _twig_print escapes every printed value instead
    finalize=_twig_print,
    trim_blocks=True,  # Twig drops the first newline after a `%}` or `#}`
    keep_trailing_newline=True,
)
_ENVIRONMENT.globals.clear()  # Twig has no `range`, `dict`, ... variables: they print nothing
_ENVIRONMENT.filters["raw"] = Markup  # Twig's way to print a value unescaped


def find_template(store: Store, slug: Any) -> Row | None:
    """The template whose slug equals `slug` (MySQL comparison), or None."""
    if not php.cast_bool(slug) or isinstance(slug, list | dict):
        return None
    rows = store.select(TEMPLATES_TABLE, [("slug", php.to_string(slug))], limit=1)
    return rows[0] if rows else None


def render(template: Row, variables: dict[str, Any]) -> str:
    """The template's text rendered with `variables`; any template error is a 500."""
    try:
        return _ENVIRONMENT.from_string(str(template["template"])).render(variables)
    except TemplateError:
        raise server_error() from None


def as_twig_array(value: list[Any] | dict[str, Any]) -> dict[str, Any]:
    """`vars` as Twig sees them: a PHP array, so a list is keyed "0", "1", ..."""
    if isinstance(value, list):
        return {str(index): item for index, item in enumerate(value)}
    return dict(value)

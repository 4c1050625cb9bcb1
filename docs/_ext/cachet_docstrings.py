"""Sphinx extension: how our docstrings become reference text.

* Docstrings write code as in Markdown (`name`); these become literals before napoleon reads
  them, so a colon inside code is never taken for a "type: description" split.
* The v1 client's managers, set in its `__init__`, are listed as typed attributes.
* The first line of an attribute's docstring is prose, never napoleon's "type: text".
* Resource attributes are `Field` descriptors: their entry gets the Python type they read as
  (from the codec) and whether `update()` sends them.
"""

from __future__ import annotations

import re
import typing
from typing import Any

from sphinx.application import Sphinx
from sphinx.ext.napoleon.docstring import GoogleDocstring

from cachetclient.fields import Field

# `code` not preceded by a role (:class:`X`) nor part of ``code`` or a `link`_.
MARKDOWN_CODE = re.compile(r"(?<![`:\w])`([^`\n]+)`(?![`_])(?=(\w?))")
SECTION_HEADER = re.compile(r"^[A-Z][A-Za-z ]*:$")


def field_type(field: Field[Any]) -> str:
    """The type a Field reads as, from its codec's `decode` return annotation."""
    hints = typing.get_type_hints(type(field.codec).decode)
    shown = str(hints.get("return", "Any"))
    return shown.replace("typing.", "").replace("datetime.", "")


def markdown_code_to_literals(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Turn `code` into ``code`` (`Thing`s into ``Thing``\\ s) in every docstring line."""
    lines[:] = [MARKDOWN_CODE.sub(_literal, line) for line in lines]


def _literal(match: re.Match[str]) -> str:
    return f"``{match[1]}``" + ("\\ " if match[2] else "")


def indented_blocks_to_literals(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Show an indented block that follows a blank line as code (a tree, an example).

    Docstrings indent examples as Markdown does; reStructuredText would read them as quotes
    and fail on their deeper indentation.
    """
    result: list[str] = []
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else ""
        before = lines[index - 2] if index > 1 else ""
        if (
            line.startswith("    ")
            and not previous.strip()
            and before.strip()
            and not before.startswith(" ")
            and not SECTION_HEADER.match(before)
            and not before.rstrip().endswith("::")
        ):
            result.extend(["::", ""])
        result.append(line)
    lines[:] = result


def add_field_type(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Append the read type and writability to a Field's docstring."""
    if not isinstance(obj, Field):
        return
    access = "read and write (sent by ``update()``)" if obj.writable else "read-only"
    key = f", JSON key ``{obj.key}``" if obj.key and obj.key != obj.name else ""
    lines.extend(["", f"Type: ``{field_type(obj)}``; {access}{key}."])


def add_client_managers(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """List the v1 client's managers (set in `__init__`) as typed attributes."""
    if what != "class" or name != "cachetclient.v1.client.Client":
        return
    from cachetclient.base import Manager
    from cachetclient.httpclient import HttpClient

    client = obj(HttpClient("http://status.invalid/api/v1"))  # builds managers, sends nothing
    lines.extend(["", "Attributes:"])
    for attribute, value in vars(client).items():
        kind = type(value)
        if not isinstance(value, Manager):
            continue
        summary = (kind.__doc__ or "").strip().splitlines()[0]
        target = f"{kind.__module__}.{kind.__qualname__}"
        lines.append(f"    {attribute} (~{target}): {summary}")
    client.close()


def _consume_untyped_attribute(self: GoogleDocstring) -> tuple[str, list[str]]:
    # Napoleon reads "type: text" on the first line of an attribute's docstring; ours take
    # their types from annotations, and a colon there is prose ("Info dict: `tag_name`, ...").
    lines = [self._lines.next(), *self._dedent(self._consume_to_end())]
    return "", type(self)(lines, self._config).lines()


def setup(app: Sphinx) -> dict[str, Any]:
    # Before napoleon (priority 500) parses the docstring.
    GoogleDocstring._consume_inline_attribute = _consume_untyped_attribute  # type: ignore[method-assign]
    app.connect("autodoc-process-docstring", markdown_code_to_literals, priority=400)
    app.connect("autodoc-process-docstring", indented_blocks_to_literals, priority=410)
    app.connect("autodoc-process-docstring", add_client_managers, priority=420)
    app.connect("autodoc-process-docstring", add_field_type, priority=600)
    return {"parallel_read_safe": True, "version": "1"}

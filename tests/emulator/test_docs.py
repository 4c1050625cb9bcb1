"""The fidelity table of docs/emulator.md names tests that exist, one or more per row."""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
GUIDE = REPOSITORY / "docs" / "emulator.md"
TESTS = Path(__file__).resolve().parent
SECTION_TITLE = "## Fidelity: every quirk of real Cachet and where it is tested"
TEST_REFERENCE = re.compile(r"(test_\w+\.py)::(test_\w+)")


def _fidelity_rows() -> list[str]:
    """The body rows of every table in the fidelity section."""
    text = GUIDE.read_text()
    section = text[text.index(SECTION_TITLE) + len(SECTION_TITLE) :]
    section = re.split(r"^## ", section, flags=re.MULTILINE)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [row for row in rows if not re.fullmatch(r"[|\-\s]+", row) and "| Test |" not in row]


def _test_names(file_name: str) -> set[str]:
    tree = ast.parse((TESTS / file_name).read_text())
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
    }


def test_every_fidelity_row_names_at_least_one_test() -> None:
    rows = _fidelity_rows()
    assert len(rows) > 100
    assert [row for row in rows if not TEST_REFERENCE.search(row)] == []


def test_every_test_named_in_the_fidelity_table_exists() -> None:
    references = [m.groups() for row in _fidelity_rows() for m in TEST_REFERENCE.finditer(row)]
    missing = [
        f"{file_name}::{name}"
        for file_name, name in references
        if not (TESTS / file_name).exists() or name not in _test_names(file_name)
    ]
    assert missing == []


def test_every_numbered_quirk_of_spec_section_18_has_a_row() -> None:
    numbers = {int(m.group(1)) for row in _fidelity_rows() if (m := re.match(r"\| (\d+) \|", row))}
    assert numbers == set(range(1, 30))

"""The fidelity tables of docs/emulator-cachet3.md name tests that exist; every quirk has a row."""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
GUIDE = REPOSITORY / "docs" / "emulator-cachet3.md"
TESTS = Path(__file__).resolve().parent
TEST_REFERENCE = re.compile(r"(test_\w+\.py)::(test_\w+)")


def _rows(title: str) -> list[str]:
    text = GUIDE.read_text()
    section = text[text.index(title) + len(title) :]
    section = re.split(r"^## ", section, flags=re.MULTILINE)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [row for row in rows[2:] if not re.fullmatch(r"[|\-\s]+", row)]


QUIRKS = _rows("## Fidelity: the quirks of Cachet 3 and where they are tested")
CHOICES = _rows("## Fidelity: choices where the specification is silent or unsure")


def _test_names(file_name: str) -> set[str]:
    tree = ast.parse((TESTS / file_name).read_text())
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}


def test_every_quirk_of_spec_section_11_has_a_row_with_a_test() -> None:
    numbers = [int(m.group(1)) for row in QUIRKS if (m := re.match(r"\| (\d+) \|", row))]
    assert numbers == list(range(1, 25))
    assert [row for row in QUIRKS if not TEST_REFERENCE.search(row)] == []


def test_every_choice_names_a_test_or_a_module() -> None:
    assert len(CHOICES) >= 20
    unnamed = [row for row in CHOICES if not TEST_REFERENCE.search(row) and "`v3/" not in row]
    assert unnamed == []


def test_every_test_named_in_the_tables_exists() -> None:
    references = [m.groups() for row in QUIRKS + CHOICES for m in TEST_REFERENCE.finditer(row)]
    missing = [
        f"{file_name}::{name}"
        for file_name, name in references
        if not (TESTS / file_name).exists() or name not in _test_names(file_name)
    ]
    assert missing == []


def test_every_module_named_in_the_choices_exists() -> None:
    source = REPOSITORY / "src" / "cachet_emulator"
    named = {m.group(1) for row in CHOICES for m in re.finditer(r"`(v3/[\w/]+\.py)`", row)}
    assert named
    assert [path for path in named if not (source / path).exists()] == []

"""The reference covers every module of the library, and the README links the docs."""

from __future__ import annotations

import pkgutil
import re
from pathlib import Path

import cachetclient
from cachetclient.base import Manager

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "docs" / "reference"
AUTOMODULE = re.compile(r"^\.\. automodule:: (\S+)", re.MULTILINE)
# The emulator's modules a user imports; the rest are its internals.
EMULATOR_PUBLIC = {
    "cachet_emulator.server",
    "cachet_emulator.settings",
    "cachet_emulator.pytest_plugin",
    "cachet_emulator.faults",
    "cachet_emulator.openapi",
    "cachet_emulator.request_log",
    "cachet_emulator.v3",
    "cachet_emulator.v3.openapi",
    "cachet_emulator.v3.tokens",
}


def documented_modules() -> set[str]:
    return {
        name
        for page in REFERENCE.glob("*.md")
        for name in AUTOMODULE.findall(page.read_text(encoding="utf-8"))
    }


def library_modules() -> set[str]:
    found = {"cachetclient"}
    for module in pkgutil.walk_packages(cachetclient.__path__, "cachetclient."):
        if not any(part.startswith("_") for part in module.name.split(".")):
            found.add(module.name)
    return found


def test_every_library_module_has_a_reference_entry() -> None:
    # `cachetclient` itself is documented through its names (Client, CLEAR, __version__).
    missing = library_modules() - documented_modules() - {"cachetclient", "cachetclient.v1"}

    assert missing == set()


def test_the_reference_documents_the_emulator_api_users_import() -> None:
    assert documented_modules() >= EMULATOR_PUBLIC


def test_the_reference_names_only_modules_that_exist() -> None:
    known = library_modules() | EMULATOR_PUBLIC

    assert documented_modules() - known == set()


def test_every_reference_page_is_in_the_reference_index() -> None:
    index = (REFERENCE / "index.md").read_text(encoding="utf-8")
    pages = {page.stem for page in REFERENCE.glob("*.md")} - {"index"}

    assert {page for page in pages if f"\n{page}\n" not in index} == set()


def test_readme_links_the_documentation_entry_page() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")

    assert "docs/index.md" in readme


def test_the_resource_guide_lists_every_manager_of_the_client() -> None:
    client = cachetclient.Client(endpoint="http://status.invalid/api/v1", guest=True)
    managers = {name for name, value in vars(client).items() if isinstance(value, Manager)}
    guide = (ROOT / "docs" / "guide" / "resources.md").read_text(encoding="utf-8")

    listed = set(re.findall(r"^\| `client\.(\w+)` \|", guide, re.MULTILINE))

    assert listed == managers


def test_the_command_line_guide_mentions_every_command() -> None:
    from cachetclient.cli.app import cli

    guide = (ROOT / "docs" / "guide" / "cli.md").read_text(encoding="utf-8")

    missing = [
        name for name in cli.commands if f"`{name}`" not in guide and f"cachet {name}" not in guide
    ]

    assert missing == []

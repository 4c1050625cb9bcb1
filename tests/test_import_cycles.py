"""No import cycles in src/: each module can be read, and loaded, after the ones it imports.

Every import counts, those under `if TYPE_CHECKING:` and inside functions too: each names a
module a reader must understand first. A package's `__init__` is a module of its own, needed
by `from package import name` but not by `from package import module`.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(path: Path, name: str, known: set[str]) -> set[str]:
    """The modules of src/ that the module `name` at `path` imports."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package, `level - 1` packages up
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}".rstrip(".")
            for alias in node.names:  # `from package import module` needs only the module
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return (found & known) - {name}


def import_graph() -> dict[str, set[str]]:
    """Each module of src/ and the modules of src/ it imports."""
    paths = {_module_name(path): path for path in SRC.rglob("*.py")}
    return {name: _imported(path, name, set(paths)) for name, path in paths.items()}


def test_the_graph_sees_the_imports() -> None:
    graph = import_graph()

    assert "cachetclient.errors" in graph["cachetclient.retry"]
    assert "cachet_emulator.state" in graph["cachet_emulator.control"]


def test_src_has_no_import_cycle() -> None:
    try:
        tuple(graphlib.TopologicalSorter(import_graph()).static_order())
    except graphlib.CycleError as error:
        pytest.fail(f"import cycle: {' -> '.join(error.args[1])}")

"""The async client's types are written from the sync managers and checked for every method."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path
from types import ModuleType

from tests.client.test_public_names import EVERY_MANAGER, PUBLIC_NAMES

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "src" / "cachetclient" / "v1" / "async_managers.py"
USAGE = ROOT / "tests" / "typing_checks" / "manager_types.py"
SIBLINGS = {"components", "components_manager", "incident_update_manager"}
"""Public attributes that hold another manager rather than a method."""


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "async_managers", ROOT / "scripts" / "async_managers.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _checked_calls(function_name: str) -> set[tuple[str, str]]:
    """(manager, method) of every `client.<manager>.<method>(...)` in one usage function."""
    tree = ast.parse(USAGE.read_text(encoding="utf-8"))
    function = next(
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == function_name
    )
    aliases: dict[str, str] = {}  # `points = client.metric_points`
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Attribute):
            target = node.targets[0]
            if isinstance(target, ast.Name) and ast.unparse(node.value.value) == "client":
                aliases[target.id] = node.value.attr
    calls: set[tuple[str, str]] = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if isinstance(owner, ast.Attribute) and ast.unparse(owner.value) == "client":
                calls.add((owner.attr, node.func.attr))
            elif isinstance(owner, ast.Name) and owner.id in aliases:
                calls.add((aliases[owner.id], node.func.attr))
    return calls


def _every_method() -> set[tuple[str, str]]:
    return {(manager, name) for manager, names in PUBLIC_NAMES.items() for name in names - SIBLINGS}


def test_the_async_types_are_written_from_the_sync_managers() -> None:
    written = GENERATED.read_text(encoding="utf-8")

    assert written == _generator().render(), "run: python scripts/async_managers.py"


def test_every_manager_method_is_type_checked_with_both_clients() -> None:
    for function_name in ("sync_types", "async_types"):
        calls = _checked_calls(function_name)

        assert _every_method() - calls == set(), function_name
        assert {name for _, name in calls} >= EVERY_MANAGER - {"path", "resource_class"}


def test_the_usage_file_is_read() -> None:
    assert ("metric_points", "create_many") in _checked_calls("async_types")
    assert ("incident_updates", "update") in _checked_calls("sync_types")

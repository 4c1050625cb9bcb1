"""`make demo`: the tour runs to the end, and stops its emulator on every path."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "scripts" / "demo.py"


def _demo_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("demo", DEMO)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_demo_tours_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, str(DEMO)], capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 0, result.stderr
    shown = result.stdout
    for command in ("$ cachet status", "$ cachet incidents open", "$ cachet incidents resolve"):
        assert command in shown
    assert "Website unreachable" in shown
    assert re.search(r"status page: http://127\.0\.0\.1:\d+/\n\Z", shown)
    assert "\x1b[" not in shown
    assert "token:" not in shown


def test_demo_stops_the_emulator_when_a_step_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    demo = _demo_module()
    started: list[subprocess.Popen[Any]] = []
    real_popen = subprocess.Popen

    def recording_popen(*args: Any, **kwargs: Any) -> subprocess.Popen[Any]:
        process = real_popen(*args, **kwargs)
        started.append(process)
        return process

    def failing_tour(endpoint: str, token: str) -> None:
        raise SystemExit("a step failed")

    monkeypatch.setattr(demo.subprocess, "Popen", recording_popen)
    monkeypatch.setattr(demo, "tour", failing_tour)

    with pytest.raises(SystemExit, match="a step failed"):
        demo.main()

    [emulator] = started
    assert emulator.poll() is not None


def test_demo_tours_cachet_3_with_cachet_version_3() -> None:
    result = subprocess.run(
        [sys.executable, str(DEMO)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "CACHET_VERSION": "3"},
    )

    assert result.returncode == 0, result.stderr
    shown = result.stdout
    assert "Cachet 3 API at" in shown and "abilities" in shown
    assert "Opened incident #1 'Website unreachable'" in shown
    assert "Resolved incident #1" in shown
    assert "token:" not in shown and "1|" not in shown

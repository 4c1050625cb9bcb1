"""Without Chromium the browser tests skip and say why, except under CI, where they fail."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
A_BROWSER_TEST = "tests/status_page/test_pages.py::test_refresh_parameter_makes_the_page_reload"


def run_without_chromium(ci: bool) -> subprocess.CompletedProcess[str]:
    """Run one browser test with a PATH on which no Chromium can be found."""
    environment = {k: v for k, v in os.environ.items() if k not in ("CI", "CHROMIUM")}
    environment["PATH"] = str(Path(sys.executable).parent)
    if ci:
        environment["CI"] = "true"
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-rs",
        "-p",
        "no:cacheprovider",
        A_BROWSER_TEST,
    ]
    return subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_browser_tests_skip_with_the_reason_outside_ci() -> None:
    result = run_without_chromium(ci=False)

    assert result.returncode == 0, result.stdout
    assert "1 skipped" in result.stdout
    assert "Chromium is not installed (apt-get install chromium)" in result.stdout


def test_browser_tests_fail_under_ci_without_chromium() -> None:
    result = run_without_chromium(ci=True)

    assert result.returncode != 0
    assert "under CI they must run" in result.stdout

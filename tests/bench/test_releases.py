"""The published releases, each in its own virtualenv (bench/releases.py)."""

from __future__ import annotations

import subprocess

import pytest
from bench.releases import RELEASES, release_python


@pytest.mark.timeout(600)
@pytest.mark.parametrize("version", RELEASES)
def test_each_release_imports_as_cachetclient_in_its_own_interpreter(version: str) -> None:
    python = release_python(version)
    shown = subprocess.run(
        [python, "-c", "import cachetclient; print(cachetclient.___version__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd="/",
    )
    assert shown.stdout.strip() == version
    assert release_python(version) == python  # built once, then reused


def test_an_unpinned_version_is_refused() -> None:
    with pytest.raises(ValueError, match=r"unknown release '2\.0\.0'"):
        release_python("2.0.0")

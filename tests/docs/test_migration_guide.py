"""The migration guide's tasks run as written: the API v1 examples against a Cachet 2.4
emulator, the Cachet 3 examples against a Cachet 3 one, each in order in its own namespace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import cachetclient
from tests.docs.test_examples import Block, blocks_of

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guide" / "migrating-to-cachet-3.md"
LABELS = {"**API v1**": "1", "**Cachet 3**": "3"}


def labelled_blocks() -> list[tuple[str | None, Block]]:
    """Each python block with the version its label names (None: shown, not run)."""
    lines = GUIDE.read_text(encoding="utf-8").splitlines()
    found = []
    for block in blocks_of(GUIDE):
        if block.language != "python":
            continue
        before = [line.strip() for line in lines[: block.line - 1] if line.strip()]
        found.append((LABELS.get(before[-1]) if before else None, block))
    return found


def test_the_guide_pairs_every_task() -> None:
    versions = [version for version, _ in labelled_blocks() if version is not None]

    assert versions == ["1", "3"] * 5


@pytest.mark.parametrize("version", ["1", "3"])
def test_the_guide_tasks_run_against_the_emulator(
    version: str, cachet_emulator: Any, cachet_emulator_v3: Any
) -> None:
    emulator = cachet_emulator if version == "1" else cachet_emulator_v3
    with cachetclient.Client(emulator.url, emulator.token) as client:  # the API is detected
        namespace: dict[str, Any] = {"client": client, "__name__": "guide"}
        for label, block in labelled_blocks():
            code = compile(block.code, f"{block.page}:{block.line}", "exec")
            if label == version:
                exec(code, namespace)
        assert client.api_version == version


def test_the_shown_examples_compile() -> None:
    for label, block in labelled_blocks():
        if label is None:
            compile(block.code, f"{block.page}:{block.line}", "exec")

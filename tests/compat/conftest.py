"""The scenarios' runs with this library and with each release, made once per session."""

from __future__ import annotations

import pytest

from tests.compat.comparison import Run, run_all


@pytest.fixture(scope="session")
def runs() -> dict[str, dict[str, Run]]:
    """library ("ours", "3.1.1", "4.0.1") -> scenario -> its recorded steps."""
    return run_all()

"""The public type hints accept what the library accepts at run time (checked with mypy)."""

from __future__ import annotations

from pathlib import Path

import pytest

mypy_api = pytest.importorskip("mypy.api")

USES = """
import cachetclient

client = cachetclient.Client(endpoint="https://status.example.com/api/v1", api_token="t")
client.components.get("1")
client.components.update("1", status=2, group_id="3")
client.component_groups.delete("2")
client.incidents.update("5", status=4, component_id="1", component_status=1)
client.incident_updates.get("5", "6")
client.metric_points.create(metric_id="7", value=1.5)
client.schedules.delete("8")
client.subscribers.delete("9")
{extra}
"""


def _mypy_errors(tmp_path: Path, extra: str = "") -> list[str]:
    program = tmp_path / "uses.py"
    program.write_text(USES.format(extra=extra))
    report, _, _ = mypy_api.run(
        ["--strict", "--no-error-summary", "--cache-dir", str(tmp_path / "cache"), str(program)]
    )
    # Only what mypy says of the snippet: the library's own code is checked by `make typecheck`,
    # and what an older mypy says of it is no finding about these hints.
    return [
        line
        for line in report.splitlines()
        if line.startswith(f"{program}:") and ": error:" in line
    ]


def test_ids_given_as_decimal_strings_type_check(tmp_path: Path) -> None:
    assert _mypy_errors(tmp_path) == []


def test_an_id_of_another_type_is_flagged(tmp_path: Path) -> None:
    errors = _mypy_errors(tmp_path, extra="client.components.get(1.5)")
    assert len(errors) == 1
    assert 'incompatible type "float"' in errors[0]

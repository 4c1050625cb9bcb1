"""Exit codes: 2 only for what the user typed wrong, 1 with a message for everything else."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from cachetclient.cli.app import CachetGroup
from cachetclient.v1.client import Client
from tests.cli.conftest import Cachet


@pytest.mark.parametrize(
    "args",
    [
        ("points", "add", "{metric}", "nan"),
        ("points", "add", "{metric}", "inf"),
        ("points", "add", "{metric}", "4", "--timestamp", "99999999999999"),
        (
            "incidents",
            "create",
            "--name",
            "x",
            "--message",
            "y",
            "--status",
            "1",
            "--occurred-at",
            "9999-12-31T23:59:59-14:00",
        ),
        ("components", "update", "{component}", "--tags", " , "),
    ],
)
def test_values_typed_wrong_are_usage_errors_and_change_nothing(
    cachet: Cachet, client: Client, args: tuple[str, ...]
) -> None:
    metric = client.metrics.create(name="Latency", description="p50", suffix="ms")
    component = client.components.create(name="API", status=1, tags="api")
    typed = [arg.format(metric=metric.id, component=component.id) for arg in args]

    run = cachet(*typed)

    assert run.exit_code == 2
    assert "Invalid value" in run.stderr
    assert "Traceback" not in run.stderr
    assert client.metric_points.count(metric.id or 0) == 0
    assert client.incidents.count() == 0
    assert client.components.get(component.id or 0).tag_names == ["api"]


def _group_with(failure: BaseException) -> CachetGroup:
    group = CachetGroup(name="cachet")

    @group.command()
    def fail() -> None:
        raise failure

    return group


@pytest.mark.parametrize(
    "failure",
    [ValueError("no such thing"), TypeError("no such thing"), KeyError("no such thing")],
    ids=lambda failure: type(failure).__name__,
)
def test_an_error_that_is_not_the_users_exits_1_with_its_message(failure: Exception) -> None:
    run = CliRunner().invoke(_group_with(failure), ["fail"], catch_exceptions=False)

    assert run.exit_code == 1
    assert "no such thing" in run.stderr
    assert "Usage" not in run.stderr
    assert "Traceback" not in run.stderr


def test_a_defect_says_it_is_one() -> None:
    run = CliRunner().invoke(_group_with(KeyError("slug")), ["fail"], catch_exceptions=False)

    assert run.stderr.startswith("Error: cachet failed unexpectedly (KeyError: 'slug')")
    assert "please report it" in run.stderr


def test_click_usage_errors_keep_exit_2() -> None:
    run = CliRunner().invoke(
        _group_with(click.BadParameter("bad")), ["fail"], catch_exceptions=False
    )

    assert run.exit_code == 2

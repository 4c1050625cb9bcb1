"""`cachet RESOURCE list|get|create|update|delete`: generated from the library's managers."""

from __future__ import annotations

import inspect

import click
import pytest

from cachetclient.cli.app import cli
from cachetclient.cli.resources import RESOURCES, ResourceCommands
from cachetclient.v1 import enums
from cachetclient.v1.client import Client
from tests.cli.conftest import Cachet


def _add_components(client: Client, *names: str, status: int = 1) -> list[int]:
    return [client.components.create(name=name, status=status).id or 0 for name in names]


def test_list_json_is_the_api_data(cachet: Cachet, client: Client) -> None:
    _add_components(client, "Website", "API")

    run = cachet("--output", "json", "components", "list")

    assert run.exit_code == 0
    listed = run.json()
    assert [item["name"] for item in listed] == ["Website", "API"]
    assert listed[0] == client.components.get(listed[0]["id"]).attrs


def test_list_shows_one_page_unless_all_is_given(cachet: Cachet, client: Client) -> None:
    _add_components(client, "One", "Two", "Three")

    first_page = cachet("-o", "json", "components", "list", "--per-page", "2").json()
    second_page = cachet("-o", "json", "components", "list", "--per-page", "2", "--page", "2")
    everything = cachet("-o", "json", "components", "list", "--per-page", "2", "--all").json()

    assert [item["name"] for item in first_page] == ["One", "Two"]
    assert [item["name"] for item in second_page.json()] == ["Three"]
    assert [item["name"] for item in everything] == ["One", "Two", "Three"]


def test_list_filters_by_status_name_and_sorts(cachet: Cachet, client: Client) -> None:
    _add_components(client, "Up", "Also up")
    _add_components(client, "Down", status=enums.COMPONENT_STATUS_MAJOR_OUTAGE)

    down = cachet("-o", "json", "components", "list", "--status", "MAJOR-outage").json()
    by_name = cachet("-o", "json", "components", "list", "--sort", "name", "--order", "desc")

    assert [item["name"] for item in down] == ["Down"]
    assert [item["name"] for item in by_name.json()] == ["Up", "Down", "Also up"]


def test_list_table_shows_status_labels(cachet: Cachet, client: Client) -> None:
    _add_components(client, "Database", status=enums.COMPONENT_STATUS_PARTIAL_OUTAGE)

    run = cachet("components", "list")

    assert run.exit_code == 0
    assert "Database" in run.stdout
    assert "Partial Outage" in run.stdout


def test_create_takes_status_by_name_or_number(cachet: Cachet, client: Client) -> None:
    by_name = cachet(
        "-o", "json", "components", "create", "--name", "CDN", "--status", "Major_Outage"
    )
    by_number = cachet("-o", "json", "components", "create", "--name", "DNS", "--status", "2")

    assert by_name.exit_code == 0, by_name.stderr
    assert client.components.get(by_name.json()["id"]).status == 4
    assert client.components.get(by_number.json()["id"]).status == 2


def test_create_sends_optional_fields(cachet: Cachet, client: Client) -> None:
    group = client.component_groups.create(name="Public")

    run = cachet(
        "-o",
        "json",
        "components",
        "create",
        "--name",
        "API",
        "--status",
        "operational",
        "--group-id",
        str(group.id),
        "--tags",
        "api, public",
        "--no-enabled",
    )

    created = client.components.get(run.json()["id"])
    assert created.group_id == group.id
    assert sorted(created.tag_names) == ["api", "public"]
    assert created.enabled is False


def test_update_changes_only_the_given_fields(cachet: Cachet, client: Client) -> None:
    [component_id] = _add_components(client, "Website", status=3)

    run = cachet("components", "update", str(component_id), "--name", "Web site")

    assert run.exit_code == 0, run.stderr
    updated = client.components.get(component_id)
    assert (updated.name, updated.status) == ("Web site", 3)


def test_update_clear_empties_fields_and_keeps_the_others(cachet: Cachet, client: Client) -> None:
    group = client.component_groups.create(name="Services")
    component = client.components.create(
        name="Website", status=2, description="Public site", link="https://x.example"
    )
    client.components.update(component.id, status=2, group_id=group.id)

    run = cachet(
        "components", "update", str(component.id), "--clear", "description", "--clear", "group-id"
    )

    assert run.exit_code == 0, run.stderr
    updated = client.components.get(component.id)
    assert (updated.description, updated.group_id) == ("", 0)
    assert (updated.name, updated.status, updated.link) == ("Website", 2, "https://x.example")


def test_update_clear_offers_only_what_cachet_can_empty(cachet: Cachet, client: Client) -> None:
    schedule = client.schedules.create(name="Upgrade", status=0, message="Short downtime")

    cleared = cachet("schedules", "update", str(schedule.id), "--clear", "message")
    refused = cachet("schedules", "update", str(schedule.id), "--clear", "name")

    assert cleared.exit_code == 0, cleared.stderr
    assert refused.exit_code == 2
    assert "'name' is not 'message'" in refused.stderr
    assert client.schedules.get(schedule.id).name == "Upgrade"
    assert client.schedules.get(schedule.id).message == ""


def test_update_refuses_a_field_both_given_and_cleared(cachet: Cachet, client: Client) -> None:
    metric = client.metrics.create(name="Latency", description="ms", suffix="ms")

    run = cachet(
        "metrics", "update", str(metric.id), "--description", "x", "--clear", "description"
    )

    assert run.exit_code == 2
    assert "--description: give a value or --clear it, not both" in run.stderr
    assert client.metrics.get(metric.id).description == "ms"


def test_get_shows_every_key(cachet: Cachet, client: Client) -> None:
    [component_id] = _add_components(client, "Website")

    run = cachet("components", "get", str(component_id))

    for key in client.components.get(component_id).attrs:
        assert key in run.stdout


def test_delete_removes_and_confirms(cachet: Cachet, client: Client) -> None:
    [component_id] = _add_components(client, "Old")

    run = cachet("components", "delete", str(component_id))

    assert run.exit_code == 0
    assert f"Deleted component {component_id}." in run.stdout
    assert client.components.count() == 0


def test_unknown_id_is_a_cachet_error_with_its_message(cachet: Cachet) -> None:
    run = cachet("components", "get", "999")

    assert run.exit_code == 1
    assert "404" in run.stderr
    assert "Component" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout


def test_rejected_input_shows_cachets_validation_message(cachet: Cachet) -> None:
    run = cachet("groups", "create", "--name", "Backend", "--collapsed", "9")

    assert run.exit_code == 1
    assert "The collapsed must be between 0 and 4." in run.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("components", "create", "--name", "API", "--status", "broken"),
        ("components", "create", "--name", "API"),
        ("components", "get", "not-a-number"),
        ("components", "list", "--sort", "colour"),
        ("components", "frobnicate"),
        ("--output", "xml", "components", "list"),
    ],
)
def test_usage_errors_exit_2(cachet: Cachet, args: tuple[str, ...]) -> None:
    run = cachet(*args)

    assert run.exit_code == 2
    assert "Usage:" in run.stderr or "Error:" in run.stderr


def test_unknown_status_names_the_accepted_values(cachet: Cachet) -> None:
    run = cachet("components", "create", "--name", "API", "--status", "broken")

    assert "major-outage (4)" in run.stderr


def test_groups_create_update_and_list(cachet: Cachet, client: Client) -> None:
    created = cachet("-o", "json", "groups", "create", "--name", "Backend", "--visible").json()
    cachet("groups", "update", str(created["id"]), "--collapsed", "1")

    listed = cachet("-o", "json", "groups", "list").json()

    assert [(g["name"], g["collapsed"], g["visible"]) for g in listed] == [("Backend", 1, 1)]


def test_templates_are_read_only(cachet: Cachet, cachet_emulator: object) -> None:
    cachet_emulator.create_incident_template("Outage", "{{ name }} is down")  # type: ignore[attr-defined]

    listed = cachet("-o", "json", "templates", "list").json()
    shown = cachet("-o", "json", "templates", "get", str(listed[0]["id"])).json()
    create = cachet("templates", "create", "--name", "x")

    assert shown["slug"] == "outage"
    assert create.exit_code == 2


def _commands(group: click.Group) -> dict[str, set[str]]:
    return {
        name: set(command.commands)
        for name, command in group.commands.items()
        if isinstance(command, click.Group)
    }


def test_commands_follow_what_cachets_api_allows() -> None:
    commands = _commands(cli)

    crud = {"list", "get", "create", "update", "delete"}
    assert commands["components"] == crud | {"set-status"}
    assert commands["groups"] == crud
    assert commands["incidents"] == crud | {"open", "resolve"}
    assert commands["updates"] == crud
    assert commands["metrics"] == crud
    assert commands["points"] == {"list", "create", "update", "delete", "add"}
    assert commands["schedules"] == crud
    assert commands["subscribers"] == {"list", "create", "delete"}
    assert commands["subscriptions"] == {"delete"}
    assert commands["templates"] == {"list", "get"}


def _every_command_path() -> list[list[str]]:
    paths: list[list[str]] = [[]]
    for name, command in cli.commands.items():
        paths.append([name])
        if isinstance(command, click.Group):
            paths += [[name, sub] for sub in command.commands]
    return paths


@pytest.mark.parametrize("path", _every_command_path(), ids=lambda path: " ".join(path) or "cachet")
def test_every_command_has_help_with_an_example(cachet: Cachet, path: list[str]) -> None:
    run = cachet(*path, "--help")

    assert run.exit_code == 0
    assert "Example" in run.stdout


def test_quiet_prints_no_confirmation(cachet: Cachet, client: Client) -> None:
    [component_id] = _add_components(client, "Old")

    run = cachet("--quiet", "components", "delete", str(component_id))

    assert (run.exit_code, run.stdout, run.stderr) == (0, "", "")
    assert client.components.count() == 0


def test_json_delete_prints_nothing(cachet: Cachet, client: Client) -> None:
    [component_id] = _add_components(client, "Old")

    run = cachet("-o", "json", "components", "delete", str(component_id))

    assert (run.exit_code, run.stdout) == (0, "")


def test_argument_the_library_refuses_is_a_usage_error(cachet: Cachet, client: Client) -> None:
    component = client.components.create(name="API", status=1, tags="api")

    run = cachet("components", "update", str(component.id), "--tags", " , ")

    assert run.exit_code == 2
    assert "keep at least one" in run.stderr
    assert client.components.get(component.id or 0).tag_names == ["api"]


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda resource: resource.name)
def test_every_manager_parameter_is_on_the_command_line(resource: ResourceCommands) -> None:
    group = cli.commands[resource.name]
    assert isinstance(group, click.Group)
    for operation in resource.operations():
        method = getattr(resource.manager, operation)
        expected = {
            name
            for name in list(inspect.signature(method).parameters)[1:]
            if name not in ("kwargs", "page", "per_page")
        }

        command = group.commands[operation]

        assert {param.name for param in command.params} >= expected

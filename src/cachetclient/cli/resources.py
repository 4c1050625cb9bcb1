"""`cachet RESOURCE list|get|create|update|delete`, generated from the library's managers.

Each resource is one row of `RESOURCES`; the commands, their options and their help come
from the manager's methods (signature and docstring), so what the library can do, the
command line can do.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any

import click

from cachetclient.base import Manager
from cachetclient.clear import CLEAR
from cachetclient.cli.parameters import (
    FiniteFloatType,
    argument_docs,
    given_values,
    option_for,
    summary,
)
from cachetclient.cli.render import Column
from cachetclient.cli.statuses import COMPONENT, INCIDENT, SCHEDULE, StatusKind, StatusType
from cachetclient.v1.component_groups import ComponentGroupManager
from cachetclient.v1.components import ComponentManager
from cachetclient.v1.incident_templates import IncidentTemplateManager
from cachetclient.v1.incident_updates import IncidentUpdatesManager
from cachetclient.v1.incidents import IncidentManager
from cachetclient.v1.metric_points import MetricPointsManager
from cachetclient.v1.metrics import MetricsManager
from cachetclient.v1.schedules import ScheduleManager
from cachetclient.v1.subscribers import SubscriberManager
from cachetclient.v1.subscriptions import SubscriptionManager

if TYPE_CHECKING:
    from cachetclient.cli.session import Session

OPERATIONS = ("list", "get", "create", "update", "delete")
ROWS_PER_PAGE = 20
"""`--per-page` of a `list` command without `--all`: a screenful of rows, where the library
(`defaults.DEFAULT_PER_PAGE`) asks for large pages to walk whole lists fast."""
_EXAMPLE_VALUES = {"email": "ops@example.com", "value": "42", "suffix": "ms"}


@dataclass(frozen=True)
class ResourceCommands:
    """How one library manager appears on the command line."""

    name: str
    """The command group (`cachet NAME ...`)."""
    attribute: str
    """The manager's attribute on the client."""
    manager: type[Manager[Any]]
    ids: Mapping[str, str]
    """Method parameters that address an item (parent first) and their metavar."""
    columns: tuple[Column, ...]
    """Columns of `list` tables (JSON output has every key)."""
    status: StatusKind | None = None
    """The kind of its `status` values."""
    help: str = ""
    kinds: Mapping[str, StatusKind] = field(default_factory=dict)

    def operations(self) -> list[str]:
        """The operations the manager offers (and so Cachet's API allows)."""
        return [name for name in OPERATIONS if callable(getattr(self.manager, name, None))]

    def fetches_current(self, operation: str, name: str) -> bool:
        """Whether `update` may leave out `name`: the current value is fetched and resent.

        The library declares the fields Cachet resets when omitted (`_reset_on_omit`); they
        can be fetched when the resource has a single GET.
        """
        return (
            operation == "update"
            and name in self.manager._reset_on_omit
            and callable(getattr(self.manager, "get", None))
        )

    def status_columns(self) -> dict[str, StatusKind]:
        """Keys shown as coloured statuses in `get` tables."""
        return {**({"status": self.status} if self.status else {}), **self.kinds}


def _columns(*keys: str, status: StatusKind | None = None) -> tuple[Column, ...]:
    return tuple(Column(key, status if key == "status" else None) for key in keys)


RESOURCES: tuple[ResourceCommands, ...] = (
    ResourceCommands(
        "components",
        "components",
        ComponentManager,
        {"component_id": "COMPONENT_ID"},
        _columns("id", "name", "status", "group_id", "enabled", status=COMPONENT),
        COMPONENT,
        "Components: the parts of your system whose status the page shows.",
    ),
    ResourceCommands(
        "groups",
        "component_groups",
        ComponentGroupManager,
        {"group_id": "GROUP_ID"},
        _columns("id", "name", "order", "collapsed", "visible", "lowest_human_status"),
        help="Component groups: named, ordered sets of components.",
    ),
    ResourceCommands(
        "incidents",
        "incidents",
        IncidentManager,
        {"incident_id": "INCIDENT_ID"},
        _columns("id", "name", "status", "component_id", "visible", "occurred_at", status=INCIDENT),
        INCIDENT,
        "Incidents: problems reported on the status page.",
        {"latest_status": INCIDENT},
    ),
    ResourceCommands(
        "updates",
        "incident_updates",
        IncidentUpdatesManager,
        {"incident_id": "INCIDENT_ID", "update_id": "UPDATE_ID", "id": "UPDATE_ID"},
        _columns("id", "incident_id", "status", "message", "created_at", status=INCIDENT),
        INCIDENT,
        "Incident updates: the timeline of one incident.",
    ),
    ResourceCommands(
        "templates",
        "incident_templates",
        IncidentTemplateManager,
        {"template_id": "TEMPLATE_ID"},
        _columns("id", "name", "slug"),
        help="Incident templates (read-only: Cachet creates them in its dashboard).",
    ),
    ResourceCommands(
        "metrics",
        "metrics",
        MetricsManager,
        {"metric_id": "METRIC_ID"},
        _columns("id", "name", "suffix", "default_value", "calc_type", "visible"),
        help="Metrics: graphs of numbers on the status page.",
    ),
    ResourceCommands(
        "points",
        "metric_points",
        MetricPointsManager,
        {"metric_id": "METRIC_ID", "point_id": "POINT_ID"},
        _columns("id", "metric_id", "value", "counter", "created_at"),
        help="Metric points: the values of one metric, newest first.",
    ),
    ResourceCommands(
        "schedules",
        "schedules",
        ScheduleManager,
        {"schedule_id": "SCHEDULE_ID"},
        _columns("id", "name", "status", "scheduled_at", "completed_at", status=SCHEDULE),
        SCHEDULE,
        "Schedules: planned maintenance windows.",
    ),
    ResourceCommands(
        "subscribers",
        "subscribers",
        SubscriberManager,
        {"subscriber_id": "SUBSCRIBER_ID"},
        _columns("id", "email", "global", "verified_at"),
        help="Subscribers: people notified by e-mail (listing needs a token).",
    ),
    ResourceCommands(
        "subscriptions",
        "subscriptions",
        SubscriptionManager,
        {"subscription_id": "SUBSCRIPTION_ID"},
        (),
        help="Subscriptions: one subscriber's link to one component (delete only).",
    ),
)


def resource_group(name: str) -> click.Group:
    """The command group of the resource `name`, with the operations its manager has."""
    [resource] = [resource for resource in RESOURCES if resource.name == name]
    commands = [_command(resource, operation) for operation in resource.operations()]
    # The group's example is its first command's.
    return click.Group(resource.name, commands, help=resource.help, epilog=commands[0].epilog)


def _command(resource: ResourceCommands, operation: str) -> click.Command:
    method = getattr(resource.manager, operation)
    docs = argument_docs(method)
    if operation == "list":
        # The library documents its filters together ("id, name, status: equality filters").
        docs = {name: f"Only those whose {name.replace('_', ' ')} is this." for name in docs}
    arguments: list[tuple[int, click.Parameter]] = []
    options: list[click.Parameter] = []
    for parameter in list(inspect.signature(method).parameters.values())[1:]:
        if parameter.kind in (parameter.VAR_KEYWORD, parameter.VAR_POSITIONAL):
            continue
        if operation == "list" and parameter.name in ("page", "per_page"):
            continue
        if parameter.name in resource.ids and parameter.default is parameter.empty:
            order = list(resource.ids).index(parameter.name)
            metavar = resource.ids[parameter.name]
            arguments.append((order, click.Argument([parameter.name], type=int, metavar=metavar)))
        elif operation == "list" and parameter.name == "sort":
            sortable = click.Choice(list(resource.manager._sortable))
            options.append(click.Option(["--sort"], type=sortable, help="Column to sort by."))
        elif operation == "list" and parameter.name == "order":
            direction = click.Choice(["asc", "desc"], case_sensitive=False)
            options.append(click.Option(["--order"], type=direction, help="Sort direction."))
        else:
            required = parameter.default is parameter.empty
            if required and resource.fetches_current(operation, parameter.name):
                required = False
            options.append(option_for(parameter, resource.status, docs, required=required))
    if operation == "list":
        options += _paging_options()
    if operation == "update" and resource.manager._clear_values:
        options.append(_clear_option(resource))
    params = [argument for _, argument in sorted(arguments, key=lambda pair: pair[0])] + options
    return click.Command(
        operation,
        params=params,
        callback=_callback(resource, operation),
        help=summary(method),
        epilog=_example(resource, operation, params),
        short_help=summary(method),
    )


def _paging_options() -> list[click.Parameter]:
    return [
        click.Option(
            ["--per-page"],
            type=click.IntRange(min=1),
            help=f"Items per page [default: {ROWS_PER_PAGE}; with --all, the library's].",
        ),
        click.Option(
            ["--page"], type=click.IntRange(min=1), default=1, show_default=True, help="Page."
        ),
        click.Option(["--all", "walk_all"], is_flag=True, help="Walk every page."),
    ]


def _clear_option(resource: ResourceCommands) -> click.Option:
    """`--clear FIELD`: empties a field, as `CLEAR` does in the library."""
    fields = [name.replace("_", "-") for name in resource.manager._clear_values]
    return click.Option(
        ["--clear", "clear"],
        type=click.Choice(fields),
        multiple=True,
        help=f"Empty this field (repeat for several): {', '.join(fields)}.",
    )


def _cleared_fields(values: dict[str, Any]) -> dict[str, Any]:
    """`--clear` as `CLEAR` values; refuses a field both given and cleared."""
    names = [flag.replace("-", "_") for flag in values.pop("clear", ())]
    both = [name for name in names if values.get(name) not in (None, ())]
    if both:
        flags = ", ".join("--" + name.replace("_", "-") for name in both)
        raise click.UsageError(f"{flags}: give a value or --clear it, not both")
    return dict.fromkeys(names, CLEAR)


def _callback(resource: ResourceCommands, operation: str) -> Callable[..., None]:
    @click.pass_obj
    def run(session: Session, /, **values: Any) -> None:
        from cachetclient.cli import cachet3

        listing_components = resource.name == "components" and operation == "list"
        if listing_components and cachet3.speaks_cachet_3(session):
            return cachet3.list_components(session, values, ROWS_PER_PAGE)
        manager = getattr(session.client, resource.attribute)
        renderer = session.renderer
        if operation == "list":
            per_page, page, walk_all = (values.pop(k) for k in ("per_page", "page", "walk_all"))
            if walk_all:
                paging = (
                    {"page": page} if per_page is None else {"page": page, "per_page": per_page}
                )
                renderer.items(manager.list(**paging, **given_values(values)), resource.columns)
            else:
                per_page = per_page or ROWS_PER_PAGE
                found = manager.list(page=page, per_page=per_page, **given_values(values))
                renderer.items(islice(found, per_page), resource.columns)
        elif operation == "delete":
            manager.delete(**values)
            shown = " ".join(str(value) for value in values.values())
            renderer.done(f"Deleted {resource.name[:-1]} {shown}.")
        else:
            cleared = _cleared_fields(values) if operation == "update" else {}
            given = given_values(values)
            if operation == "update":
                given.update(_current_values(resource, manager, values))
                given.update(cleared)
            result = getattr(manager, operation)(**given)
            renderer.item(result, resource.status_columns())

    return run


def _current_values(
    resource: ResourceCommands, manager: Manager[Any], values: dict[str, Any]
) -> dict[str, Any]:
    """Current values of the required update fields the user left out."""
    missing = [
        name
        for name, value in values.items()
        if value is None and resource.fetches_current("update", name)
    ]
    if not missing:
        return {}
    ids = tuple(values[name] for name in resource.ids if values.get(name) is not None)
    current = manager._get_by_ids(ids)
    return {name: current.value_for_update(name) for name in missing}


def _example(resource: ResourceCommands, operation: str, params: list[click.Parameter]) -> str:
    words = ["cachet", resource.name, operation]
    for param in params:
        if isinstance(param, click.Argument):
            words.append("1")
        elif isinstance(param, click.Option) and param.required:
            words += [param.opts[0], _example_value(param)]
    if operation == "list":
        words.append("--all")
    return "\b\nExample:\n  " + " ".join(words)


def _example_value(option: click.Option) -> str:
    if isinstance(option.type, StatusType):
        return option.type.kind.example_name()
    name = option.name or ""
    if name in _EXAMPLE_VALUES:
        return _EXAMPLE_VALUES[name]
    if option.type is click.INT or isinstance(option.type, FiniteFloatType):
        return "1"
    return f"'Example {name.replace('_', ' ')}'"

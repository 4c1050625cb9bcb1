"""The top of the front page: the overall status banner and the components, group by group.

A guest's view, as Cachet's public page shows it: disabled components are left out, and so
are 2.4 groups hidden from guests and groups without an enabled component. Components whose
`group_id` names no group are not shown (Cachet lists only `group_id = 0` as ungrouped),
though the banner counts them like `/api/v1/status` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cachet_emulator import php
from cachet_emulator.api_call import ApiCall
from cachet_emulator.resources import component_groups, components, general

# Component status -> the word the stylesheet colours it by.
STATUS_CLASSES = {0: "unknown", 1: "operational", 2: "performance", 3: "partial", 4: "major"}
# Group `collapsed` values (spec 7.2); 3 and 4 mean nothing and show the group open.
COLLAPSED = 1
COLLAPSED_UNLESS_ISSUE = 2
OPERATIONAL = 1


@dataclass(frozen=True)
class Banner:
    """The overall status: `success`, `info` or `danger`, and its message."""

    state: str
    message: str


@dataclass(frozen=True)
class ComponentView:
    """One component line: name, description, link and status."""

    id: int
    name: str
    description: str
    link: str
    status: int
    status_name: str

    @property
    def status_class(self) -> str:
        """The word the stylesheet colours this status by."""
        return STATUS_CLASSES.get(self.status, "unknown")


@dataclass(frozen=True)
class GroupView:
    """A component group: its components in order, whether it starts collapsed, its worst."""

    id: int
    name: str
    collapsed: bool
    components: list[ComponentView]
    worst: ComponentView


def banner(call: ApiCall) -> Banner:
    """The banner, by the rule of `/api/v1/status` for a guest."""
    state, message = general.overall_status(call)
    return Banner(state, message)


def groups(call: ApiCall) -> list[GroupView]:
    """The groups a guest sees, by `order`, each with its enabled components."""
    where = [] if call.is_23 else [("visible", 1)]
    rows = call.store.select(component_groups.TABLE, where, [("order", False)])
    shown = []
    for row in rows:
        presented = component_groups.present(call, row)
        members = [_component(item) for item in presented["enabled_components"]]
        if not members:
            continue
        worst = _component(presented["enabled_components_lowest"][0])
        collapsed = _starts_collapsed(php.cast_int(row["collapsed"]), members)
        shown.append(GroupView(int(row["id"]), str(row["name"]), collapsed, members, worst))
    return shown


def ungrouped(call: ApiCall) -> list[ComponentView]:
    """Enabled components outside any group, by `order`."""
    where = [("group_id", 0), ("enabled", 1)]
    rows = call.store.select(components.TABLE, where, [("order", False)])
    return [_component(components.present(call, row)) for row in rows]


def _starts_collapsed(collapsed: int, members: list[ComponentView]) -> bool:
    if collapsed == COLLAPSED:
        return True
    if collapsed == COLLAPSED_UNLESS_ISSUE:
        return all(member.status <= OPERATIONAL for member in members)
    return False


def safe_link(link: Any) -> str:
    """A component's link when it is a web address, else "" (no `javascript:` links)."""
    text = str(link or "")
    return text if text.lower().startswith(("http://", "https://")) else ""


def _component(data: dict[str, Any]) -> ComponentView:
    return ComponentView(
        id=int(data["id"]),
        name=str(data["name"]),
        description=str(data.get("description") or ""),
        link=safe_link(data.get("link")),
        status=int(data["status"]),
        status_name=str(data["status_name"]),
    )

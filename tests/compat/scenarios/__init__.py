"""The compatibility scenarios: code written against the cachet-client 3.1.1 and 4.0.x docs.

Each scenario is a function taking `tests.compat.observe.Steps`, registered with `@scenario`
under its name. Scenarios import `cachetclient` themselves (the library under test differs
per interpreter) and pass every call whose outcome matters through `steps.do` / `steps.see`.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.compat.observe import Steps

Scenario = Callable[[Steps], None]
SCENARIOS: dict[str, Scenario] = {}


def scenario(function: Scenario) -> Scenario:
    """Register a scenario under its function name."""
    if function.__name__ in SCENARIOS:
        raise ValueError(f"two scenarios are called {function.__name__}")
    SCENARIOS[function.__name__] = function
    return function


# The modules register their scenarios on import.
from tests.compat.scenarios import (  # noqa: E402
    basic_usage,
    component_groups,
    components,
    general,
    incidents,
    metrics,
    schedules,
    scripts,
    subscribers,
)

__all__ = [
    "SCENARIOS",
    "basic_usage",
    "component_groups",
    "components",
    "general",
    "incidents",
    "metrics",
    "scenario",
    "schedules",
    "scripts",
    "subscribers",
]

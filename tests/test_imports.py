"""`import cachetclient` loads only what the public names need; the rest comes on first use."""

from __future__ import annotations

import json
import subprocess
import sys

# Loaded when a client is created, not when the package is imported.
LOADED_ON_USE = (
    "cachetclient.httpclient",
    "cachetclient.async_httpclient",
    "cachetclient.v1",
    "httpx",
    "click",
    "rich",
    "zoneinfo",
)


def loaded_modules(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running `code`."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_import_loads_no_transport() -> None:
    loaded = loaded_modules("import cachetclient")

    assert {"requests", "cachetclient.errors"} <= loaded
    assert [name for name in LOADED_ON_USE if name in loaded] == []


def test_public_names_import_without_a_transport() -> None:
    loaded = loaded_modules(
        "from cachetclient import AsyncClient, Client, NotFoundError, CLEAR, __version__"
    )

    assert [name for name in LOADED_ON_USE if name in loaded] == []


def test_creating_a_client_loads_the_transport() -> None:
    loaded = loaded_modules(
        "import cachetclient\n"
        "cachetclient.Client(endpoint='http://127.0.0.1:9/api/v1', guest=True).close()"
    )

    assert {"cachetclient.httpclient", "cachetclient.v1.client"} <= loaded
    assert "httpx" not in loaded


V1_EXPORTS = (
    "Client",
    "Component",
    "ComponentGroup",
    "Incident",
    "IncidentUpdate",
    "Metric",
    "MetricPoint",
    "Schedule",
    "Subscriber",
    "enums",
)


def test_v1_exports_what_every_release_exported() -> None:
    script = (
        f"from cachetclient.v1 import {', '.join(V1_EXPORTS)}\n"
        "print(Component.__module__, Subscriber.__module__, enums.COMPONENT_STATUS_OPERATIONAL)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )

    assert result.stdout.split() == [
        "cachetclient.v1.components",
        "cachetclient.v1.subscribers",
        "1",
    ]


def test_annotations_reach_v1_submodules_after_importing_the_package() -> None:
    # Code annotates with `cachetclient.v1.components.Component`, evaluated at import time.
    loaded = loaded_modules(
        "import cachetclient\n"
        "def sync(component: cachetclient.v1.Component,\n"
        "         manager: cachetclient.v1.components.ComponentManager,\n"
        "         group: cachetclient.v1.component_groups.ComponentGroup) -> None: ...\n"
        "assert sync.__annotations__['component'] is cachetclient.v1.components.Component"
    )

    assert {"cachetclient.v1.components", "cachetclient.v1.component_groups"} <= loaded


def test_unknown_v1_names_raise_attribute_error() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import cachetclient\ncachetclient.v1.Nothing"],
        capture_output=True,
        text=True,
    )

    assert result.returncode == 1
    assert "module 'cachetclient.v1' has no attribute 'Nothing'" in result.stderr

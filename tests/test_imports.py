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
        "from cachetclient import AsyncClient, Client, NotFoundError, UNSET, __version__"
    )

    assert [name for name in LOADED_ON_USE if name in loaded] == []


def test_creating_a_client_loads_the_transport() -> None:
    loaded = loaded_modules(
        "import cachetclient\ncachetclient.Client(endpoint='http://127.0.0.1:9/api/v1').close()"
    )

    assert {"cachetclient.httpclient", "cachetclient.v1.client"} <= loaded
    assert "httpx" not in loaded

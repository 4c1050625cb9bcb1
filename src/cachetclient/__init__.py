"""cachetclient: a Python client for the Cachet status page API.

`cachetclient.Client(endpoint=..., api_token=...)` is the front door (`AsyncClient` for
asyncio); the error classes are importable from here too. `cachetclient.v1` (the resource
classes, as in every release) loads on first use.
"""

from typing import TYPE_CHECKING, Any

from cachetclient.clear import CLEAR
from cachetclient.client import AsyncClient, Client
from cachetclient.errors import (
    AuthenticationError,
    BadRequestError,
    CachetError,
    ConfigurationError,
    ConnectionError,
    HTTPError,
    InvalidResponseError,
    MethodNotAllowedError,
    NotFoundError,
    ServerError,
    TimeoutError,
    UnsupportedOperationError,
    ValidationError,
)

if TYPE_CHECKING:
    from cachetclient import v1 as v1

__version__ = "4.1.0.dev0"

__all__ = [
    "CLEAR",
    "AsyncClient",
    "AuthenticationError",
    "BadRequestError",
    "CachetError",
    "Client",
    "ConfigurationError",
    "ConnectionError",
    "HTTPError",
    "InvalidResponseError",
    "MethodNotAllowedError",
    "NotFoundError",
    "ServerError",
    "TimeoutError",
    "UnsupportedOperationError",
    "ValidationError",
    "__version__",
]


def __getattr__(name: str) -> Any:
    """Load `cachetclient.v1` the first time it is used (`cachetclient.v1.Component`)."""
    if name == "v1":
        import cachetclient.v1

        return cachetclient.v1
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""cachetclient: a Python client for the Cachet status page API.

`cachetclient.Client(endpoint=..., api_token=...)` is the front door (`AsyncClient` for
asyncio); the error classes are importable from here too.
"""

from cachetclient.__version__ import __version__
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
from cachetclient.unset import UNSET

__all__ = [
    "UNSET",
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

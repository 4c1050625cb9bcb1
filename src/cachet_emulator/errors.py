"""Errors the emulator answers with, and their rendering (spec section 4).

ApiError                   any error answer: status, optional detail, meta.details, headers
  raised via not_found_model(), validation_failed(), bad_request(), unauthorized(),
  method_not_allowed(), not_acceptable(), server_error()
"""

from __future__ import annotations

import html
import uuid

from cachet_emulator import php_json

TITLES_AND_DETAILS: dict[int, tuple[str, str]] = {
    400: ("Bad Request", "The request cannot be fulfilled due to bad syntax."),
    401: (
        "Unauthorized",
        "Authentication is required and has failed or has not yet been provided.",
    ),
    403: (
        "Forbidden",
        "The request was a valid request, but the server is refusing to respond to it.",
    ),
    404: (
        "Not Found",
        "The requested resource could not be found but may be available again in the future.",
    ),
    405: (
        "Method Not Allowed",
        "A request was made of a resource using a request method not supported by that resource.",
    ),
    406: (
        "Not Acceptable",
        "The requested resource is only capable of generating content not acceptable.",
    ),
    415: (
        "Unsupported Media Type",
        "The request entity has a media type which the server or resource does not support.",
    ),
    422: (
        "Unprocessable Entity",
        "The request was well-formed but was unable to be followed due to semantic errors.",
    ),
    429: ("Too Many Requests", "The user has sent too many requests in a given amount of time."),
    500: ("Internal Server Error", "An error has occurred and this resource cannot be displayed."),
    503: (
        "Service Unavailable",
        "The server is currently unavailable. It may be overloaded or down for maintenance.",
    ),
}

MODEL_CLASS_PREFIX = "CachetHQ\\Cachet\\Models\\"


class ApiError(Exception):
    """An error answer: `status`, a `detail` replacing the generic one, validation `details`."""

    def __init__(
        self,
        status: int,
        detail: str | None = None,
        details: list[str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail or TITLES_AND_DETAILS[status][1])
        self.status = status
        self.detail = detail
        self.details = details
        self.headers = headers or {}

    def body(self) -> dict[str, object]:
        """The `{"errors": [...]}` body, with a fresh uuid4 id."""
        title, generic = TITLES_AND_DETAILS[self.status]
        error: dict[str, object] = {
            "id": str(uuid.uuid4()),
            "status": self.status,
            "title": title,
            "detail": self.detail if self.detail and len(self.detail) > 4 else generic,
        }
        if self.details is not None:
            error["meta"] = {"details": self.details}
        return {"errors": [error]}

    def json(self) -> bytes:
        """The body encoded like Cachet's error displayer does."""
        return php_json.encode_error(self.body())

    def html(self) -> bytes:
        """The HTML error page sent when the client accepts no JSON."""
        title = TITLES_AND_DETAILS[self.status][0]
        text = html.escape(f"{self.status} {title}")
        page = f"<!DOCTYPE html><html><head><title>{text}</title></head><body><h1>{text}</h1>"
        return (page + "</body></html>").encode()


def not_found_model(model: str | None) -> ApiError:
    """404 for an unknown path id; `model` is the Cachet class name, None for the generic text."""
    if model is None:
        return ApiError(404)
    return ApiError(404, f"No query results for model [{MODEL_CLASS_PREFIX}{model}].")


def validation_failed(messages: list[str]) -> ApiError:
    """400 with the validation messages in meta.details."""
    return ApiError(400, details=messages)


def bad_request() -> ApiError:
    """Bare 400, as for a database constraint violation."""
    return ApiError(400)


def unauthorized() -> ApiError:
    """401: token missing or wrong where one is required."""
    return ApiError(401)


def method_not_allowed(allowed: list[str]) -> ApiError:
    """405 with the Allow header."""
    return ApiError(405, headers={"allow": ", ".join(allowed)})


def not_acceptable() -> ApiError:
    """406: the client does not accept JSON."""
    return ApiError(406)


def server_error() -> ApiError:
    """500, the answer real Cachet gives for its known crashes."""
    return ApiError(500)

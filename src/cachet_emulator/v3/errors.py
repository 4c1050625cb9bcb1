"""Errors as Laravel renders them for a JSON request: `{"message": ...}`, plus `errors` on 422.

Cachet 3 forces JSON on every API route, so there is no HTML or JSON:API error body.
"""

from __future__ import annotations

from cachet_emulator import php_json
from cachet_emulator.errors import ApiError
from cachet_emulator.http_io import HttpResponse

MODEL_NAMESPACE = "Cachet\\Models\\"


class LaravelError(ApiError):
    """An error answer: status, Laravel's message, the field errors of a 422, headers."""

    def __init__(
        self,
        status: int,
        message: str = "",
        errors: dict[str, list[str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(status, message or None, headers=headers)
        self.message = message
        self.errors = errors

    def response(self) -> HttpResponse:
        """The JSON answer."""
        body: dict[str, object] = {"message": self.message}
        if self.errors is not None:
            body["errors"] = self.errors
        return HttpResponse(self.status, php_json.encode(body), "application/json", self.headers)


def model_not_found(model: str, row_id: object) -> LaravelError:
    """404 from a failed route binding or `findOrFail`."""
    return LaravelError(404, f"No query results for model [{MODEL_NAMESPACE}{model}] {row_id}")


def not_found() -> LaravelError:
    """404 from `abort(404)`: an empty message (API disabled, parent not visible)."""
    return LaravelError(404, "")


def unauthenticated() -> LaravelError:
    """401 from Sanctum or the api_protected setting."""
    return LaravelError(401, "Unauthenticated.")


def missing_ability() -> LaravelError:
    """403 when the token lacks the route's ability."""
    return LaravelError(403, "Invalid ability provided.")


def bad_query(message: str) -> LaravelError:
    """400 for a filter, sort, include or fields parameter the route does not allow."""
    return LaravelError(400, message)


def validation_failed(errors: dict[str, list[str]]) -> LaravelError:
    """422 with the first message and how many more there are."""
    messages = [message for field in errors.values() for message in field]
    summary = messages[0]
    more = len(messages) - 1
    if more:
        summary += f" (and {more} more error{'s' if more > 1 else ''})"
    return LaravelError(422, summary, errors)


def server_error() -> LaravelError:
    """500 as Laravel renders it without debug mode."""
    return LaravelError(500, "Server Error")

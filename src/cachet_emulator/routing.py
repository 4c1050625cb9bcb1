"""Route matching as Laravel does it: first match in declaration order, 405 and OPTIONS."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from cachet_emulator.api_call import ApiCall, Reply
from cachet_emulator.versions import Versioned

Handler = Callable[[ApiCall], Reply]
# Laravel's verb order, used for the Allow header.
VERBS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")

NEVER = "never"  # no token needed, even with always_authenticate (ping, version, status)
OPTIONAL = "optional"  # a wrong or missing token is served as a guest
PUBLIC = "public"  # optional, and cross-origin requests get CORS headers (spec 2.13)
REQUIRED = "required"  # 401 without a valid token
BOTH_VERSIONS = ("2.4", "2.3")
ONLY_24 = ("2.4",)


def match_segments(patterns: Sequence[str], segments: Sequence[str]) -> dict[str, str] | None:
    """The path parameters when `segments` match `patterns`, else None.

    A literal pattern matches itself only; a `{name}` pattern matches any non-empty segment.
    """
    if len(segments) != len(patterns):
        return None
    parameters: dict[str, str] = {}
    for pattern, segment in zip(patterns, segments, strict=True):
        if pattern.startswith("{"):
            if not segment:
                return None
            parameters[pattern[1:-1]] = segment
        elif pattern != segment:
            return None
    return parameters


@dataclass(frozen=True)
class Route:
    """One API route: method, path under /api/v1 (with `{parameter}` segments), handler.

    A route whose handling differs as a whole between versions has a `Versioned` handler.
    """

    method: str
    path: str
    handler: Handler | Versioned[Handler]
    auth: str
    versions: tuple[str, ...] = BOTH_VERSIONS
    segments: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "segments", tuple(self.path.split("/")))

    @property
    def name(self) -> str:
        """The operation's name: its handler's (the same in every version)."""
        handler = self.handler.newest if isinstance(self.handler, Versioned) else self.handler
        return handler.__name__

    def handler_for(self, version: str) -> Handler:
        """The handler of this route in a Cachet version."""
        if isinstance(self.handler, Versioned):
            return self.handler.for_version(version)
        return self.handler

    def match(self, segments: Sequence[str]) -> dict[str, str] | None:
        """The path parameters when `segments` match this route, else None."""
        return match_segments(self.segments, segments)


class RouteTable:
    """The routes of one Cachet version, searchable by method and path."""

    def __init__(self, routes: Sequence[Route], version: str) -> None:
        self.routes = [route for route in routes if version in route.versions]
        # (method, number of segments) -> the routes that could match, in declaration order
        self.candidates: dict[tuple[str, int], list[Route]] = {}
        for route in self.routes:
            methods = (route.method, "HEAD") if route.method == "GET" else (route.method,)
            for method in methods:
                key = (method, len(route.segments))
                self.candidates.setdefault(key, []).append(route)

    def find(self, method: str, segments: Sequence[str]) -> tuple[Route, dict[str, str]] | None:
        """The first route of `method` matching the path, with its parameters."""
        for route in self.candidates.get((method, len(segments)), ()):
            parameters = route.match(segments)
            if parameters is not None:
                return route, parameters
        return None

    def allowed(self, method: str, segments: Sequence[str]) -> list[str]:
        """The other methods the path exists for, in Laravel's order."""
        return [verb for verb in VERBS if verb != method and self.find(verb, segments) is not None]

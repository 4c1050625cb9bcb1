"""The managers of the Cachet 3 `AsyncClient` as type checkers see them.

Every Cachet 3 manager has the same methods (`manager.Manager`): with `AsyncClient` they are
awaited and `list()` is an async iterator. One generic Protocol says so; its signatures are
the sync ones of `Manager`, so the two can only drift together with that class.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from cachetclient.v3.resource import Resource

R_co = TypeVar("R_co", bound=Resource, covariant=True)


class AsyncManager(Protocol[R_co]):
    """A Cachet 3 manager driven by the asyncio transport."""

    async def get(self, *ids: int, include: Sequence[str] = ()) -> R_co:
        """Fetch one resource (see `Manager.get`)."""

    def list(
        self,
        *parent_ids: int,
        include: Sequence[str] = (),
        sort: str | Sequence[str] | None = None,
        per_page: int = ...,
        meta: Mapping[str, Any] | None = None,
        **filters: Any,
    ) -> AsyncIterator[R_co]:
        """Iterate over the resources (see `Manager.list`)."""

    def count(self, *args: Any, **kwargs: Any) -> int:
        """Cachet 3 cannot count: raises `UnsupportedOperationError` (see `Manager.count`)."""

    async def create(self, *parent_ids: int, include: Sequence[str] = (), **fields: Any) -> R_co:
        """Create a resource (see `Manager.create`)."""

    async def update(self, *ids: int, include: Sequence[str] = (), **fields: Any) -> R_co:
        """Change a resource (see `Manager.update`)."""

    async def delete(self, *ids: int) -> None:
        """Delete a resource (see `Manager.delete`)."""

"""Bulk work: many operations of one kind, each allowed to fail without stopping the others."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from cachetclient.errors import CachetError

BATCH_ERRORS = (CachetError, ValueError, TypeError)
"""What makes one item fail without stopping the batch: the server refused it, or its
values could not be encoded. Anything else (a bug, a cancellation) stops the batch."""


T = TypeVar("T")


@dataclass(frozen=True)
class BatchFailure:
    """One item the server did not accept: its position, the item and the error."""

    index: int
    item: Any
    error: Exception


@dataclass
class BatchResult(Generic[T]):
    """What a bulk call did: results in input order (`None` where it failed) and failures."""

    results: list[T | None] = field(default_factory=list)
    failures: list[BatchFailure] = field(default_factory=list)

    def record(self, index: int, item: Any, outcome: T | Exception) -> None:
        """Store the outcome of item `index` (a result, or the error it failed with)."""
        if isinstance(outcome, Exception):
            self.failures.append(BatchFailure(index, item, outcome))
            self.failures.sort(key=lambda failure: failure.index)
            self.results[index] = None
        else:
            self.results[index] = outcome

    @property
    def succeeded(self) -> list[T]:
        """The results of the items that worked, in input order."""
        return [result for result in self.results if result is not None]

    @property
    def ok(self) -> bool:
        """True when every item worked."""
        return not self.failures

"""What differs between the Cachet versions the emulator answers as, declared one way.

Every difference is a `Versioned` value, declared once at the top of the module whose
behaviour differs and named for that behaviour: what the newest version (2.4) does, and what
an older one (2.3) does instead. Code reads `call.pick(VALUE)` and never compares versions
itself. The value may be data (the searchable columns, the validation rules) or a function
(how `/status` is computed); a handler that differs as a whole is a `Versioned` handler in the
route table of `app.py`, and a route a version lacks leaves it out of `Route.versions`.
Supporting one more version is one more key in the `Versioned` values that differ for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from cachet_emulator.settings import CACHET_VERSIONS

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


@dataclass(frozen=True)
class Versioned(Generic[T_co]):
    """A behaviour that differs between Cachet versions: `newest`, or `older[version]`."""

    newest: T_co
    older: Mapping[str, T_co] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = set(self.older) - set(CACHET_VERSIONS)
        if unknown:
            raise ValueError(f"unknown Cachet versions {sorted(unknown)}: {CACHET_VERSIONS}")

    def for_version(self, version: str) -> T_co:
        """The value for a Cachet version (`newest` unless that version differs)."""
        return self.older.get(version, self.newest)


def until_23(newest: T, in_23: T) -> Versioned[T]:
    """A behaviour that 2.4 changed: `in_23` in Cachet 2.3, `newest` since."""
    return Versioned(newest, {"2.3": in_23})

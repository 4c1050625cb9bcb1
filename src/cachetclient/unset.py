"""The `UNSET` sentinel: tells "argument not given" apart from an explicit `None`."""

from __future__ import annotations

import enum
from typing import Final, Literal


class Unset(enum.Enum):
    """Type of the `UNSET` sentinel (an enum so type checkers can narrow it)."""

    UNSET = "UNSET"

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> Literal[False]:
        return False


UNSET: Final = Unset.UNSET
"""Default of optional parameters: the field is left out of the request."""

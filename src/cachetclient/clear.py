"""The `CLEAR` sentinel: empties a field in `update()`, where `None` leaves it unchanged."""

from __future__ import annotations

import enum
from typing import Final


class Clear(enum.Enum):
    """Type of the `CLEAR` sentinel (an enum so type checkers can narrow it)."""

    CLEAR = "CLEAR"

    def __repr__(self) -> str:
        return "cachetclient.CLEAR"


CLEAR: Final = Clear.CLEAR
"""Pass it to `update()` (or assign it to an attribute) to empty a field Cachet can empty."""

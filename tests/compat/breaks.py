"""Differences from the releases that are not deliberate: the library has to change.

Rows (`tests.compat.rows`) as in `tests.compat.differences`: what this library does now, why
it breaks code written for the releases, and where it shows. The scenario tests let these
steps differ, so that the rest of each scenario stays checked, and
`test_each_listed_difference_still_shows` fails once the library is fixed: then the row goes.
Never a place for a deliberate difference.
"""

from __future__ import annotations

from tests.compat.rows import Table

# fmt: off
BREAKS: Table = ()
# fmt: on

"""Rows of the compatibility tables: a difference from the releases and where it shows.

`tests.compat.differences` (deliberate) and `tests.compat.breaks` (still to fix) are tables of
these rows. A row's `shows_in` maps scenario names to the labels of the steps where the
difference shows; a list ending in `LATER_STEPS` also covers every later step of the scenario
(the release stopped there).
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

from tests.compat.comparison import Run

LATER_STEPS = "…"
BOTH = ("3.1.1", "4.0.1")


@dataclass(frozen=True)
class Difference:
    """What this library does, why, which releases differ, and the steps where it shows.

    `follows` names the release we behave like where the two releases disagree.
    """

    ours: str
    reason: str
    releases: tuple[str, ...]
    shows_in: Mapping[str, tuple[str, ...]]
    follows: str | None = None


Table = tuple[Difference, ...]


def covered_steps(difference: Difference, scenario: str, ours: Run) -> set[str]:
    """The labels of the steps of `scenario` that one row lets differ."""
    listed = difference.shows_in.get(scenario, ())
    labels = {label for label in listed if label != LATER_STEPS}
    order = [step["step"] for step in ours]
    if len(listed) > 1 and listed[-1] == LATER_STEPS and listed[-2] in order:
        labels.update(order[order.index(listed[-2]) + 1 :])
    return labels


def allowed_steps(table: Table, scenario: str, release: str, ours: Run) -> set[str]:
    """The labels of the steps of `scenario` that a table lets differ from `release`."""
    labels: set[str] = set()
    for difference in table:
        if release in difference.releases:
            labels |= covered_steps(difference, scenario, ours)
    return labels


def changelog_section(table: Table) -> str:
    """A table as the CHANGELOG lists it: one bullet per row."""
    bullets = []
    for difference in table:
        releases = " and ".join(difference.releases)
        follows = f"; as {difference.follows} does" if difference.follows else ""
        text = f"**{difference.ours}.** {difference.reason} _(Differs from {releases}{follows}.)_"
        bullets.append(textwrap.fill(text, width=96, initial_indent="- ", subsequent_indent="  "))
    return "\n".join(bullets) + "\n"

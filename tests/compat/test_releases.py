"""Code written for cachet-client 3.1.1 and 4.0.1 observes the same here, step by step, except
for the deliberate differences of `tests.compat.differences` (and the known breaks of
`tests.compat.breaks`, each an expected failure until the library is fixed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench.releases import RELEASES

from tests.compat.breaks import BREAKS
from tests.compat.comparison import OURS, Run, differing_steps, step_of
from tests.compat.differences import DIFFERENCES
from tests.compat.rows import LATER_STEPS, Difference, allowed_steps, changelog_section
from tests.compat.scenarios import SCENARIOS

CHANGELOG = Path(__file__).resolve().parents[2] / "CHANGELOG.md"
DIFFERENCES_GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guide" / "differences.md"
# The first test also builds the releases' virtualenvs (pip, once) and runs every scenario.
pytestmark = pytest.mark.timeout(600)


def _explain(ours: Run, theirs: Run, labels: list[str]) -> str:
    lines = []
    for label in labels:
        lines.append(f"  step {label!r}:")
        lines.append(f"    ours:    {json.dumps(step_of(ours, label))[:2000]}")
        lines.append(f"    release: {json.dumps(step_of(theirs, label))[:2000]}")
    return "\n".join(lines)


@pytest.mark.parametrize("release", RELEASES)
@pytest.mark.parametrize("name", list(SCENARIOS))
def test_scenario_observes_what_the_release_does(
    name: str, release: str, runs: dict[str, dict[str, Run]]
) -> None:
    ours, theirs = runs[OURS][name], runs[release][name]
    # Every call whose outcome matters goes through a step, so that it is compared.
    for run in (ours, theirs):
        assert "<uncaught>" not in [step["step"] for step in run], run[-1]

    allowed = allowed_steps(DIFFERENCES + BREAKS, name, release, ours)
    unexplained = [label for label in differing_steps(ours, theirs) if label not in allowed]
    assert not unexplained, (
        f"{name}: these steps differ from cachet-client {release} and no deliberate "
        f"difference lists them:\n{_explain(ours, theirs, unexplained)}"
    )


@pytest.mark.parametrize("difference", DIFFERENCES + BREAKS, ids=lambda difference: difference.ours)
def test_each_listed_difference_still_shows(
    difference: Difference, runs: dict[str, dict[str, Run]]
) -> None:
    for scenario, labels in difference.shows_in.items():
        ours = runs[OURS][scenario]
        differing = {
            label
            for release in difference.releases
            for label in differing_steps(ours, runs[release][scenario])
        }
        stale = [label for label in labels if label != LATER_STEPS and label not in differing]
        assert not stale, f"{scenario}: these steps no longer differ: {stale}"


@pytest.mark.parametrize(
    "difference",
    [difference for difference in DIFFERENCES if difference.follows],
    ids=lambda difference: difference.ours,
)
def test_where_the_releases_disagree_we_do_what_the_followed_one_does(
    difference: Difference, runs: dict[str, dict[str, Run]]
) -> None:
    followed = difference.follows
    assert followed is not None
    for scenario, labels in difference.shows_in.items():
        ours = runs[OURS][scenario]
        # A step may also differ from the followed release for a reason of its own.
        elsewhere = allowed_steps(DIFFERENCES, scenario, followed, ours)
        for label in labels:
            if label != LATER_STEPS and label not in elsewhere:
                theirs = step_of(runs[followed][scenario], label)
                assert step_of(ours, label) == theirs, f"{scenario} {label!r}: not as {followed}"


def test_the_tables_name_existing_scenarios_and_releases() -> None:
    for difference in DIFFERENCES + BREAKS:
        assert set(difference.releases) <= set(RELEASES), difference.ours
        assert difference.follows in (None, *RELEASES), difference.ours
        assert difference.follows not in difference.releases, difference.ours
        assert set(difference.shows_in) <= set(SCENARIOS), difference.ours
        assert all(difference.shows_in.values()), difference.ours


def test_the_changelog_lists_the_table() -> None:
    assert changelog_section(DIFFERENCES) in CHANGELOG.read_text()


def test_the_differences_guide_lists_the_table() -> None:
    assert changelog_section(DIFFERENCES) in DIFFERENCES_GUIDE.read_text()

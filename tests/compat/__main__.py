"""`python -m tests.compat`: how many scenarios agree with each release, and where they differ.

Prints, for each release, how many scenarios observe exactly the same, how many differ only
deliberately (`tests.compat.differences`), how many are known breaks (`tests.compat.breaks`),
and names any other. Exits 1 if there is another; `pytest tests/compat` says which steps.
"""

from __future__ import annotations

import sys

from bench.releases import RELEASES

from tests.compat.breaks import BREAKS
from tests.compat.comparison import OURS, differing_steps, run_all
from tests.compat.differences import DIFFERENCES
from tests.compat.rows import allowed_steps


def main() -> int:
    """Run every scenario with each library and print the summary."""
    runs = run_all()
    ours = runs[OURS]
    print(f"{len(ours)} scenarios, run with this library, " + " and ".join(RELEASES))
    unexplained_total = 0
    for release in RELEASES:
        same: list[str] = []
        deliberate: list[str] = []
        known: list[str] = []
        unexplained: list[str] = []
        for name, run in ours.items():
            differing = differing_steps(run, runs[release][name])
            if not differing:
                same.append(name)
            elif set(differing) <= allowed_steps(DIFFERENCES, name, release, run):
                deliberate.append(name)
            elif set(differing) <= allowed_steps(DIFFERENCES + BREAKS, name, release, run):
                known.append(name)
            else:
                unexplained.append(name)
        unexplained_total += len(unexplained)
        print(
            f"  {release}: {len(same)} observe exactly the same, {len(deliberate)} differ only "
            f"deliberately, {len(known)} show a known break still to fix, {len(unexplained)} "
            "differ otherwise" + (f": {', '.join(unexplained)}" if unexplained else "")
        )
    for row in BREAKS:
        print(f"  known break: {row.ours}")
    return 1 if unexplained_total else 0


if __name__ == "__main__":
    sys.exit(main())

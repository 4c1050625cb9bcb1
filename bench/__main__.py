"""`python -m bench [--quick] [--only SCENARIO ...] [--profile [DIR]]`: run, print, save."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from bench import profiling, report, sampling
from bench.processes import BENCH_DIR
from bench.runner import FULL, QUICK, SCENARIO_NAMES, run_benchmarks


def main(argv: list[str] | None = None) -> int:
    """Run the selected scenarios, print the table, write the JSON results."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller data, fewer runs (<1 min)")
    parser.add_argument("--only", nargs="+", choices=SCENARIO_NAMES, help="scenarios to run")
    parser.add_argument(
        "--profile",
        nargs="?",
        const="",
        metavar="DIR",
        help="also cProfile our client (keeping the .pstats files in DIR if given)",
    )
    parser.add_argument("--output", type=Path, default=BENCH_DIR / "results.json")
    arguments = parser.parse_args(argv)
    plan = QUICK if arguments.quick else FULL
    selected = tuple(arguments.only or SCENARIO_NAMES)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cachet-bench-") as scratch:
        profile_dir = None if arguments.profile is None else Path(arguments.profile or scratch)
        run = run_benchmarks(plan, selected, profile_dir)
    tables = report.scenario_tables(run)
    checks = report.targets(tables, run)
    print()
    print(report.render(run, tables, checks))
    for name, profile in run.profiles.items():
        print(profiling.render(name, profile["cprofile"]))
        if "py_spy" in profile:
            print(sampling.render(name, profile["py_spy"]))
    report.write_json(run, tables, checks, arguments.output)
    print(f"\nWritten {arguments.output.name} in {time.perf_counter() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

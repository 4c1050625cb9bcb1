"""One contender's process: `python -m bench.worker CONTENDER SCENARIO SIZE [options]`.

Reads the API token from `CACHET_API_TOKEN`, runs the scenario (see `bench.workloads`) and
prints its measurements as one JSON object on stdout. With `--serve` it warms up, answers
`{"ready": true}`, then times one run per `run` line it reads (one JSON line each). With
`--profile FILE` the timed runs (only those) go through cProfile, written to FILE.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import sys

from bench.workloads import CONTENDERS, Job, run, serve


def main(argv: list[str] | None = None) -> int:
    """Run one job and print its result."""
    parser = argparse.ArgumentParser(prog="python -m bench.worker")
    parser.add_argument("contender", choices=CONTENDERS)
    parser.add_argument("scenario")
    parser.add_argument("size", type=int)
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--per-page", type=int)
    parser.add_argument("--profile", metavar="FILE", help="write cProfile statistics here")
    parser.add_argument(
        "--serve", action="store_true", help="one timed run per `run` line on stdin"
    )
    arguments = parser.parse_args(argv)
    job = Job(
        contender=arguments.contender,
        scenario=arguments.scenario,
        endpoint=arguments.endpoint,
        token=os.environ.get("CACHET_API_TOKEN", ""),
        size=arguments.size,
        runs=arguments.runs,
        per_page=arguments.per_page,
    )
    if arguments.serve:
        serve(job, sys.stdin, sys.stdout)
        return 0
    if arguments.profile:
        profiler = cProfile.Profile()
        result = run(job, profiler)
        profiler.dump_stats(arguments.profile)
    else:
        result = run(job)
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Sampling profiles with py-spy (the `bench` extra): no tracing overhead, unlike cProfile.

`record` runs a worker under `py-spy record --format raw`; `summarise` keeps only the samples
taken inside the timed runs and ranks functions by own and inclusive share of those samples.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

_TIMED_FRAME = "_timed (bench/workloads.py"
_BENCH_FRAMES = ("(bench/", "(<frozen runpy>")


def py_spy() -> str | None:
    """The py-spy executable, if installed (next to this interpreter, or on PATH)."""
    beside = Path(sys.executable).with_name("py-spy")
    return str(beside) if beside.exists() else shutil.which("py-spy")


def record(command: Sequence[str], output: Path, environment: dict[str, str], cwd: Path) -> None:
    """Run `command` under py-spy at 1000 samples per second, collapsed stacks to `output`."""
    executable = py_spy()
    if executable is None:
        raise FileNotFoundError("py-spy is not installed (pip install '.[bench]')")
    subprocess.run(
        [
            executable,
            "record",
            "--rate",
            "1000",
            "--format",
            "raw",
            "--output",
            str(output),
            "--",
            *command,
        ],
        cwd=cwd,
        env=environment,
        capture_output=True,
        check=True,
    )


def summarise(path: Path, limit: int = 12) -> dict[str, Any]:
    """Own (leaf) and inclusive shares of the functions sampled during the timed runs."""
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    total = 0
    for line in path.read_text().splitlines():
        stack, _, count_text = line.rpartition(" ")
        if _TIMED_FRAME not in stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = [f for f in stack.split(";") if not any(m in f for m in _BENCH_FRAMES)]
        if not frames:
            continue
        total += count
        own[_function(frames[-1])] += count
        for name in {_function(frame) for frame in frames}:
            inclusive[name] += count

    def shares(counter: Counter[str]) -> list[dict[str, Any]]:
        return [
            {"function": name, "share": count / total} for name, count in counter.most_common(limit)
        ]

    return {"samples": total, "by_own": shares(own), "by_inclusive": shares(inclusive)}


def _function(frame: str) -> str:
    # "Session.request (requests/sessions.py:651)" -> "Session.request (requests/sessions.py)"
    name, _, place = frame.partition(" (")
    return f"{name} ({place.rsplit(':', 1)[0]})" if place else name


def render(name: str, summary: dict[str, Any]) -> str:
    """A sampled profile as text."""
    lines = [f"py-spy profile of ours in `{name}` ({summary['samples']} samples in timed runs):"]
    for title, key in (("own", "by_own"), ("inclusive", "by_inclusive")):
        lines.append(f"  top by {title} share:")
        lines += [f"    {row['share']:6.1%}  {row['function']}" for row in summary[key]]
    return "\n".join(lines)

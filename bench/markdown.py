"""`python -m bench.markdown [RESULTS]`: the README's Performance table from `results.json`.

The README and docs/guide/performance.md carry this table; regenerate it after `make bench`
rather than editing figures by hand.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from typing import Any

from bench.processes import BENCH_DIR
from bench.report import page_size_medians

ROWS = (
    ("get", "`get`: one component x {size}"),
    ("list-defaults", "`list-defaults`: {size} incidents, default arguments"),
    ("list-large", "`list-large`: {size} points, `per_page=500`"),
    ("list-fields", "`list-fields`: {size} points, reading `.value` and `.created_at`"),
    ("create", "`create`: {size} metric points"),
    ("count", "`count`: eight lists x {size}"),
)
SIZES = {
    "get": "get",
    "list-defaults": "incidents",
    "list-large": "points",
    "list-fields": "fields",
    "create": "creates",
    "count": "count_rounds",
}


def table(results: dict[str, Any]) -> str:
    """The Markdown table of one benchmark run."""
    scenarios, plan = results["scenarios"], results["plan"]
    lines = [
        "| scenario (same emulator, one run) | ours | raw `requests` | reference 4.0.1 "
        "| ours/raw CPU | reference/ours wall |",
        "|---|---|---|---|---|---|",
    ]
    for name, label in ROWS:
        if name not in scenarios:
            continue
        found = scenarios[name]["contenders"]
        ratios = scenarios[name]["ratios"]
        show_requests = name == "list-defaults"
        cells = [_wall(found.get(c), show_requests) for c in ("ours", "raw", "reference")]
        cells += [_x(ratios.get("ours/raw cpu")), _x(ratios.get("reference/ours wall"))]
        lines.append(f"| {label.format(size=f'{plan[SIZES[name]]:,}')} | {' | '.join(cells)} |")
    lines += _memory_row(scenarios, plan) + _start_up_row(scenarios)
    return "\n".join(lines)


def page_size_table(results: dict[str, Any]) -> str:
    """The `page-size` sweep as a Markdown table (empty when the run did not include it)."""
    sweep = results["scenarios"].get("page-size", {})
    lines = [
        "| `per_page` | requests | walk (wall) | client CPU | first item | memory of the walk |",
        "|---|---|---|---|---|---|",
    ]
    for label, entry, first, growth in page_size_medians(sweep):
        lines.append(
            f"| {label.removeprefix('per_page=')} | {entry['requests']:,.0f} "
            f"| {entry['wall'] * 1000:,.0f} ms | {entry['cpu'] * 1000:,.0f} ms "
            f"| {first * 1000:.1f} ms | {growth:.1f} MB |"
        )
    return "\n".join(lines) if len(lines) > 2 else ""


def footnote(results: dict[str, Any]) -> str:
    """The sentences under the table: runs, machine, emulator throughput, status page."""
    machine = results["machine"]
    text = (
        f"Wall times are medians of {results['plan']['runs']} runs on a {machine['cpus']}-CPU "
        f"machine (Python {machine['python']}); CPU is the client process's own."
    )
    throughput = results.get("emulator_throughput") or []
    by_method: dict[str, list[dict[str, Any]]] = {}
    for row in throughput:
        by_method.setdefault(row["method"], []).append(row)
    parts = [
        f"{method} "
        + " and ".join(f"{r['emulator_rps']:,.0f}/s on {r['connections']}" for r in rows)
        + " connections ("
        + ", ".join(f"{r['ratio']:.2f}x" for r in rows)
        + ")"
        for method, rows in by_method.items()
    ]
    if parts:
        text += (
            " The emulator serves "
            + "; ".join(parts)
            + ": the ratios are to a Starlette hello-world app served the same way."
        )
    return text + _status_page_sentence(results.get("status_page") or [], results["plan"])


def _status_page_sentence(rows: list[dict[str, Any]], plan: dict[str, Any]) -> str:
    by_data_set = {row["data_set"]: row for row in rows}
    demo, large = by_data_set.get("demo"), by_data_set.get("large")
    if demo is None or large is None:
        return ""
    return (
        f" The emulator's status page renders its front page in {demo['page_ms']:.0f} ms"
        f" with the demo data and in {large['page_ms']:.0f} ms with {plan['incidents']:,}"
        f" incidents, 50 components and {plan['points']:,} metric points (first load after"
        f" start: {demo['cold_ms']:.0f} ms and {large['cold_ms']:.0f} ms)."
    )


def _wall(entry: dict[str, Any] | None, show_requests: bool) -> str:
    if not entry or entry.get("error") or entry.get("wall") is None:
        return "n/a"
    text = f"{entry['wall'] * 1000:,.0f} ms"
    if show_requests:
        text += f" ({entry['requests']:,.0f} requests)"
    return text


def _x(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _memory_row(scenarios: dict[str, Any], plan: dict[str, Any]) -> list[str]:
    runs = scenarios.get("memory", {}).get("contenders", {}).get("ours", {}).get("runs") or []
    growths = [run["rss_growth_mb"] for run in runs if "rss_growth_mb" in run]
    if not growths:
        return []
    return [
        f"| `memory`: {plan['subscribers']:,} subscribers | +{max(growths):.1f} MB peak over "
        "the first page | | | | |"
    ]


def _start_up_row(scenarios: dict[str, Any]) -> list[str]:
    def wall(scenario: str, contender: str) -> str:
        runs = scenarios.get(scenario, {}).get("contenders", {}).get(contender, {}).get("runs")
        if not runs:
            return "n/a"
        return f"{statistics.median(run['wall'] for run in runs) * 1000:.0f} ms"

    if "import" not in scenarios and "cli" not in scenarios:
        return []
    return [
        f"| `import cachetclient` / `cachet version` | {wall('import', 'ours')} / "
        f"{wall('cli', 'ours')} | {wall('import', 'raw')} (`import requests`) | "
        f"{wall('import', 'reference')} | | |"
    ]


def main(argv: list[str] | None = None) -> int:
    """Print the table and its footnote."""
    parser = argparse.ArgumentParser(prog="python -m bench.markdown")
    parser.add_argument("results", nargs="?", type=Path, default=BENCH_DIR / "results.json")
    arguments = parser.parse_args(argv)
    results = json.loads(arguments.results.read_text())
    print(table(results))
    print()
    print(footnote(results))
    sweep = page_size_table(results)
    if sweep:
        print()
        print(sweep)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Smoke test of the benchmark harness: the `get` scenario, in-process, on a tiny data set.

`make bench` runs every scenario in child processes; this keeps the shared parts (seeding,
workloads, request counting, report) from rotting without timing anything.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from bench.report import render, scenario_tables, targets, write_json
from bench.runner import QUICK, Outcome, Run
from bench.seeding import DataSet, seed
from bench.workloads import Job, run, serve

from bench import markdown


@pytest.fixture
def seeded(cachet_emulator: Any) -> Any:
    """The emulator holding a miniature benchmark data set."""
    seed(cachet_emulator.store, DataSet(incidents=3, points=5, subscribers=5))
    return cachet_emulator


@pytest.mark.parametrize("contender", ["ours", "raw"])
def test_get_scenario_counts_one_request_per_fetch(seeded: Any, contender: str) -> None:
    job = Job(contender, "get", seeded.endpoint, seeded.token, size=4, runs=2)

    measured = run(job)

    assert [entry["requests"] for entry in measured["runs"]] == [4, 4]
    assert all(entry["distinct"] == 1 for entry in measured["runs"])
    assert all(isinstance(entry["cpu"], float) for entry in measured["runs"])


def test_report_compares_contenders_and_checks_the_get_target(seeded: Any) -> None:
    benchmark = Run(QUICK)
    for contender in ("ours", "raw"):
        measured = run(Job(contender, "get", seeded.endpoint, seeded.token, size=3))
        benchmark.outcomes.append(Outcome("get", contender, runs=measured["runs"]))
    benchmark.outcomes.append(Outcome("get", "reference", error="not installed"))

    tables = scenario_tables(benchmark)
    checks = {check["target"]: check for check in targets(tables, benchmark)}
    text = render(benchmark, tables, checks=list(checks.values()))

    assert tables["get"]["ratios"]["ours/raw cpu_per_request"] is not None
    assert tables["get"]["ratios"]["reference/ours wall"] is None
    get_target = checks["get: client CPU per request, ours/raw <= 1.25"]
    assert get_target["met"] in (True, False)
    assert "reference  n/a: not installed" in text


def test_seeded_lists_have_the_data_set_sizes(seeded: Any) -> None:
    import requests

    headers = {"X-Cachet-Token": seeded.token}
    answer = requests.get(seeded.endpoint + "/components", headers=headers, timeout=10)

    assert answer.json()["meta"]["pagination"]["total"] == 10
    assert seeded.store.count("subscribers") == 5
    assert seeded.store.count("metric_points", [("metric_id", 1)]) == 5


def test_an_unknown_contender_is_refused(seeded: Any) -> None:
    with pytest.raises(ValueError, match="unknown contender"):
        run(Job("httpx", "get", seeded.endpoint, seeded.token, size=1))


def test_served_worker_answers_ready_then_one_run_per_command(seeded: Any) -> None:
    job = Job("ours", "get", seeded.endpoint, seeded.token, size=2)
    answers = io.StringIO()

    serve(job, io.StringIO("run\nrun\n"), answers)

    messages = [json.loads(line) for line in answers.getvalue().splitlines()]
    assert messages[0] == {"ready": True}
    assert [message["requests"] for message in messages[1:]] == [2, 2]


def test_markdown_table_comes_from_the_written_results(seeded: Any, tmp_path: Any) -> None:
    benchmark = Run(QUICK)
    for contender in ("ours", "raw"):
        measured = run(Job(contender, "get", seeded.endpoint, seeded.token, size=3))
        benchmark.outcomes.append(Outcome("get", contender, runs=measured["runs"]))
    tables = scenario_tables(benchmark)
    written = tmp_path / "results.json"
    write_json(benchmark, tables, targets(tables, benchmark), written)

    results = json.loads(written.read_text())
    rows = markdown.table(results).splitlines()

    ours_wall = results["scenarios"]["get"]["contenders"]["ours"]["wall"]
    get_row = next(row for row in rows if row.startswith("| `get`"))
    assert f"x {QUICK.get:,}" in get_row
    assert f"{ours_wall * 1000:,.0f} ms" in get_row
    assert "| n/a |" in get_row  # no reference in this run
    assert "list-large" not in "\n".join(rows)
    assert f"{results['plan']['runs']} runs" in markdown.footnote(results)


def test_page_size_sweep_measures_each_page_size(seeded: Any, tmp_path: Any) -> None:
    benchmark = Run(QUICK)
    for per_page in (2, 5):
        job = Job("ours", "page-size", seeded.endpoint, seeded.token, size=5, per_page=per_page)
        measured = run(job)
        benchmark.outcomes.append(Outcome("page-size", f"per_page={per_page}", measured["runs"]))
    tables = scenario_tables(benchmark)
    written = tmp_path / "results.json"
    write_json(benchmark, tables, targets(tables, benchmark), written)

    rows = markdown.page_size_table(json.loads(written.read_text())).splitlines()

    assert [row.split(" | ")[:2] for row in rows[2:]] == [["| 2", "3"], ["| 5", "1"]]
    first_run = benchmark.outcomes[0].runs[0]
    assert first_run["items"] == 5 and first_run["first_item"] > 0


def test_status_page_scenario_loads_both_data_sets_beside_the_api(tmp_path: Any) -> None:
    from bench import status_page

    benchmark = Run(QUICK, status_page=status_page.measure(loads=2, points=50, incidents=10))

    assert [row["data_set"] for row in benchmark.status_page] == ["demo", "large"]
    assert all(row["page_ms"] > 0 and row["api_ms"] > 0 for row in benchmark.status_page)
    large = benchmark.status_page[1]
    assert large["page_bytes"] > benchmark.status_page[0]["page_bytes"]
    checks = {check["target"] for check in targets({}, benchmark)}
    assert "status page (large): front page median ms <= 250" in checks
    assert "Status page front page" in render(benchmark, {}, [])
    write_json(benchmark, {}, [], tmp_path / "results.json")
    results = json.loads((tmp_path / "results.json").read_text())
    assert "status page renders its front page in" in markdown.footnote(results)

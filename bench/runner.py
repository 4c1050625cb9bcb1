"""The benchmark run: the scenarios as data, and the loop that measures them side by side.

One seeded emulator process serves every contender in the same run; each contender runs each
scenario in its own process. A scenario a contender cannot run (say, a route the emulator
does not serve yet) is recorded with the reason instead of stopping the run.
"""

from __future__ import annotations

import secrets
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from bench import load, status_page
from bench.processes import (
    OUR_PYTHON,
    REPOSITORY,
    BenchError,
    ServerProcess,
    WorkerProcess,
    reference_python,
    run_worker,
    time_command,
)
from bench.seeding import COMPONENT_ID
from cachetclient.pagination import DEFAULT_PER_PAGE


@dataclass(frozen=True)
class Plan:
    """How much work each scenario does, and how often it is repeated."""

    runs: int
    get: int
    incidents: int
    points: int
    fields: int
    creates: int
    count_rounds: int
    subscribers: int
    command_runs: int
    load_seconds: float
    page_loads: int


FULL = Plan(
    runs=5,
    get=1000,
    incidents=2000,
    points=20_000,
    fields=10_000,
    creates=500,
    count_rounds=20,
    subscribers=100_000,
    command_runs=10,
    load_seconds=2.0,
    page_loads=20,
)
QUICK = Plan(
    runs=3,
    get=200,
    incidents=300,
    points=4000,
    fields=2000,
    creates=100,
    count_rounds=5,
    subscribers=20_000,
    command_runs=5,
    load_seconds=0.5,
    page_loads=5,
)


@dataclass(frozen=True)
class Scenario:
    """A workload of `bench.workloads`: its size under a plan, and page size per contender."""

    name: str
    what: str
    size: Callable[[Plan], int]
    contenders: tuple[str, ...] = ("ours", "raw", "reference")
    per_page: dict[str, int] = field(default_factory=dict)
    runs: Callable[[Plan], int] = lambda plan: plan.runs
    fresh_process_per_run: bool = False


WORKER_SCENARIOS = (
    Scenario("get", "fetch one component N times", lambda plan: plan.get),
    Scenario(
        "list-defaults",
        "iterate every incident with each client's default arguments",
        lambda plan: plan.incidents,
        per_page={"raw": DEFAULT_PER_PAGE},
    ),
    Scenario(
        "list-large",
        "iterate every metric point, per_page=500 for everyone",
        lambda plan: plan.points,
        per_page={"ours": 500, "raw": 500, "reference": 500},
    ),
    Scenario(
        "list-fields",
        "iterate metric points reading .value and .created_at, per_page=500 for everyone",
        lambda plan: plan.fields,
        per_page={"ours": 500, "raw": 500, "reference": 500},
    ),
    Scenario("create", "create N metric points", lambda plan: plan.creates),
    Scenario(
        "count",
        "count each of 8 resource lists, N rounds",
        lambda plan: plan.count_rounds,
    ),
    Scenario(
        "memory",
        "iterate every subscriber; peak RSS growth after the first page",
        lambda plan: plan.subscribers,
        contenders=("ours",),
        runs=lambda plan: max(1, plan.runs // 2),
        fresh_process_per_run=True,  # peak RSS is per process
    ),
)
PAGE_SIZES = (25, 50, 100, 200, 500, 1000, 2000, 5000)
"""The `per_page` values the `page-size` sweep compares (ours only)."""

PAGE_SIZE_SCENARIOS = tuple(
    Scenario(
        "page-size",
        f"iterate every metric point with per_page={per_page}",
        lambda plan: plan.points,
        contenders=("ours",),
        per_page={"ours": per_page},
        runs=lambda plan: max(1, plan.runs // 2),
        fresh_process_per_run=True,  # each run's memory starts from the same point
    )
    for per_page in PAGE_SIZES
)
SCENARIO_NAMES = (
    *(s.name for s in WORKER_SCENARIOS),
    "page-size",
    "import",
    "cli",
    "emulator",
    "status-page",
)


@dataclass
class Outcome:
    """What one contender measured in one scenario (or why it could not)."""

    scenario: str
    contender: str
    runs: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    server_cpu: float | None = None
    """CPU seconds the emulator spent serving this contender's runs."""


@dataclass
class Run:
    """Everything a benchmark run produced."""

    plan: Plan
    outcomes: list[Outcome] = field(default_factory=list)
    throughput: list[dict[str, Any]] = field(default_factory=list)
    profiles: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per profiled scenario: `cprofile` (and `py_spy`) summaries of our client."""
    status_page: list[dict[str, Any]] = field(default_factory=list)
    """Per data set: front page load times beside the API (`bench.status_page`)."""


def run_benchmarks(plan: Plan, selected: tuple[str, ...], profile_dir: Path | None) -> Run:
    """Measure the selected scenarios under `plan`."""
    result = Run(plan)
    pythons = {"ours": OUR_PYTHON, "raw": OUR_PYTHON}
    try:
        pythons["reference"] = reference_python()
    except BenchError as problem:
        print(f"The reference client is unavailable: {problem}", file=sys.stderr)
    token = secrets.token_hex(10)
    worker_scenarios = [s for s in (*WORKER_SCENARIOS, *PAGE_SIZE_SCENARIOS) if s.name in selected]
    if worker_scenarios or "cli" in selected:
        data = ["--incidents", str(plan.incidents), "--points", str(plan.points)]
        data += ["--subscribers", str(plan.subscribers if "memory" in selected else 0)]
        with ServerProcess("emulator", "--token", token, *data) as server:
            endpoint = server.url + "/api/v1"
            for scenario in worker_scenarios:
                outcomes = _run_scenario(scenario, pythons, plan, server, token)
                if scenario.name == "page-size":  # one row per page size
                    for outcome in outcomes:
                        outcome.contender = f"per_page={scenario.per_page['ours']}"
                for outcome in outcomes:
                    _show(outcome)
                result.outcomes += outcomes
            if "cli" in selected:
                result.outcomes += _time_commands("cli", _cli_commands(endpoint, token), plan)
            if profile_dir is not None:
                result.profiles = _profile(plan, endpoint, token, profile_dir)
    if "import" in selected:
        result.outcomes += _time_commands("import", _import_commands(pythons), plan)
    if "emulator" in selected:
        result.throughput = _emulator_throughput(plan)
    if "status-page" in selected:
        result.status_page = status_page.measure(plan.page_loads, plan.points, plan.incidents)
    return result


def _run_scenario(
    scenario: Scenario,
    pythons: dict[str, str],
    plan: Plan,
    server: ServerProcess,
    token: str,
) -> list[Outcome]:
    """Every contender's runs of one scenario, interleaved run by run."""
    outcomes = {contender: Outcome(scenario.name, contender) for contender in scenario.contenders}
    for outcome in outcomes.values():
        outcome.server_cpu = 0.0
    rounds = scenario.runs(plan)
    workers: dict[str, WorkerProcess] = {}
    try:
        for _ in range(rounds):
            for contender, outcome in outcomes.items():
                if outcome.error is not None:
                    continue
                try:
                    if contender not in workers or scenario.fresh_process_per_run:
                        _retire(workers.pop(contender, None))
                        workers[contender] = _start_worker(
                            scenario, contender, pythons, plan, server, token
                        )
                    cpu_before = server.cpu_seconds()
                    outcome.runs.append(workers[contender].measure())
                    outcome.server_cpu += (server.cpu_seconds() - cpu_before) / rounds
                except BenchError as problem:
                    outcome.error = str(problem)
    finally:
        for worker in workers.values():
            _retire(worker)
    return list(outcomes.values())


def _start_worker(
    scenario: Scenario,
    contender: str,
    pythons: dict[str, str],
    plan: Plan,
    server: ServerProcess,
    token: str,
) -> WorkerProcess:
    if contender not in pythons:
        raise BenchError("the reference client could not be installed")
    arguments = [contender, scenario.name, str(scenario.size(plan))]
    arguments += ["--endpoint", server.url + "/api/v1"]
    if contender in scenario.per_page:
        arguments += ["--per-page", str(scenario.per_page[contender])]
    return WorkerProcess(pythons[contender], arguments, token)


def _retire(worker: WorkerProcess | None) -> None:
    if worker is not None:
        worker.close()


def _show(outcome: Outcome) -> None:
    if outcome.error:
        print(f"  {outcome.scenario:14} {outcome.contender:10} n/a: {outcome.error}", flush=True)
        return
    walls = sorted(run["wall"] for run in outcome.runs)
    print(
        f"  {outcome.scenario:14} {outcome.contender:10} median wall "
        f"{walls[len(walls) // 2] * 1000:9.1f} ms",
        flush=True,
    )


def _import_commands(pythons: dict[str, str]) -> dict[str, list[str]]:
    commands = {"ours": [OUR_PYTHON, "-c", "import cachetclient"]}
    commands["raw"] = [OUR_PYTHON, "-c", "import requests"]
    if "reference" in pythons:
        commands["reference"] = [pythons["reference"], "-c", "import cachetclient"]
    # The interpreter alone: what every command pays before importing anything.
    commands["python"] = [OUR_PYTHON, "-c", "pass"]
    return commands


def _cli_commands(endpoint: str, token: str) -> dict[str, tuple[list[str], dict[str, str]]]:
    import os

    environment = {**os.environ, "CACHET_ENDPOINT": endpoint, "CACHET_API_TOKEN": token}
    cachet = str(Path(OUR_PYTHON).with_name("cachet"))
    return {
        "ours": ([cachet, "version"], environment),
        "raw": ([OUR_PYTHON, "-c", "import requests"], environment),
        "python": ([OUR_PYTHON, "-c", "pass"], environment),
    }


def _writing_bytecode(environment: dict[str, str] | None) -> dict[str, str]:
    """The environment without `PYTHONDONTWRITEBYTECODE`, so the warm-up writes bytecode.

    Otherwise a source checkout would be compiled in every timed run while `requests` (and
    any installed package) is read from the bytecode its installer wrote.
    """
    import os

    given = os.environ if environment is None else environment
    return {name: value for name, value in given.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _time_commands(scenario: str, commands: dict[str, Any], plan: Plan) -> list[Outcome]:
    outcomes = []
    for contender, command in commands.items():
        argv, environment = command if isinstance(command, tuple) else (command, None)
        outcome = Outcome(scenario, contender)
        try:
            time_command(argv, _writing_bytecode(environment))  # warm files and bytecode
            for _ in range(plan.command_runs):
                timing = time_command(argv, environment)
                outcome.runs.append({"wall": timing.wall, "cpu": timing.cpu, "requests": 0})
        except BenchError as problem:
            outcome.error = str(problem)
        outcomes.append(outcome)
        _show(outcome)
    return outcomes


def _emulator_throughput(plan: Plan) -> list[dict[str, Any]]:
    """Requests per second of the emulator and of a hello-world app on the same stack."""
    token = secrets.token_hex(10)
    headers = (("X-Cachet-Token", token), ("Accept", "application/json"))
    body = {"name": "Load test", "status": 1}
    rows = []
    with ServerProcess("emulator", "--token", token) as emulator, ServerProcess("hello") as hello:
        created = requests.post(
            emulator.url + "/api/v1/components", json=body, headers=dict(headers), timeout=10
        )
        created.raise_for_status()
        probes = {
            "GET": (
                load.Probe("GET", f"{emulator.url}/api/v1/components/{COMPONENT_ID}", headers),
                load.Probe("GET", f"{hello.url}/hello"),
            ),
            "POST": (
                load.Probe("POST", f"{emulator.url}/api/v1/components", headers, body),
                load.Probe("POST", f"{hello.url}/hello", body=body),
            ),
        }
        for method, (emulated, baseline) in probes.items():
            for connections in (1, 8):
                measured = load.measure(emulated, connections, plan.load_seconds)
                hello_world = load.measure(baseline, connections, plan.load_seconds)
                rows.append(
                    {
                        "method": method,
                        "connections": connections,
                        "emulator_rps": measured.requests_per_second,
                        "hello_rps": hello_world.requests_per_second,
                        "ratio": measured.requests_per_second / hello_world.requests_per_second,
                        "failures": measured.failures + hello_world.failures,
                    }
                )
                print(
                    f"  emulator {method:4} x{connections}: "
                    f"{measured.requests_per_second:7.0f} req/s "
                    f"(hello world {hello_world.requests_per_second:7.0f})",
                    flush=True,
                )
    return rows


def _profile(plan: Plan, endpoint: str, token: str, directory: Path) -> dict[str, dict[str, Any]]:
    """Profile our client in get, list-large, list-fields and create: cProfile, and py-spy."""
    import os

    from bench import profiling, sampling

    directory.mkdir(parents=True, exist_ok=True)
    profiles: dict[str, dict[str, Any]] = {}
    profiled = ("get", "list-large", "list-fields", "create")
    for scenario in (s for s in WORKER_SCENARIOS if s.name in profiled):
        arguments = ["ours", scenario.name, str(scenario.size(plan)), "--endpoint", endpoint]
        if "ours" in scenario.per_page:
            arguments += ["--per-page", str(scenario.per_page["ours"])]
        traced = directory / f"{scenario.name}.pstats"
        try:
            run_worker(OUR_PYTHON, [*arguments, "--profile", str(traced)], token)
        except BenchError as problem:
            print(f"  profile {scenario.name}: n/a: {problem}", flush=True)
            continue
        profiles[scenario.name] = {"cprofile": profiling.top_entries(traced)}
        if sampling.py_spy() is None:
            continue
        sampled = directory / f"{scenario.name}.py-spy.txt"
        environment = {**os.environ, "CACHET_API_TOKEN": token}
        command = [OUR_PYTHON, "-m", "bench.worker", *arguments, "--runs", str(plan.runs)]
        try:
            sampling.record(command, sampled, environment, REPOSITORY)
        except (OSError, subprocess.CalledProcessError) as problem:
            print(f"  py-spy {scenario.name}: n/a: {problem}", flush=True)
            continue
        profiles[scenario.name]["py_spy"] = sampling.summarise(sampled)
        print(f"  profiled {scenario.name}", flush=True)
    return profiles

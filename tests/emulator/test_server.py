"""Running the emulator: the context manager, the command, persistence and concurrency."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import requests

from cachet_emulator.server import CachetEmulator

LISTENING = re.compile(
    r"Cachet emulator listening on (http://127\.0\.0\.1:\d+/api/v1) \(token: (\w+)\)\n"
)


@contextmanager
def emulator_process(*arguments: str) -> Iterator[tuple[subprocess.Popen[str], str, str]]:
    """`python -m cachet_emulator` on a free port; yields (process, endpoint, token)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "cachet_emulator", "--port", "0", *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = LISTENING.fullmatch(line)
        assert match, (line, process.stderr.read() if process.poll() is not None else "")
        yield process, match.group(1), match.group(2)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(10)
        if process.stdout:
            process.stdout.close()
        if process.stderr:
            process.stderr.close()


def test_context_manager_serves_and_stops() -> None:
    with CachetEmulator(token="abc") as emulator:
        assert emulator.endpoint == f"http://127.0.0.1:{emulator.port}/api/v1"
        assert requests.get(emulator.endpoint + "/ping", timeout=5).json() == {"data": "Pong!"}
        endpoint = emulator.endpoint
    try:
        requests.get(endpoint + "/ping", timeout=2)
    except requests.ConnectionError:
        pass
    else:
        raise AssertionError("the server still answers after stop()")


def test_random_token_is_20_alphanumerics() -> None:
    emulator = CachetEmulator()
    assert re.fullmatch(r"[A-Za-z0-9]{20}", emulator.token)
    emulator.store.close()


def test_keep_alive_connection_is_reused() -> None:
    with CachetEmulator() as emulator, requests.Session() as session:
        for _ in range(3):
            response = session.get(emulator.endpoint + "/ping", timeout=5, stream=True)
            assert response.headers.get("connection", "keep-alive").lower() != "close"
            response.close()
        pool = session.get_adapter(emulator.endpoint).poolmanager
        assert len(pool.pools) == 1


def test_command_prints_one_line_and_stops_on_sigterm() -> None:
    with emulator_process("--token", "Tok123") as (process, endpoint, token):
        assert token == "Tok123"
        assert requests.get(endpoint + "/ping", timeout=5).status_code == 200
        process.send_signal(signal.SIGTERM)
        assert process.wait(10) == 0


def test_command_seeds_demo_data() -> None:
    with emulator_process("--seed", "demo") as (process, endpoint, token):
        headers = {"X-Cachet-Token": token}
        components = requests.get(endpoint + "/components", headers=headers, timeout=5).json()
        assert components["meta"]["pagination"]["total"] == 6
        groups = requests.get(endpoint + "/components/groups", headers=headers, timeout=5)
        assert groups.json()["meta"]["pagination"]["total"] == 2
        templates = requests.get(endpoint + "/incidents/templates", timeout=5).json()
        assert templates["data"][0]["slug"] == "scheduled-maintenance"
        process.send_signal(signal.SIGINT)
        assert process.wait(10) == 0


def test_acknowledged_writes_survive_kill_9(tmp_path: Path) -> None:
    database = str(tmp_path / "cachet.sqlite")
    created = []
    with emulator_process("--db", database, "--token", "T") as (process, endpoint, _):
        for number in range(25):
            response = requests.post(
                endpoint + "/components", json={"name": f"C{number}"},
                headers={"X-Cachet-Token": "T"}, timeout=5,
            )  # fmt: skip
            assert response.status_code == 200
            created.append(response.json()["data"]["id"])
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
    with emulator_process("--db", database, "--token", "T") as (_, endpoint, _):
        body = requests.get(endpoint + "/components?per_page=100", timeout=5).json()
        assert [row["id"] for row in body["data"]] == created


def test_data_survives_a_restart_in_process(tmp_path: Path) -> None:
    database = str(tmp_path / "cachet.sqlite")
    with CachetEmulator(token="T", db=database) as emulator:
        requests.post(emulator.endpoint + "/components", json={"name": "Kept"},
                      headers={"X-Cachet-Token": "T"}, timeout=5)  # fmt: skip
    with CachetEmulator(token="T", db=database) as emulator:
        names = [c["name"] for c in requests.get(emulator.endpoint + "/components").json()["data"]]
        assert names == ["Kept"]


def test_concurrent_writers_lose_nothing() -> None:
    with CachetEmulator(token="T") as emulator:

        def write(worker: int) -> list[int]:
            statuses = []
            with requests.Session() as session:
                for number in range(20):
                    response = session.post(
                        emulator.endpoint + "/components",
                        json={"name": f"W{worker}-{number}", "tags": f"w{worker}"},
                        headers={"X-Cachet-Token": "T"}, timeout=10,
                    )  # fmt: skip
                    statuses.append(response.status_code)
            return statuses

        with ThreadPoolExecutor(max_workers=8) as pool:
            results = [status for statuses in pool.map(write, range(8)) for status in statuses]
        assert results == [200] * 160
        body = requests.get(emulator.endpoint + "/components?per_page=-1", timeout=5).json()
        names = {row["name"] for row in body["data"]}
        assert len(names) == 160


def test_file_database_uses_wal(tmp_path: Path) -> None:
    emulator = CachetEmulator(db=str(tmp_path / "x.sqlite"))
    mode = emulator.store.connection.execute("PRAGMA journal_mode").fetchone()[0]
    sync = emulator.store.connection.execute("PRAGMA synchronous").fetchone()[0]
    emulator.store.close()
    assert (mode, sync) == ("wal", 2)


def test_plugin_module_imports_nothing_heavy() -> None:
    code = (
        "import sys, cachet_emulator.pytest_plugin\n"
        "heavy = [m for m in ('starlette', 'uvicorn', 'sqlite3') if m in sys.modules]\n"
        "print(heavy)"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert output.stdout.strip() == "[]"


def test_plugin_fixture_gives_an_empty_emulator(cachet_emulator: CachetEmulator) -> None:
    headers = {"X-Cachet-Token": cachet_emulator.token}
    url = cachet_emulator.endpoint + "/components"
    assert requests.post(url, json={"name": "A"}, headers=headers, timeout=5).status_code == 200
    assert requests.get(url, timeout=5).json()["meta"]["pagination"]["total"] == 1


def test_plugin_fixture_is_empty_again(cachet_emulator: CachetEmulator) -> None:
    url = cachet_emulator.endpoint + "/components"
    assert requests.get(url, timeout=5).json()["meta"]["pagination"]["total"] == 0


def test_command_reports_a_busy_port_cleanly() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = str(busy.getsockname()[1])
        result = subprocess.run(
            [sys.executable, "-m", "cachet_emulator", "--port", port],
            capture_output=True, text=True, timeout=30,
        )  # fmt: skip
    assert result.returncode == 1
    assert "cannot listen" in result.stderr and result.stdout == ""


def test_users_written_by_another_connection_to_the_file_count(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.sqlite")
    component = {"name": "A", "status": 1}
    with CachetEmulator(token="FirstToken", db=path) as first:
        components = first.endpoint + "/components"
        headers = {"X-Cachet-Token": "FirstToken"}
        assert requests.post(components, json=component, headers=headers, timeout=5).ok
        CachetEmulator(token="SecondToken", db=path).store.close()  # installs its own users
        for token, status in (("FirstToken", 401), ("SecondToken", 200)):
            headers = {"X-Cachet-Token": token}
            answer = requests.post(components, json=component, headers=headers, timeout=5)
            assert answer.status_code == status, token


def test_command_prints_the_status_page_beside_the_api() -> None:
    with emulator_process("--site-name", "Acme status") as (process, endpoint, _):
        assert process.stdout is not None
        page = endpoint.removesuffix("/api/v1") + "/"
        assert process.stdout.readline() == f"Status page at {page}\n"
        assert "<title>Acme status</title>" in requests.get(page, timeout=5).text


def test_command_refuses_an_impossible_incident_days() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cachet_emulator", "--port", "0", "--incident-days", "0"],
        capture_output=True,
        text=True,
        timeout=30,
    )

    assert result.returncode == 2
    assert "incident_days must be a whole number from 1 to 366" in result.stderr

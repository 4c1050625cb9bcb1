"""Long runs (`make reliability`): many concurrent clients, repeated hard kills."""

from __future__ import annotations

import os
import signal
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from cachet_emulator.server import CachetEmulator
from tests.emulator.test_server import emulator_process

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


def test_mixed_load_from_many_clients_has_no_server_errors() -> None:
    with CachetEmulator(token="T") as emulator:
        headers = {"X-Cachet-Token": "T"}

        def client(worker: int) -> list[int]:
            statuses = []
            with requests.Session() as session:
                for number in range(300):
                    created = session.post(
                        emulator.endpoint + "/components",
                        json={"name": f"{worker}-{number}", "tags": "a, b"},
                        headers=headers,
                    )
                    statuses.append(created.status_code)
                    component = created.json()["data"]["id"]
                    url = f"{emulator.endpoint}/components/{component}"
                    statuses.append(
                        session.put(url, json={"status": 2}, headers=headers).status_code
                    )
                    statuses.append(
                        session.get(emulator.endpoint + "/components?per_page=5").status_code
                    )
                    if number % 3 == 0:
                        statuses.append(session.delete(url, headers=headers).status_code)
            return statuses

        with ThreadPoolExecutor(max_workers=16) as pool:
            statuses = [status for result in pool.map(client, range(16)) for status in result]
        assert set(statuses) <= {200, 204}
        total = requests.get(emulator.endpoint + "/components", headers=headers).json()
        assert total["meta"]["pagination"]["total"] == 16 * 200


def test_repeated_hard_kills_lose_no_acknowledged_write(tmp_path: Path) -> None:
    database = str(tmp_path / "cachet.sqlite")
    acknowledged: list[int] = []
    for _ in range(5):
        with emulator_process("--db", database, "--token", "T") as (process, endpoint, _):
            for number in range(100):
                response = requests.post(
                    endpoint + "/components", json={"name": str(number)},
                    headers={"X-Cachet-Token": "T"}, timeout=10,
                )  # fmt: skip
                acknowledged.append(response.json()["data"]["id"])
            os.kill(process.pid, signal.SIGKILL)
    with emulator_process("--db", database) as (_, endpoint, _):
        body = requests.get(endpoint + "/components?per_page=-1", timeout=10).json()
        assert [row["id"] for row in body["data"]] == acknowledged

"""Durability after `kill -9` and correctness under concurrent writers.

`make test` runs short versions; `make reliability` (`pytest -m slow`) the full ones. Each test
prints its figures (run with `-s` to see them).
"""

from __future__ import annotations

import itertools
import os
import signal
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import requests

import cachetclient
from cachet_emulator.server import CachetEmulator
from tests.emulator.test_server import emulator_process


def _write_until_killed(endpoint: str, token: str, acknowledged: dict[int, str]) -> None:
    """Create components as fast as possible; record those whose 200 arrived."""
    with requests.Session() as session:
        session.headers["X-Cachet-Token"] = token
        number = 0
        while True:
            name = f"item-{number}"
            try:
                response = session.post(endpoint + "/components", json={"name": name}, timeout=5)
            except requests.RequestException:
                return  # the server is gone
            if response.status_code == 200:
                acknowledged[response.json()["data"]["id"]] = name
            number += 1


def _kill_mid_stream(tmp_path: Path, writes_before_kill: int) -> tuple[int, int]:
    """Writes acknowledged before `kill -9`, and how many of them the restarted server has."""
    database = str(tmp_path / "cachet.sqlite")
    acknowledged: dict[int, str] = {}
    with emulator_process("--db", database, "--token", "T") as (process, endpoint, _):
        writer = threading.Thread(target=_write_until_killed, args=(endpoint, "T", acknowledged))
        writer.start()
        while len(acknowledged) < writes_before_kill and writer.is_alive():
            writer.join(0.01)
        os.kill(process.pid, signal.SIGKILL)  # while the writer is still sending
        writer.join(30)
        process.wait(10)
    with emulator_process("--db", database, "--token", "T") as (_, endpoint, _):
        rows = requests.get(endpoint + "/components?per_page=-1", timeout=30).json()["data"]
    found = {row["id"]: row["name"] for row in rows}
    kept = sum(1 for item_id, name in acknowledged.items() if found.get(item_id) == name)
    print(f"\nkill -9: {len(acknowledged)} writes acknowledged, {kept} found after restart")
    return len(acknowledged), kept


def test_acknowledged_writes_survive_kill_9_mid_stream(tmp_path: Path) -> None:
    acknowledged, kept = _kill_mid_stream(tmp_path, writes_before_kill=30)
    assert acknowledged >= 30
    assert kept == acknowledged


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_acknowledged_writes_survive_kill_9_mid_stream_long(tmp_path: Path) -> None:
    acknowledged, kept = _kill_mid_stream(tmp_path, writes_before_kill=2000)
    assert acknowledged >= 2000
    assert kept == acknowledged


def _worker(endpoint: str, token: str, worker: int, operations: int) -> dict[str, Any]:
    """Mixed writes and reads through the client; returns what it created and deleted."""
    created: list[int] = []
    deleted: list[int] = []
    incidents = 0
    client = cachetclient.Client(endpoint, token, max_retries=0, timeout=(5, 30))
    with client:
        for number in range(operations):
            step = number % 6
            if step == 0 or not created:
                created.append(client.components.create(name=f"w{worker}-{number}", status=1).id)
            elif step == 1:
                client.incidents.create(name=f"w{worker}-{number}", message="m", status=1)
                incidents += 1
            elif step == 2:
                assert client.components.update(created[-1], status=2).status == 2
            elif step == 3:
                assert client.components.get(created[-1]).name.startswith(f"w{worker}-")
            elif step == 4:
                # Offset pages may skip what others delete meanwhile, never repeat an item.
                listing = client.components.list(per_page=10)
                walked = [component.id for component in itertools.islice(listing, 30)]
                assert len(walked) == len(set(walked))
            elif len(created) > 1:
                client.components.delete(created.pop(0))
                deleted.append(number)
    return {"created": created, "deleted": len(deleted), "incidents": incidents}


def _concurrent_mix(threads: int, operations: int) -> int:
    with CachetEmulator() as emulator:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            results = list(
                pool.map(
                    lambda worker: _worker(emulator.endpoint, emulator.token, worker, operations),
                    range(threads),
                )
            )
        with cachetclient.Client(emulator.endpoint, emulator.token) as client:
            expected = sorted(item for result in results for item in result["created"])
            walked = [component.id for component in client.components.list(per_page=7)]
            assert sorted(walked) == expected  # nothing lost, nothing twice
            assert client.components.count() == len(expected)
            assert client.incidents.count() == sum(result["incidents"] for result in results)
            names = [component.name for component in client.components.list(per_page=50)]
            assert len(names) == len(set(names))
    done = threads * operations
    print(f"\nconcurrency: {threads} threads x {operations} operations = {done} without error")
    return done


def test_concurrent_mixed_writes_and_reads_stay_consistent() -> None:
    assert _concurrent_mix(threads=8, operations=24) == 192


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_concurrent_mixed_writes_and_reads_stay_consistent_long() -> None:
    assert _concurrent_mix(threads=8, operations=300) == 2400

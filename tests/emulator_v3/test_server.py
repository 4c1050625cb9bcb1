"""Starting the Cachet 3 mode: the command, the context manager, a file database, the fixture."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from pathlib import Path

import requests

from cachet_emulator.server import CachetEmulator

LISTENING = re.compile(
    r"Cachet emulator listening on (http://127\.0\.0\.1:\d+/api) \(token: (\d+\|\w{40})\)\n"
)


def test_the_command_serves_cachet_3_with_a_sanctum_token() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "cachet_emulator", "--port", "0", "--cachet-version", "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        match = LISTENING.fullmatch(process.stdout.readline())
        assert match
        endpoint, token = match.groups()
        response = requests.get(endpoint + "/ping", timeout=5)
        assert (response.json(), response.headers["x-ratelimit-limit"]) == (
            {"data": "Pong!"},
            "300",
        )
        created = requests.post(
            endpoint + "/components",
            json={"name": "API"},
            headers={"Authorization": f"Bearer {token}"},
            timeout=5,
        )
        assert created.status_code == 201
        process.send_signal(signal.SIGTERM)
        assert process.wait(10) == 0
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(10)
        for stream in (process.stdout, process.stderr):
            if stream:
                stream.close()


def test_the_demo_seed_is_refused_for_cachet_3() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cachet_emulator", "--cachet-version", "3", "--seed", "demo"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "Cachet 2 only" in result.stderr


def test_data_and_tokens_survive_a_restart_with_a_file_database(tmp_path: Path) -> None:
    database = str(tmp_path / "cachet3.sqlite")
    with CachetEmulator(cachet_version="3", token="1|first", db=database) as emulator:
        headers = {"Authorization": "Bearer 1|first"}
        requests.post(emulator.endpoint + "/components", json={"name": "Kept"}, headers=headers,
                      timeout=5)  # fmt: skip
        made = requests.post(
            emulator.url + "/_emulator/tokens",
            json={"abilities": ["components.manage"]},
            headers={"X-Cachet-Token": "1|first"},
            timeout=5,
        ).json()["data"]["token"]
    with CachetEmulator(cachet_version="3", token="second", db=database) as emulator:
        listed = requests.get(emulator.endpoint + "/components", timeout=5).json()["data"]
        names = [item["attributes"]["name"] for item in listed]
        assert names == ["Kept"]
        for token, status in (("second", 201), (made, 201), ("1|first", 401)):
            response = requests.post(
                emulator.endpoint + "/components",
                json={"name": "B"},
                headers={"Authorization": f"Bearer {token}"},
                timeout=5,
            )
            assert response.status_code == status, token


def test_the_plugin_fixture_gives_an_empty_cachet_3_emulator(
    cachet_emulator_v3: CachetEmulator,
) -> None:
    headers = {"Authorization": f"Bearer {cachet_emulator_v3.token}"}
    url = cachet_emulator_v3.endpoint + "/components"
    assert requests.post(url, json={"name": "A"}, headers=headers, timeout=5).status_code == 201
    assert len(requests.get(url, timeout=5).json()["data"]) == 1
    assert "x-ratelimit-limit" not in requests.get(url, timeout=5).headers


def test_the_plugin_fixture_is_empty_again(cachet_emulator_v3: CachetEmulator) -> None:
    url = cachet_emulator_v3.endpoint + "/components"
    assert requests.get(url, timeout=5).json()["data"] == []

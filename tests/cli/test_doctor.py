"""`cachet doctor`: healthy emulator, wrong token, no token, closed port, not Cachet."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from tests.cli.conftest import Cachet


def _outcomes(run: Any) -> dict[str, str]:
    return {finding["check"]: finding["outcome"] for finding in run.json()}


def test_healthy_emulator_passes_every_check(cachet: Cachet, client: Any) -> None:
    client.components.create(name="API", status=1)

    run = cachet("-o", "json", "doctor")

    assert run.exit_code == 0
    assert _outcomes(run) == {
        "endpoint": "ok",
        "reachable": "ok",
        "version": "ok",
        "token": "ok",
        "clock": "ok",
        "timezone": "ok",
    }
    messages = {finding["check"]: finding["message"] for finding in run.json()}
    assert "2.4.0-dev" in messages["version"]
    assert "Cachet's timezone is UTC" in messages["timezone"]


def test_site_root_is_normalised(cachet: Cachet, cachet_emulator: Any) -> None:
    run = cachet("doctor", CACHET_ENDPOINT=cachet_emulator.url + "/")

    assert run.exit_code == 0
    assert f"{cachet_emulator.endpoint} (normalised from" in run.stdout


def test_cachet_timezone_is_read(cachet: Cachet, client: Any, cachet_emulator: Any) -> None:
    cachet_emulator.configure(timezone="Asia/Kolkata")
    client.components.create(name="API", status=1)

    run = cachet("-o", "json", "doctor")

    [timezone] = [f for f in run.json() if f["check"] == "timezone"]
    assert "UTC+05:30" in timezone["message"]


def test_wrong_token_fails_and_is_not_shown(cachet: Cachet) -> None:
    run = cachet("doctor", token="WrongToken0123456789")

    assert run.exit_code == 1
    assert "✗ token" in run.stdout
    assert "refused the token" in run.stdout
    assert "WrongToken0123456789" not in run.stdout + run.stderr


def test_no_token_is_a_warning(cachet: Cachet) -> None:
    run = cachet("-o", "json", "doctor", token=None)

    assert run.exit_code == 0
    assert _outcomes(run)["token"] == "warning"


def test_closed_port_says_nothing_answers(cachet: Cachet, closed_port_endpoint: str) -> None:
    run = cachet("--endpoint", closed_port_endpoint, "doctor")

    assert run.exit_code == 1
    assert "✗ reachable" in run.stdout
    assert "Is Cachet running" in run.stdout


def test_an_endpoint_that_is_not_cachet(cachet: Cachet, cachet_emulator: Any) -> None:
    run = cachet("--endpoint", cachet_emulator.url + "/api/v2", "-o", "json", "doctor")

    assert run.exit_code == 1
    assert _outcomes(run)["endpoint"] == "failed"


def test_missing_endpoint(cachet: Cachet) -> None:
    run = cachet("-o", "json", "doctor", CACHET_ENDPOINT="")

    assert run.exit_code == 1
    assert run.json()[0]["message"].startswith("No endpoint")


class _WebPage(http.server.BaseHTTPRequestHandler):
    """A web server that is not Cachet: an HTML page for every path."""

    def do_GET(self) -> None:
        body = b"<html><body>Welcome</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""


@pytest.fixture
def web_page_endpoint() -> Iterator[str]:
    """An endpoint served by a plain web server."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _WebPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/v1"
    server.shutdown()
    server.server_close()


def test_a_web_server_that_is_not_cachet(cachet: Cachet, web_page_endpoint: str) -> None:
    doctor = cachet("--endpoint", web_page_endpoint, "doctor")
    ping = cachet("--endpoint", web_page_endpoint, "ping")

    assert doctor.exit_code == 1
    assert "✗ reachable" in doctor.stdout
    assert "does not look like Cachet" in doctor.stdout
    assert ping.exit_code == 1
    assert "not JSON" in ping.stderr

"""Running the emulator: the `CachetEmulator` context manager and the `cachet-emulator` command.

    with CachetEmulator() as cachet:
        requests.get(cachet.endpoint + "/ping")

The server is uvicorn in a background thread, bound to 127.0.0.1 on a free port by default.
"""

from __future__ import annotations

import argparse
import logging
import secrets
import signal
import socket
import string
import sys
import threading
from dataclasses import replace
from typing import Any

from cachet_emulator.app import CachetApp
from cachet_emulator.faults import DroppedConnection, Faults
from cachet_emulator.request_log import RequestLog
from cachet_emulator.resources import incident_templates
from cachet_emulator.schema import Row
from cachet_emulator.seed import seed_demo
from cachet_emulator.settings import CACHET_VERSIONS, Settings
from cachet_emulator.store import Store
from cachet_emulator.v3.app import CachetApp3, v3_store
from cachet_emulator.v3.tokens import generate_secret

_TOKEN_ALPHABET = string.ascii_letters + string.digits


def generate_token() -> str:
    """A random 20-character alphanumeric API key, like Cachet's."""
    return "".join(secrets.choice(_TOKEN_ALPHABET) for _ in range(20))


class CachetEmulator:
    """A Cachet server in a background thread: API v1 (2.4, 2.3) or Cachet 3's API.

    `token` is the API key of user 1 (random when None); `cachet_version` "2.4", "2.3" or
    "3" (then `token` is the Sanctum token with every ability, `<id>|<secret>` by default);
    `db` a SQLite file path for data that survives restarts (in memory when None); other
    keyword arguments are `Settings` fields.
    """

    def __init__(
        self,
        token: str | None = None,
        cachet_version: str = "2.4",
        db: str | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        **settings: Any,
    ) -> None:
        self.host = host
        self.port = port
        chosen = Settings(cachet_version=cachet_version, **settings)
        self.app: CachetApp
        if chosen.is_3:
            self.token = token or "1|" + generate_secret()
            self.store = v3_store(db)
            self.app = CachetApp3(self.store, chosen, self.token)
        else:
            self.token = token or generate_token()
            self.store = Store(db)
            self.app = CachetApp(self.store, chosen, self.token)
        self._server: Any = None
        self._thread: threading.Thread | None = None

    @property
    def settings(self) -> Settings:
        """The live settings (replace fields through the control API or `configure`)."""
        return self.app.settings

    def configure(self, **changes: Any) -> None:
        """Change some settings while running."""
        self.app.state.apply_settings(replace(self.app.settings, **changes))

    @property
    def url(self) -> str:
        """`http://HOST:PORT` of the running server."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def page_url(self) -> str:
        """The status page, `http://HOST:PORT/`."""
        return self.url + "/"

    @property
    def endpoint(self) -> str:
        """The API base URL, `http://HOST:PORT/api/v1` (`.../api` for Cachet 3)."""
        return self.url + ("/api" if self.settings.is_3 else "/api/v1")

    def start(self) -> CachetEmulator:
        """Start serving; returns when the server accepts connections."""
        import uvicorn

        # IPPROTO_TCP explicitly: asyncio only sets TCP_NODELAY on such sockets, and without
        # it keep-alive answers wait for the client's delayed ACK (~40 ms each).
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        listener = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        try:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind((self.host, self.port))
        except OSError:
            listener.close()
            raise
        self.port = listener.getsockname()[1]
        config = uvicorn.Config(
            self.app,
            log_level="warning",
            access_log=False,
            lifespan="off",
            server_header=False,
            timeout_keep_alive=30,
        )
        self._server = uvicorn.Server(config)
        quiet_server_logs()
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [listener]}, daemon=True
        )
        self._thread.start()
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError("the emulator's server did not start")
            self._thread.join(0.005)
        return self

    def stop(self) -> None:
        """Stop serving and close the database."""
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(10)
            self._server = self._thread = None
        self.store.close()

    @property
    def faults(self) -> Faults:
        """Faults on demand for the next matching requests (see `cachet_emulator.faults`)."""
        return self.app.faults

    @property
    def request_log(self) -> RequestLog:
        """The requests received so far (see `cachet_emulator.request_log`)."""
        return self.app.request_log

    def reset(self) -> None:
        """Empty every table, forget pending faults and received requests (users stay)."""
        self.app.state.reset()

    def create_incident_template(self, name: str, template: str) -> Row:
        """Add an incident template (Cachet creates them in its dashboard)."""
        with self.store.transaction():
            return incident_templates.create_template(self.store, name, template)

    def __enter__(self) -> CachetEmulator:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


class _QuietDrops(logging.Filter):
    """Keeps the deliberate drops of faults (`DroppedConnection`) out of the server's log."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not isinstance(error, DroppedConnection)


def quiet_server_logs() -> None:
    """Install the filter on uvicorn's error logger (idempotent)."""
    server_logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _QuietDrops) for f in server_logger.filters):
        server_logger.addFilter(_QuietDrops())


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="cachet-emulator", description="Serve a local emulation of the Cachet API."
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port; 0 picks a free one")
    parser.add_argument("--db", help="SQLite file keeping the data across restarts")
    parser.add_argument("--token", help="API token of user 1 (random when not given)")
    parser.add_argument(
        "--cachet-version", choices=CACHET_VERSIONS, default="2.4", help="Cachet to emulate"
    )
    parser.add_argument("--seed", choices=["demo"], help="fill an empty database with demo data")
    parser.add_argument("--site-url", help="site root for permalinks and page links")
    parser.add_argument("--timezone", default="UTC", help="Cachet timezone (UTC)")
    parser.add_argument("--site-name", default="Cachet", help="the status page's title (Cachet)")
    parser.add_argument(
        "--incident-days", type=int, default=7, help="days of incidents on the status page (7)"
    )
    parser.add_argument("--installed-version", help="/version data (2.4.0-dev or 2.3.18)")
    parser.add_argument("--latest-tag", default="v2.3.18", help="/version meta.latest.tag_name")
    parser.add_argument("--api-key", action="append", default=[], help="another user's token")
    parser.add_argument(
        "--always-authenticate", action="store_true", help="every GET needs a token too"
    )
    parser.add_argument(
        "--skip-subscriber-verification",
        action="store_true",
        help="new subscribers are verified by default",
    )
    parser.add_argument(
        "--major-outage-rate", type=float, default=50, help="/status danger threshold (50%%)"
    )
    parser.add_argument(
        "--api-rate-limit",
        type=int,
        default=300,
        help="Cachet 3: requests per minute and client, 0 for none (300)",
    )
    parser.add_argument(
        "--api-protected", action="store_true", help="Cachet 3: every route needs a token"
    )
    parser.add_argument(
        "--major-outage-threshold",
        type=float,
        default=25,
        help="Cachet 3: /status major outage threshold (25%%)",
    )
    parser.add_argument(
        "--no-suppress-notifications-in-maintenance",
        dest="suppress_notifications_in_maintenance",
        action="store_false",
        help="notify even while a maintenance is in progress",
    )
    return parser.parse_args(argv)


# Options that CachetEmulator does not take under their own name; every other one it does.
_NOT_PASSED = ("seed", "latest_tag", "api_key")


def main(argv: list[str] | None = None) -> int:
    """The `cachet-emulator` command: serve until SIGINT or SIGTERM."""
    arguments = _arguments(argv)
    try:
        emulator = CachetEmulator(
            **{name: value for name, value in vars(arguments).items() if name not in _NOT_PASSED},
            latest_release={"tag_name": arguments.latest_tag, "prelease": False, "draft": False},
            api_keys=arguments.api_key,
        )
    except ValueError as error:
        print(f"cachet-emulator: {error}", file=sys.stderr)
        return 2
    if arguments.seed == "demo" and emulator.settings.is_3:
        print("cachet-emulator: --seed demo is for Cachet 2 only", file=sys.stderr)
        return 2
    if arguments.seed == "demo":
        seed_demo(emulator.store)
    stopping = threading.Event()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signal_number, lambda number, frame: stopping.set())
    try:
        emulator.start()
    except OSError as error:
        where = f"{arguments.host}:{arguments.port}"
        print(f"cachet-emulator: cannot listen on {where}: {error}", file=sys.stderr)
        return 1
    print(f"Cachet emulator listening on {emulator.endpoint} (token: {emulator.token})")
    print(f"Status page at {emulator.page_url}", flush=True)
    try:
        while not stopping.wait(0.5):
            pass
    finally:
        emulator.stop()
    return 0

"""Status page fixtures: seeded emulators (2.4 and 2.3) and a headless Chromium.

The browser is Debian's `chromium`, driven by Playwright (no browser download). Without it
the browser tests are skipped with the reason, except under CI (`CI=true`), where they fail:
`.ci/run` installs it. Screenshots go to one folder per run, printed at the end of the run.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cachet_emulator.server import CachetEmulator
from cachet_emulator.settings import Settings
from tests.emulator.api import TOKEN, Api
from tests.status_page.browser import Browser, launch_chromium

_screenshot_folder: list[Path] = []


@pytest.fixture(scope="session")
def page_server() -> Iterator[CachetEmulator]:
    """One 2.4 emulator (token TOKEN) for the session's page tests."""
    with CachetEmulator(token=TOKEN) as emulator:
        yield emulator


@pytest.fixture
def api(page_server: CachetEmulator) -> Iterator[Api]:
    """The 2.4 emulator emptied, with default settings; arrange data through its API."""
    page_server.reset()
    page_server.configure(**Settings().as_dict())
    client = Api(page_server)
    yield client
    client.session.close()


@pytest.fixture(scope="session")
def page_server_23() -> Iterator[CachetEmulator]:
    """One emulator in Cachet 2.3 mode for the session."""
    with CachetEmulator(token=TOKEN, cachet_version="2.3") as emulator:
        yield emulator


@pytest.fixture
def api23(page_server_23: CachetEmulator) -> Iterator[Api]:
    """The 2.3 emulator emptied."""
    page_server_23.reset()
    page_server_23.configure(**Settings(cachet_version="2.3").as_dict())
    client = Api(page_server_23)
    yield client
    client.session.close()


def _chromium_path() -> str | None:
    return (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )


# Playwright's sync API keeps an event loop running in this thread while it is open, and
# `asyncio.run()` refuses to start inside one: the browser lives only as long as this package's
# tests, so the asyncio examples and tests that run after them are not affected.
@pytest.fixture(scope="package")
def chromium() -> Iterator[Any]:
    """A headless Chromium for these tests; skipped (failed under CI) when not installed."""
    path = _chromium_path()
    if path is None:
        reason = "Chromium is not installed (apt-get install chromium); browser tests need it"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; under CI they must run")
        pytest.skip(reason)
    with launch_chromium(path) as browser:
        yield browser


@pytest.fixture(scope="session")
def screenshot_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where this run's screenshots go (printed at the end of the run)."""
    folder = tmp_path_factory.mktemp("status-page-screenshots")
    _screenshot_folder.append(folder)
    return folder


@pytest.fixture
def browser(chromium: Any, screenshot_folder: Path) -> Iterator[Browser]:
    """A fresh browser context; every page a test opens must log no error and stay local."""
    opened = Browser(chromium, screenshot_folder)
    yield opened
    opened.close()
    assert opened.console_errors == [], "the pages logged errors"
    assert opened.outside_requests() == [], "the pages requested other machines"


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print where the screenshots of this run are."""
    for folder in _screenshot_folder:
        terminalreporter.write_line(f"status page screenshots: {folder}")

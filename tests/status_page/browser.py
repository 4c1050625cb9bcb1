"""Headless Chromium for the page tests: launch it, open pages, watch what they do."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

# No first-run work, no background traffic, no GPU: the machine may have neither network
# nor display. Playwright gives every launch a fresh temporary profile.
CHROMIUM_ARGUMENTS = [
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


@contextmanager
def launch_chromium(executable: str) -> Iterator[Any]:
    """The system's Chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    arguments = list(CHROMIUM_ARGUMENTS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        arguments.append("--no-sandbox")  # Chromium refuses to sandbox as root
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=arguments)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Browser:
    """One browser context: pages opened in it, their console errors and requests."""

    chromium: Any
    screenshot_folder: Path
    console_errors: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)
    _contexts: list[Any] = field(default_factory=list)

    def open(self, url: str, width: int = 1280, scheme: str = "light") -> Any:
        """A page at `url` in a window `width` px wide, in the given colour scheme."""
        context = self.chromium.new_context(
            viewport={"width": width, "height": 900}, color_scheme=scheme
        )
        self._contexts.append(context)
        page = context.new_page()
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.on("request", lambda request: self.requested.append(request.url))
        response = page.goto(url, wait_until="load")
        assert response is not None and response.ok, (
            f"{url} answered {response and response.status}"
        )
        return page

    def screenshot(self, page: Any, name: str, full_page: bool = True) -> Path:
        """Save the page as `<name>.png` in the run's screenshot folder."""
        path = self.screenshot_folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    def outside_requests(self) -> list[str]:
        """Requests to anything but this machine (data: URLs are not requests out)."""
        outside = []
        for url in self.requested:
            parts = urlsplit(url)
            if parts.scheme == "data":
                continue
            if parts.hostname not in LOOPBACK_HOSTS:
                outside.append(url)
        return outside

    def close(self) -> None:
        """Close every context opened."""
        for context in self._contexts:
            context.close()

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

"""What the global options chose, handed to every command (`click.pass_obj`)."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import cachetclient
from cachetclient.cli.render import Renderer
from cachetclient.transport import InsecureTLSWarning
from cachetclient.v1.client import Client


@dataclass
class Session:
    """The global options; builds the library client on first use."""

    endpoint: str | None
    token: str | None
    timeout: float
    verify_tls: bool
    renderer: Renderer
    cachet_version: str | None = None
    """`--cachet-version`: "1", "3", or None to go by the endpoint (detected if it says nothing)."""
    _client: Client | None = field(default=None, repr=False)

    @property
    def client(self) -> Client:
        """The library client for these options (created once)."""
        if self._client is None:
            # `--insecure` already printed its one-line warning; the library's would repeat it.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", InsecureTLSWarning)
                self._client = cachetclient.Client(
                    endpoint=self.endpoint,
                    api_token=self.token or None,
                    guest=not self.token,
                    verify_tls=self.verify_tls,
                    timeout=self.timeout,
                    timezone="UTC",  # the command line shows and reads dates in UTC
                    version=self.cachet_version,
                )
        return self._client

    def close(self) -> None:
        """Release the client's connections."""
        if self._client is not None:
            self._client.close()

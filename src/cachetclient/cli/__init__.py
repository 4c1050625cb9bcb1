"""The `cachet` command line: thin over the library (parse, call `cachetclient`, render).

Click and rich come with the `cli` extra; they are imported only when the command runs, so
`import cachetclient` stays as light as before.
"""

from __future__ import annotations

import sys

INSTALL_HINT = "The cachet command needs the cli extra: pip install 'cachet-client[cli]'"


def main(argv: list[str] | None = None) -> int:
    """Run the `cachet` command; returns the exit code (0 ok, 1 Cachet error, 2 usage)."""
    try:
        import click  # noqa: F401
        import rich  # noqa: F401
    except ImportError:
        print(INSTALL_HINT, file=sys.stderr)
        return 1
    from cachetclient.cli.app import run

    return run(argv)

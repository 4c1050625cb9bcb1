"""The `cachet` root command: global options, the client they build, and exit codes.

Exit codes: 0 success, 1 Cachet or HTTP error (Cachet's message on stderr), 2 usage error.

The subcommands are imported when they run (or when help lists them), so `cachet version`
loads neither rich nor the commands generated for every resource.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any

import click

import cachetclient
from cachetclient.errors import CachetError, ConfigurationError

COMMAND_TIMEOUT_SECONDS = 10.0
"""`--timeout`: how long one command waits for each answer. Shorter than the library's read
timeout (`defaults.DEFAULT_TIMEOUT`), because a person is waiting at the prompt."""

COMMANDS = {
    "doctor": "cachetclient.cli.doctor:doctor",
    "ping": "cachetclient.cli.workflows:ping",
    "status": "cachetclient.cli.board:status",
    "version": "cachetclient.cli.workflows:version",
}
"""The commands that are not a resource's group, as `module:attribute`."""

RESOURCE_GROUPS = (
    "components",
    "groups",
    "incidents",
    "updates",
    "templates",
    "metrics",
    "points",
    "schedules",
    "subscribers",
    "subscriptions",
)
"""The names of `cachetclient.cli.resources.RESOURCES`, one command group each."""

Loader = Callable[[], click.Command]


class LazyCommands(MutableMapping[str, click.Command]):
    """A group's commands by name, each built by its loader when first looked up.

    Listing, help and "did you mean" hints see every name; only the commands looked up are
    imported.
    """

    def __init__(self, loaders: Mapping[str, Loader]) -> None:
        self._entries: dict[str, click.Command | Loader] = dict(loaders)

    def __getitem__(self, name: str) -> click.Command:
        entry = self._entries[name]
        if not isinstance(entry, click.Command):
            entry = self._entries[name] = entry()
        return entry

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._entries[name] = command

    def __delitem__(self, name: str) -> None:
        del self._entries[name]

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


def _imported(target: str) -> Loader:
    """A loader of the command at `module:attribute`."""

    def load() -> click.Command:
        module, attribute = target.split(":")
        command = getattr(importlib.import_module(module), attribute)
        assert isinstance(command, click.Command)
        return command

    return load


def _resource_group(name: str) -> Loader:
    """A loader of a resource's command group, with its workflow commands."""

    def load() -> click.Command:
        from cachetclient.cli import resources, workflows

        group = resources.resource_group(name)
        workflows.add_workflow_commands(group)
        return group

    return load


def _commands() -> LazyCommands:
    loaders = {name: _imported(target) for name, target in COMMANDS.items()}
    loaders.update((name, _resource_group(name)) for name in RESOURCE_GROUPS)
    return LazyCommands(loaders)


class CommandFailed(click.ClickException):
    """The command could not do its work: exit 1 with the message on stderr, no traceback."""

    exit_code = 1


class CachetGroup(click.Group):
    """The root group: turns every error into an exit code and a one-line message.

    Exit 2 ("usage") is only for what the user typed wrong: what click's parameter types
    refuse, and settings the library refuses (`ConfigurationError`: endpoint, token). Cachet's
    errors, values the library refuses further on, and defects exit 1 with their own message.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise  # click's own outcomes: usage errors, --help, Ctrl-C at a prompt
        except ConfigurationError as exc:  # also a ValueError and a CachetError: caught first
            raise click.UsageError(str(exc), ctx) from None
        except (CachetError, ValueError, TypeError) as exc:
            raise CommandFailed(str(exc)) from None
        except Exception as exc:
            raise CommandFailed(
                f"cachet failed unexpectedly ({type(exc).__name__}: {exc}); "
                "this is a defect: please report it with the command you ran"
            ) from None


EXAMPLES = """\b
Examples:
  export CACHET_ENDPOINT=https://status.example.com/api/v1 CACHET_API_TOKEN=...
  cachet status
  cachet components set-status 3 partial-outage
  cachet incidents open --component 3 --component-status major-outage \\
      --name 'API down' --message 'We are looking into it'
  cachet incidents resolve 7 --message 'Fixed'
  cachet points add 1 42
  cachet doctor
"""


@click.group(
    cls=CachetGroup,
    commands=_commands(),
    epilog=EXAMPLES,
    context_settings={"max_content_width": 100},
)
@click.option(
    "--endpoint",
    envvar="CACHET_ENDPOINT",
    show_envvar=True,
    metavar="URL",
    help="Cachet API endpoint, e.g. https://status.example.com/api/v1 (or the site root).",
)
@click.option(
    "--token",
    envvar="CACHET_API_TOKEN",
    show_envvar=True,
    metavar="TOKEN",
    help="API token of a Cachet user (never printed). Without it you read as a guest.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=COMMAND_TIMEOUT_SECONDS,
    show_default=True,
    help="Seconds to wait for Cachet.",
)
@click.option(
    "--cachet-version",
    envvar="CACHET_VERSION",
    show_envvar=True,
    type=click.Choice(["1", "3"]),
    help="1 (Cachet 2's API v1) or 3 (Cachet 3, experimental). Default: what the endpoint "
    "names (…/api/v1), else asked from the server.",
)
@click.option("--insecure", is_flag=True, help="Do not verify TLS certificates (warns).")
@click.option(
    "--output",
    "-o",
    type=click.Choice(["table", "json"], case_sensitive=False),
    default="table",
    show_default=True,
    help="table for people; json prints the API's data, stable for scripts.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print only errors and requested data.")
@click.version_option(cachetclient.__version__, prog_name="cachet")
@click.pass_context
def cli(
    ctx: click.Context,
    endpoint: str | None,
    token: str | None,
    timeout: float,
    cachet_version: str | None,
    insecure: bool,
    output: str,
    quiet: bool,
) -> None:
    """Manage a Cachet status page from the command line.

    Every command talks to the Cachet API given by --endpoint (or CACHET_ENDPOINT). Status
    values are accepted by name or number, in any case: major-outage or 4.
    """
    from cachetclient.cli.render import Renderer
    from cachetclient.cli.session import Session

    if insecure:
        click.echo("Warning: TLS certificates are not verified (--insecure).", err=True)
    session = Session(
        endpoint=endpoint,
        token=token,
        timeout=timeout,
        verify_tls=not insecure,
        cachet_version=cachet_version,
        renderer=Renderer(as_json=output.lower() == "json", quiet=quiet),
    )
    ctx.obj = session
    ctx.call_on_close(session.close)


def run(argv: list[str] | None = None) -> int:
    """Run the command line with `argv` (default: `sys.argv[1:]`); returns the exit code."""
    try:
        result = cli.main(args=argv, prog_name="cachet", standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 1
    except KeyboardInterrupt:
        return 130
    # Without standalone mode click returns the exit code of `ctx.exit()` (e.g. --help).
    return result if isinstance(result, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())

"""The installed distribution matches the source tree, and the lock matches pyproject.toml."""

import re
from importlib.metadata import requires, version
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

import cachet_emulator
import cachetclient

LOCK = Path(__file__).resolve().parents[1] / "requirements-dev-lock.txt"
LOCK_PIN = re.compile(r"^(?P<name>[A-Za-z0-9._-]+)==(?P<version>[^\s;\\]+)", re.MULTILINE)


def test_package_versions_match_distribution() -> None:
    assert cachetclient.__version__ == version("cachet-client")
    assert cachet_emulator.__version__ == version("cachet-client")


def locked_versions() -> dict[str, set[Version]]:
    """Every version requirements-dev-lock.txt pins, by normalised package name."""
    pins: dict[str, set[Version]] = {}
    for found in LOCK_PIN.finditer(LOCK.read_text()):
        pins.setdefault(canonicalize_name(found["name"]), set()).add(Version(found["version"]))
    return pins


def test_lock_pins_every_declared_requirement() -> None:
    pins = locked_versions()
    declared = [Requirement(text) for text in requires("cachet-client") or []]

    assert len(declared) > 20 and "pytest" in pins
    stale = [
        str(requirement)
        for requirement in declared
        if not pins.get(canonicalize_name(requirement.name))
        or not all(
            version in requirement.specifier
            for version in pins[canonicalize_name(requirement.name)]
        )
    ]
    assert stale == [], "requirements-dev-lock.txt is older than pyproject.toml: run `make lock`"

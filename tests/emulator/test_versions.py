"""Version differences are declared one way: `Versioned` values, never a branch on the version."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import cachet_emulator
from cachet_emulator.versions import Versioned, until_23

PACKAGE = Path(cachet_emulator.__file__).parent
# Where the version is allowed to be read: the settings and the one place that picks.
READ_THE_VERSION = {"settings.py", "versions.py"}
VERSION_TEST = re.compile(r"cachet_version\s*[=!]=|\bis_2\d\b|[=!]= \"2\.\d\"")


def test_a_versioned_value_answers_per_version() -> None:
    hidden = until_23((), ("meta",))

    assert hidden.for_version("2.4") == ()
    assert hidden.for_version("2.3") == ("meta",)


def test_an_unknown_version_is_refused_where_it_is_declared() -> None:
    with pytest.raises(ValueError, match="unknown Cachet versions"):
        Versioned((), {"2.2": ("meta",)})


def test_no_module_branches_on_the_version() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): line
        for path in PACKAGE.rglob("*.py")
        if path.name not in READ_THE_VERSION
        for line in path.read_text(encoding="utf-8").splitlines()
        if VERSION_TEST.search(line)
    }

    assert offenders == {}

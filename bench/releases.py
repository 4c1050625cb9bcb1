"""Published releases of cachet-client, each installed from PyPI into a virtualenv of its own.

The benchmark times 4.0.1 against this library; the compatibility tests (tests/compat) run
the same scenarios with 3.1.1 and 4.0.1. A release imports as `cachetclient` like this
library, so it always runs in its own interpreter, never in this one.
"""

from __future__ import annotations

import fcntl
import subprocess
import venv
from pathlib import Path

# The releases whose behaviour this library keeps, oldest first (pinned: the tests compare
# with what exactly these versions do).
RELEASES = ("3.1.1", "4.0.1")
VENVS_DIR = Path(__file__).resolve().parent


class ReleaseInstallError(RuntimeError):
    """pip could not install a release (the message carries pip's own)."""


def release_venv(version: str) -> Path:
    """Where the virtualenv of `version` lives (it may not exist yet)."""
    return VENVS_DIR / f".venv-cachet-client-{version}"


def release_python(version: str) -> str:
    """The interpreter of the release's virtualenv, created on first use.

    An existing virtualenv is reused when its marker says it holds exactly this version;
    anything else (missing, half-built, another version) is built again. A lock file keeps
    two processes from building the same one at once.
    """
    if version not in RELEASES:
        raise ValueError(f"unknown release {version!r}; known: {', '.join(RELEASES)}")
    environment = release_venv(version)
    requirement = f"cachet-client=={version}"
    python = environment / "bin" / "python"
    marker = environment / "installed.txt"
    with open(VENVS_DIR / f".venv-cachet-client-{version}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if marker.exists() and marker.read_text().strip() == requirement:
            return str(python)
        print(f"Installing {requirement} into {environment.name}/ ...", flush=True)
        venv.create(environment, with_pip=True, clear=True)
        install = [str(python), "-m", "pip", "install", "--quiet", requirement]
        completed = subprocess.run(install, capture_output=True, text=True, check=False)
        if completed.returncode != 0:
            raise ReleaseInstallError(f"pip could not install {requirement}: {completed.stderr}")
        marker.write_text(requirement + "\n")
    return str(python)

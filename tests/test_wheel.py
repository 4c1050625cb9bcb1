"""The distributions users install work: built, checked, installed in a clean venv and run.

The sdist and the wheel are built with the locked backend (the wheel from the sdist, as
`python -m build` does) and pass `twine check`. The wheel goes into a new virtual environment,
its dependencies held to the versions of requirements-dev-lock.txt, and everything below runs
from there, outside the source tree: the emulator's command, `cachet`, the README's Python
examples and the pytest plugin's fixture.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.cli.test_readme import readme_blocks

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements-dev-lock.txt"
PACKAGES = ("cachetclient", "cachet_emulator")
LISTENING = re.compile(r"listening on (?P<endpoint>\S+) \(token: (?P<token>\w+)\)")


@dataclass(frozen=True)
class Installed:
    """A clean venv holding the wheel, and a folder outside the source tree to run in."""

    bin: Path
    workdir: Path

    def run(self, *command: str, env: dict[str, str] | None = None) -> str:
        """Run a command of the venv in the work folder; its output, or the test fails."""
        result = subprocess.run(
            [str(self.bin / command[0]), *command[1:]],
            cwd=self.workdir,
            env=env or clean_environment(),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
        return result.stdout


def clean_environment(**extra: str) -> dict[str, str]:
    """This process's environment without what would lead back to the source tree."""
    dropped = {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"}
    return {**{k: v for k, v in os.environ.items() if k not in dropped}, **extra}


def constraints_from_lock(lock: str) -> str:
    """The lock's pins without their hashes: pip before 23.3 reads hashes as a demand for all."""
    joined = lock.replace("\\\n", " ")
    lines = (re.sub(r"--hash=\S+", "", line.split("#")[0]).strip() for line in joined.splitlines())
    return "\n".join(line for line in lines if line) + "\n"


def build(outdir: Path) -> tuple[Path, Path]:
    """The sdist and the wheel, built with the backend of this environment."""
    command = [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(outdir), str(ROOT)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    (sdist,) = outdir.glob("*.tar.gz")
    (wheel,) = outdir.glob("*.whl")
    return sdist, wheel


@pytest.fixture(scope="module")
def distributions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sdist and the wheel of the source tree."""
    return build(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="module")
def installed(
    distributions: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Installed:
    """The wheel and its extras installed into a new venv, dependencies as locked."""
    base = tmp_path_factory.mktemp("wheel")
    wheel = distributions[1]
    constraints = base / "constraints.txt"
    constraints.write_text(constraints_from_lock(LOCK.read_text()))
    venv.create(base / "venv", with_pip=True)
    bin_dir = base / "venv" / "bin"
    install = [str(bin_dir / "python"), "-m", "pip", "install", "--quiet"]
    requirement = f"cachet-client[emulator,cli,async] @ {wheel.as_uri()}"
    subprocess.run(
        [*install, "-c", str(constraints), requirement, "pytest"],
        check=True,
        env=clean_environment(),
        timeout=600,
    )
    workdir = base / "work"
    workdir.mkdir()
    return Installed(bin_dir, workdir)


@pytest.fixture(scope="module")
def emulator(installed: Installed) -> Iterator[dict[str, str]]:
    """`cachet-emulator --seed demo` from the venv; the environment that points at it."""
    command = [str(installed.bin / "cachet-emulator"), "--port", "0", "--seed", "demo"]
    process = subprocess.Popen(
        command, cwd=installed.workdir, env=clean_environment(), stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        started = LISTENING.search(process.stdout.readline())
        assert started, "cachet-emulator did not say where it listens"
        yield clean_environment(
            CACHET_ENDPOINT=started["endpoint"], CACHET_API_TOKEN=started["token"], NO_COLOR="1"
        )
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_distributions_pass_twine_check(distributions: tuple[Path, Path]) -> None:
    twine = [sys.executable, "-m", "twine", "check", "--strict", *map(str, distributions)]
    result = subprocess.run(twine, capture_output=True, text=True, timeout=120)

    assert result.returncode == 0, result.stdout + result.stderr


def test_wheel_holds_every_file_of_the_packages(distributions: tuple[Path, Path]) -> None:
    in_wheel = set(zipfile.ZipFile(distributions[1]).namelist())
    tracked = subprocess.run(
        ["git", "ls-files", *(f"src/{package}" for package in PACKAGES)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip

    assert tracked
    assert [path for path in tracked if path.removeprefix("src/") not in in_wheel] == []


def test_packages_import_from_the_venv_and_are_typed(installed: Installed) -> None:
    code = (
        "import importlib.resources as r, sys\n"
        "for name in sys.argv[1:]:\n"
        "    module = __import__(name)\n"
        "    print(module.__file__, r.files(name).joinpath('py.typed').is_file())\n"
    )
    shown = installed.run("python", "-c", code, *PACKAGES).splitlines()

    venv_root = installed.bin.parent
    assert [Path(line.split()[0]).is_relative_to(venv_root) for line in shown] == [True, True]
    assert [line.split()[1] for line in shown] == ["True", "True"]


def test_cachet_command_runs_from_the_wheel(installed: Installed, emulator: dict[str, str]) -> None:
    help_text = installed.run("cachet", "--help", env=emulator)
    status = installed.run("cachet", "status", env=emulator)

    assert "components" in help_text and "incidents" in help_text
    assert "Database" in status  # a component of the demo data


@pytest.mark.parametrize(
    "code",
    [
        code
        for language, code in readme_blocks()
        if language == "python" and "def test_" not in code
    ],
    ids=lambda code: code.splitlines()[-1][:40],
)
def test_readme_example_runs_from_the_wheel(
    installed: Installed, emulator: dict[str, str], code: str
) -> None:
    installed.run("python", "-c", code, env=emulator)


def test_pytest_plugin_fixture_works_from_the_wheel(installed: Installed) -> None:
    (code,) = [code for _, code in readme_blocks() if "def test_" in code]
    sample = installed.workdir / "test_sample.py"
    sample.write_text(code)

    shown = installed.run(
        "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_sample.py"
    )

    assert "1 passed" in shown

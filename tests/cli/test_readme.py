"""Every command and code sample of README.md runs, so the README cannot drift from the code.

Each fenced `sh` or `python` block is executed against an emulator holding the demo data;
any other kind of block fails the test. In `sh` blocks, `make TARGET` is checked with
`make -n` (the real targets run in CI), `pip install` checks that the extras exist, and
`cachet-emulator` is started on a free port and stopped; every other line runs in bash.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from importlib.metadata import metadata
from pathlib import Path

import pytest

from cachet_emulator.seed import seed_demo
from cachet_emulator.server import CachetEmulator
from tests.cli.conftest import BIN, cli_env

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
_FENCE = re.compile(r"^```(?P<lang>[^\n]*)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)


def readme_blocks() -> list[tuple[str, str]]:
    """(language, code) of every fenced block, in order."""
    return [(m["lang"].strip(), m["body"]) for m in _FENCE.finditer(README.read_text())]


def shell_lines(code: str) -> list[str]:
    """The commands of an `sh` block (continuation lines joined)."""
    return [line for line in code.replace("\\\n", " ").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def demo_emulator() -> Iterator[CachetEmulator]:
    """An emulator for the README samples (filled with demo data by `fresh_demo`)."""
    with CachetEmulator() as emulator:
        yield emulator


@pytest.fixture
def env(demo_emulator: CachetEmulator) -> dict[str, str]:
    """The demo data afresh, and the environment a README reader has."""
    demo_emulator.reset()
    seed_demo(demo_emulator.store)
    path = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"
    return {**os.environ, **cli_env(demo_emulator.endpoint, demo_emulator.token), "PATH": path}


def test_readme_has_only_runnable_blocks() -> None:
    languages = [language for language, _ in readme_blocks()]

    assert set(languages) <= {"sh", "python"}
    assert languages.count("python") >= 3 and languages.count("sh") >= 4


def test_readme_opens_with_make_demo_and_make_test() -> None:
    first_block = readme_blocks()[0][1]

    assert [line.split("#")[0].strip() for line in shell_lines(first_block)] == [
        "make demo",
        "make test",
    ]


def _run_shell_line(line: str, env: dict[str, str], tmp_path: Path) -> None:
    words = shlex.split(line, comments=True)
    if words[0] == "make":
        result = subprocess.run(["make", "-n", *words[1:]], cwd=ROOT, capture_output=True)
        assert result.returncode == 0, f"{line}: {result.stderr.decode()}"
    elif words[:2] == ["pip", "install"]:
        _check_extras(words[2:])
    elif words[0] == "cachet-emulator":
        _start_and_stop_emulator(words, env)
    else:
        shell = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", line],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert shell.returncode == 0, f"{line}\n{shell.stdout}\n{shell.stderr}"


def _check_extras(requirements: list[str]) -> None:
    declared = metadata("cachet-client")
    for requirement in requirements:
        name, _, extras = requirement.partition("[")
        assert name == declared["Name"]
        for extra in extras.rstrip("]").split(","):
            assert extra in declared.get_all("Provides-Extra", []), requirement


def _start_and_stop_emulator(words: list[str], env: dict[str, str]) -> None:
    port_at = words.index("--port") + 1
    command = [str(BIN / words[0]), *words[1:port_at], "0", *words[port_at + 1 :]]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        assert "Cachet emulator listening on http://127.0.0.1:" in process.stdout.readline()
    finally:
        process.terminate()
        process.wait(timeout=30)


def _python_blocks() -> list[str]:
    return [code for language, code in readme_blocks() if language == "python"]


def _shell_blocks() -> list[str]:
    return [code for language, code in readme_blocks() if language == "sh"]


@pytest.mark.parametrize("code", _shell_blocks(), ids=lambda code: shell_lines(code)[0][:40])
def test_readme_shell_block_runs(code: str, env: dict[str, str], tmp_path: Path) -> None:
    for line in shell_lines(code):
        _run_shell_line(line, env, tmp_path)


@pytest.mark.parametrize("code", _python_blocks(), ids=lambda code: code.splitlines()[-1][:40])
def test_readme_python_block_runs(code: str, env: dict[str, str], tmp_path: Path) -> None:
    if "def test_" in code:
        sample = tmp_path / "test_readme_sample.py"
        sample.write_text(code)
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(sample)]
    else:
        command = [sys.executable, "-c", code]

    result = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    if "def test_" in code:
        assert "1 passed" in result.stdout

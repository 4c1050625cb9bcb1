"""Child processes of the benchmark: servers, contender workers and timed commands.

Everything here is about starting, timing and stopping processes; what they measure lives in
`bench.workloads`, `bench.servers` and `bench.load`.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from bench.releases import ReleaseInstallError, release_python

BENCH_DIR = Path(__file__).resolve().parent
REPOSITORY = BENCH_DIR.parent
REFERENCE_VERSION = "4.0.1"
OUR_PYTHON = sys.executable

_LISTENING = re.compile(r"listening on (?P<url>http://\S+)")


class BenchError(RuntimeError):
    """A step of the benchmark could not run (the message says which and why)."""


def reference_python() -> str:
    """The interpreter of the reference client's environment, created on first use."""
    try:
        return release_python(REFERENCE_VERSION)
    except ReleaseInstallError as error:
        raise BenchError(str(error)) from None


class ServerProcess:
    """A `bench.servers` process; `url` is known once it prints its listening line."""

    def __init__(self, kind: str, *arguments: str) -> None:
        command = [OUR_PYTHON, "-m", "bench.servers", kind, *arguments]
        self.process = subprocess.Popen(command, cwd=REPOSITORY, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        line = _read_line(self.process.stdout, timeout=300)
        match = _LISTENING.search(line)
        if not match:
            self.stop()
            raise BenchError(f"the {kind} server did not start (it printed {line!r})")
        self.url: str = match["url"]

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the server has used so far."""
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        """Ask the server to stop, and wait for it."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()

    def __enter__(self) -> ServerProcess:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def _read_line(stream: IO[str], timeout: float) -> str:
    import selectors

    with selectors.DefaultSelector() as selector:
        selector.register(stream, selectors.EVENT_READ)
        if not selector.select(timeout):
            return ""
    return stream.readline()


def run_worker(
    python: str,
    arguments: Sequence[str],
    token: str,
    timeout: float = 600,
) -> dict[str, Any]:
    """Run `python -m bench.worker ARGUMENTS`; its JSON result (BenchError if it failed)."""
    completed = subprocess.run(
        [python, "-m", "bench.worker", *arguments],
        cwd=REPOSITORY,
        env=_worker_environment(token),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if completed.returncode != 0:
        lines = [line for line in completed.stderr.strip().splitlines() if line.strip()]
        raise BenchError(lines[-1] if lines else f"exit status {completed.returncode}")
    result: dict[str, Any] = json.loads(completed.stdout)
    return result


class WorkerProcess:
    """A `python -m bench.worker --serve` process: warmed up, then timed one run at a time."""

    def __init__(self, python: str, arguments: Sequence[str], token: str) -> None:
        self.process = subprocess.Popen(
            [python, "-m", "bench.worker", *arguments, "--serve"],
            cwd=REPOSITORY,
            env=_worker_environment(token),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._read()  # {"ready": true} once warmed up

    def measure(self) -> dict[str, Any]:
        """Time one run."""
        assert self.process.stdin is not None
        try:
            self.process.stdin.write("run\n")
            self.process.stdin.flush()
        except BrokenPipeError:
            pass  # the worker died; _read reports why
        return self._read()

    def _read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise BenchError(self._failure())
        answer: dict[str, Any] = json.loads(line)
        return answer

    def _failure(self) -> str:
        assert self.process.stderr is not None
        self.process.wait(timeout=30)
        lines = [line for line in self.process.stderr.read().splitlines() if line.strip()]
        return lines[-1] if lines else f"exit status {self.process.returncode}"

    def close(self) -> None:
        """Let the worker finish, and wait for it."""
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _worker_environment(token: str) -> dict[str, str]:
    environment = {**os.environ, "CACHET_API_TOKEN": token}
    # Nothing from this environment may leak into the reference client's interpreter.
    environment.pop("PYTHONPATH", None)
    return environment


@dataclass(frozen=True)
class CommandTiming:
    """Wall and CPU (user + system) seconds of one command, from start to exit."""

    wall: float
    cpu: float


def time_command(
    command: Sequence[str], environment: dict[str, str] | None = None
) -> CommandTiming:
    """Run a command to completion and time it (its output is discarded)."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        # A neutral working directory, so `python -c` imports nothing from this checkout.
        process = subprocess.Popen(
            list(command),
            cwd=tempfile.gettempdir(),
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            lines = errors.read().decode(errors="replace").strip().splitlines()
            last = lines[-1] if lines else f"exit status {process.returncode}"
            raise BenchError(f"`{' '.join(command)}` failed: {last}")
    return CommandTiming(wall, usage.ru_utime + usage.ru_stime)

"""Every code example of the documentation runs against the emulator, so none can rot.

Each page's `python` blocks run in order in one namespace, against an emulator holding the
demo data, with CACHET_ENDPOINT and CACHET_API_TOKEN set. The placeholder endpoint and token
the pages show (`https://status.example.com/api/v1`, `your-api-token`) are replaced by the
emulator's. A block defining `test_*(cachet_emulator)` functions has them called too, as
pytest would: on an emptied emulator (the page's demo data is restored afterwards).

In `sh` blocks, every `cachet ...` command runs in-process and must exit 0; the other lines
(make, pip, git, ...) are counted and must use a known program.

A python block that cannot run (it needs something the test cannot give) is marked on the
line before its fence with `<!-- not run: the reason -->`; it must still compile, and such
blocks are counted and capped.
"""

from __future__ import annotations

import inspect
import logging
import os
import re
import shlex
import subprocess
import textwrap
from dataclasses import dataclass
from importlib.metadata import metadata
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cachet_emulator.seed import seed_demo
from cachet_emulator.server import CachetEmulator
from cachet_emulator.settings import Settings
from cachetclient.cli.app import cli

DOCS = Path(__file__).resolve().parents[2] / "docs"
PLACEHOLDER_ENDPOINT = "https://status.example.com/api/v1"
PLACEHOLDER_TOKEN = "your-api-token"
NOT_RUN = re.compile(r"<!--\s*not run:\s*(?P<reason>[^>]*?)\s*-->\s*$")
FENCE = re.compile(r"^(?P<fence>```+)(?P<info>[^\n`]*)$")
ROOT = DOCS.parent
OTHER_PROGRAMS = {"git", "cd", ".", "python", "export", "cachet-emulator", "pytest"}
MAX_NOT_RUN = 3


@dataclass(frozen=True)
class Block:
    """One fenced block of a page."""

    page: str
    line: int
    language: str
    code: str
    not_run_reason: str | None

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"


def doc_pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if "_build" not in p.parts)


def blocks_of(page: Path) -> list[Block]:
    """Fenced blocks with their language and the not-run mark before them, if any."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and lines[end].strip() != opening["fence"]:
            end += 1
        mark = NOT_RUN.search(lines[index - 1]) if index else None
        found.append(
            Block(
                page=str(page.relative_to(DOCS)),
                line=index + 1,
                language=opening["info"].strip(),
                code="\n".join(lines[index + 1 : end]) + "\n",
                not_run_reason=mark["reason"] if mark else None,
            )
        )
        index = end + 1
    return found


ALL_BLOCKS = [block for page in doc_pages() for block in blocks_of(page)]
RUN_BY_THEIR_OWN_TEST = {"guide/migrating-to-cachet-3.md": "tests/docs/test_migration_guide.py"}
"""Pages whose examples need more than one emulator, and the test that runs them."""
PAGES_WITH_EXAMPLES = sorted(
    {b.page for b in ALL_BLOCKS if b.language in ("python", "sh") and not b.not_run_reason}
    - set(RUN_BY_THEIR_OWN_TEST)
)


@pytest.fixture(scope="module")
def demo_cachet() -> Any:
    with CachetEmulator() as emulator:
        yield emulator


def run_python(block: Block, namespace: dict[str, Any], emulator: CachetEmulator) -> None:
    code = block.code.replace(PLACEHOLDER_ENDPOINT, emulator.endpoint)
    code = code.replace(PLACEHOLDER_TOKEN, emulator.token)
    try:
        exec(compile(code, block.where, "exec"), namespace)
        for name, value in list(namespace.items()):
            if name.startswith("test_") and callable(value) and name not in namespace["_ran"]:
                namespace["_ran"].add(name)
                run_example_test(value, emulator)
    except Exception as error:
        raise AssertionError(f"the example at {block.where} failed: {error!r}") from error


def run_example_test(test: Any, emulator: CachetEmulator) -> None:
    """Call a `test_*(cachet_emulator)` example as pytest would: on an empty emulator."""
    assert list(inspect.signature(test).parameters) == ["cachet_emulator"], test.__name__
    fresh_emulator(emulator, demo_data=False)
    test(emulator)
    fresh_emulator(emulator, demo_data=True)


def fresh_emulator(emulator: CachetEmulator, *, demo_data: bool) -> None:
    """Empty the emulator and restore its settings, as the pytest fixture does."""
    emulator.reset()
    emulator.configure(**Settings().as_dict())
    if demo_data:
        seed_demo(emulator.store)


def shell_commands(code: str) -> list[list[str]]:
    """The commands of an `sh` block: continuations joined, comments and pipes cut."""
    commands = []
    for line in code.replace("\\\n", " ").splitlines():
        words = shlex.split(line.split(" | ")[0], comments=True)
        if words:
            commands.append(words)
    return commands


def check_extras(block: Block, requirements: list[str]) -> None:
    """`pip install 'cachet-client[x]'` names only extras the package declares."""
    declared = set(metadata("cachet-client").get_all("Provides-Extra") or [])
    for requirement in requirements:
        match = re.fullmatch(r"cachet-client(?:\[(?P<extras>[a-z,]+)\])?", requirement)
        if requirement in (".", "-e") or requirement.startswith("-"):
            continue
        assert match, f"{block.where}: pip installs {requirement!r}"
        wanted = set((match["extras"] or "").split(",")) - {""}
        assert wanted <= declared, f"{block.where}: unknown extras {wanted - declared}"


def run_shell(block: Block, emulator: CachetEmulator) -> None:
    env = {"CACHET_ENDPOINT": emulator.endpoint, "CACHET_API_TOKEN": emulator.token}
    for words in shell_commands(block.code):
        while words and "=" in words[0] and words[0].split("=")[0].isupper():
            words = words[1:]  # VARIABLE=value prefixes: the test sets the environment
        if words[0] == "make":
            dry_run = subprocess.run(["make", "-n", *words[1:]], cwd=ROOT, capture_output=True)
            assert dry_run.returncode == 0, f"{block.where}: no such target: {shlex.join(words)}"
            continue
        if words[:2] == ["pip", "install"]:
            check_extras(block, words[2:])
            continue
        if words[0] != "cachet":
            assert words[0] in OTHER_PROGRAMS, f"{block.where}: unknown program {words[0]!r}"
            continue
        result = CliRunner().invoke(cli, words[1:], env=env, prog_name="cachet")
        assert result.exit_code == 0, f"{block.where}: {shlex.join(words)}\n{result.output}"


@pytest.fixture
def logging_restored() -> Any:
    """Undo what examples do to logging (handlers, levels), so later tests start clean."""
    root = logging.getLogger()
    library = logging.getLogger("cachetclient")
    saved = (root.handlers[:], root.level, library.handlers[:], library.level)
    yield
    root.handlers[:], library.handlers[:] = saved[0], saved[2]
    root.setLevel(saved[1])
    library.setLevel(saved[3])


@pytest.mark.usefixtures("logging_restored")
@pytest.mark.parametrize("page", PAGES_WITH_EXAMPLES)
def test_examples_of_page_run(
    page: str, demo_cachet: CachetEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh_emulator(demo_cachet, demo_data=True)
    monkeypatch.setenv("CACHET_ENDPOINT", demo_cachet.endpoint)
    monkeypatch.setenv("CACHET_API_TOKEN", demo_cachet.token)
    namespace: dict[str, Any] = {"__name__": "docs_example", "_ran": set()}
    ran = 0
    for block in ALL_BLOCKS:
        if block.page != page or block.not_run_reason is not None:
            continue
        if block.language == "python":
            run_python(block, namespace, demo_cachet)
            ran += 1
        elif block.language == "sh":
            run_shell(block, demo_cachet)
            ran += 1
    assert ran > 0


def test_blocks_not_run_are_marked_explained_compiled_and_few() -> None:
    not_run = [b for b in ALL_BLOCKS if b.not_run_reason is not None]

    for block in not_run:
        assert block.not_run_reason, f"{block.where}: say why the block is not run"
        assert block.language == "python", f"{block.where}: only python blocks can be marked"
        compile(textwrap.dedent(block.code), block.where, "exec")
    assert len(not_run) <= MAX_NOT_RUN, [b.where for b in not_run]


def test_docs_use_only_known_block_languages() -> None:
    known = {"python", "sh", "text", "json", "toml", "ini", "yaml"}
    directives = re.compile(r"^\{[a-z-]+\}")

    unknown = [
        (b.where, b.language)
        for b in ALL_BLOCKS
        if b.language not in known and not directives.match(b.language)
    ]

    assert unknown == []


def test_examples_cover_the_guide() -> None:
    python_blocks = [b for b in ALL_BLOCKS if b.language == "python"]

    assert len(python_blocks) >= 30
    assert {"guide/usage.md", "guide/resources.md", "guide/testing.md"} <= set(PAGES_WITH_EXAMPLES)
    assert os.path.exists(DOCS / "index.md")

"""The defaults the README and docs/ state are the code's: page size, timeouts, retries.

Each claim is a pattern with the number in it left open; every place README.md or a page of
docs/ makes that claim must give the number the code uses. A claim no page makes any more
fails too, so rephrasing the prose means updating the pattern here, not losing the check.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

import cachetclient
from cachet_emulator import listing
from cachetclient import pagination
from cachetclient.cli import app as cli_app
from cachetclient.retry import RetryPolicy

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
TIMES = {"once": 1, "twice": 2, "three times": 3}
CLIENT = {name: p.default for name, p in inspect.signature(cachetclient.Client).parameters.items()}


@dataclass(frozen=True)
class Claim:
    """A sentence shape stating a default, and the values the code has for its groups."""

    name: str
    pattern: str
    expected: tuple[float, ...]


PAGE_SIZE = (pagination.DEFAULT_PER_PAGE,)
NUMBER = r"(\d+(?:\.\d+)?)"
CLAIMS = [
    Claim("list page size", r"(\d[\d,]*) items per request", PAGE_SIZE),
    Claim("list page size", r"(\d[\d,]*) for every list", PAGE_SIZE),
    Claim("list page size", r"default `per_page` of (\d[\d,]*)", PAGE_SIZE),
    Claim("list page size", r"`per_page` items at a time \((\d[\d,]*) by default\)", PAGE_SIZE),
    Claim("timeouts", rf"{NUMBER} s to connect, {NUMBER} s to read", CLIENT["timeout"]),
    Claim("timeouts", rf"\| `timeout` \| `\({NUMBER}, {NUMBER}\)`", CLIENT["timeout"]),
    Claim("retry count", r"retried, (once|twice|three times) by default", (CLIENT["max_retries"],)),
    Claim(
        "backoff",
        rf"from `backoff_base` \({NUMBER} s\) up to `backoff_cap` \({NUMBER} s\)",
        (CLIENT["backoff_base"], CLIENT["backoff_cap"]),
    ),
    Claim(
        "Retry-After cap",
        rf"`Retry-After` \(honoured up to {NUMBER} s\)",
        (RetryPolicy().retry_after_cap,),
    ),
    Claim(
        "command line timeout",
        rf"`--timeout SECONDS` \({NUMBER}\)",
        (cli_app.COMMAND_TIMEOUT_SECONDS,),
    ),
    Claim(
        "emulator page size",
        r"Lists paginate \(`per_page`, default (\d+)",
        (listing.DEFAULT_PER_PAGE,),
    ),
]


def _number(text: str) -> float:
    return TIMES[text] if text in TIMES else float(text.replace(",", ""))


def _statements(claim: Claim) -> list[tuple[str, tuple[float, ...]]]:
    """Where each page makes the claim, and the numbers it gives (line breaks read as spaces)."""
    found = []
    for page in PAGES:
        text = " ".join(page.read_text(encoding="utf-8").split())
        for match in re.finditer(claim.pattern, text):
            numbers = tuple(_number(group) for group in match.groups())
            found.append((f"{page.relative_to(ROOT)}: {match[0]!r}", numbers))
    return found


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda claim: claim.name)
def test_docs_state_the_default_the_code_uses(claim: Claim) -> None:
    statements = _statements(claim)

    assert statements, f"no page states the {claim.name} as /{claim.pattern}/ any more"
    wrong = [where for where, numbers in statements if numbers != claim.expected]
    assert wrong == [], f"the code's {claim.name} is {claim.expected}"

"""Every "spec N" and appendix cited in the code names a section of the repository's spec.

The Cachet 3 mode (`cachet_emulator/v3`, `tests/emulator_v3`) cites the Cachet 3
specification instead, whose sections `docs/emulator-cachet3.md` lists; it is left out here.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "docs" / "spec" / "cachet-api-v1.md"
CACHET_3_PARTS = {"v3", "emulator_v3"}
"""Folders citing the Cachet 3 specification rather than the v1 one."""
CITATION = re.compile(r"\bspec (?:section )?§?(\d+(?:\.\d+)*)\b|\bAppendix ([A-Z])\b")
HEADING = re.compile(r"^#{2,3} (?:(\d+(?:\.\d+)*)\.? |Appendix ([A-Z]) )", re.MULTILINE)


def cited_sections() -> dict[str, set[str]]:
    """Each section cited in src/ and tests/, with the files citing it."""
    cited: dict[str, set[str]] = {}
    for path in [*ROOT.glob("src/**/*.py"), *ROOT.glob("tests/**/*.py")]:
        if CACHET_3_PARTS & set(path.relative_to(ROOT).parts):
            continue
        for match in CITATION.finditer(path.read_text(encoding="utf-8")):
            section = match[1] or f"Appendix {match[2]}"
            cited.setdefault(section, set()).add(str(path.relative_to(ROOT)))
    return cited


def spec_sections() -> set[str]:
    """The numbered sections and appendices of the spec page."""
    text = SPEC.read_text(encoding="utf-8")
    return {number or f"Appendix {letter}" for number, letter in HEADING.findall(text)}


def test_the_spec_page_has_its_sections() -> None:
    assert {"2.2", "17.5", "Appendix B"} <= spec_sections()


def test_every_cited_section_is_in_the_spec_page() -> None:
    cited = cited_sections()

    assert len(cited) > 20  # the emulator cites its behaviour throughout
    assert {
        section: files for section, files in cited.items() if section not in spec_sections()
    } == {}

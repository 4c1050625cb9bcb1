"""Reading cProfile statistics: where our client's time goes, in a few lines."""

from __future__ import annotations

import pstats
from pathlib import Path
from typing import Any

_OURS = "/cachetclient/"


def top_entries(path: Path, limit: int = 12) -> dict[str, list[dict[str, Any]]]:
    """The functions with the most own time, and our client's with the most cumulative time."""
    stats = pstats.Stats(str(path))
    total = stats.total_tt or 1.0  # type: ignore[attr-defined]
    rows = []
    for (filename, line, function), (_, calls, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append(
            {
                "function": f"{_short(filename)}:{line}({function})",
                "calls": calls,
                "own_s": own,
                "cumulative_s": cumulative,
                "own_share": own / total,
                "ours": _OURS in filename,
            }
        )
    by_own = sorted(rows, key=lambda row: row["own_s"], reverse=True)[:limit]
    ours = [row for row in rows if row["ours"]]
    by_cumulative = sorted(ours, key=lambda row: row["cumulative_s"], reverse=True)[:limit]
    return {"by_own_time": by_own, "ours_by_cumulative_time": by_cumulative}


def _short(filename: str) -> str:
    for marker in ("/site-packages/", "/src/", "/lib/python3"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def render(name: str, entries: dict[str, list[dict[str, Any]]]) -> str:
    """A profile's top entries as text."""
    lines = [f"Profile of ours in `{name}`:"]
    for title, key in (
        ("own time", "by_own_time"),
        ("our code, cumulative", "ours_by_cumulative_time"),
    ):
        lines.append(f"  top by {title}:")
        for row in entries[key]:
            lines.append(
                f"    {row['own_s'] * 1000:8.1f} ms own {row['cumulative_s'] * 1000:8.1f} ms cum "
                f"{row['calls']:7d} calls  {row['function']}"
            )
    return "\n".join(lines)

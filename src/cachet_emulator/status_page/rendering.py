"""The Jinja2 environment of the status page: its templates, Markdown and time filters.

Templates and the stylesheet are package data beside this module; autoescaping is on, and
Markdown is rendered with raw HTML disabled, so nothing a client stores becomes markup.
"""

from __future__ import annotations

import calendar
from datetime import datetime
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup


@cache
def environment() -> Environment:
    """The page's templates, loaded once."""
    env = Environment(
        loader=PackageLoader("cachet_emulator.status_page", "templates"),
        autoescape=select_autoescape(["html", "svg"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["markdown"] = markdown
    env.filters["when"] = when
    env.filters["day"] = day
    return env


def render(template: str, **context: Any) -> bytes:
    """A page rendered from `template` with `context`, as UTF-8."""
    return environment().get_template(template).render(**context).encode()


@cache
def stylesheet() -> bytes:
    """The page's one stylesheet."""
    return files("cachet_emulator.status_page").joinpath("static/status-page.css").read_bytes()


@cache
def _parser() -> MarkdownIt:
    # "js-default": CommonMark with tables and strikethrough, raw HTML off, unsafe links refused.
    return MarkdownIt("js-default", {"linkify": False, "typographer": False})


def markdown(text: str | None) -> Markup:
    """Markdown source as safe HTML (raw HTML in the source is shown as text)."""
    return Markup(_rendered_markdown(text or ""))


# Every load renders the same messages again (more so with ?refresh): keep recent renders.
@lru_cache(maxsize=4096)
def _rendered_markdown(text: str) -> str:
    return str(_parser().render(text))


def when(text: str) -> str:
    """A presented timestamp (`Y-m-d H:i:s`) for reading: `4 Dec 2026, 15:02`."""
    year, month, day_of_month = text[:4], int(text[5:7]), int(text[8:10])
    return f"{day_of_month} {calendar.month_abbr[month]} {year}, {text[11:16]}"


def day(moment: datetime) -> str:
    """A day heading of the timeline: `Friday 4 December 2026`."""
    return f"{moment:%A} {moment.day} {moment:%B %Y}"

"""The Jinja2 environment of the status page: its templates, Markdown and time filters.

Templates and the stylesheet are package data beside this module; autoescaping is on, and
Markdown is rendered with raw HTML disabled, so nothing a client stores becomes markup.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
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
    return Markup(_parser().render(text or ""))


def parse_presented(text: str) -> datetime:
    """A presented timestamp (`Y-m-d H:i:s`) as a naive local datetime."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S")


def when(text: str) -> str:
    """A presented timestamp for reading: `4 Dec 2026, 15:02`."""
    moment = parse_presented(text)
    return f"{moment.day} {moment:%b %Y, %H:%M}"


def day(moment: datetime) -> str:
    """A day heading of the timeline: `Friday 4 December 2026`."""
    return f"{moment:%A} {moment.day} {moment:%B %Y}"

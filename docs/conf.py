"""Sphinx configuration: MyST guide pages, autodoc reference, the CLI page built from click."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))

import cachetclient  # noqa: E402

project = "cachet-client"
author = "the cachet-client developers"
copyright = "the cachet-client developers"
release = cachetclient.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    "cachet_docstrings",
    "cli_reference",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
root_doc = "index"

# Docstrings write `name` for code, as in Markdown.
default_role = "literal"

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
autodoc_preserve_defaults = True
autodoc_default_options = {"members": True, "undoc-members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

# The reference names requests' classes; without network access intersphinx is skipped.
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}
nitpicky = False
# v1 and v3 both have a `Client` and a `ComponentManager`: short type names in signatures
# (autodoc_typehints_format) match both, and Sphinx links the first; that is no error.
suppress_warnings = ["ref.python"]

html_theme = "furo"
html_title = f"cachet-client {release}"
html_static_path: list[str] = []

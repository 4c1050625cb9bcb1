"""Input cleaning as Cachet's Binput does it (spec 2.5): trim, then the anti-XSS filter.

Only strings change; null, booleans and numbers pass through; arrays are cleaned element by
element and lose their null elements.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

_PHP_TRIM = " \t\n\r\0\x0b"
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_INVISIBLE_ENCODED = re.compile(r"%0[0-8bcef]|%1[0-9a-f]|%7f", re.IGNORECASE)
_URL_ESCAPE = re.compile(r"%[0-9a-f]{2,}", re.IGNORECASE)
_NEVER_ALLOWED = (
    ("document.cookie", "[removed]"),
    ("document.write", "[removed]"),
    (".parentNode", "[removed]"),
    (".innerHTML", "[removed]"),
    ("-moz-binding", "[removed]"),
    ("<!--", "&lt;!--"),
    ("-->", "--&gt;"),
    ("<![CDATA[", "&lt;![CDATA["),
    ("<comment>", "&lt;comment&gt;"),
    ("<%", "&lt;&#37;"),
)
_NEVER_ALLOWED_PATTERNS = re.compile(
    r"javascript\s*:|(document|(document\.)?window)\.(location|on\w*)|expression\s*(\(|&#40;)"
    r"|vbscript\s*:|wscript\s*:|jscript\s*:|vbs\s*:|Redirect\s+30\d",
    re.IGNORECASE,
)
_SCRIPT_TAG = re.compile(r"<(/*)(script|xss)(.*?)>", re.IGNORECASE | re.DOTALL)
_NAUGHTY_TAG = re.compile(
    r"<(/*\s*)(alert|prompt|confirm|applet|audio|basefont|base|behavior|bgsound|blink|body"
    r"|embed|expression|form|frameset|frame|head|html|ilayer|iframe|input|button|select"
    r"|isindex|layer|link|meta|keygen|object|plaintext|style|script|textarea|title|math"
    r"|video|svg|xml|xss)([^><]*)([><]*)",
    re.IGNORECASE,
)
_EVIL_ATTRIBUTE = re.compile(
    r"(<[a-z][^>]*?)\s(on\w*|style|xmlns|formaction|form\w*|xlink:href|fscommand"
    r"|seeksegmenttime)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]*)",
    re.IGNORECASE,
)
_NAUGHTY_CALL = re.compile(
    r"(alert|prompt|confirm|cmd|passthru|eval|exec|expression|system|fopen|fsockopen|file"
    r"|file_get_contents|readfile|unlink)(\s*)\((.*?)\)",
    re.IGNORECASE | re.DOTALL,
)


def clean(value: Any) -> Any:
    """Binput's cleaning of one input value (strings trimmed and filtered)."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, list):
        return [clean(item) for item in value if item is not None]
    if isinstance(value, dict):
        return {key: clean(item) for key, item in value.items() if item is not None}
    return clean_text(str(value).strip(_PHP_TRIM))


# What any step of the filter below reacts to; text without any of it passes unchanged.
_FILTERED = re.compile(r"[\x00-\x1f\x7f%<>(.:&]|-moz-binding|Redirect\s+30\d", re.IGNORECASE)


def clean_text(text: str) -> str:
    """The anti-XSS filter of one (already trimmed) string."""
    if _FILTERED.search(text) is None:
        return text
    text = _remove_invisible(text)
    # Decode %XX escapes until none is left, as the filter does.
    while _URL_ESCAPE.search(text):
        decoded = unquote(text)
        if decoded == text:
            break
        text = decoded
    text = _remove_invisible(text).replace("\t", " ")
    text = _never_allowed(text)
    text = text.replace("<?", "&lt;?").replace("?>", "?&gt;")
    text = _SCRIPT_TAG.sub("[removed]", text)
    while True:
        replaced = _EVIL_ATTRIBUTE.sub(r"\1 xss=removed", text)
        if replaced == text:
            break
        text = replaced
    text = _NAUGHTY_TAG.sub(_encode_naughty_tag, text)
    text = _NAUGHTY_CALL.sub(r"\1\2&#40;\3&#41;", text)
    return _never_allowed(text)


def _remove_invisible(text: str) -> str:
    while True:
        cleaned = _INVISIBLE.sub("", _INVISIBLE_ENCODED.sub("", text))
        if cleaned == text:
            return text
        text = cleaned


def _never_allowed(text: str) -> str:
    for fragment, replacement in _NEVER_ALLOWED:
        text = text.replace(fragment, replacement)
    return _NEVER_ALLOWED_PATTERNS.sub("[removed]", text)


def _encode_naughty_tag(match: re.Match[str]) -> str:
    closing = match.group(4).replace(">", "&gt;").replace("<", "&lt;")
    return "&lt;" + match.group(1) + match.group(2) + match.group(3) + closing

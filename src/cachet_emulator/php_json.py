"""JSON read and written the way PHP's json_decode/json_encode do it (spec 2.3, 2.4).

Written: slashes escaped, non-ASCII as \\uXXXX, integral floats without fraction; error bodies
also escape `<>&'"`. Read: objects with keys "0".."n-1" become lists (PHP arrays), integers
beyond 64 bits become floats.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from cachet_emulator import php
from cachet_emulator.php import INT64_MAX, INT64_MIN

_ENCODER = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"), allow_nan=False)
_HEX_ESCAPES = (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026"), ("'", "\\u0027"))


# Values of exactly these types encode as they are; checked first because they are most.
_PLAIN = frozenset({str, int, bool, type(None)})


def _integral_floats_as_ints(value: Any) -> Any:
    if isinstance(value, float):
        return int(value) if php.is_integral(value) else value
    if isinstance(value, dict):
        return {
            key: item if type(item) in _PLAIN else _integral_floats_as_ints(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [item if type(item) in _PLAIN else _integral_floats_as_ints(item) for item in value]
    return value


def _c_encoder() -> Callable[[Any, int], Sequence[str]] | None:
    """_ENCODER's C encoder, built once (JSONEncoder.encode() builds one for every call).

    It skips the circular-reference check, which bodies built from fresh values never need.
    None where the C accelerator is missing or takes other arguments.
    """
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return None
    # markers (None: no circular check), default, string encoder, indent, key and item
    # separators, sort_keys, skipkeys, allow_nan: what JSONEncoder.iterencode() passes.
    arguments = (None, _ENCODER.default, json.encoder.encode_basestring_ascii, None, ":", ",")
    try:
        encoder: Callable[[Any, int], Sequence[str]] = make(*arguments, False, False, False)
    except TypeError:
        return None
    return encoder


_C_ENCODER = _c_encoder()


def encode(value: Any) -> bytes:
    """Encode a success body like PHP's json_encode defaults."""
    text = _json_text(value)
    # A float PHP prints without fraction (integral, below 1e15) reads "<digits>.0" in Python's
    # JSON; text without ".0" has none, so it is already what PHP writes.
    if ".0" in text:
        text = _json_text(_integral_floats_as_ints(value))
    # '/' can only occur inside JSON strings, so escaping it in the output is safe.
    return text.replace("/", "\\/").encode("ascii")


def _json_text(value: Any) -> str:
    return _ENCODER.encode(value) if _C_ENCODER is None else "".join(_C_ENCODER(value, 0))


def encode_error(value: Any) -> bytes:
    """Encode an error body: as `encode`, plus JSON_HEX_TAG|AMP|APOS|QUOT inside strings."""
    return _encode_hex(value).replace("/", "\\/").encode("ascii")


def _encode_hex(value: Any) -> str:
    if isinstance(value, str):
        inner = _ENCODER.encode(value)[1:-1]
        for char, escape in _HEX_ESCAPES:
            inner = inner.replace(char, escape)
        # Inside one encoded string every '"' is preceded by its own escaping backslash.
        return '"' + inner.replace('\\"', "\\u0022") + '"'
    if isinstance(value, dict):
        items = (_encode_hex(str(key)) + ":" + _encode_hex(item) for key, item in value.items())
        return "{" + ",".join(items) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_encode_hex(item) for item in value) + "]"
    return _ENCODER.encode(_integral_floats_as_ints(value))


def _php_array(pairs: list[tuple[str, Any]]) -> dict[str, Any] | list[Any]:
    if pairs and pairs[0][0] != "0":  # most objects: not a list, without looking further
        return dict(pairs)
    if all(key == str(index) for index, (key, _) in enumerate(pairs)):
        return [item for _, item in pairs]
    return dict(pairs)


def _php_int(text: str) -> int | float:
    number = int(text)
    return number if INT64_MIN <= number <= INT64_MAX else float(number)


def _reject_constant(name: str) -> Any:
    # Python reads NaN/Infinity/-Infinity; PHP's json_decode calls them a syntax error.
    raise ValueError(f"{name} is not JSON")


_DECODER = json.JSONDecoder(
    object_pairs_hook=_php_array, parse_int=_php_int, parse_constant=_reject_constant
)


def decode(body: bytes) -> Any:
    """Decode a request body like json_decode($body, true); None when it is not valid JSON."""
    try:
        # What json.loads does with bytes, without building a decoder per call.
        return _DECODER.decode(body.decode(json.detect_encoding(body), "surrogatepass"))
    except (ValueError, RecursionError):
        return None

"""Core helpers the other resources build on, checked directly (no HTTP route of their own yet):
validation rules and messages, PHP casts, `Y-m-d H:i` parsing and the long date format."""

from __future__ import annotations

import pytest

from cachet_emulator import clock, php, php_json
from cachet_emulator.validation import MESSAGES_23, validate


@pytest.mark.parametrize(
    ("data", "rules", "messages"),
    [
        ({"component_id": 1, "component_status": None},
         {"component_id": "nullable|required_with:component_status|int",
          "component_status": "nullable|required_with:component_id|int|min:0|max:4"},
         ["The component status field is required when component id is present."]),
        ({"value": "abc"}, {"value": "required|numeric"}, ["The value must be a number."]),
        ({"value": "1e3"}, {"value": "required|numeric"}, []),
        ({"calc_type": 2}, {"calc_type": "nullable|int|in:0,1"},
         ["The selected calc type is invalid."]),
        ({"calc_type": "1"}, {"calc_type": "nullable|int|in:0,1"}, []),
        ({"email": "nope"}, {"email": "required|email"},
         ["The email must be a valid email address."]),
        ({"email": "user@localhost"}, {"email": "required|email"}, []),
        ({"places": 5}, {"places": "nullable|int|between:0,4"},
         ["The places must be between 0 and 4."]),
        ({"name": "abcdef"}, {"name": "string|max:4"},
         ["The name may not be greater than 4 characters."]),
        ({"items": [1, 2]}, {"items": "array|min:3"}, ["The items must have at least 3 items."]),
        ({"scheduled_at": ""}, {"scheduled_at": "required|string"},
         ["The scheduled at field is required."]),
        ({"x": None}, {"x": "string"}, ["The x must be a string."]),
        ({"x": None}, {"x": "nullable|string"}, []),
        ({}, {"x": "string|int"}, []),
        ({"x": "  "}, {"x": "int"}, []),
        ({"x": "abc"}, {"x": "int|min:0|max:2"},
         ["The x must be an integer.", "The x may not be greater than 2."]),
        ({"x": "05"}, {"x": "int"}, ["The x must be an integer."]),
        ({"x": 5.0}, {"x": "int"}, []),
        ({"x": True}, {"x": "int"}, []),
        ({"x": "true"}, {"x": "bool"}, ["The x field must be true or false."]),
    ],
)  # fmt: skip
def test_rules_and_messages(
    data: dict[str, object], rules: dict[str, str], messages: list[str]
) -> None:
    assert validate(data, rules) == messages


def test_names_override_the_attribute() -> None:
    assert validate(
        {"timestamp": "x"}, {"timestamp": "nullable|int"}, names={"timestamp": "created at"}
    ) == ["The created at must be an integer."]


def test_23_messages_are_shifted() -> None:
    assert validate({}, {"message": "required"}, MESSAGES_23) == ["The message format is invalid."]
    assert validate({"visible": 5}, {"visible": "bool"}, MESSAGES_23) == [
        "The visible must have between :min and :max items."
    ]


@pytest.mark.parametrize(
    ("value", "as_int", "as_bool"),
    [("5", 5, True), ("5abc", 5, True), ("abc", 0, True), ("", 0, False), (None, 0, False),
     (False, 0, False), (True, 1, True), (5.9, 5, True), ("0", 0, False), ("false", 0, True),
     ([], 0, False), (" 7", 7, True), ("1e3", 1000, True),
     ("99999999999999999999", 2**63 - 1, True)],
)  # fmt: skip
def test_php_casts(value: object, as_int: int, as_bool: bool) -> None:
    assert php.cast_int(value) == as_int
    assert php.cast_bool(value) is as_bool


@pytest.mark.parametrize(
    ("text", "zone", "utc"),
    [("2020-08-01 14:30", "UTC", "2020-08-01 14:30:00"),
     ("2020-08-01 14:30", "America/Mexico_City", "2020-08-01 19:30:00"),
     ("2020-2-30 10:00", "UTC", "2020-03-01 10:00:00"),
     ("2020-08-01 9:05", "UTC", "2020-08-01 09:05:00"),
     ("2020-12-31 24:00", "UTC", "2021-01-01 00:00:00")],
)  # fmt: skip
def test_minute_format_parses_like_php(text: str, zone: str, utc: str) -> None:
    assert clock.stored(clock.parse_minute(text, zone)) == utc


@pytest.mark.parametrize(
    ("text", "message"),
    [("2020-09-01 20:00:00", "Trailing data"), ("2020-09-01T20:00", "Unexpected data found."),
     ("", "Data missing"), ("tomorrow", "A four digit year could not be found")],
)  # fmt: skip
def test_minute_format_errors_carry_php_messages(text: str, message: str) -> None:
    with pytest.raises(clock.DateFormatError, match=message):
        clock.parse_minute(text, "UTC")


def test_long_format() -> None:
    assert clock.present_long("2020-08-08 10:05:15", "UTC") == "Saturday 8th August 2020 10:05:15"
    assert (
        clock.present_long("2020-08-22 23:00:00", "Europe/Paris")
        == "Sunday 23rd August 2020 01:00:00"
    )


def test_long_format_shows_year_10000_east_of_utc() -> None:
    """10000-01-01 is a Saturday, like 2000-01-01: the calendar repeats every 400 years."""
    shown = clock.present_long("9999-12-31 23:30:00", "Asia/Tokyo")
    assert shown == "Saturday 1st January 10000 08:30:00"


def test_presenting_none_shows_now() -> None:
    shown = clock.present(None, "UTC")
    assert abs((clock.parse_stored(shown) - clock.now()).total_seconds()) < 5


def test_error_bodies_escape_html_characters_and_success_bodies_do_not() -> None:
    """Spec 2.3: error bodies add JSON_HEX_TAG|AMP|APOS|QUOT to the success encoding."""
    value = {"detail": "<a href='x'>\"&\"</a>/"}
    assert php_json.encode_error(value) == (
        b'{"detail":"\\u003Ca href=\\u0027x\\u0027\\u003E'
        b'\\u0022\\u0026\\u0022\\u003C\\/a\\u003E\\/"}'
    )
    assert php_json.encode(value) == b'{"detail":"<a href=\'x\'>\\"&\\"<\\/a>\\/"}'

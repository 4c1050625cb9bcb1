"""Dates: aware UTC by default, the Time-Zone header honoured, every Cachet format parsed."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cachetclient
from cachetclient.dates import parse_datetime
from cachetclient.v1.client import Client

UTC = dt.timezone.utc


def test_returned_datetimes_are_aware_utc(client: Client) -> None:
    component = client.components.get(client.components.create(name="API", status=1).id)
    assert component.created_at is not None
    assert component.created_at.utcoffset() == dt.timedelta(0)
    now = dt.datetime.now(UTC)
    assert abs(now - component.created_at) < dt.timedelta(hours=1)


def test_requests_carry_the_configured_timezone(cachet_emulator: Any) -> None:
    mexico = ZoneInfo("America/Mexico_City")
    client = cachetclient.Client(
        endpoint=cachet_emulator.endpoint,
        api_token=cachet_emulator.token,
        timezone="America/Mexico_City",
    )
    when = dt.datetime(2020, 8, 1, 14, 30, tzinfo=UTC)
    incident = client.incidents.create(name="x", message="y", status=1, occurred_at=when)
    fetched = client.incidents.get(incident.id)
    assert fetched.occurred_at == when
    assert fetched.occurred_at is not None and fetched.occurred_at.tzinfo == mexico
    utc_client = cachetclient.Client(endpoint=cachet_emulator.endpoint)
    assert utc_client.incidents.get(incident.id).occurred_at == when


def test_without_timezone_header_dates_are_naive(cachet_emulator: Any) -> None:
    client = cachetclient.Client(
        endpoint=cachet_emulator.endpoint, api_token=cachet_emulator.token, timezone=None
    )
    incident = client.incidents.create(name="x", message="y", status=1)
    assert incident.created_at is not None and incident.created_at.tzinfo is None


def test_long_verified_at_format_is_parsed(client: Client) -> None:
    sub = client.subscribers.create(email="a@example.test", verify=True)
    raw = next(client.subscribers.list()).attrs["verified_at"]
    assert not raw[:4].isdigit()
    verified = next(client.subscribers.list()).verified_at
    assert verified is not None and verified.tzinfo is not None
    assert abs(dt.datetime.now(UTC) - verified) < dt.timedelta(hours=1)
    assert sub.verified_at is not None


def test_same_instant_whatever_the_request_timezone(cachet_emulator: Any) -> None:
    tokyo = cachetclient.Client(endpoint=cachet_emulator.endpoint, timezone="Asia/Tokyo")
    utc = cachetclient.Client(endpoint=cachet_emulator.endpoint, api_token=cachet_emulator.token)
    component = utc.components.create(name="API", status=1)
    seen_in_tokyo = tokyo.components.get(component.id)
    assert seen_in_tokyo.attrs["created_at"] != utc.components.get(component.id).attrs["created_at"]
    assert seen_in_tokyo.created_at == utc.components.get(component.id).created_at
    assert seen_in_tokyo.created_at is not None
    assert seen_in_tokyo.created_at.utcoffset() == dt.timedelta(hours=9)


MOMENTS = st.datetimes(min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2100, 1, 1))


@given(MOMENTS.map(lambda moment: moment.replace(microsecond=0)))
def test_every_format_cachet_writes_reads_back_the_same_moment(moment: dt.datetime) -> None:
    long_form = f"{moment:%A} {moment.day}th {moment:%B %Y %H:%M:%S}"
    seconds = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")
    minutes = ("%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M")
    for text in [moment.strftime(fmt) for fmt in seconds] + [long_form]:
        assert parse_datetime(text, UTC) == moment.replace(tzinfo=UTC)
    for text in [moment.strftime(fmt) for fmt in minutes]:
        assert parse_datetime(text, None) == moment.replace(second=0)


@pytest.mark.parametrize(
    "text", ["2026-02-30 10:00:00", "2026-01-01 25:00:00", "2026-01-01 10:00:0x", "", "soon"]
)
def test_impossible_timestamps_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a date and time"):
        parse_datetime(text, UTC)

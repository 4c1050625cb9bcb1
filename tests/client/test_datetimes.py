"""Dates: naive by default as in every release, aware with `timezone=`, every format parsed."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cachetclient
from cachetclient.dates import parse_datetime
from cachetclient.fields import TIMESTAMP, UTC_TIMESTAMP
from cachetclient.v1.client import Client

UTC = dt.timezone.utc


def test_returned_datetimes_are_naive_by_default(client: Client) -> None:
    component = client.components.get(client.components.create(name="API", status=1).id)
    assert component.created_at is not None and component.created_at.tzinfo is None
    # The emulator's zone is UTC: the naive value is its wall-clock time.
    assert abs(dt.datetime.now(UTC).replace(tzinfo=None) - component.created_at) < dt.timedelta(
        hours=1
    )


def test_naive_datetimes_round_trip_and_compare_with_the_callers_own(client: Client) -> None:
    start = dt.datetime(2020, 9, 1, 20)
    schedule = client.schedules.create(
        name="Upgrade", status=0, scheduled_at=start, completed_at=dt.datetime(2020, 9, 1, 22)
    )
    incident = client.incidents.create(name="x", message="y", status=1, occurred_at=start)

    fetched = client.schedules.get(schedule.id)

    assert fetched.scheduled_at == start
    assert fetched.scheduled_at is not None and fetched.completed_at is not None
    assert start <= fetched.scheduled_at < fetched.completed_at
    assert client.incidents.get(incident.id).occurred_at == start


def test_datetimes_read_are_sent_back_unchanged(client: Client) -> None:
    schedule = client.schedules.create(name="Upgrade", status=0, scheduled_at="2030-01-02 03:04")
    fetched = client.schedules.get(schedule.id)
    assert fetched.scheduled_at is not None

    client.schedules.update(schedule.id, completed_at=fetched.scheduled_at + dt.timedelta(hours=1))
    fetched.scheduled_at = fetched.scheduled_at
    fetched.update()

    again = client.schedules.get(schedule.id)
    assert again.scheduled_at == dt.datetime(2030, 1, 2, 3, 4)
    assert again.completed_at == dt.datetime(2030, 1, 2, 4, 4)


def test_default_mode_sends_the_wall_clock_time_of_aware_datetimes(client: Client) -> None:
    # The rule without `timezone=`: the zone of an aware value is dropped, not converted,
    # because the client cannot know Cachet's zone; the releases did the same.
    tokyo = ZoneInfo("Asia/Tokyo")
    when = dt.datetime(2020, 9, 1, 20, 30, tzinfo=tokyo)

    schedule = client.schedules.create(name="Upgrade", status=0, scheduled_at=when)
    incident = client.incidents.create(name="x", message="y", status=1, occurred_at=when)

    assert client.schedules.get(schedule.id).scheduled_at == dt.datetime(2020, 9, 1, 20, 30)
    assert client.incidents.get(incident.id).occurred_at == dt.datetime(2020, 9, 1, 20, 30)


def test_metric_point_timestamps_are_naive_utc_by_default(client: Client) -> None:
    metric = client.metrics.create(name="Latency", description="ms", suffix="ms")
    naive = dt.datetime(2024, 5, 1, 12, 0)
    aware = dt.datetime(2024, 5, 1, 15, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))

    client.metric_points.create(metric_id=metric.id, value=1, timestamp=naive)
    client.metric_points.create(metric_id=metric.id, value=2, timestamp=aware)

    # Unix seconds are absolute: an aware value is converted exactly, a naive one is UTC.
    points = {p.value: p.created_at for p in client.metric_points.list(metric.id)}
    assert points == {1.0: naive, 2.0: dt.datetime(2024, 5, 1, 13, 0)}


def test_raw_rows_and_long_forms_are_naive_by_default(client: Client) -> None:
    component = client.components.create(name="API", status=1)
    client.subscribers.create(email="a@example.test", components=[component.id], verify=True)
    subscriber = next(client.subscribers.list())
    assert not subscriber.attrs["verified_at"][:4].isdigit()  # the long `l jS F Y` form

    assert subscriber.verified_at is not None and subscriber.verified_at.tzinfo is None
    assert subscriber.created_at is not None and subscriber.created_at.tzinfo is None


def test_timezone_utc_returns_aware_datetimes(utc_client: Client) -> None:
    component = utc_client.components.get(utc_client.components.create(name="API", status=1).id)
    assert component.created_at is not None
    assert component.created_at.utcoffset() == dt.timedelta(0)
    assert abs(dt.datetime.now(UTC) - component.created_at) < dt.timedelta(hours=1)


def test_timezone_utc_reads_the_long_verified_at_form_aware(utc_client: Client) -> None:
    utc_client.subscribers.create(email="a@example.test", verify=True)
    verified = next(utc_client.subscribers.list()).verified_at
    assert verified is not None and verified.tzinfo is not None
    assert abs(dt.datetime.now(UTC) - verified) < dt.timedelta(hours=1)


def test_timezone_utc_treats_naive_values_as_utc(utc_client: Client) -> None:
    schedule = utc_client.schedules.create(
        name="Upgrade", status=0, scheduled_at=dt.datetime(2020, 9, 1, 20)
    )
    assert utc_client.schedules.get(schedule.id).scheduled_at == dt.datetime(
        2020, 9, 1, 20, tzinfo=UTC
    )


def test_rows_cachet_shows_raw_are_utc_once_a_timezone_is_named() -> None:
    # Incident templates and subscriptions are shown as stored, in UTC, whatever Time-Zone says.
    stored = "2020-09-01 20:00:00"

    assert UTC_TIMESTAMP.decode(stored, None) == dt.datetime(2020, 9, 1, 20)
    assert UTC_TIMESTAMP.decode(stored, ZoneInfo("Asia/Tokyo")) == dt.datetime(
        2020, 9, 1, 20, tzinfo=UTC
    )


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
    utc_client = cachetclient.Client(endpoint=cachet_emulator.endpoint, timezone="UTC", guest=True)
    assert utc_client.incidents.get(incident.id).occurred_at == when


def test_default_mode_reads_dates_in_cachets_own_zone(cachet_emulator: Any) -> None:
    cachet_emulator.configure(timezone="Europe/Oslo")
    default = cachetclient.Client(
        endpoint=cachet_emulator.endpoint, api_token=cachet_emulator.token
    )
    when = dt.datetime(2020, 8, 1, 14, 30)

    incident = default.incidents.create(name="x", message="y", status=1, occurred_at=when)
    in_utc = cachetclient.Client(endpoint=cachet_emulator.endpoint, timezone="UTC", guest=True)

    assert default.incidents.get(incident.id).occurred_at == when
    assert in_utc.incidents.get(incident.id).occurred_at == dt.datetime(
        2020, 8, 1, 12, 30, tzinfo=UTC
    )


def test_same_instant_whatever_the_request_timezone(cachet_emulator: Any) -> None:
    tokyo = cachetclient.Client(
        endpoint=cachet_emulator.endpoint, timezone="Asia/Tokyo", guest=True
    )
    utc = cachetclient.Client(
        endpoint=cachet_emulator.endpoint, api_token=cachet_emulator.token, timezone="UTC"
    )
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
        assert parse_datetime(text, None) == moment
    for text in [moment.strftime(fmt) for fmt in minutes]:
        assert parse_datetime(text, None) == moment.replace(second=0)


def _general_reader(text: str, tz: dt.tzinfo | None) -> dt.datetime | None:
    try:
        return parse_datetime(text, tz)
    except ValueError:
        return None


@given(MOMENTS.map(lambda moment: moment.replace(microsecond=0)))
def test_resource_fields_read_every_format_as_the_general_reader(moment: dt.datetime) -> None:
    # Timestamp fields read `Y-m-d H:i:s` without the general reader: both must agree.
    long_form = f"{moment:%A} {moment.day}th {moment:%B %Y %H:%M:%S}"
    formats = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M")
    for text in [moment.strftime(fmt) for fmt in formats] + [long_form]:
        for zone in (None, UTC, ZoneInfo("Asia/Tokyo")):
            assert TIMESTAMP.decode(text, zone) == _general_reader(text, zone)
    assert TIMESTAMP.decode(moment.strftime("%Y-%m-%d %H:%M:%S"), None) == moment


@given(st.text(alphabet="0123456789-: +T", min_size=19, max_size=19))
def test_resource_fields_and_the_general_reader_agree_on_any_text(text: str) -> None:
    for zone in (None, UTC):
        assert TIMESTAMP.decode(text, zone) == _general_reader(text, zone)


@pytest.mark.parametrize(
    "text", ["2026-02-30 10:00:00", "2026-01-01 25:00:00", "2026-01-01 10:00:0x", "", "soon"]
)
def test_impossible_timestamps_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a date and time"):
        parse_datetime(text, UTC)

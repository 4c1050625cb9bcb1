"""General endpoints (spec section 5) over HTTP."""

from __future__ import annotations

import time

import pytest

from tests.emulator.api import Api


def _status(api: Api, **kwargs: object) -> dict[str, str]:
    response = api.get("status", **kwargs)  # type: ignore[arg-type]
    assert response.status_code == 200
    data: dict[str, str] = response.json()["data"]
    return data


def test_version_reports_installed_and_latest(api: Api) -> None:
    """Quirk 19: the release info key is spelled `prelease`."""
    body = api.get("version").json()
    assert body == {
        "meta": {
            "on_latest": True,
            "latest": {"tag_name": "v2.3.18", "prelease": False, "draft": False},
        },
        "data": "2.4.0-dev",
    }


def test_version_on_latest_is_true_for_numeric_versions_quirk_19(api: Api) -> None:
    api.emulator.configure(
        installed_version="1.0.0", latest_release={"tag_name": "v9.9.9", "prelease": True}
    )
    meta = api.get("version").json()["meta"]
    assert meta["on_latest"] is True
    assert meta["latest"] == {"tag_name": "v9.9.9", "prelease": True, "draft": False}


def test_version_equal_versions_without_prefix_is_not_latest(api: Api) -> None:
    api.emulator.configure(installed_version="2.3.18", latest_release={"tag_name": "2.3.18"})
    assert api.get("version").json()["meta"]["on_latest"] is False


def test_version_without_release_info_is_500(api: Api) -> None:
    api.emulator.configure(latest_release=None)
    assert api.get("version").status_code == 500


def test_status_without_components_is_success(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    response = api.get("status")
    assert response.headers["cache-control"].endswith(", public")
    assert response.json()["data"] == {"status": "success", "message": "System operational"}


def test_status_max_age_is_a_unix_time_quirk_20(api: Api) -> None:
    header = api.get("status").headers["cache-control"]
    max_age = int(header.split("=")[1].split(",")[0])
    assert abs(max_age - (time.time() + 30)) < 120


def test_status_one_partial_outage_is_info(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    api.create("components", name="A", status=3)
    assert _status(api) == {"status": "info", "message": "The system is experiencing issues"}


def test_status_all_operational_plural(api: Api) -> None:
    api.create("components", name="A", status=1)
    api.create("components", name="B", status=1)
    assert _status(api) == {"status": "success", "message": "All systems are operational"}


def test_status_major_outage_rate(api: Api) -> None:
    api.create("components", name="A", status=4)
    api.create("components", name="B", status=1)
    assert _status(api) == {
        "status": "danger",
        "message": "Some systems are experiencing major issues",
    }
    api.emulator.configure(major_outage_rate=60)
    assert _status(api)["status"] == "info"


def test_status_ignores_disabled_components(api: Api) -> None:
    api.create("components", name="A", status=4, enabled=False)
    assert _status(api)["status"] == "success"


def test_status_guests_ignore_components_in_hidden_groups(api: Api) -> None:
    group = api.create("components/groups", name="Hidden")
    api.create("components", name="A", status=4, group_id=group["id"])
    api.create("components", name="B", status=1, group_id=999)
    assert _status(api, token=None) == {"status": "success", "message": "System operational"}
    assert _status(api)["status"] == "danger"


@pytest.mark.parametrize("route", ["ping", "version", "status"])
def test_general_routes_ignore_always_authenticate(api: Api, route: str) -> None:
    api.emulator.configure(always_authenticate=True)
    assert api.get(route, token=None).status_code == 200
    assert api.get("components", token=None).status_code == 401
    assert api.get("components").status_code == 200


def test_unresolved_incident_keeps_status_info_quirk_20(api: Api) -> None:
    api.create("components", name="A", status=1)
    now = "2020-01-01 00:00:00"
    with api.emulator.store.transaction():
        incident = api.emulator.store.insert(
            "incidents",
            {"name": "x", "status": 1, "visible": 0, "message": "m", "created_at": now},
        )
    assert _status(api)["status"] == "info"
    with api.emulator.store.transaction():
        api.emulator.store.insert(
            "incident_updates",
            {"incident_id": incident, "status": 4, "message": "ok", "created_at": now},
        )
    assert _status(api)["status"] == "success"

"""The control API under /_emulator (not part of Cachet)."""

from __future__ import annotations

from typing import Any

import requests

from tests.emulator.api import TOKEN, Api


def _control(
    api: Api, method: str, action: str, token: str | None = TOKEN, **kwargs: Any
) -> requests.Response:
    return api.request(method, f"{api.emulator.url}/_emulator/{action}", token=token, **kwargs)


def test_reset_empties_everything(api: Api) -> None:
    api.create("components", name="A")
    assert _control(api, "POST", "reset").status_code == 204
    assert api.get("components").json()["data"] == []
    assert api.create("components", name="B")["id"] == 1


def test_control_needs_the_exact_token(api: Api) -> None:
    assert _control(api, "POST", "reset", token=None).status_code == 401
    assert _control(api, "POST", "reset", token=TOKEN.lower()).status_code == 401


def test_templates_created_through_control_are_listed(api: Api) -> None:
    response = _control(api, "POST", "templates", json={"name": "My Tpl", "template": "Hi"})
    assert response.status_code == 200
    assert response.json()["data"]["slug"] == "my-tpl"
    listed = _control(api, "GET", "templates").json()["data"]
    assert [t["name"] for t in listed] == ["My Tpl"]
    assert api.get("incidents/templates/1").json()["data"]["template"] == "Hi"


def test_template_without_name_is_rejected(api: Api) -> None:
    response = _control(api, "POST", "templates", json={"template": "Hi"})
    assert response.status_code == 400


def test_settings_can_be_read_and_changed(api: Api) -> None:
    assert _control(api, "GET", "settings").json()["data"]["timezone"] == "UTC"
    response = _control(api, "PUT", "settings", json={"installed_version": "2.4.1"})
    assert response.json()["data"]["installed_version"] == "2.4.1"
    assert api.get("version").json()["data"] == "2.4.1"


def test_unknown_setting_is_rejected(api: Api) -> None:
    response = _control(api, "PUT", "settings", json={"colour": "red"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["meta"]["details"] == ["Unknown setting: colour."]


def test_extra_api_keys_authenticate(api: Api) -> None:
    _control(api, "PUT", "settings", json={"api_keys": ["second-user-key"]})
    assert api.post("components", json={"name": "A"}, token="second-user-key").status_code == 200
    assert api.post("components", json={"name": "A"}, token=TOKEN).status_code == 200


def test_unknown_control_action_is_404_and_wrong_method_405(api: Api) -> None:
    assert _control(api, "GET", "nothing").status_code == 404
    assert _control(api, "GET", "reset").status_code == 405


def test_mistyped_setting_is_rejected(api: Api) -> None:
    response = _control(api, "PUT", "settings", json={"major_outage_rate": "high"})
    assert response.status_code == 400
    assert api.get("status").status_code == 200


def test_unknown_cachet_version_is_rejected(api: Api) -> None:
    response = _control(api, "PUT", "settings", json={"cachet_version": "3.0"})
    assert response.status_code == 400

"""The api_enabled and api_protected settings (mirrors core's ApiSettingsTest)."""

from __future__ import annotations

from tests.emulator_v3.api import Api


def test_allows_guests_to_read_the_api_by_default(api: Api) -> None:
    assert api.guest_get("ping").status_code == 200


def test_responds_not_found_when_the_api_is_disabled(api: Api) -> None:
    api.configure(api_enabled=False)
    response = api.guest_get("ping")
    assert response.status_code == 404
    assert response.json() == {"message": ""}


def test_responds_not_found_when_the_api_is_disabled_even_for_authenticated_users(
    api: Api,
) -> None:
    api.configure(api_enabled=False, api_protected=True)
    assert api.get("ping").status_code == 404


def test_requires_authentication_for_read_endpoints_when_the_api_is_protected(api: Api) -> None:
    api.configure(api_protected=True)
    response = api.guest_get("ping")
    assert response.status_code == 401
    assert response.json() == {"message": "Unauthenticated."}


def test_allows_authenticated_users_to_read_the_api_when_the_api_is_protected(api: Api) -> None:
    api.configure(api_protected=True)
    assert api.get("ping").json() == {"data": "Pong!"}


def test_still_guards_write_endpoints_by_token_abilities_when_the_api_is_protected(
    api: Api,
) -> None:
    api.configure(api_protected=True)
    token = api.token_with("metrics.manage")
    response = api.post("components", json={"name": "New Component"}, token=token)
    assert response.status_code == 403
    assert response.json() == {"message": "Invalid ability provided."}


# -- [code] behaviours around the settings ----------------------------------------------------


def test_an_invalid_token_on_a_read_route_is_a_guest_unless_the_api_is_protected(api: Api) -> None:
    assert api.get("ping", token="9|not-a-token").status_code == 200
    api.configure(api_protected=True)
    assert api.get("ping", token="9|not-a-token").status_code == 401


def test_unknown_routes_say_so_even_when_the_api_is_disabled(api: Api) -> None:
    api.configure(api_enabled=False)
    response = api.get("nothing-here")
    assert response.status_code == 404
    assert response.json() == {"message": "The route api/nothing-here could not be found."}

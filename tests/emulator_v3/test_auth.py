"""Tokens, abilities and the middleware order (spec 2.2, 3), through the control API."""

from __future__ import annotations

import pytest

from cachet_emulator.server import CachetEmulator
from cachet_emulator.v3.tokens import ABILITIES
from tests.emulator_v3.api import TOKEN, Api


def test_writes_need_a_token(api: Api) -> None:
    response = api.post("components", json={"name": "A"}, token=None)
    assert response.status_code == 401
    assert response.json() == {"message": "Unauthenticated."}


def test_a_wrong_secret_for_a_known_token_id_is_refused(api: Api) -> None:
    response = api.post("components", json={"name": "A"}, token="1|wrong")
    assert response.status_code == 401


def test_there_is_no_x_cachet_token_header(api: Api) -> None:
    response = api.request(
        "POST", "components", token=None, json={"name": "A"}, headers={"X-Cachet-Token": TOKEN}
    )
    assert response.status_code == 401


@pytest.mark.parametrize("ability", ABILITIES)
def test_each_ability_can_be_given_to_a_token(api: Api, ability: str) -> None:
    token = api.token_with(ability)
    listed = api.session.get(
        api.emulator.url + "/_emulator/tokens", headers={"X-Cachet-Token": TOKEN}, timeout=10
    ).json()["data"]
    assert [ability] in [item["abilities"] for item in listed]
    assert token.split("|")[0] == str(listed[-1]["id"])


def test_a_token_without_abilities_gets_all_of_them(api: Api) -> None:
    token = api.token_with()
    assert api.post("metrics", json={"name": "M", "suffix": "ms"}, token=token).status_code == 201


def test_the_control_api_refuses_unknown_abilities(api: Api) -> None:
    response = api.session.post(
        api.emulator.url + "/_emulator/tokens",
        json={"abilities": ["components.view"]},
        headers={"X-Cachet-Token": TOKEN},
        timeout=10,
    )
    assert response.status_code == 400
    assert api.token_with("components.manage")  # still works


def test_an_expired_token_is_refused(api: Api) -> None:
    response = api.session.post(
        api.emulator.url + "/_emulator/tokens",
        json={"abilities": ["*"], "expires_at": "2020-01-01 00:00:00"},
        headers={"X-Cachet-Token": TOKEN},
        timeout=10,
    )
    token = response.json()["data"]["token"]
    assert api.post("components", json={"name": "A"}, token=token).status_code == 401


def test_validation_comes_before_the_ability_check(api: Api) -> None:
    token = api.token_with("incidents.manage")
    invalid = api.post("components", json={}, token=token)
    assert invalid.status_code == 422
    valid = api.post("components", json={"name": "A"}, token=token)
    assert valid.status_code == 403


def test_authentication_comes_before_binding(api: Api) -> None:
    assert api.delete("components/99", token=None).status_code == 401
    missing = api.delete("components/99")
    assert missing.status_code == 404
    assert missing.json() == {
        "message": "No query results for model [Cachet\\Models\\Component] 99"
    }


def test_reset_forgets_the_tokens_made_since_start(api: Api) -> None:
    token = api.token_with("components.manage")
    api.emulator.reset()
    assert api.post("components", json={"name": "A"}, token=token).status_code == 401
    assert api.post("components", json={"name": "A"}).status_code == 201


def test_errors_are_json_whatever_the_client_accepts(api: Api) -> None:
    response = api.post("components", json={}, headers={"Accept": "text/html"})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/json"


def test_every_update_route_answers_patch_too(api: Api) -> None:
    api.create("components", name="A")
    response = api.patch("components/1", json={"name": "B"})
    assert response.json()["data"]["attributes"]["name"] == "B"


def test_a_wrong_method_lists_the_supported_ones(api: Api) -> None:
    response = api.delete("components")
    assert response.status_code == 405
    assert response.json()["message"] == (
        "The DELETE method is not supported for route api/components. "
        "Supported methods: GET, HEAD, POST."
    )


def test_a_non_numeric_id_is_not_found(api: Api) -> None:
    response = api.get("components/abc")
    assert response.status_code == 404
    assert response.json()["message"].endswith("Component] abc")


# -- rate limiting (spec 4.10) ------------------------------------------------------------------


def test_no_rate_limit_headers_when_the_limit_is_off(api: Api) -> None:
    assert "x-ratelimit-limit" not in api.get("ping").headers


def test_the_rate_limit_answers_429_with_its_headers(api: Api) -> None:
    api.configure(api_rate_limit=3)
    remaining = [api.get("ping").headers["x-ratelimit-remaining"] for _ in range(3)]
    assert remaining == ["2", "1", "0"]
    refused = api.get("ping")
    assert refused.status_code == 429
    assert refused.json() == {"message": "Too Many Attempts."}
    assert 0 < int(refused.headers["retry-after"]) <= 60
    assert int(refused.headers["x-ratelimit-reset"]) > 0


def test_the_rate_limit_is_per_client_address_for_token_holders_too(api: Api) -> None:
    api.configure(api_rate_limit=2)
    api.guest_get("ping")
    api.get("ping")
    assert api.get("ping", token=api.token_with()).status_code == 429


def test_the_command_line_defaults_to_cachets_rate_limit() -> None:
    from cachet_emulator.server import _arguments

    assert _arguments(["--cachet-version", "3"]).api_rate_limit == 300


def test_a_cachet_3_emulator_cannot_switch_to_cachet_2() -> None:
    with CachetEmulator(cachet_version="3") as emulator:
        with pytest.raises(ValueError):
            emulator.configure(cachet_version="2.4")
        assert emulator.endpoint.endswith("/api")
        assert emulator.token.startswith("1|")


def test_paths_outside_the_api_are_unknown_routes_not_a_status_page(api: Api) -> None:
    response = api.session.get(api.emulator.url + "/", timeout=10)
    assert response.status_code == 404
    assert response.json() == {"message": "The route / could not be found."}


def test_the_request_log_records_cachet_3_requests(api: Api) -> None:
    api.get("ping")
    logged = api.session.get(
        api.emulator.url + "/_emulator/requests", headers={"X-Cachet-Token": TOKEN}, timeout=10
    ).json()["data"]
    assert [(item["method"], item["path"]) for item in logged][-1] == ("GET", "/api/ping")

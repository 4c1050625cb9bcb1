"""Routing, content negotiation and error rendering (spec 2.1-2.3, 2.13, 4)."""

from __future__ import annotations

import re

import pytest

from tests.emulator.api import Api, errors_of

UUID4 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\Z")


def test_ping_answers_pong_as_json(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    response = api.get("ping")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.headers["cache-control"] == "no-cache, private"
    assert response.json() == {"data": "Pong!"}


def test_unknown_route_is_404_json(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    response = api.get("not-found")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    error = errors_of(response)
    assert error["title"] == "Not Found" and error["status"] == 404
    assert error["detail"].startswith("The requested resource could not be found")
    assert UUID4.match(error["id"])


def test_error_ids_are_fresh(api: Api) -> None:
    assert errors_of(api.get("nope"))["id"] != errors_of(api.get("nope"))["id"]


def test_paths_are_case_sensitive(api: Api) -> None:
    response = api.get(api.emulator.url + "/API/v1/ping")
    assert response.status_code == 404
    assert api.get("PING").status_code == 404


def test_trailing_slash_is_ignored(api: Api) -> None:
    assert api.get("ping/").json() == {"data": "Pong!"}
    assert api.post("components/", json={"name": "A"}).status_code == 200


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("POST", "components/1", "GET, HEAD, PUT, DELETE"),
        ("DELETE", "components", "GET, HEAD, POST"),
        ("PATCH", "components", "GET, HEAD, POST"),
        ("GET", "subscribers/1", "DELETE"),
        ("GET", "metrics/1/points/1", "PUT, DELETE"),
        ("PUT", "subscribers/1", "DELETE"),
        ("POST", "ping", "GET, HEAD"),
    ],
)
def test_wrong_method_is_405_with_allow(api: Api, method: str, path: str, allow: str) -> None:
    response = api.request(method, path)
    assert response.status_code == 405
    assert response.headers["allow"] == allow
    assert errors_of(response)["title"] == "Method Not Allowed"


def test_options_lists_methods_without_auth(api: Api) -> None:
    response = api.request("OPTIONS", "components", token=None)
    assert response.status_code == 200
    assert response.headers["allow"] == "GET,HEAD,POST"
    assert response.content == b""


def test_options_on_unknown_path_is_404(api: Api) -> None:
    assert api.request("OPTIONS", "nothing").status_code == 404


def test_head_answers_like_get_without_body(api: Api) -> None:
    created = api.create("components", name="A")
    response = api.request("HEAD", f"components/{created['id']}")
    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["content-type"] == "application/json"


def test_put_components_groups_without_id_is_component_404(api: Api) -> None:
    response = api.put("components/groups", json={"name": "x"})
    assert response.status_code == 404
    assert errors_of(response)["detail"].endswith("Models\\Component].")


def test_get_components_groups_is_the_group_list_route(api: Api) -> None:
    # The group list is not implemented in this milestone if it answers 500; either way it
    # must not be the component "groups" lookup (a 404).
    assert api.get("components/groups").status_code != 404


def test_accept_html_is_406_rendered_as_html_quirk(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    response = api.get("ping", headers={"Accept": "text/html"})
    assert response.status_code == 406
    assert response.headers["content-type"].startswith("text/html")


def test_accept_jsonapi_alone_is_406_in_jsonapi(api: Api) -> None:
    response = api.get("ping", headers={"Accept": "application/vnd.api+json"})
    assert response.status_code == 406
    assert response.headers["content-type"] == "application/vnd.api+json"
    assert errors_of(response)["title"] == "Not Acceptable"


@pytest.mark.parametrize(
    "accept",
    ["", "*/*", "*", "application/*", "application/json", "text/html, application/json;q=0"],
)
def test_accept_values_that_allow_json(api: Api, accept: str) -> None:
    assert api.get("ping", headers={"Accept": accept}).status_code == 200


def test_406_is_decided_before_401_quirk_18(api: Api) -> None:
    response = api.post("components", token=None, headers={"Accept": "application/vnd.api+json"})
    assert response.status_code == 406


def test_unknown_id_404_is_decided_before_406(api: Api) -> None:
    assert api.get("components/5", headers={"Accept": "text/html"}).status_code == 404


def test_unknown_route_with_html_accept_is_html_404(api: Api) -> None:
    response = api.get("nothing", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")


def test_success_bodies_escape_slashes_and_non_ascii(api: Api) -> None:
    api.create("components", name="Café/Bar", link="http://example.com/x")
    raw = api.get("components/1").content
    assert b'"Caf\\u00e9\\/Bar"' in raw
    assert b'"http:\\/\\/example.com\\/x"' in raw


def test_cors_header_on_public_get_from_other_origin(api: Api) -> None:
    response = api.get("components", headers={"Origin": "http://elsewhere.example"})
    assert response.headers["access-control-allow-origin"] == "*"


def test_no_cors_header_on_ping_or_writes(api: Api) -> None:
    origin = {"Origin": "http://elsewhere.example"}
    assert "access-control-allow-origin" not in api.get("ping", headers=origin).headers
    response = api.post("components", json={"name": "A"}, headers=origin)
    assert "access-control-allow-origin" not in response.headers


def test_no_www_authenticate_on_401(api: Api) -> None:
    response = api.get("subscribers", token=None)
    assert response.status_code == 401
    assert "www-authenticate" not in response.headers


def test_basic_auth_and_query_token_are_ignored(api: Api) -> None:
    response = api.post("components?api_token=" + "x", json={"name": "A"}, token=None,
                        auth=("user", "pass"))  # fmt: skip
    assert response.status_code == 401


def test_malformed_json_counts_as_no_fields(api: Api) -> None:
    response = api.post(
        "components", data=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert errors_of(response)["meta"]["details"] == ["The name field is required."]


def test_json_array_body_counts_as_no_fields(api: Api) -> None:
    response = api.post("components", json=[{"name": "A"}])
    assert response.status_code == 400


def test_body_wins_over_query_string(api: Api) -> None:
    data = api.create("components?name=Query", name="Body")
    assert data["name"] == "Body"


def test_method_override_header_tunnels_put(api: Api) -> None:
    created = api.create("components", name="A")
    response = api.post(
        f"components/{created['id']}",
        json={"name": "B"},
        headers={"X-HTTP-Method-Override": "PUT"},
    )
    assert response.json()["data"]["name"] == "B"


def test_multipart_form_creates_component(api: Api) -> None:
    response = api.post("components", files={"name": (None, "Multi"), "status": (None, "2")})
    assert response.json()["data"]["status"] == 2


def test_invalid_time_zone_is_500_when_dates_are_shown(api: Api) -> None:
    api.create("components", name="A")
    assert api.get("components/1", headers={"Time-Zone": "Mars/Base"}).status_code == 500
    assert api.get("ping", headers={"Time-Zone": "Mars/Base"}).status_code == 200


def test_time_zone_header_converts_presented_timestamps(api: Api) -> None:
    api.create("components", name="A")
    utc = api.get("components/1").json()["data"]["created_at"]
    tokyo = api.get("components/1", headers={"Time-Zone": "Asia/Tokyo"}).json()["data"]
    assert int(tokyo["created_at"][11:13]) == (int(utc[11:13]) + 9) % 24


def test_invalid_time_zone_on_create_answers_500_but_keeps_the_write(api: Api) -> None:
    response = api.post("components", json={"name": "A"}, headers={"Time-Zone": "Nowhere/Void"})
    assert response.status_code == 500
    assert api.get("components").json()["meta"]["pagination"]["total"] == 1


def test_time_zone_names_are_case_insensitive_like_php(api: Api) -> None:
    api.create("components", name="A")
    response = api.get("components/1", headers={"Time-Zone": "europe/paris"})
    assert response.status_code == 200


def test_form_method_field_tunnels_delete(api: Api) -> None:
    api.create("components", name="A")
    assert api.post("components/1", data={"_method": "DELETE"}).status_code == 204
    assert api.get("components/1").status_code == 404


def test_options_skips_accept_binding_and_auth(api: Api) -> None:
    response = api.request("OPTIONS", "components/999", token=None, headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["allow"] == "GET,HEAD,PUT,DELETE"


def test_head_of_a_list_has_no_body(api: Api) -> None:
    api.create("components", name="A")
    response = api.request("HEAD", "components")
    assert response.status_code == 200 and response.content == b""


def test_delete_answers_204_without_body_or_content_type(api: Api) -> None:
    created = api.create("components", name="A")
    response = api.delete(f"components/{created['id']}")
    assert response.status_code == 204 and response.content == b""
    assert "content-type" not in response.headers

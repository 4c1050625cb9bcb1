"""Subscribers (spec section 14; 2.3 differences 17.7) over HTTP."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.emulator.api import Api, details_of, errors_of, not_found_detail
from tests.emulator.json_values import JSON_VALUES, fuzzing

CREATE_KEYS_UNVERIFIED = [
    "email", "verify_code", "updated_at", "created_at", "id", "subscriptions", "verified_at",
]  # fmt: skip
CREATE_KEYS_VERIFIED = [
    "email", "verify_code", "updated_at", "created_at", "id", "verified_at", "subscriptions",
]  # fmt: skip
GET_KEYS = [
    "id", "email", "verify_code", "phone_number", "slack_webhook_url", "verified_at", "global",
    "created_at", "updated_at", "subscriptions",
]  # fmt: skip
SUBSCRIPTION_KEYS = ["id", "subscriber_id", "component_id", "created_at", "updated_at"]
LONG_DATE = re.compile(
    r"(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2}(st|nd|rd|th) [A-Z][a-z]+ \d{4} "
    r"\d{2}:\d{2}:\d{2}\Z"
)
EMAIL = "user@example.com"


def components(api: Api, count: int, **fields: Any) -> list[int]:
    """Ids of `count` new components."""
    return [api.create("components", name=f"C{n}", **fields)["id"] for n in range(count)]


def subscribers(api: Api) -> list[dict[str, Any]]:
    """Every subscriber as the list shows it."""
    data: list[dict[str, Any]] = api.get("subscribers").json()["data"]
    return data


def stored_subscriptions(api: Api) -> list[dict[str, Any]]:
    """Every subscription row in the store."""
    with api.emulator.store.transaction():
        return api.emulator.store.select("subscriptions")


def test_create_answers_create_shape_without_global_quirk_1(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    response = api.post("subscribers", json={"email": EMAIL})
    assert response.status_code == 200
    data = response.json()["data"]
    assert list(data) == CREATE_KEYS_UNVERIFIED
    assert data["email"] == EMAIL
    assert re.fullmatch(r"[A-Za-z0-9]{42}", data["verify_code"])


def test_unverified_verified_at_shows_now_in_long_format_quirk_8(api: Api) -> None:
    data = api.create("subscribers", email=EMAIL)
    assert LONG_DATE.match(data["verified_at"])
    assert LONG_DATE.match(subscribers(api)[0]["verified_at"])
    with api.emulator.store.transaction():
        assert api.emulator.store.find("subscribers", data["id"])["verified_at"] is None


def test_verified_create_shape_puts_verified_at_before_subscriptions(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    data = api.create("subscribers", email=EMAIL, verify=True)
    assert list(data) == CREATE_KEYS_VERIFIED
    assert LONG_DATE.match(data["verified_at"])
    with api.emulator.store.transaction():
        assert api.emulator.store.find("subscribers", data["id"])["verified_at"] is not None


def test_verified_at_uses_the_cachet_timezone(api: Api) -> None:
    stamp = "2020-08-08 10:05:15"
    row = {"email": EMAIL, "verify_code": "x", "verified_at": stamp}
    with api.emulator.store.transaction():
        api.emulator.store.insert("subscribers", {**row, "created_at": stamp, "updated_at": stamp})
    assert subscribers(api)[0]["verified_at"] == "Saturday 8th August 2020 10:05:15"
    api.emulator.configure(timezone="Europe/Paris")
    [data] = subscribers(api)
    assert data["verified_at"] == "Saturday 8th August 2020 12:05:15"
    assert data["created_at"] == "2020-08-08 12:05:15"


def test_list_shows_get_shape_with_global_true_quirk_23(api: Api) -> None:
    component_ids = components(api, 2)
    api.create("subscribers", email=EMAIL, components=[component_ids[0]])
    [data] = subscribers(api)
    assert list(data) == GET_KEYS
    assert data["global"] is True
    assert data["phone_number"] is None and data["slack_webhook_url"] is None
    assert [list(s) for s in data["subscriptions"]] == [SUBSCRIPTION_KEYS]


def test_components_pinned_by_cachet_subscribe_in_id_order(api: Api) -> None:
    first, _, third = components(api, 3)
    data = api.create("subscribers", email=EMAIL, verify=True, components=[third, first])
    assert [s["component_id"] for s in data["subscriptions"]] == [first, third]
    assert all(s["subscriber_id"] == data["id"] for s in data["subscriptions"])


def test_unknown_duplicate_and_deleted_components_are_ignored(api: Api) -> None:
    first, second = components(api, 2)
    api.delete(f"components/{second}")
    requested = [first, first, second, 99, "x", 10**30, -1]
    data = api.create("subscribers", email=EMAIL, components=requested)
    assert [s["component_id"] for s in data["subscriptions"]] == [first]


@pytest.mark.parametrize("requested", ["absent", None, [], "", "0"])
def test_no_components_subscribes_to_every_component_quirk_23(api: Api, requested: Any) -> None:
    component_ids = components(api, 2) + components(api, 1, enabled=False)
    fields: dict[str, Any] = {"email": EMAIL}
    if requested != "absent":
        fields["components"] = requested
    data = api.create("subscribers", **fields)
    assert [s["component_id"] for s in data["subscriptions"]] == component_ids


def test_components_not_an_array_is_500_and_creates_nothing(api: Api) -> None:
    components(api, 1)
    response = api.post("subscribers", json={"email": EMAIL, "components": "1"})
    assert response.status_code == 500
    assert subscribers(api) == [] and stored_subscriptions(api) == []


def test_existing_email_is_returned_unchanged_quirk_23(api: Api) -> None:
    first = components(api, 1)[0]
    created = api.create("subscribers", email=EMAIL, components=[first])
    components(api, 1)
    response = api.post(
        "subscribers", json={"email": "USER@Example.com", "verify": True, "components": []}
    )
    assert response.status_code == 200
    data = response.json()["data"]
    assert list(data) == GET_KEYS
    assert data["id"] == created["id"] and data["email"] == EMAIL
    assert [s["component_id"] for s in data["subscriptions"]] == [first]
    with api.emulator.store.transaction():
        assert api.emulator.store.find("subscribers", created["id"])["verified_at"] is None
    assert len(subscribers(api)) == 1


@pytest.mark.parametrize(
    ("verify", "verified"),
    [(True, True), ("false", True), ("yes", True), (1, True), (False, False), (0, False),
     ("0", False), ("", False), (None, False)],
)  # fmt: skip
def test_verify_is_truthiness_quirk_12(api: Api, verify: Any, verified: bool) -> None:
    data = api.create("subscribers", email=EMAIL, verify=verify)
    assert list(data) == (CREATE_KEYS_VERIFIED if verified else CREATE_KEYS_UNVERIFIED)


def test_skip_subscriber_verification_setting_is_the_verify_default(api: Api) -> None:
    api.emulator.configure(skip_subscriber_verification=True)
    assert list(api.create("subscribers", email=EMAIL)) == CREATE_KEYS_VERIFIED
    data = api.create("subscribers", email="other@example.com", verify=False)
    assert list(data) == CREATE_KEYS_UNVERIFIED


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "The email field is required."),
        ({"email": ""}, "The email field is required."),
        ({"email": "not an email"}, "The email must be a valid email address."),
        ({"email": 5}, "The email must be a valid email address."),
        ({"email": ["a@example.com"]}, "The email must be a valid email address."),
    ],
)
def test_create_rule_messages(api: Api, fields: dict[str, Any], message: str) -> None:
    assert details_of(api.post("subscribers", json=fields)) == [message]
    assert subscribers(api) == []


def test_email_is_trimmed_and_metacharacters_kept(api: Api) -> None:
    email = "o'neil+x@example.com"
    assert api.create("subscribers", email=f"  {email} ")["email"] == email
    assert subscribers(api)[0]["email"] == email


def test_malformed_json_counts_as_no_fields(api: Api) -> None:
    headers = {"Content-Type": "application/json"}
    response = api.post("subscribers", data=b"{", headers=headers)
    assert details_of(response) == ["The email field is required."]


def test_list_needs_a_token(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    api.create("subscribers", email=EMAIL)
    for token in (None, "wrong"):
        response = api.get("subscribers", token=token)
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/json"
    assert api.get("subscribers").status_code == 200


def test_list_is_by_id_and_paginates(api: Api) -> None:
    for name in ("c", "a", "b"):
        api.create("subscribers", email=f"{name}@example.com")
    body = api.get("subscribers?per_page=2&sort=email").json()
    assert [s["email"] for s in body["data"]] == ["c@example.com", "a@example.com"]
    assert body["meta"]["pagination"]["total_pages"] == 2


def test_create_without_token_is_401_and_creates_nothing(api: Api) -> None:
    for token in (None, "wrong"):
        assert api.post("subscribers", json={"email": EMAIL}, token=token).status_code == 401
    assert subscribers(api) == []


def test_delete_removes_subscriber_and_subscriptions(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    components(api, 2)
    keep = api.create("subscribers", email="keep@example.com")
    gone = api.create("subscribers", email=EMAIL)
    response = api.delete(f"subscribers/{gone['id']}")
    assert response.status_code == 204 and response.content == b""
    assert [s["id"] for s in subscribers(api)] == [keep["id"]]
    assert {s["subscriber_id"] for s in stored_subscriptions(api)} == {keep["id"]}
    assert api.delete(f"subscribers/{gone['id']}").status_code == 404


def test_delete_without_token_is_401_and_keeps_subscriber(api: Api) -> None:
    created = api.create("subscribers", email=EMAIL)
    for token in (None, "wrong"):
        assert api.delete(f"subscribers/{created['id']}", token=token).status_code == 401
    assert len(subscribers(api)) == 1


@pytest.mark.parametrize(("method", "allow"), [("GET", "DELETE"), ("PUT", "DELETE")])
def test_no_single_get_and_no_put(api: Api, method: str, allow: str) -> None:
    created = api.create("subscribers", email=EMAIL)
    response = api.request(method, f"subscribers/{created['id']}", json={})
    assert response.status_code == 405 and response.headers["allow"] == allow


def test_unknown_subscriber_is_404_before_auth_quirk_18(api: Api) -> None:
    response = api.delete("subscribers/9", token=None)
    assert response.status_code == 404
    assert errors_of(response)["detail"] == not_found_detail("Subscriber")


def test_subscriptions_inside_subscribers_are_utc(api: Api) -> None:
    api.emulator.configure(timezone="Asia/Tokyo")
    components(api, 1)
    data = api.create("subscribers", email=EMAIL)
    with api.emulator.store.transaction():
        row = api.emulator.store.select("subscriptions")[0]
    assert data["subscriptions"][0]["created_at"] == row["created_at"]
    assert data["created_at"] != row["created_at"]


def test_23_subscriber_shape_and_verify_default(api23: Api) -> None:
    api23.emulator.configure(skip_subscriber_verification=True)
    created = api23.create("subscribers", email=EMAIL)
    assert list(created) == CREATE_KEYS_UNVERIFIED
    [data] = api23.get("subscribers").json()["data"]
    assert list(data) == [k for k in GET_KEYS if k not in ("phone_number", "slack_webhook_url")]


def test_23_existing_email_is_returned_unchanged(api23: Api) -> None:
    """17.7: as in 2.4, a second create with the same e-mail verifies nothing."""
    first = api23.create("subscribers", email=EMAIL)
    again = api23.create("subscribers", email=EMAIL, verify=True)
    assert again["id"] == first["id"] and again["verify_code"] == first["verify_code"]
    assert len(api23.get("subscribers").json()["data"]) == 1


def test_23_model_messages_are_shifted(api23: Api) -> None:
    assert details_of(api23.post("subscribers", json={})) == ["The email format is invalid."]
    response = api23.post("subscribers", json={"email": "nope"})
    assert details_of(response) == ["The email must be between :min and :max digits."]


def test_23_delete_leaves_subscriptions(api23: Api) -> None:
    api23.create("components", name="C")
    created = api23.create("subscribers", email=EMAIL)
    assert api23.delete(f"subscribers/{created['id']}").status_code == 204
    [row] = stored_subscriptions(api23)
    assert row["subscriber_id"] == created["id"]
    assert api23.delete(f"subscriptions/{row['id']}").status_code == 204
    assert stored_subscriptions(api23) == []


def test_fields_outside_the_api_are_ignored(api: Api) -> None:
    fields = {"global": False, "phone_number": "123", "verify_code": "mine", "id": 50}
    data = api.create("subscribers", email=EMAIL, **fields)
    assert data["id"] == 1 and data["verify_code"] != "mine"
    [shown] = subscribers(api)
    assert shown["global"] is True and shown["phone_number"] is None


_SUBSCRIBER_FIELDS = st.dictionaries(
    st.sampled_from(["email", "verify", "components"]),
    JSON_VALUES | st.sampled_from([EMAIL, "a@b.c", [1, 2], True, "false"]),
)


@fuzzing()
@given(fields=_SUBSCRIBER_FIELDS)
def test_any_json_create_is_200_or_400_and_listed(api: Api, fields: dict[str, Any]) -> None:
    api.emulator.reset()  # hypothesis runs many examples in one test
    components(api, 2)
    response = api.post("subscribers", json=fields)
    if response.status_code == 500:  # components that are not an array (spec 14.4)
        assert not isinstance(fields.get("components"), list | dict)
        assert subscribers(api) == []
        return
    assert response.status_code in (200, 400), response.text
    if response.status_code == 200:
        [data] = subscribers(api)
        assert data["id"] == response.json()["data"]["id"]


def test_huge_email_is_rejected_quickly_and_whole(api: Api) -> None:
    response = api.post("subscribers", json={"email": "a" * 100_000 + "@"})
    assert details_of(response) == ["The email must be a valid email address."]
    email = "b" * 50_000 + "@example.com"
    assert api.create("subscribers", email=email)["email"] == email


def test_not_acceptable_is_decided_before_auth_quirk_18(api: Api) -> None:
    response = api.post(
        "subscribers", json={"email": EMAIL}, token=None, headers={"Accept": "application/xml"}
    )
    assert response.status_code == 406
    assert subscribers(api) == []


def test_notifications_to_subscribers_are_skipped_so_writes_answer_200_quirk_29(
    api: Api,
) -> None:
    """Real Cachet mails subscribers inside the request; the emulator sends nothing."""
    component = api.create("components", name="API", status=1)
    api.create("subscribers", email="ops@example.com", verify=True)
    path = f"components/{component['id']}"
    assert api.put(path, json={"status": 4}).status_code == 200
    incident = api.create("incidents", name="Down", status=1, message="m", notify=True)
    update = {"status": 4, "message": "Fixed"}
    assert api.post(f"incidents/{incident['id']}/updates", json=update).status_code == 200
    assert api.get(path).json()["data"]["status"] == 4

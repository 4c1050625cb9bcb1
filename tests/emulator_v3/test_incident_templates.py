"""Incident templates (mirrors core's IncidentTemplateTest, 15 tests, then spec 6.6 [code])."""

from __future__ import annotations

from typing import Any

from tests.emulator_v3 import rows
from tests.emulator_v3.api import Api

BODY = {
    "name": "New Template",
    "slug": "new-template",
    "template": "Hello {{ name }}",
    "engine": "twig",
}


def _templates(api: Api) -> list[dict[str, Any]]:
    with api.emulator.store.transaction():
        return api.emulator.store.select("v3_incident_templates")


def test_can_list_incident_templates(api: Api) -> None:
    rows.template(api)
    rows.template(api)
    assert len(api.guest_get("incident-templates").json()["data"]) == 2


def test_does_not_list_more_than_15_incident_templates_by_default(api: Api) -> None:
    for _ in range(20):
        rows.template(api)
    assert len(api.guest_get("incident-templates").json()["data"]) == 15


def test_can_list_more_than_15_incident_templates(api: Api) -> None:
    for _ in range(20):
        rows.template(api)
    assert len(api.guest_get("incident-templates?per_page=18").json()["data"]) == 18


def test_can_get_an_incident_template(api: Api) -> None:
    for _ in range(5):
        rows.template(api)
    wanted = rows.template(api, name="Wanted")
    data = api.guest_get(f"incident-templates/{wanted}").json()["data"]
    assert (data["type"], data["attributes"]["name"]) == ("incidentTemplates", "Wanted")


def test_cannot_create_an_incident_template_when_not_authenticated(api: Api) -> None:
    assert api.post("incident-templates", json=BODY, token=None).status_code == 401
    assert _templates(api) == []


def test_cannot_create_an_incident_template_without_the_token_ability(api: Api) -> None:
    token = api.token_with("incidents.manage")
    assert api.post("incident-templates", json=BODY, token=token).status_code == 403
    assert _templates(api) == []


def test_can_create_an_incident_template(api: Api) -> None:
    token = api.token_with("incident-templates.manage")
    response = api.post("incident-templates", json=BODY, token=token)
    assert response.status_code == 201
    attributes = response.json()["data"]["attributes"]
    assert {key: attributes[key] for key in BODY} == BODY


def test_cannot_create_an_incident_template_with_the_blade_engine_when_the_blade_renderer_is_disabled(  # noqa: E501
    api: Api,
) -> None:
    response = api.post("incident-templates", json={**BODY, "engine": "blade"})
    assert response.status_code == 422
    assert response.json()["errors"] == {"engine": ["The selected engine is invalid."]}


def test_can_create_an_incident_template_with_the_blade_engine_when_the_blade_renderer_is_enabled(
    api: Api,
) -> None:
    api.configure(blade_renderer=True)
    body = {**BODY, "engine": "blade", "template": "Hello {{ $name }}"}
    assert api.post("incident-templates", json=body).status_code == 201


def test_cannot_update_an_incident_template_when_not_authenticated(api: Api) -> None:
    template = rows.template(api)
    response = api.put(f"incident-templates/{template}", json={"name": "U"}, token=None)
    assert response.status_code == 401


def test_cannot_update_an_incident_template_without_the_token_ability(api: Api) -> None:
    template = rows.template(api)
    token = api.token_with("incidents.manage")
    response = api.put(f"incident-templates/{template}", json={"name": "U"}, token=token)
    assert response.status_code == 403
    assert _templates(api)[0]["name"] == "Template"


def test_can_update_an_incident_template(api: Api) -> None:
    template = rows.template(api)
    token = api.token_with("incident-templates.manage")
    body = {"name": "Updated Template"}
    response = api.put(f"incident-templates/{template}", json=body, token=token)
    assert response.json()["data"]["attributes"]["name"] == "Updated Template"


def test_cannot_delete_an_incident_template_when_not_authenticated(api: Api) -> None:
    template = rows.template(api)
    assert api.delete(f"incident-templates/{template}", token=None).status_code == 401


def test_cannot_delete_an_incident_template_without_the_token_ability(api: Api) -> None:
    template = rows.template(api)
    token = api.token_with("incident-templates.manage")
    assert api.delete(f"incident-templates/{template}", token=token).status_code == 403


def test_can_delete_an_incident_template(api: Api) -> None:
    template = rows.template(api)
    token = api.token_with("incident-templates.delete")
    assert api.delete(f"incident-templates/{template}", token=token).status_code == 204
    assert _templates(api) == []


# -- spec 6.6 [code] behaviours -----------------------------------------------------------------


def test_the_slug_defaults_to_the_slug_of_the_name_and_may_repeat(api: Api) -> None:
    first = api.create("incident-templates", name="Planned Work", template="x")
    second = api.create("incident-templates", name="Planned Work", template="y")
    assert first["attributes"]["slug"] == second["attributes"]["slug"] == "planned-work"
    assert first["attributes"]["engine"] is None  # the database default, shown by a GET
    assert api.guest_get("incident-templates/1").json()["data"]["attributes"]["engine"] == "twig"


def test_an_update_ignores_the_slug_given_and_empties_it_without_a_name(api: Api) -> None:
    template = rows.template(api, slug="kept")
    renamed = api.put(f"incident-templates/{template}", json={"name": "New Name", "slug": "mine"})
    assert renamed.json()["data"]["attributes"]["slug"] == "new-name"
    emptied = api.put(f"incident-templates/{template}", json={"template": "changed"})
    assert emptied.json()["data"]["attributes"]["slug"] == ""


def test_include_is_never_checked_on_templates(api: Api) -> None:
    rows.template(api)
    assert api.guest_get("incident-templates?include=anything").status_code == 200
    assert api.guest_get("incident-templates/1?include=anything").status_code == 200


def test_templates_filter_by_name_and_slug(api: Api) -> None:
    rows.template(api, name="Alpha", slug="alpha")
    rows.template(api, name="Beta", slug="beta-slug")
    found = api.guest_get("incident-templates?filter[slug]=SLUG").json()["data"]
    assert [item["attributes"]["name"] for item in found] == ["Beta"]

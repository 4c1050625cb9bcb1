"""Incident templates (spec section 9) over HTTP."""

from __future__ import annotations

from tests.emulator.api import Api, errors_of


def test_templates_list_and_show_in_utc(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    api.emulator.configure(timezone="Asia/Tokyo")
    created = api.emulator.create_incident_template(
        "Test Template", "Name: {{ name }},\nMessage: {{ message }}"
    )
    body = api.get("incidents/templates").json()
    assert body["meta"]["pagination"]["total"] == 1
    data = api.get("incidents/templates/1", token=None).json()["data"]
    assert list(data) == [
        "id",
        "name",
        "slug",
        "template",
        "created_at",
        "updated_at",
        "deleted_at",
    ]
    assert data["slug"] == "test-template"
    assert data["created_at"] == created["created_at"]  # UTC, not Tokyo
    assert body["data"] == [data]


def test_unknown_template_is_404(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    response = api.get("incidents/templates/1")
    assert errors_of(response)["detail"].endswith("Models\\IncidentTemplate].")


def test_any_sort_on_templates_is_500_quirk_3(api: Api) -> None:
    assert api.get("incidents/templates?sort=id").status_code == 500
    assert api.get("incidents/templates?sort=").status_code == 200


def test_templates_are_read_only(api: Api) -> None:
    response = api.post("incidents/templates", json={"name": "x"})
    assert response.status_code == 405
    assert api.put("incidents/templates", json={}).status_code == 404

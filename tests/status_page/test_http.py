"""The status page over plain HTTP: errors, bad input, escaping and headers."""

from __future__ import annotations

import requests

from tests.emulator.api import Api, insert_row


def get(api: Api, path: str, **kwargs: object) -> requests.Response:
    """GET a page of the emulator (outside /api/v1)."""
    return api.session.get(api.emulator.url + path, timeout=10, **kwargs)  # type: ignore[arg-type]


def test_unknown_page_is_an_html_404_naming_the_path(api: Api) -> None:
    response = get(api, "/dashboard")

    assert response.status_code == 404
    assert response.headers["content-type"] == "text/html; charset=UTF-8"
    assert "There is no page at /dashboard." in response.text


def test_unknown_incident_and_schedule_are_404_pages(api: Api) -> None:
    assert get(api, "/incidents/99").status_code == 404
    assert get(api, "/incidents/abc").status_code == 404
    assert get(api, "/incidents/" + "9" * 40).status_code == 404
    assert "There is no schedule 7." in get(api, "/schedules/7").text


def test_deleted_incident_page_is_gone(api: Api) -> None:
    incident = api.create("incidents", name="Gone", message="m", status=1)
    assert api.delete(f"incidents/{incident['id']}").status_code == 204

    assert get(api, f"/incidents/{incident['id']}").status_code == 404


def test_bad_refresh_interval_is_a_clear_400(api: Api) -> None:
    for value in ("abc", "0", "4", "3601", "-5", "1e3", ""):
        response = get(api, "/", params={"refresh": value})
        assert response.status_code == 400, value
        assert "refresh must be a whole number of seconds from 5 to 3600" in response.text


def test_pages_answer_get_and_head_only(api: Api) -> None:
    assert api.session.head(api.emulator.url + "/", timeout=10).status_code == 200
    response = api.session.post(api.emulator.url + "/", data={"a": "b"}, timeout=10)

    assert response.status_code == 405
    assert response.headers["allow"] == "GET,HEAD"


def test_api_paths_keep_their_json_errors(api: Api) -> None:
    response = api.get("nothing-here")

    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"


def test_stored_text_is_shown_as_text_never_as_markup(api: Api) -> None:
    # Straight into the store: the API's input filter would clean the name first.
    incident_id = insert_row(
        api,
        "incidents",
        name="<script>alert(1)</script>",
        message='<img src=x onerror="alert(2)"> [click](javascript:alert(3))',
        status=1,
        occurred_at="2020-01-01 00:00:00",
    )
    insert_row(api, "components", name="<b>Bold</b>", status=1, link="javascript:alert(4)")

    incident_page = get(api, f"/incidents/{incident_id}").text
    front_page = get(api, "/").text

    assert "<script>alert(1)</script>" not in incident_page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in incident_page
    assert "<img" not in incident_page
    assert 'href="javascript:' not in incident_page + front_page
    assert "&lt;b&gt;Bold&lt;/b&gt;" in front_page


def test_pages_forbid_loading_anything_from_elsewhere(api: Api) -> None:
    policy = get(api, "/").headers["content-security-policy"]

    assert "default-src 'none'" in policy
    assert "style-src 'self'" in policy


def test_stylesheet_is_served_by_the_emulator(api: Api) -> None:
    response = get(api, "/status-page.css")

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/css; charset=UTF-8"
    assert "prefers-color-scheme: dark" in response.text


def test_incident_days_setting_refuses_nonsense(api: Api) -> None:
    url = api.emulator.url + "/_emulator/settings"
    for value in (0, 400, 2.5):
        response = api.session.put(
            url,
            json={"incident_days": value},
            headers={"X-Cachet-Token": api.emulator.token},
            timeout=10,
        )
        assert response.status_code == 400, value
    assert get(api, "/").status_code == 200


def test_hidden_incident_opens_by_permalink_marked_as_hidden(api: Api) -> None:
    incident = api.create("incidents", name="Drill", message="m", status=1, visible=0)

    page = get(api, f"/incidents/{incident['id']}")

    assert page.status_code == 200
    assert "Hidden from the public list" in page.text
    assert "Drill" not in get(api, "/").text

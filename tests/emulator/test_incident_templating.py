"""Incident templates rendered into `message` on create and update (spec 8.4 step 2, 8.5)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.emulator.api import Api, details_of


def _template(api: Api, text: str, name: str = "Test Template") -> None:
    api.emulator.create_incident_template(name, text)


def _render(api: Api, text: str, **fields: Any) -> Any:
    """Create an incident from a one-off template; the rendered message (or the response)."""
    _template(api, text)
    response = api.post("incidents", json={"name": "N", "status": 1, "template": "test-template",
                                           **fields})  # fmt: skip
    if response.status_code != 200:
        return response
    return response.json()["data"]["message"]


def test_template_renders_vars_pinned(api: Api) -> None:
    vars_ = {"name": "Foo", "message": "Hello there this is a foo!"}
    message = _render(api, "Name: {{ name }},\nMessage: {{ message }}", vars=vars_)
    assert message == "Name: Foo,\nMessage: Hello there this is a foo!"


def test_template_replaces_the_sent_message_which_is_incident_message(api: Api) -> None:
    assert _render(api, "Was: {{ incident.message }}", message="typed") == "Was: typed"


def test_incident_variables_are_the_request_values(api: Api) -> None:
    text = (
        "{{ incident.name }}|{{ incident.status }}|{{ incident.visible }}|{{ incident.stickied }}"
    )
    assert _render(api, text + "|{{ incident.notify }}") == "N|1|1||1"


def test_incident_component_is_the_linked_component_before_its_change(api: Api) -> None:
    component = api.create("components", name="API", status=1)
    text = "{{ incident.component.name }} was {{ incident.component.status }}"
    fields = {"component_id": component["id"], "component_status": 4}
    assert _render(api, text + " now {{ incident.component_status }}", **fields) == (
        "API was 1 now 4"
    )


def test_unknown_variables_render_as_empty_strings(api: Api) -> None:
    assert _render(api, "[{{ nope }}][{{ incident.component.name }}][{{ a.b.c }}]") == "[][][]"


def test_python_attributes_are_not_reachable(api: Api) -> None:
    text = "[{{ incident.items }}][{{ name.__class__ }}][{{ incident.keys }}]"
    assert _render(api, text, vars={"name": "x"}) == "[][][]"


def test_values_are_html_escaped_quirk_21(api: Api) -> None:
    vars_ = {"v": 'Fish & Chips <b>"it\'s"</b>'}
    assert _render(api, "{{ v }}", vars=vars_) == (
        "Fish &amp; Chips &lt;b&gt;&quot;it&#039;s&quot;&lt;/b&gt;"
    )


def test_template_text_itself_is_not_escaped(api: Api) -> None:
    assert _render(api, "<b>{{ v }}</b> & more", vars={"v": 1}) == "<b>1</b> & more"


def test_twig_tags_and_filters_work(api: Api) -> None:
    text = "{% if up %}\nUp{% else %}Down{% endif %} {{ items|join(', ') }}"
    assert _render(api, text, vars={"up": True, "items": ["a", "b"]}) == "Up a, b"


def test_vars_sent_as_a_list_are_keyed_by_position(api: Api) -> None:
    assert _render(api, "{{ incident.name }}", vars=["x"]) == "N"


def test_printing_an_array_is_500(api: Api) -> None:
    response = _render(api, "{{ items }}", vars={"items": ["a"]})
    assert response.status_code == 500


def test_template_syntax_error_is_500(api: Api) -> None:
    response = _render(api, "{{ unclosed ", message="fallback")
    assert response.status_code == 500
    assert api.get("incidents").json()["data"] == []


def test_template_slug_matches_case_insensitively(api: Api) -> None:
    _template(api, "From template")
    data = api.create("incidents", name="N", status=1, template="TEST-Template")
    assert data["message"] == "From template"


def test_unknown_template_keeps_the_message(api: Api) -> None:
    data = api.create("incidents", name="N", status=1, message="Mine", template="missing")
    assert data["message"] == "Mine"


def test_unknown_template_without_message_is_400(api: Api) -> None:
    response = api.post("incidents", json={"name": "N", "status": 1, "template": "missing"})
    assert details_of(response) == ["The message field is required."]


def test_template_rendering_empty_is_400(api: Api) -> None:
    response = _render(api, "{{ nothing }}")
    assert details_of(response) == ["The message field is required."]


def test_update_renders_with_the_put_name_pinned(api: Api) -> None:
    _template(api, "Hello there this is a foo in my {{ incident.name }}!")
    created = api.create("incidents", name="Old", status=1, message="m")
    fields = {"name": "Foo", "template": "test-template"}
    data = api.put(f"incidents/{created['id']}", json=fields).json()["data"]
    assert data["message"] == "Hello there this is a foo in my Foo!"


def test_update_incident_name_is_empty_unless_sent(api: Api) -> None:
    _template(api, "[{{ incident.name }}]")
    created = api.create("incidents", name="Old", status=1, message="m")
    data = api.put(f"incidents/{created['id']}", json={"template": "test-template"}).json()
    assert data["data"]["message"] == "[]" and data["data"]["name"] == "Old"


@pytest.mark.parametrize("value", [True, 2, 2.0, None])
def test_scalars_print_like_php(api: Api, value: Any) -> None:
    expected = {True: "1", 2: "2", None: ""}[value]
    assert _render(api, "[{{ v }}]", vars={"v": value, "w": 1}) == f"[{expected}]"


def test_escape_and_raw_filters_escape_once_or_not_at_all(api: Api) -> None:
    message = _render(api, "{{ v|e }} {{ v|raw }} [{{ range }}]", vars={"v": "<&>"})
    assert message == "&lt;&amp;&gt; <&> []"

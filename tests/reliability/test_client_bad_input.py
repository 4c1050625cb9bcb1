"""Arbitrary JSON into every `instance_from_*` and every answer parser of the client.

Whatever the shape, the client gives a resource (whose attributes read without raising) or a
typed error: `ValueError` for `instance_from_*` (documented), `CachetError` for answers.
"""

from __future__ import annotations

import http.server
import itertools
import json
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cachetclient
from cachetclient.base import Manager, Resource
from cachetclient.fields import Field
from cachetclient.v1.client import Client

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.sampled_from(["2020-08-01 10:00:00", "1596881100", "", "0", "1", "abc", "[]"])
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
_CLIENT = cachetclient.Client("http://127.0.0.1:9/api/v1", "token")
MANAGERS: dict[str, Manager[Any]] = {
    name: manager
    for name, manager in vars(_CLIENT).items()
    if isinstance(manager, Manager) and name != "ping"  # see test_ping_resource_has_a_repr
}


def field_names(resource_class: type[Resource]) -> list[str]:
    """Every attribute a resource class declares with `Field`."""
    return [
        name
        for klass in resource_class.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, Field)
    ]


def resource_dicts(manager: Manager[Any]) -> st.SearchStrategy[Any]:
    """Dicts whose keys are mostly the resource's own fields, with any JSON values."""
    keys = [
        getattr(type(manager).resource_class, n).key for n in field_names(manager.resource_class)
    ]
    known = st.sampled_from(keys) if keys else st.text(max_size=5)
    return st.dictionaries(known | st.text(max_size=8), JSON_VALUES, max_size=len(keys) + 2)


def read_everything(resource: Any) -> None:
    """Read every declared attribute, the repr, and the raw values (must never raise)."""
    if isinstance(resource, Resource):
        for name in field_names(type(resource)):
            getattr(resource, name)
        repr(resource)
        resource.attrs  # noqa: B018


@pytest.mark.parametrize("name", sorted(MANAGERS))
def test_instance_from_dict_gives_a_resource_or_a_value_error(name: str, examples: int) -> None:
    manager = MANAGERS[name]

    @settings(max_examples=examples, deadline=None, derandomize=examples < 100)
    @given(raw=resource_dicts(manager) | JSON_VALUES)
    def check(raw: Any) -> None:
        try:
            resource = manager.instance_from_dict(raw)
        except ValueError:
            assert not isinstance(raw, dict)
            return
        read_everything(resource)

    check()


@pytest.mark.parametrize("name", sorted(MANAGERS))
def test_instance_from_json_gives_resources_or_a_value_error(name: str, examples: int) -> None:
    manager = MANAGERS[name]
    texts = (resource_dicts(manager) | JSON_VALUES).flatmap(
        lambda item: st.sampled_from(
            [json.dumps(item), json.dumps([item, item]), json.dumps(item)[:-1]]
        )
    )

    @settings(max_examples=examples, deadline=None, derandomize=examples < 100)
    @given(text=texts)
    def check(text: str) -> None:
        for parse in (manager.instance_from_json, manager.instance_list_from_json):
            try:
                parsed = parse(text)
            except ValueError:
                continue
            for resource in parsed if isinstance(parsed, list) else [parsed]:
                read_everything(resource)

    check()


# -- answers over loopback HTTP ----------------------------------------------------------------


class _Canned(http.server.BaseHTTPRequestHandler):
    """Answers every request with the server's current canned answer."""

    def do_GET(self) -> None:
        status, content_type, body = self.server.answer  # type: ignore[attr-defined]
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def canned() -> Iterator[http.server.ThreadingHTTPServer]:
    """A loopback server answering whatever `server.answer` holds."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Canned)
    server.answer = (200, "application/json", b"{}")  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


READS: dict[str, Callable[[Client], Any]] = {
    "ping": lambda c: c.ping(),
    "version": lambda c: c.version(),
    "status": lambda c: c.status(),
    "component": lambda c: c.components.get(1),
    "components": lambda c: list(itertools.islice(c.components.list(), 50)),
    "count": lambda c: c.components.count(),
    "group": lambda c: c.component_groups.get(1),
    "incident": lambda c: c.incidents.get(1),
    "incidents": lambda c: list(itertools.islice(c.incidents.list(), 50)),
    "updates": lambda c: list(itertools.islice(c.incident_updates.list(1), 50)),
    "metric": lambda c: c.metrics.get(1),
    "points": lambda c: list(itertools.islice(c.metric_points.list(1), 50)),
    "schedules": lambda c: list(itertools.islice(c.schedules.list(), 50)),
    "subscribers": lambda c: list(itertools.islice(c.subscribers.list(), 50)),
    "templates": lambda c: list(itertools.islice(c.incident_templates.list(), 50)),
}
PAGINATION = st.dictionaries(
    st.sampled_from(["total", "count", "per_page", "current_page", "total_pages", "links"]),
    st.none() | st.integers(min_value=-1, max_value=5) | JSON_VALUES,
)
ENVELOPES = st.one_of(
    JSON_VALUES.filter(lambda value: not (isinstance(value, dict) and "data" in value)),
    st.fixed_dictionaries({"data": JSON_VALUES.filter(lambda value: not isinstance(value, list))}),
    st.fixed_dictionaries(
        {"data": st.lists(
            st.dictionaries(st.sampled_from(["id", "name", "status"]), JSON_VALUES) | JSON_VALUES
        ),
         "meta": st.fixed_dictionaries({"pagination": PAGINATION})}
    ),
    st.fixed_dictionaries({"errors": JSON_VALUES}),
)  # fmt: skip


@pytest.mark.parametrize("read", sorted(READS))
def test_any_answer_gives_a_result_or_a_typed_error(
    canned: http.server.ThreadingHTTPServer, read: str, examples: int
) -> None:
    endpoint = f"http://127.0.0.1:{canned.server_address[1]}/api/v1"

    @settings(max_examples=examples, deadline=None, derandomize=examples < 100)
    @given(
        status=st.sampled_from([200, 200, 200, 204, 400, 401, 404, 500]),
        content_type=st.sampled_from(["application/json", "text/html"]),
        body=ENVELOPES.map(lambda value: json.dumps(value).encode()) | st.binary(max_size=40),
    )
    def check(status: int, content_type: str, body: bytes) -> None:
        canned.answer = (status, content_type, body)  # type: ignore[attr-defined]
        with cachetclient.Client(endpoint, "token", max_retries=0) as client:
            try:
                result = READS[read](client)
            except cachetclient.CachetError:
                return
        for item in result if isinstance(result, list) else [result]:
            read_everything(item)

    check()


# -- odd list answers: a typed error, never a plain ValueError/TypeError ----------------------


def _answer(canned: http.server.ThreadingHTTPServer, payload: Any) -> Client:
    canned.answer = (200, "application/json", json.dumps(payload).encode())  # type: ignore[attr-defined]
    return cachetclient.Client(f"http://127.0.0.1:{canned.server_address[1]}/api/v1", "t")


def test_list_item_that_is_not_an_object_is_an_invalid_response(
    canned: http.server.ThreadingHTTPServer,
) -> None:
    client = _answer(canned, {"data": [1], "meta": {"pagination": {}}})
    with client, pytest.raises(cachetclient.InvalidResponseError):
        list(client.components.list())


@pytest.mark.parametrize("total", ["abc", [1], {"n": 1}])
def test_pagination_numbers_that_are_not_numbers_are_an_invalid_response(
    canned: http.server.ThreadingHTTPServer, total: Any
) -> None:
    payload = {"data": [], "meta": {"pagination": {"total": total, "total_pages": total}}}
    with _answer(canned, payload) as client, pytest.raises(cachetclient.InvalidResponseError):
        client.components.count()


def test_ping_resource_has_a_repr() -> None:
    assert "id=None" in repr(_CLIENT.ping.instance_from_dict({}))

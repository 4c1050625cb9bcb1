"""The client itself: creation, ping, version, enums, the `v1` imports and `client._http`."""

from __future__ import annotations

import os

from tests.compat.observe import Steps
from tests.compat.scenarios import scenario


@scenario
def client_from_environment_variables(steps: Steps) -> None:
    import cachetclient

    saved = {name: os.environ.get(name) for name in ("CACHET_ENDPOINT", "CACHET_API_TOKEN")}
    try:
        os.environ["CACHET_ENDPOINT"] = steps.endpoint
        os.environ["CACHET_API_TOKEN"] = steps.token
        client = steps.do("Client()", cachetclient.Client)
        steps.do("ping()", client.ping)
        del os.environ["CACHET_API_TOKEN"]
        steps.do("Client() without a token", cachetclient.Client)
    finally:
        for name, value in saved.items():
            os.environ.pop(name, None)
            if value is not None:
                os.environ[name] = value


@scenario
def client_endpoint_without_version(steps: Steps) -> None:
    import cachetclient

    steps.do(
        "Client(endpoint ending in /api, version='1')",
        lambda: type(cachetclient.Client(
            endpoint=steps.endpoint[: -len("/v1")], api_token=steps.token, version="1"
        )).__name__,
    )  # fmt: skip


@scenario
def client_wrong_token(steps: Steps) -> None:
    import cachetclient

    client = cachetclient.Client(endpoint=steps.endpoint, api_token="not-the-token")
    steps.do("components.list()", lambda: list(client.components.list()))
    steps.do("components.create", client.components.create, name="API", status=1)


@scenario
def ping_and_version(steps: Steps) -> None:
    client = steps.client()
    steps.do("ping()", client.ping)
    steps.do("ping.get()", client.ping.get)
    steps.do("version()", client.version)
    version = steps.do("version.get()", client.version.get)
    steps.see("version.value", lambda: version.value)


@scenario
def v1_imports(steps: Steps) -> None:
    def names_from_v1() -> list[str]:
        from cachetclient.v1 import (
            Client,
            Component,
            ComponentGroup,
            Incident,
            IncidentUpdate,
            Metric,
            MetricPoint,
            Schedule,
            Subscriber,
            enums,
        )

        exported = (Client, Component, ComponentGroup, Incident, IncidentUpdate, Metric,
                    MetricPoint, Schedule, Subscriber)  # fmt: skip
        return [cls.__name__ for cls in exported] + [enums.__name__.rsplit(".", 1)[1]]

    steps.do("from cachetclient.v1 import ...", names_from_v1)

    def submodules() -> list[str]:
        import cachetclient

        v1 = cachetclient.v1
        return [
            v1.components.Component.__name__,
            v1.component_groups.ComponentGroup.__name__,
            v1.incidents.Incident.__name__,
            v1.incident_updates.IncidentUpdate.__name__,
            v1.metrics.Metric.__name__,
            v1.metric_points.MetricPoint.__name__,
            v1.schedules.Schedule.__name__,
            v1.subscribers.Subscriber.__name__,
            v1.components.ComponentManager.__name__,
        ]

    steps.do("cachetclient.v1.<module>.<class>", submodules)

    def annotation_at_import() -> str:
        import cachetclient.v1

        def handler(component: cachetclient.v1.Component) -> None:
            pass

        return str(handler.__annotations__["component"].__name__)

    steps.do("annotation evaluated at definition", annotation_at_import)
    client = steps.client()
    component = steps.do("create", client.components.create, name="API", status=1)

    def isinstance_check() -> bool:
        from cachetclient.v1 import Component

        return isinstance(component, Component)

    steps.do("isinstance(component, v1.Component)", isinstance_check)


@scenario
def enums_documented(steps: Steps) -> None:
    from cachetclient.v1 import enums

    names = [
        "COMPONENT_STATUS_OPERATIONAL", "COMPONENT_STATUS_PERFORMANCE_ISSUES",
        "COMPONENT_STATUS_PARTIAL_OUTAGE", "COMPONENT_STATUS_MAJOR_OUTAGE",
        "COMPONENT_GROUP_COLLAPSED_FALSE", "COMPONENT_GROUP_COLLAPSED_TRUE",
        "COMPONENT_GROUP_COLLAPSED_NOT_OPERATIONAL", "INCIDENT_SCHEDULED",
        "INCIDENT_INVESTIGATING", "INCIDENT_IDENTIFIED", "INCIDENT_WATCHING", "INCIDENT_FIXED",
        "SCHEDULE_STATUS_UPCOMING", "SCHEDULE_STATUS_IN_PROGRESS", "SCHEDULE_STATUS_COMPLETE",
    ]  # fmt: skip
    steps.see("values", lambda: {name: getattr(enums, name) for name in names})
    steps.see("3 in COMPONENT_STATUS_LIST", lambda: 3 in enums.COMPONENT_STATUS_LIST)
    steps.see("list(COMPONENT_STATUS_LIST)", lambda: list(enums.COMPONENT_STATUS_LIST))
    steps.see(
        "incident_status_human",
        lambda: [enums.incident_status_human(status) for status in range(5)],
    )


@scenario
def private_http_get_post_put_delete(steps: Steps) -> None:
    client = steps.client()
    http = client._http
    created = steps.do("_http.post", http.post, "components", data={"name": "API", "status": 1})
    steps.see("json()['data']['name']", lambda: created.json()["data"]["name"])
    listed = steps.do("_http.get(params)", http.get, "components", params={"per_page": 1})
    steps.see("meta total", lambda: listed.json()["meta"]["pagination"]["total"])
    steps.do("_http.put", http.put, "components/1", data={"status": 2})
    steps.see("raise_for_status()", lambda: listed.raise_for_status())
    steps.do("_http.delete", http.delete, "components", 1)
    steps.do("_http.get of a missing id", http.get, "components/1")


@scenario
def ping_when_nothing_answers(steps: Steps) -> None:
    import socket

    import cachetclient

    with socket.socket() as unused:  # a port nothing listens on
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    client = cachetclient.Client(endpoint=f"http://127.0.0.1:{port}/api/v1", api_token="t")
    steps.do("ping()", client.ping)


@scenario
def incident_status_human_of_an_unknown_status(steps: Steps) -> None:
    from cachetclient.v1 import enums

    steps.do("incident_status_human(99)", enums.incident_status_human, 99)


@scenario
def resources_printed(steps: Steps) -> None:
    client = steps.client()
    component = steps.do("create component", client.components.create, name="API", status=1)
    subscriber = steps.do("create subscriber", client.subscribers.create, email="a@example.test")
    steps.see("str(component)", lambda: str(component))
    steps.see("repr(component)", lambda: repr(component))
    steps.see("str(subscriber)", lambda: str(subscriber))
    steps.see(
        "component == client.components.get(1)", lambda: component == client.components.get(1)
    )
    steps.see("usable in a set", lambda: len({component, subscriber}))

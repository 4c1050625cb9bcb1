"""What the Cachet 3 client refuses before sending, and the errors Cachet's answers become."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from anyio.from_thread import BlockingPortal

import cachetclient
from cachetclient import (
    AuthenticationError,
    UnsupportedOperationError,
    ValidationError,
)
from cachetclient.errors import PermissionDeniedError, TooManyRequestsError
from cachetclient.retry import RetryPolicy
from cachetclient.v3 import Client
from tests.client_v3.conftest import v3_client


def test_unknown_filter_sort_or_include_is_refused_before_sending(client: Client) -> None:
    with pytest.raises(ValueError, match="its filters: name, status, enabled, meta"):
        client.components.list(colour="red")
    with pytest.raises(ValueError, match="sortable: name, order, id"):
        client.components.list(sort="-status")
    with pytest.raises(ValueError, match="can include: group"):
        client.components.get(1, include=["tags"])
    with pytest.raises(ValueError, match="does not take tags"):
        client.components.create(name="x", tags=["a"])
    with pytest.raises(ValueError, match="from 1 to 100"):
        client.components.list(per_page=500)


def test_count_says_cachet_3_cannot_count(client: Client) -> None:
    with pytest.raises(UnsupportedOperationError, match="no totals"):
        client.components.count()


def test_validation_error_carries_field_errors(client: Client) -> None:
    with pytest.raises(ValidationError) as caught:
        client.incidents.create(name="No status", message="m")

    assert caught.value.status_code == 422
    assert caught.value.field_errors == {"status": ["The status field is required."]}
    assert "The status field is required." in str(caught.value)


def test_missing_ability_is_named(
    client: Client,
    cachet_emulator_v3: Any,
    client_kind: str,
    portal: BlockingPortal,
    token_with: Callable[..., str],
) -> None:
    limited = v3_client(
        client_kind, portal, cachet_emulator_v3.endpoint, token_with("incidents.manage")
    )

    with pytest.raises(PermissionDeniedError) as caught:
        limited.components.create(name="API")

    assert isinstance(caught.value, PermissionError)
    assert caught.value.ability == "components.manage"
    assert "components.manage" in str(caught.value)
    assert limited.incidents.create(name="ok", status=1, message="m").name == "ok"
    subscriber = client.subscribers.create(email="a@example.com")
    with pytest.raises(PermissionDeniedError, match=r"subscribers\.manage"):
        limited.subscribers.get(subscriber.id)
    with pytest.raises(PermissionDeniedError, match=r"subscribers\.manage"):
        list(limited.subscribers.list())
    limited.close()


def test_writes_without_a_token_are_unauthenticated(
    cachet_emulator_v3: Any, client_kind: str, portal: BlockingPortal
) -> None:
    guest = v3_client(client_kind, portal, cachet_emulator_v3.endpoint, None, guest=True)

    with pytest.raises(AuthenticationError):
        guest.components.create(name="API")
    guest.close()


def test_rate_limit_is_waited_out_then_reported(
    cachet_emulator_v3: Any, client_kind: str, portal: BlockingPortal
) -> None:
    cachet_emulator_v3.configure(api_rate_limit=2)
    policy = RetryPolicy(max_retries=2, retry_after_cap=0.01)
    limited = v3_client(
        client_kind,
        portal,
        cachet_emulator_v3.endpoint,
        cachet_emulator_v3.token,
        retry_policy=policy,
    )

    assert limited.ping() and limited.ping()
    with pytest.raises(TooManyRequestsError) as caught:
        limited.ping()

    assert caught.value.tries == 3
    assert caught.value.response is not None
    assert caught.value.response.headers["X-RateLimit-Remaining"] == "0"
    limited.close()


def test_bad_ids_and_values_are_refused_before_sending(client: Client) -> None:
    with pytest.raises(ValueError, match="positive integer"):
        client.components.get("abc")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="positive integer"):
        client.components.delete(True)
    with pytest.raises(TypeError, match="needs 1 parent id"):
        client.incident_updates.list()
    with pytest.raises(TypeError, match="which one"):
        client.components.get()
    with pytest.raises(ValueError, match="cannot empty"):
        client.components.update(1, description=cachetclient.CLEAR)
    with pytest.raises(ValueError, match="per_page"):
        client.components.list(per_page=True)
    assert list(client.components.list()) == []  # nothing was created by the refused calls


def test_nothing_is_lost_when_cachet_refuses_an_update(client: Client) -> None:
    created = client.components.create(name="API", description="kept")

    with pytest.raises(ValidationError) as caught:
        client.components.update(created.id, link="javascript:alert(1)")

    assert "link" in caught.value.field_errors
    assert client.components.get(created.id).description == "kept"

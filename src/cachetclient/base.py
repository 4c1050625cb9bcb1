"""Resource and Manager: CRUD, pagination and (de)serialisation, written once.

Each Cachet resource module declares its fields (on the Resource) and its path, parameters,
filters and quirks (on the Manager); everything below reads those declarations.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Generator, Mapping
from dataclasses import replace
from datetime import tzinfo
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast

from cachetclient.apirequest import ApiRequest, Plan
from cachetclient.clear import CLEAR
from cachetclient.errors import InvalidResponseError, UnsupportedOperationError
from cachetclient.fields import INTEGER, Codec, Field, as_integer
from cachetclient.pagination import DEFAULT_PER_PAGE, ListQuery, ListWalker, count_request, total_of

if TYPE_CHECKING:
    from cachetclient.httpclient import HttpClient

R = TypeVar("R", bound="Resource")
T = TypeVar("T")
Ids = tuple[int | str, ...]


class Resource:
    """One Cachet object: its raw JSON (`attrs`) read through typed attributes."""

    id = Field(INTEGER, doc="Resource ID (int)")

    repr_fields: ClassVar[tuple[str, ...]] = ("name",)
    """Attributes shown by `repr()` after the id."""

    # Lists build thousands of resources: slots and a lazily made `_changed` keep that cheap.
    __slots__ = ("_changed", "_data", "_manager")

    def __init__(self, manager: Manager[Any], data: dict[str, Any]) -> None:
        """Resource initializer.

        Args:
            manager: The manager this resource belongs to.
            data: The raw JSON data.
        """
        self._manager = manager
        self._data = data
        self._changed: set[str] | None = None

    @property
    def attrs(self) -> dict[str, Any]:
        """The raw JSON of the resource (including values set since it was fetched)."""
        return self._data

    @property
    def timezone(self) -> tzinfo | None:
        """The timezone Cachet used for this resource's dates (`None` if unknown)."""
        return self._manager.timezone

    @property
    def changed_fields(self) -> frozenset[str]:
        """Names of the attributes set since the resource was fetched."""
        return frozenset(self._changed or ())

    def mark_changed(self, name: str) -> None:
        """Record that attribute `name` must be sent by the next `update()`."""
        if self._changed is None:
            self._changed = set()
        self._changed.add(name)

    def get(self, name: str) -> Any:
        """Safely obtain any key of the raw JSON; `None` if it does not exist."""
        return self._data.get(name)

    def path_ids(self) -> Ids:
        """The ids that address this resource in URLs (parent ids first)."""
        return (self._require_id(),)

    def value_for_update(self, name: str) -> Any:
        """The Python value `update()` sends for attribute `name`."""
        return getattr(self, name)

    def update(self: R) -> R:
        """Send the changed attributes to the server and return the updated resource.

        The resource itself is refreshed too. Attributes Cachet would reset when omitted are
        sent with their current values.

        Raises:
            UnsupportedOperationError: if Cachet's API cannot update this kind of resource.
        """
        return self._manager.run(self._update_plan())

    def _update_plan(self: R) -> Plan[R]:
        updated: R = yield from self._manager.save_plan(self)
        self._data = dict(updated.attrs)
        self._changed = None
        return updated

    def delete(self) -> None:
        """Delete the resource from the server.

        Raises:
            NotFoundError: (a requests HTTPError) if the resource does not exist.
        """
        return self._manager.delete_by_ids(self.path_ids())

    def _require_id(self) -> int:
        resource_id = self.id
        if resource_id is None:
            raise ValueError(f"this {type(self).__name__} has no id")
        return resource_id

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Resource)
        if self.id is None or other.id is None:
            return self is other
        return self.id == other.id

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.id if self.id is not None else id(self)))

    def __repr__(self) -> str:
        shown = [f"id={self.id!r}"]
        shown += [f"{name}={getattr(self, name, None)!r}" for name in self.repr_fields]
        return f"<{type(self).__name__} {' '.join(shown)}>"


class Manager(Generic[R]):
    """CRUD, listing and (de)serialisation of one resource, driven by class declarations."""

    path: ClassVar[str] = ""
    """Path below the endpoint; `{}` placeholders take parent ids (`incidents/{}/updates`)."""
    resource_class: ClassVar[type[Resource]] = Resource
    """The Resource class this manager creates."""

    create_fields: ClassVar[Mapping[str, Codec[Any]]] = {}
    """Create parameters and their request codec."""
    update_fields: ClassVar[Mapping[str, Codec[Any]] | None] = None
    """Update parameters and their request codec; `None` when Cachet cannot update."""
    wire_names: ClassVar[Mapping[str, str]] = {}
    """Parameters whose request key differs from the Python name."""
    clear_values: ClassVar[Mapping[str, Any]] = {}
    """Updatable fields `CLEAR` empties, and the value that empties them in Cachet."""
    reset_on_omit: ClassVar[tuple[str, ...]] = ()
    """Fields Cachet resets when an update omits them: always sent with the current value."""
    can_delete: ClassVar[bool] = True
    """Whether Cachet's API has a DELETE for this resource."""
    searchable: ClassVar[tuple[str, ...]] = ()
    """Fields `list()`/`count()` can filter on."""
    sortable: ClassVar[tuple[str, ...]] = ()
    """Columns `list()` can sort by."""

    def __init__(self, http_client: HttpClient) -> None:
        """Manager initializer.

        Args:
            http_client: The httpclient.
        """
        self._http = http_client
        self.timezone: tzinfo | None = http_client.timezone
        """The timezone requests are made in (`None`: Cachet's own)."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.path!r}>"

    @property
    def http_client(self) -> HttpClient:
        """The HttpClient the manager sends its requests with."""
        return self._http

    # -- (de)serialisation -------------------------------------------------------------------

    def instance_from_dict(self, data: dict[str, Any]) -> R:
        """Create a resource instance from a dictionary (no request is made)."""
        if not isinstance(data, dict):
            raise ValueError(f"a dict was expected, not {type(data).__name__}")
        return cast(R, self.resource_class(self, data))

    def instance_from_json(self, data: str) -> R:
        """Create a resource instance from a JSON string (no request is made)."""
        return self.instance_from_dict(json.loads(data))

    def instance_list_from_json(self, data: str) -> list[R]:
        """Create resource instances from a JSON string holding a list (no request is made).

        Raises:
            ValueError: if the JSON does not decode into a list.
        """
        items = json.loads(data)
        if not isinstance(items, list):
            raise ValueError("the JSON data does not decode into a list")
        return [self.instance_from_dict(item) for item in items]

    # -- requests and their answers ----------------------------------------------------------

    def collection_path(self, parent_ids: Ids = ()) -> str:
        """Path of the collection (with parent ids filled in; `"12"` counts as 12)."""
        return self.path.format(*map(_path_id, parent_ids))

    def item_path(self, ids: Ids) -> str:
        """Path of one item; `ids` are the parent ids followed by the item id."""
        return f"{self.collection_path(ids[:-1])}/{_path_id(ids[-1])}"

    def request_body(
        self, codecs: Mapping[str, Codec[Any]], values: Mapping[str, Any], *, updating: bool
    ) -> dict[str, Any]:
        """The JSON body for `values`: `None` left out (unchanged), `CLEAR` empties the field."""
        body: dict[str, Any] = {}
        for name, value in values.items():
            if value is None:
                continue
            key = self.wire_names.get(name, name)
            if value is CLEAR:
                body[key] = self.cleared_value(name, updating=updating)
                continue
            codec = codecs.get(name)
            body[key] = codec.encode(value, self.timezone) if codec else value
        return body

    def cleared_value(self, name: str, *, updating: bool = True) -> Any:
        """What Cachet must receive to empty field `name` (given as `CLEAR`).

        Raises:
            ValueError: if Cachet cannot empty that field, or on create.
        """
        kind = self.resource_class.__name__
        if not updating:
            raise ValueError(f"CLEAR empties a field in update(); leave {name} out to create")
        if name not in self.clear_values:
            clearable = ", ".join(self.clear_values) or "none"
            raise ValueError(
                f"Cachet cannot empty {kind}.{name}; the fields it can empty: {clearable}"
            )
        return self.clear_values[name]

    def item_from_payload(self, payload: Any) -> R:
        """The resource in a `{"data": {...}}` answer."""
        data = payload.get("data") if isinstance(payload, dict) else None
        if not isinstance(data, dict):
            raise InvalidResponseError(
                f"the answer for {self.path} has no `data` object",
                status_code=200,
                method="",
                url=self.path,
            )
        return self.instance_from_dict(data)

    def send(self, request: ApiRequest) -> Any:
        """Send one request through the HttpClient."""
        return self._http.send(request)

    def run(self, plan: Plan[T]) -> T:
        """Perform an operation with the client's transport (an awaitable with `AsyncClient`)."""
        return self._http.run(plan)

    # -- CRUD, written once ------------------------------------------------------------------

    # Each operation is a request description plus a plan (see `apirequest.Plan`) that the
    # transport drives: `HttpClient` runs it at once, `AsyncHttpClient` returns a coroutine.

    def get_request(self, ids: Ids) -> ApiRequest:
        """The request that fetches one resource."""
        return ApiRequest("GET", self.item_path(ids))

    def create_request(self, parent_ids: Ids, values: Mapping[str, Any]) -> ApiRequest:
        """The request that creates a resource from `create_fields` values."""
        body = self.request_body(self.create_fields, values, updating=False)
        return ApiRequest("POST", self.collection_path(parent_ids), json=body)

    def missing_reset_fields(self, values: Mapping[str, Any]) -> list[str]:
        """Reset-on-omit fields absent from `values`: their current values must be fetched."""
        return [name for name in self.reset_on_omit if values.get(name) is None]

    def update_request(
        self, ids: Ids, values: Mapping[str, Any], extra: Mapping[str, Any]
    ) -> ApiRequest:
        """The request that updates a resource: `values` per `update_fields`, `extra` as is."""
        body = {**self.request_body(self._update_codecs(), values, updating=True), **extra}
        return ApiRequest("PUT", self.item_path(ids), json=body)

    def delete_request(self, ids: Ids) -> ApiRequest:
        """The request that deletes a resource."""
        if not self.can_delete:
            name = self.resource_class.__name__
            raise UnsupportedOperationError(f"Cachet's API cannot delete a {name}")
        return ApiRequest("DELETE", self.item_path(ids))

    def fetch_plan(self, request: ApiRequest) -> Plan[R]:
        """Send `request` and read the resource in its answer."""
        return self.item_from_payload((yield request))

    def create_plan(self, parent_ids: Ids, values: Mapping[str, Any]) -> Plan[R]:
        """Create a resource from `create_fields` values."""
        return self.fetch_plan(self.create_request(parent_ids, values))

    def update_plan(self, ids: Ids, values: Mapping[str, Any], extra: Mapping[str, Any]) -> Plan[R]:
        """Update a resource, first fetching the reset-on-omit fields the caller left out."""
        self._update_codecs()  # refuse unsupported updates before fetching anything
        values = dict(values)
        missing = self.missing_reset_fields(values)
        if missing:
            current = yield from self.fetch_plan(self.get_request(ids))
            values.update({name: current.value_for_update(name) for name in missing})
        return (yield from self.fetch_plan(self.update_request(ids, values, extra)))

    def save_plan(self, resource: R) -> Plan[R]:
        """Send a resource's changed attributes (and its reset-on-omit fields)."""
        codecs = self._update_codecs()
        names = [name for name in resource.changed_fields if name in codecs]
        names += [name for name in self.reset_on_omit if name not in names]
        values = {name: resource.value_for_update(name) for name in names}
        return self.update_plan(resource.path_ids(), values, {})

    def delete_plan(self, ids: Ids) -> Plan[None]:
        """Delete one resource."""
        yield self.delete_request(ids)

    def count_plan(self, query: ListQuery) -> Plan[int]:
        """How many items a list has: one small request, unless the client must filter."""
        if query.keep is None:
            return total_of((yield count_request(query)), query.path)
        # Cachet cannot count what the client filters: walk the list in full pages.
        walker = ListWalker(replace(query, per_page=DEFAULT_PER_PAGE))
        counted = 0
        while (request := walker.next_request()) is not None:
            counted += len(
                [self.instance_from_dict(item) for item in walker.receive((yield request))]
            )
        return counted

    def get_by_ids(self, ids: Ids) -> R:
        """Fetch one resource."""
        return self.run(self.fetch_plan(self.get_request(ids)))

    def create_in(self, parent_ids: Ids, values: Mapping[str, Any]) -> R:
        """Create a resource from `create_fields` values."""
        return self.run(self.create_plan(parent_ids, values))

    def update_by_ids(self, ids: Ids, values: Mapping[str, Any], extra: Mapping[str, Any]) -> R:
        """Update a resource, first fetching the reset-on-omit fields the caller left out."""
        return self.run(self.update_plan(ids, values, extra))

    def save(self, resource: R) -> R:
        """Send a resource's changed attributes (and its reset-on-omit fields)."""
        return self.run(self.save_plan(resource))

    def delete_by_ids(self, ids: Ids) -> None:
        """Delete one resource."""
        return self.run(self.delete_plan(ids))

    def list_query(
        self,
        parent_ids: Ids = (),
        *,
        page: int,
        per_page: int,
        filters: Mapping[str, Any] | None = None,
        sort: str | None = None,
        order: str | None = None,
        **options: Any,
    ) -> ListQuery:
        """Check and encode what `list()`/`count()` were asked for."""
        given = {k: v for k, v in (filters or {}).items() if v is not None}
        if order is not None and str(order).lower() not in ("asc", "desc"):
            raise ValueError(f"order must be 'asc' or 'desc', not {order!r}")
        if sort is None and order is not None and str(order).lower() == "desc":
            sort = "id"
        if sort is not None and sort not in self.sortable:
            allowed = ", ".join(self.sortable) or "nothing (this list has a fixed order)"
            raise ValueError(f"cannot sort {self.path} by {sort!r}; sortable: {allowed}")
        return ListQuery(
            path=self.collection_path(parent_ids),
            page=_paging_number(page, "page"),
            per_page=_paging_number(per_page, "per_page"),
            filters={name: _filter_value(value) for name, value in given.items()},
            sort=sort,
            ascending=order is None or str(order).lower() == "asc",
            **options,
        )

    def iterate(self, query: ListQuery) -> Generator[R, None, None]:
        """Walk a list lazily, one page in memory at a time (an async iterator with AsyncClient)."""
        # `_page_of` already checked every item is a dict: build resources without re-checking.
        make = cast("Callable[[dict[str, Any]], R]", partial(self.resource_class, self))
        return self._http.walk(ListWalker(query), make)

    def count_matching(self, query: ListQuery) -> int:
        """How many items a list has: one small request, unless the client must filter."""
        return self.run(self.count_plan(query))

    def _update_codecs(self) -> Mapping[str, Codec[Any]]:
        if self.update_fields is None:
            name = self.resource_class.__name__
            raise UnsupportedOperationError(
                f"Cachet's API cannot update a {name}: there is no PUT {self.path}/{{id}}"
            )
        return self.update_fields


def _paging_number(value: int | str, name: str) -> int:
    # Decimal strings come from argument parsers; anything else is checked by ListQuery.
    return as_integer(value, f"{name} (a positive integer)") if isinstance(value, str) else value


def _path_id(value: int | str) -> int:
    return as_integer(value, "an id (an integer, or a string of digits)")


def _filter_value(value: Any) -> Any:
    # Cachet compares with SQL `=` under MySQL: `enabled=true` would match 0, so send 1/0.
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, str)):
        return value
    raise TypeError(f"filter values must be strings, integers or booleans, not {value!r}")

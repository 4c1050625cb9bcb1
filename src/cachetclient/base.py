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
Id = int | str
"""An id: an int, or a string of decimal digits (`"12"`) as argument parsers give."""
Ids = tuple[Id, ...]


class Resource:
    """One Cachet object: its raw JSON (`attrs`) read through typed attributes."""

    id = Field(INTEGER, doc="Resource ID (int)")

    repr_fields: ClassVar[tuple[str, ...]] = ("name",)
    """Attributes shown by `repr()` after the id."""
    parent_id_field: ClassVar[str] = ""
    """For a resource nested under another (`/metrics/{id}/points`): the parent id's attribute."""

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
        return self._manager._timezone

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
        if not self.parent_id_field:
            return (self._require_id(),)
        parent_id = getattr(self, self.parent_id_field)
        if parent_id is None:
            raise ValueError(f"this {type(self).__name__} has no {self.parent_id_field}")
        return (parent_id, self._require_id())

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
        return self._manager._run(self._update_plan())

    def _update_plan(self: R) -> Plan[R]:
        updated: R = yield from self._manager._save_plan(self)
        self._data = dict(updated.attrs)
        self._changed = None
        return updated

    def delete(self) -> None:
        """Delete the resource from the server.

        Raises:
            NotFoundError: (a requests HTTPError) if the resource does not exist.
        """
        return self._manager._delete_by_ids(self.path_ids())

    def _require_id(self) -> int:
        resource_id = self.id
        if resource_id is None:
            raise ValueError(f"this {type(self).__name__} has no id")
        return resource_id

    def __str__(self) -> str:
        # What every release printed (and scripts log): the data dict.
        return str(self._data)

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

    _create_fields: ClassVar[Mapping[str, Codec[Any]]] = {}
    """Create parameters and their request codec."""
    _update_fields: ClassVar[Mapping[str, Codec[Any]] | None] = None
    """Update parameters and their request codec; `None` when Cachet cannot update."""
    _wire_names: ClassVar[Mapping[str, str]] = {}
    """Parameters whose request key differs from the Python name."""
    _clear_values: ClassVar[Mapping[str, Any]] = {}
    """Updatable fields `CLEAR` empties, and the value that empties them in Cachet."""
    _reset_on_omit: ClassVar[tuple[str, ...]] = ()
    """Fields Cachet resets when an update omits them: always sent with the current value."""
    _can_delete: ClassVar[bool] = True
    """Whether Cachet's API has a DELETE for this resource."""
    _sortable: ClassVar[tuple[str, ...]] = ()
    """Columns `list()` can sort by."""

    def __init__(self, http_client: HttpClient) -> None:
        """Manager initializer.

        Args:
            http_client: The httpclient.
        """
        self._http = http_client
        self._timezone: tzinfo | None = http_client.timezone
        """The timezone requests are made in (`None`: Cachet's own)."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.path!r}>"

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

    def _collection_path(self, parent_ids: Ids = ()) -> str:
        """Path of the collection (with parent ids filled in; `"12"` counts as 12)."""
        return self.path.format(*map(_path_id, parent_ids))

    def _item_path(self, ids: Ids) -> str:
        """Path of one item; `ids` are the parent ids followed by the item id."""
        return f"{self._collection_path(ids[:-1])}/{_path_id(ids[-1])}"

    def _request_body(
        self, codecs: Mapping[str, Codec[Any]], values: Mapping[str, Any], *, updating: bool
    ) -> dict[str, Any]:
        """The JSON body for `values`: `None` left out (unchanged), `CLEAR` empties the field.

        A value its codec encodes as `None` (no tag names) is left out too.
        """
        body: dict[str, Any] = {}
        for name, value in values.items():
            if value is None:
                continue
            key = self._wire_names.get(name, name)
            if value is CLEAR:
                body[key] = self._cleared_value(name, updating=updating)
                continue
            codec = codecs.get(name)
            encoded = codec.encode(value, self._timezone) if codec else value
            if encoded is not None:
                body[key] = encoded
        return body

    def _cleared_value(self, name: str, *, updating: bool = True) -> Any:
        """What Cachet must receive to empty field `name` (given as `CLEAR`).

        Raises:
            ValueError: if Cachet cannot empty that field, or on create.
        """
        kind = self.resource_class.__name__
        if not updating:
            raise ValueError(f"CLEAR empties a field in update(); leave {name} out to create")
        if name not in self._clear_values:
            clearable = ", ".join(self._clear_values) or "none"
            raise ValueError(
                f"Cachet cannot empty {kind}.{name}; the fields it can empty: {clearable}"
            )
        return self._clear_values[name]

    def _item_from_payload(self, payload: Any) -> R:
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

    def _send(self, request: ApiRequest) -> Any:
        """Send one request through the HttpClient."""
        return self._http.send(request)

    def _run(self, plan: Plan[T]) -> T:
        """Perform an operation with the client's transport (an awaitable with `AsyncClient`)."""
        return self._http.run(plan)

    # -- CRUD, written once ------------------------------------------------------------------

    # Each operation is a request description plus a plan (see `apirequest.Plan`) that the
    # transport drives: `HttpClient` runs it at once, `AsyncHttpClient` returns a coroutine.

    def _get_request(self, ids: Ids) -> ApiRequest:
        """The request that fetches one resource."""
        return ApiRequest("GET", self._item_path(ids))

    def _create_request(self, parent_ids: Ids, values: Mapping[str, Any]) -> ApiRequest:
        """The request that creates a resource from `_create_fields` values."""
        body = self._request_body(self._create_fields, values, updating=False)
        return ApiRequest("POST", self._collection_path(parent_ids), json=body)

    def _missing_reset_fields(self, values: Mapping[str, Any]) -> list[str]:
        """Reset-on-omit fields absent from `values`: their current values must be fetched."""
        return [name for name in self._reset_on_omit if values.get(name) is None]

    def _update_request(
        self, ids: Ids, values: Mapping[str, Any], extra: Mapping[str, Any]
    ) -> ApiRequest:
        """The request that updates a resource: `values` per `_update_fields`, `extra` as is."""
        body = {**self._request_body(self._update_codecs(), values, updating=True), **extra}
        return ApiRequest("PUT", self._item_path(ids), json=body)

    def _delete_request(self, ids: Ids) -> ApiRequest:
        """The request that deletes a resource."""
        if not self._can_delete:
            name = self.resource_class.__name__
            raise UnsupportedOperationError(f"Cachet's API cannot delete a {name}")
        return ApiRequest("DELETE", self._item_path(ids))

    def _fetch_plan(self, request: ApiRequest) -> Plan[R]:
        """Send `request` and read the resource in its answer."""
        return self._item_from_payload((yield request))

    def _create_plan(self, parent_ids: Ids, values: Mapping[str, Any]) -> Plan[R]:
        """Create a resource from `_create_fields` values."""
        return self._fetch_plan(self._create_request(parent_ids, values))

    def _update_plan(
        self, ids: Ids, values: Mapping[str, Any], extra: Mapping[str, Any]
    ) -> Plan[R]:
        """Update a resource, first fetching the reset-on-omit fields the caller left out."""
        self._update_codecs()  # refuse unsupported updates before fetching anything
        values = dict(values)
        missing = self._missing_reset_fields(values)
        if missing:
            current = yield from self._fetch_plan(self._get_request(ids))
            values.update({name: current.value_for_update(name) for name in missing})
        return (yield from self._fetch_plan(self._update_request(ids, values, extra)))

    def _save_plan(self, resource: R) -> Plan[R]:
        """Send a resource's changed attributes (and its reset-on-omit fields)."""
        codecs = self._update_codecs()
        names = [name for name in resource.changed_fields if name in codecs]
        names += [name for name in self._reset_on_omit if name not in names]
        values = {name: resource.value_for_update(name) for name in names}
        return self._update_plan(resource.path_ids(), values, {})

    def _delete_plan(self, ids: Ids) -> Plan[None]:
        """Delete one resource."""
        yield self._delete_request(ids)

    def _count_plan(self, query: ListQuery) -> Plan[int]:
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

    def _get_by_ids(self, ids: Ids) -> R:
        """Fetch one resource."""
        return self._run(self._fetch_plan(self._get_request(ids)))

    def _create_in(self, parent_ids: Ids, values: Mapping[str, Any]) -> R:
        """Create a resource from `_create_fields` values."""
        return self._run(self._create_plan(parent_ids, values))

    def _update_by_ids(self, ids: Ids, values: Mapping[str, Any], extra: Mapping[str, Any]) -> R:
        """Update a resource, first fetching the reset-on-omit fields the caller left out."""
        return self._run(self._update_plan(ids, values, extra))

    def _save(self, resource: R) -> R:
        """Send a resource's changed attributes (and its reset-on-omit fields)."""
        return self._run(self._save_plan(resource))

    def _delete_by_ids(self, ids: Ids) -> None:
        """Delete one resource."""
        return self._run(self._delete_plan(ids))

    def _list_query(
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
        if sort is not None and sort not in self._sortable:
            allowed = ", ".join(self._sortable) or "nothing (this list has a fixed order)"
            raise ValueError(f"cannot sort {self.path} by {sort!r}; sortable: {allowed}")
        return ListQuery(
            path=self._collection_path(parent_ids),
            page=_paging_number(page, "page"),
            per_page=_paging_number(per_page, "per_page"),
            filters={name: _filter_value(value) for name, value in given.items()},
            sort=sort,
            ascending=order is None or str(order).lower() == "asc",
            **options,
        )

    def _iterate(self, query: ListQuery) -> Generator[R, None, None]:
        """Walk a list lazily, one page in memory at a time (an async iterator with AsyncClient)."""
        # `_page_of` already checked every item is a dict: build resources without re-checking.
        make = cast("Callable[[dict[str, Any]], R]", partial(self.resource_class, self))
        return self._http.walk(ListWalker(query), make)

    def _count_matching(self, query: ListQuery) -> int:
        """How many items a list has: one small request, unless the client must filter."""
        return self._run(self._count_plan(query))

    def _update_codecs(self) -> Mapping[str, Codec[Any]]:
        if self._update_fields is None:
            name = self.resource_class.__name__
            raise UnsupportedOperationError(
                f"Cachet's API cannot update a {name}: there is no PUT {self.path}/{{id}}"
            )
        return self._update_fields


def _paging_number(value: int | str, name: str) -> int:
    # Decimal strings come from argument parsers; anything else is checked by ListQuery.
    return as_integer(value, f"{name} (a positive integer)") if isinstance(value, str) else value


def _path_id(value: Id) -> int:
    return as_integer(value, "an id (an integer, or a string of digits)")


def _filter_value(value: Any) -> Any:
    # Cachet compares with SQL `=` under MySQL: `enabled=true` would match 0, so send 1/0.
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, str)):
        return value
    raise TypeError(f"filter values must be strings, integers or booleans, not {value!r}")

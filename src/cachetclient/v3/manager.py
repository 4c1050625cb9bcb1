"""The Cachet 3 Manager: get, list, create, update, delete of one resource, written once.

Each resource module declares its manager's path, abilities, filters, sorts, includes and
fields; the methods below check every keyword against those declarations before sending.
Operations are plans (`apirequest.Plan`), so the same manager works on `HttpClient` and
`AsyncHttpClient`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from datetime import tzinfo
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast

from cachetclient import errors
from cachetclient.apirequest import ApiRequest, Plan
from cachetclient.defaults import DEFAULT_V3_PER_PAGE
from cachetclient.v3 import values
from cachetclient.v3.pages import DocumentPages
from cachetclient.v3.resource import Document, Resource

if TYPE_CHECKING:
    from cachetclient.httpclient import HttpClient

R = TypeVar("R", bound=Resource)
T = TypeVar("T")

MAX_PER_PAGE = 100
"""Cachet 3 clamps `per_page` to 1..100."""


def counted_includes(*relationships: str) -> tuple[str, ...]:
    """Each relationship with its `<name>Count` and `<name>Exists` includes, as Cachet allows."""
    return tuple(
        include for name in relationships for include in (name, f"{name}Count", f"{name}Exists")
    )


class Manager(Generic[R]):
    """Reads and writes one Cachet 3 resource, as its class declarations allow."""

    path: ClassVar[str] = ""
    """Path below the API base; `{}` takes a parent id (`incidents/{}/updates`)."""
    resource_class: ClassVar[type[Resource]] = Resource
    """The Resource class this manager builds."""
    ability: ClassVar[str] = ""
    """The ability prefix of its writes: `<ability>.manage`, `<ability>.delete`."""
    reads_need_ability: ClassVar[bool] = False
    """Whether reads need `<ability>.manage` too (subscribers)."""
    filters: ClassVar[tuple[str, ...]] = ()
    """`filter[...]` names `list()` accepts as keywords (`meta=` when `meta_filter`)."""
    meta_filter: ClassVar[bool] = False
    """Whether `list(meta={"key": value})` is allowed (`filter[meta][key]`)."""
    sorts: ClassVar[tuple[str, ...]] = ()
    """Fields `list(sort=...)` accepts, each optionally prefixed by `-` (descending)."""
    includes: ClassVar[tuple[str, ...]] = ()
    """Relationships `include=` accepts."""
    create_fields: ClassVar[tuple[str, ...]] = ()
    """Keywords `create()` accepts."""
    update_fields: ClassVar[tuple[str, ...] | None] = None
    """Keywords `update()` accepts; `None` when Cachet 3 has no update route."""
    impact_fields: ClassVar[tuple[str, ...]] = ()
    """Keywords of create/update taking `(component id, status)` pairs or dicts (`components`)."""

    def __init__(self, http_client: HttpClient, zone: tzinfo) -> None:
        """Manager initializer: the transport and the timezone of Cachet's times."""
        self._http = http_client
        self.zone = zone
        """The timezone Cachet writes its times in (`Client(timezone=...)`)."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.path!r}>"

    # -- the public methods ------------------------------------------------------------------

    def get(self, *ids: int, include: Sequence[str] = ()) -> R:
        """Fetch one resource (parent ids first), with the relationships named in `include`."""
        request = ApiRequest("GET", self._item_path(ids), self._include_params(include))
        return self._http.run(self._document_plan(request, self._read_ability()))

    def list(
        self,
        *parent_ids: int,
        include: Sequence[str] = (),
        sort: str | Sequence[str] | None = None,
        per_page: int = DEFAULT_V3_PER_PAGE,
        meta: Mapping[str, Any] | None = None,
        **filters: Any,
    ) -> Iterator[R]:
        """Iterate lazily over the resources, a page at a time (an async iterator with AsyncClient).

        Filters are keywords (`name="API"`, `status=[1, 2]` for either), `meta={"key": v}`
        matches metadata, `sort="-name"` or `["name", "-id"]`, `include=["group"]`.

        Raises:
            ValueError: before anything is sent, for a filter, sort or include the route
                does not allow, or `per_page` outside 1..100.
        """
        params = {**self._filter_params(filters, meta), **self._include_params(include)}
        if sort is not None:
            params["sort"] = self._sort_param(sort)
        if isinstance(per_page, bool) or not isinstance(per_page, int):
            raise ValueError(f"per_page must be an integer from 1 to 100, not {per_page!r}")
        if not 1 <= per_page <= MAX_PER_PAGE:
            raise ValueError(f"per_page must be from 1 to {MAX_PER_PAGE}, not {per_page}")
        walker = DocumentPages(self._collection_path(parent_ids), params, per_page)
        items = self._http.walk(walker, self._build)
        if self.reads_need_ability:
            items = _naming_ability(items, self._read_ability())
        return cast(Iterator[R], items)

    def count(self, *args: Any, **kwargs: Any) -> int:
        """Cachet 3 cannot count: its lists carry no totals.

        Raises:
            UnsupportedOperationError: always; count with `sum(1 for _ in manager.list())`,
                which walks every page.
        """
        raise errors.UnsupportedOperationError(
            f"Cachet 3 cannot count {self.path}: its pages carry no totals. Walk the list "
            f"instead (sum(1 for _ in ...list())), one request per {MAX_PER_PAGE} items."
        )

    def create(self, *parent_ids: int, include: Sequence[str] = (), **fields: Any) -> R:
        """Create a resource from the keywords of `create_fields` (parent ids first).

        Raises:
            ValueError: before sending, for a keyword Cachet 3 does not take on create.
            ValidationError: (422) with `field_errors` when Cachet rejects a value.
            PermissionDeniedError: (403) when the token lacks `<ability>.manage`.
        """
        body = self._body(fields, self.create_fields, "create")
        params = self._include_params(include)
        request = ApiRequest("POST", self._collection_path(parent_ids), params, body)
        return self._http.run(self._document_plan(request, f"{self.ability}.manage"))

    def update(self, *ids: int, include: Sequence[str] = (), **fields: Any) -> R:
        """Change the fields given as keywords (`None` leaves a field unchanged).

        Raises:
            UnsupportedOperationError: when Cachet 3 cannot update this resource.
            ValueError: before sending, for a keyword Cachet 3 does not take on update.
            ValidationError, PermissionDeniedError: as for `create()`.
        """
        if self.update_fields is None:
            raise errors.UnsupportedOperationError(
                f"Cachet 3 cannot update {self.path}: there is no PUT route"
            )
        body = self._body(fields, self.update_fields, "update")
        params = self._include_params(include)
        request = ApiRequest("PUT", self._item_path(ids), params, body)
        return self._http.run(self._document_plan(request, f"{self.ability}.manage"))

    def delete(self, *ids: int) -> None:
        """Delete one resource (parent ids first).

        Raises:
            NotFoundError: if there is no such resource.
            PermissionDeniedError: (403) when the token lacks `<ability>.delete`.
        """
        request = ApiRequest("DELETE", self._item_path(ids))
        return cast(None, self._http.run(self._plain_plan(request, f"{self.ability}.delete")))

    # -- plans -------------------------------------------------------------------------------

    def _document_plan(self, request: ApiRequest, ability: str | None) -> Plan[R]:
        payload = yield from self._plain_plan(request, ability)
        if not isinstance(payload, dict) or not isinstance(payload.get("data"), dict):
            raise errors.InvalidResponseError(
                f"the answer of {request.method} {request.path} has no `data` resource object",
                status_code=200,
                method=request.method,
                url=request.path,
            )
        return self._build(payload)

    def _plain_plan(self, request: ApiRequest, ability: str | None) -> Plan[Any]:
        try:
            return (yield request)
        except errors.PermissionDeniedError as error:
            error.ability = ability
            raise

    def _build(self, document: Document) -> R:
        return cast(R, self.resource_class(document, self.zone))

    # -- request parts, checked against the declarations -------------------------------------

    def _read_ability(self) -> str | None:
        return f"{self.ability}.manage" if self.reads_need_ability else None

    def _collection_path(self, parent_ids: Sequence[int]) -> str:
        wanted = self.path.count("{}")
        if len(parent_ids) != wanted:
            raise TypeError(f"{self.path} needs {wanted} parent id(s), not {len(parent_ids)}")
        return self.path.format(*(_checked_id(value) for value in parent_ids))

    def _item_path(self, ids: Sequence[int]) -> str:
        if not ids:
            raise TypeError(f"{self.path}: which one? Pass its id")
        return f"{self._collection_path(ids[:-1])}/{_checked_id(ids[-1])}"

    def _include_params(self, include: Sequence[str] | str) -> dict[str, str]:
        names = [include] if isinstance(include, str) else list(include)
        unknown = [name for name in names if name not in self.includes]
        if unknown:
            allowed = ", ".join(self.includes) or "nothing"
            raise ValueError(
                f"{self.path} cannot include {', '.join(unknown)}; it can include: {allowed}"
            )
        return {"include": ",".join(names)} if names else {}

    def _filter_params(
        self, filters: Mapping[str, Any], meta: Mapping[str, Any] | None
    ) -> dict[str, str]:
        unknown = [name for name in filters if name not in self.filters]
        if unknown or (meta and not self.meta_filter):
            allowed = [*self.filters, *(["meta"] if self.meta_filter else [])]
            shown = ", ".join(allowed) or "nothing"
            raise ValueError(
                f"{self.path} cannot be filtered by {', '.join(unknown) or 'meta'}; "
                f"its filters: {shown}"
            )
        params = {
            f"filter[{name}]": values.query_value(value, self.zone)
            for name, value in filters.items()
            if value is not None
        }
        for key, value in (meta or {}).items():
            params[f"filter[meta][{key}]"] = values.query_value(value, self.zone)
        return params

    def _sort_param(self, sort: str | Sequence[str]) -> str:
        names = [part.strip() for part in sort.split(",")] if isinstance(sort, str) else list(sort)
        unknown = [name for name in names if name.lstrip("-") not in self.sorts]
        if unknown or not names:
            allowed = ", ".join(self.sorts) or "nothing (a fixed order)"
            raise ValueError(
                f"{self.path} cannot be sorted by {', '.join(unknown) or repr(sort)}; "
                f"sortable: {allowed}"
            )
        return ",".join(names)

    def _body(
        self, fields: Mapping[str, Any], allowed: Sequence[str], action: str
    ) -> dict[str, Any]:
        unknown = sorted(name for name in fields if name not in allowed)
        if unknown:
            raise ValueError(
                f"Cachet 3 does not take {', '.join(unknown)} to {action} {self.path}; "
                f"it takes: {', '.join(allowed)}"
            )
        return {
            name: values.encoded(self._impacts(name, value), self.zone)
            for name, value in fields.items()
            if value is not None
        }

    def _impacts(self, name: str, value: Any) -> Any:
        return values.component_impacts(value) if name in self.impact_fields else value


def _naming_ability(items: Any, ability: str | None) -> Any:
    """`items` (an iterator, or an async one), a 403 while walking it naming `ability`."""
    if hasattr(items, "__anext__"):
        return _naming_ability_async(items, ability)
    return _naming_ability_sync(items, ability)


def _naming_ability_sync(items: Iterator[T], ability: str | None) -> Iterator[T]:
    try:
        yield from items
    except errors.PermissionDeniedError as error:
        error.ability = ability
        raise


async def _naming_ability_async(items: AsyncIterator[T], ability: str | None) -> AsyncIterator[T]:
    try:
        async for item in items:
            yield item
    except errors.PermissionDeniedError as error:
        error.ability = ability
        raise


def _checked_id(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).isdigit():
        raise ValueError(f"an id must be a positive integer, not {value!r}")
    return int(value)

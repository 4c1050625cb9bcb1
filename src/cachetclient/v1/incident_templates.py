"""Incident templates: message templates made in Cachet's dashboard (read-only, 2.4)."""

from __future__ import annotations

from collections.abc import Generator
from typing import ClassVar

from cachetclient.base import Manager, Resource
from cachetclient.fields import TEXT, UTC_TIMESTAMP, Field
from cachetclient.pagination import DEFAULT_PER_PAGE


class IncidentTemplate(Resource):
    """An incident template; use its `slug` as `template=` when creating incidents."""

    name = Field(TEXT, doc="Name of the template (str)")
    slug = Field(TEXT, doc="Slug used by incidents' `template` (str)")
    template = Field(TEXT, doc="The Twig source (str)")
    created_at = Field(UTC_TIMESTAMP, doc="When the template was created (datetime, UTC)")
    updated_at = Field(UTC_TIMESTAMP, doc="Last time the template was updated (datetime, UTC)")


class IncidentTemplateManager(Manager[IncidentTemplate]):
    """`/incidents/templates` (list and get only; sorting makes Cachet answer 500)."""

    path: ClassVar[str] = "incidents/templates"
    resource_class: ClassVar[type[Resource]] = IncidentTemplate
    _can_delete: ClassVar[bool] = False

    def list(
        self, page: int = 1, per_page: int = DEFAULT_PER_PAGE
    ) -> Generator[IncidentTemplate, None, None]:
        """List incident templates lazily."""
        return self._iterate(self._list_query(page=page, per_page=per_page))

    def count(self) -> int:
        """Count the incident templates."""
        return self._count_matching(self._list_query(page=1, per_page=1))

    def get(self, template_id: int) -> IncidentTemplate:
        """Get an incident template by id.

        Raises:
            NotFoundError: if it does not exist.
        """
        return self._get_by_ids((template_id,))

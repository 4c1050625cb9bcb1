"""Incident templates: `/incident-templates`, full CRUD (API v1 could only list and create)."""

from __future__ import annotations

from cachetclient.v3.manager import Manager
from cachetclient.v3.resource import Resource, text


class IncidentTemplate(Resource):
    """An incident template; `create` an incident with `template=<slug>` to use it."""

    json_type = "incidentTemplates"
    repr_fields = ("name", "slug")
    __slots__ = ()

    name = text("Name")
    slug = text("Slug, what incidents name it by")
    template = text("The template body (Twig)")
    engine = text('"twig" or "blade"')


class IncidentTemplateManager(Manager[IncidentTemplate]):
    """Incident templates. An update recomputes the slug from `name` (send `name` with it)."""

    path = "incident-templates"
    resource_class = IncidentTemplate
    ability = "incident-templates"
    filters = ("name", "slug")
    sorts = ("name", "slug", "id")
    create_fields = ("name", "slug", "template", "engine")
    update_fields = ("name", "slug", "template", "engine")

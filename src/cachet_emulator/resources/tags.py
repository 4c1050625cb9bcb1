"""Tags of components (spec 6.2): shared name/slug objects linked through `taggables`."""

from __future__ import annotations

import re
from typing import Any

from cachet_emulator import clock
from cachet_emulator.slugs import slug
from cachet_emulator.store import Store

TAGGABLE_TYPE = "components"
_COMMA = re.compile(r" ?, ?")


def split_names(text: str, keep_empty: bool = False) -> list[str]:
    """`"Foo, Bar"` -> ["Foo", "Bar"]; 2.3 neither trims pieces nor drops empty ones."""
    pieces = _COMMA.split(text)
    if keep_empty:
        return pieces
    names = [piece.strip() for piece in pieces]
    return [name for name in names if name]


def find_or_create(store: Store, name: str) -> int:
    """The id of the tag called `name` (case-insensitively), created when missing."""
    rows = store.select("tags", [("name", name)], limit=1)
    if rows:
        return int(rows[0]["id"])
    now = clock.stored_now()
    values = {"name": name, "slug": slug(name), "created_at": now, "updated_at": now}
    return store.insert("tags", values)


def replace_tags(store: Store, component_id: int, names: list[str]) -> None:
    """Link the component to exactly the tags `names` (found or created by name)."""
    tag_ids = list(dict.fromkeys(find_or_create(store, name) for name in names))
    unlink_all(store, component_id)
    now = clock.stored_now()
    for tag_id in tag_ids:
        link = {
            "tag_id": tag_id,
            "taggable_id": component_id,
            "taggable_type": TAGGABLE_TYPE,
            "created_at": now,
            "updated_at": now,
        }
        store.insert("taggables", link)


def unlink_all(store: Store, component_id: int) -> None:
    """Remove every tag link of the component (the tags themselves stay)."""
    where = [("taggable_type", TAGGABLE_TYPE), ("taggable_id", component_id)]
    store.delete("taggables", where)


def tag_map(store: Store, component_id: int) -> dict[str, str] | list[Any]:
    """`{slug: name}` of the component's tags, or `[]` when it has none (Cachet's quirk)."""
    rows = store.connection.execute(
        "SELECT tags.slug, tags.name FROM taggables JOIN tags ON tags.id = taggables.tag_id"
        " WHERE taggables.taggable_type = ? AND taggables.taggable_id = ? ORDER BY taggables.id",
        (TAGGABLE_TYPE, component_id),
    ).fetchall()
    if not rows:
        return []
    return {tag_slug: name for tag_slug, name in rows}


def components_with_any_tag(slugs: list[str]) -> tuple[str, list[Any]]:
    """An SQL condition on components: has at least one tag whose slug is in `slugs`."""
    marks = ", ".join("?" for _ in slugs)
    sql = (
        '"id" IN (SELECT taggables.taggable_id FROM taggables JOIN tags'
        " ON tags.id = taggables.tag_id WHERE taggables.taggable_type = ?"
        f" AND tags.slug IN ({marks}))"
    )
    return sql, [TAGGABLE_TYPE, *slugs]

"""Sanctum personal access tokens with abilities (spec 3.1).

A plaintext token is `<id>|<secret>`; the store keeps only the SHA-256 of the secret. A token
without `|` is looked up by the hash of the whole text, as Sanctum does. The start-up token
(id 1) has every ability (`*`); the control API makes others with chosen abilities.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string
from typing import Any

from cachet_emulator.schema import Row
from cachet_emulator.store import Store
from cachet_emulator.v3 import times
from cachet_emulator.v3.schema import TOKENS, USERS

RESOURCES = (
    "components",
    "component-groups",
    "incidents",
    "incident-updates",
    "incident-templates",
    "metrics",
    "metric-points",
    "schedules",
    "schedule-updates",
    "subscribers",
)
# The 20 abilities of Cachet::getResourceApiAbilities(), plus "*" for all.
ABILITIES = tuple(
    f"{resource}.{action}" for resource in RESOURCES for action in ("manage", "delete")
)
_ALPHABET = string.ascii_letters + string.digits


def generate_secret() -> str:
    """40 random letters and digits, like Sanctum's."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(40))


def _is_id(text: str) -> bool:
    return text.isascii() and text.isdigit() and int(text) < 2**63


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def install_startup_token(store: Store, plaintext: str) -> None:
    """Make `plaintext` the start-up token (every ability), replacing an earlier one."""
    now = times.now_stored()
    if store.find(USERS, 1) is None:
        user = {"id": 1, "name": "Emulator", "email": "emulator@example.com"}
        store.insert(USERS, {**user, "created_at": now, "updated_at": now})
    store.delete(TOKENS, [("is_startup", 1)])
    token_id, _, secret = plaintext.partition("|")
    row: Row = {
        "tokenable_id": 1,
        "name": "start-up",
        "abilities": ["*"],
        "is_startup": 1,
        "created_at": now,
        "updated_at": now,
    }
    if secret and _is_id(token_id):
        store.delete(TOKENS, [("id", int(token_id))])
        store.insert(TOKENS, {"id": int(token_id), **row, "token": _hash(secret)})
    else:
        store.insert(TOKENS, {**row, "token": _hash(plaintext)})


def forget_other_tokens(store: Store) -> None:
    """Delete every token but the start-up one."""
    store.delete(TOKENS, [("is_startup", 0)])


def create_token(store: Store, name: str, abilities: list[str], expires_at: str | None) -> str:
    """A new token of user 1; returns its plaintext `<id>|<secret>` (shown once)."""
    secret = generate_secret()
    now = times.now_stored()
    token_id = store.insert(
        TOKENS,
        {
            "tokenable_id": 1,
            "name": name,
            "token": _hash(secret),
            "abilities": abilities or ["*"],
            "expires_at": expires_at,
            "created_at": now,
            "updated_at": now,
        },
    )
    return f"{token_id}|{secret}"


def find(store: Store, plaintext: str) -> Row | None:
    """The unexpired token row for a presented plaintext token, or None."""
    token_id, bar, secret = plaintext.partition("|")
    if bar and _is_id(token_id):
        row = store.find(TOKENS, int(token_id))
        if row is None or not hmac.compare_digest(row["token"], _hash(secret)):
            return None
    else:
        rows = store.select(TOKENS, [("token", _hash(plaintext))])
        row = rows[0] if rows else None
    if row is None or (row["expires_at"] is not None and times.is_past(row["expires_at"])):
        return None
    return row


def present(row: Row) -> dict[str, Any]:
    """A token as the control API lists it (never its secret)."""
    return {key: row[key] for key in ("id", "name", "abilities", "expires_at", "created_at")}

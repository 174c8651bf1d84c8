"""This desktop's own values kept in its store (``desk_preferences``): never shared with the team, read by the
window and the command line alike."""

from __future__ import annotations

import sqlite_utils


def desk_preference(db: sqlite_utils.Database, name: str) -> str | None:
    row = db.execute("SELECT value FROM desk_preferences WHERE name = ?", [name]).fetchone()
    return row[0] if row else None


def set_desk_preference(db: sqlite_utils.Database, name: str, value: str) -> None:
    db.execute(
        "INSERT INTO desk_preferences (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = ?",
        [name, value, value],
    )

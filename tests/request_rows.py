"""Request rows that tests write and read directly, each with the next free number, as a request entered by hand
first gets: in a store of such rows alone, a request's number equals its id."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from store.numbers import NEXT_NUMBER


def insert_request(db: sqlite_utils.Database, values: dict[str, Any]) -> int:
    """A request row with the next free number; returns its id."""
    columns = ", ".join(values)
    marks = ", ".join("?" * len(values))
    cursor = db.execute(
        f"INSERT INTO requests (number, {columns}) VALUES ({NEXT_NUMBER}, {marks}) RETURNING id",
        list(values.values()),
    )
    return int(cursor.fetchone()[0])


def request_row(db: sqlite_utils.Database, request_id: int) -> dict[str, Any]:
    row = next(db.query("SELECT * FROM requests WHERE id = ?", [request_id]), None)
    if row is None:
        raise LookupError(f"no request {request_id}")
    return row

"""Requests are numbered from the mail that opened them (the same on every desktop): tests look a number up."""

from __future__ import annotations

from pathlib import Path

from store.db import open_db


def request_number(data_dir: Path, message_id: str) -> str:
    """The number of the request that the message with ``message_id`` opened, as the command line takes it."""
    db = open_db(data_dir)
    try:
        row = db.execute(
            "SELECT r.number FROM requests r JOIN messages m ON m.id = r.first_message_id WHERE m.message_id = ?",
            [message_id],
        ).fetchone()
    finally:
        db.conn.close()
    assert row is not None, f"no request opened by {message_id}"
    return str(row[0])

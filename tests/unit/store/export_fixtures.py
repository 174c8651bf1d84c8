"""A small store with requests, desk replies and status changes, written the way filing and the lifecycle write them."""

from __future__ import annotations

from datetime import datetime

import sqlite_utils

from store import lifecycle
from store.accounts import Account
from store.numbers import NEXT_NUMBER
from store.timeutil import to_db
from tests.accounts import loopback_account


def new_account(db: sqlite_utils.Database, name: str = "desk", timezone: str = "Europe/Amsterdam") -> Account:
    return loopback_account(db, name, f"{name}@example.org", timezone=timezone, holidays="NL")


def add_standard(
    db: sqlite_utils.Database,
    account: Account,
    name: str,
    first_response: float,
    resolution: float | None = None,
) -> int:
    cursor = db.execute(
        "INSERT INTO standards (account_id, name, first_response_min, resolution_min) VALUES (?, ?, ?, ?)",
        [account.id, name, first_response, resolution],
    )
    return int(cursor.lastrowid or 0)


def _message(
    db: sqlite_utils.Database, account: Account, sender: str, when: datetime, role: str, message_id: str
) -> int:
    cursor = db.execute(
        "INSERT INTO messages (account_id, message_id, subject, from_addr, date, internal_date, direction, role) "
        "VALUES (?, ?, 's', ?, ?, ?, ?, ?)",
        [account.id, message_id, sender, to_db(when), to_db(when), "out" if role == "desk" else "in", role],
    )
    return int(cursor.lastrowid or 0)


def add_request(
    db: sqlite_utils.Database,
    account: Account,
    received: datetime,
    *,
    requester: str = "ann@finance.example.org",
    name: str = "Ann",
    subject: str = "Broken chair",
    standard_id: int | None = None,
    assignee: str | None = None,
    number: int | None = None,
) -> int:
    """A request opened by one message from ``requester``, numbered ``number`` or the next free number; returns its
    id."""
    db.execute(
        "INSERT INTO requesters (address, name) VALUES (?, ?) ON CONFLICT (address) DO NOTHING",
        [requester, name],
    )
    requester_id = db.execute("SELECT id FROM requesters WHERE address = ?", [requester]).fetchone()[0]
    count = db.execute("SELECT COUNT(*) FROM requests").fetchone()[0]
    first = _message(db, account, requester, received, "requester", f"<m{count}@example.org>")
    at = to_db(received)
    cursor = db.execute(
        "INSERT INTO requests (number, account_id, requester_id, subject, received_at, first_message_id, "
        f"last_activity_at, standard_id, assignee) VALUES (coalesce(?, {NEXT_NUMBER}), ?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING id",
        [number, account.id, requester_id, subject, at, first, at, standard_id, assignee],
    )
    request_id = int(cursor.fetchone()[0])
    db.execute("UPDATE messages SET request_id = ? WHERE id = ?", [request_id, first])
    lifecycle.record_incoming(db, request_id, first, received, "requester")
    return request_id


def reply(
    db: sqlite_utils.Database,
    account: Account,
    request_id: int,
    when: datetime,
    status_after: str | None = None,
    department: str | None = None,
) -> None:
    row = _message(
        db, account, account.address, when, "desk", f"<r{request_id}-{when.timestamp()}@example.org>"
    )
    db.execute("UPDATE messages SET request_id = ? WHERE id = ?", [request_id, row])
    lifecycle.record_desk_reply(db, request_id, row, when, "anna", status_after, department=department)

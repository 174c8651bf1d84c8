"""Triage that reshapes requests: a request entered by hand (phone call, visit at the desk), merging two requests
that turned out to be one, and splitting a message off into a request of its own.

Each is one transaction and leaves events on every request it touches, so the history explains what happened.
"""

from __future__ import annotations

import logging
from datetime import datetime

import sqlite_utils

from store.db import transaction
from store.errors import StoreError
from store.lifecycle import record_event
from store.numbers import NEXT_NUMBER
from store.timeutil import to_db
from store.vocabulary import HAND_CHANNELS, EventKind

log = logging.getLogger(__name__)


class TriageError(StoreError, ValueError):
    """A triage action that cannot be done; the message says why in a sentence."""


def _requester(db: sqlite_utils.Database, address: str, name: str) -> int:
    address = address.strip().lower()
    if "@" not in address:
        raise TriageError(f"requester: {address!r} is not an e-mail address")
    db.execute(
        "INSERT INTO requesters (address, name, department_id) "
        "VALUES (?, ?, (SELECT department_id FROM department_domains WHERE domain = ?)) "
        "ON CONFLICT (address) DO UPDATE SET name = excluded.name WHERE excluded.name != ''",
        [address, name.strip(), address.rpartition("@")[2]],
    )
    return int(db.execute("SELECT id FROM requesters WHERE address = ?", [address]).fetchone()[0])


def _apply_standard(db: sqlite_utils.Database, request_id: int) -> None:
    from store.standards.rules import apply_standard

    apply_standard(db, request_id)


def create_manual(
    db: sqlite_utils.Database,
    *,
    account_id: int,
    requester_address: str,
    requester_name: str,
    subject: str,
    text: str,
    channel: str,
    actor: str,
    at: datetime,
) -> int:
    """A request that did not come by mail; what was said is kept as its first note."""
    if channel not in HAND_CHANNELS:
        raise TriageError(f"channel: {channel!r} is not one of {', '.join(HAND_CHANNELS)}")
    if not subject.strip():
        raise TriageError("subject: a request needs a subject")
    with transaction(db):
        requester_id = _requester(db, requester_address, requester_name)
        stamp = to_db(at)
        cursor = db.execute(
            "INSERT INTO requests (number, account_id, requester_id, subject, status, channel, received_at, "
            f"last_activity_at) VALUES ({NEXT_NUMBER}, ?, ?, ?, 'new', ?, ?, ?)",
            [account_id, requester_id, subject.strip(), channel, stamp, stamp],
        )
        request_id = int(cursor.lastrowid or 0)
        record_event(db, request_id, EventKind.RECEIVED, actor, at, data={"channel": channel})
        if text.strip():
            record_event(db, request_id, EventKind.NOTE, actor, at, data={"text": text.strip()})
        _apply_standard(db, request_id)
    log.info("request %s entered by hand (%s) by %s", request_id, channel, actor)
    return request_id


def merge(db: sqlite_utils.Database, source: int, target: int, actor: str, at: datetime) -> None:
    """``source`` was the same matter as ``target``: its messages move over and it leaves every list."""
    if source == target:
        raise TriageError("merge: a request cannot be merged into itself")
    with transaction(db):
        rows = db.execute(
            "SELECT id, merged_into, number FROM requests WHERE id IN (?, ?)", [source, target]
        ).fetchall()
        found = {row[0]: (row[1], row[2]) for row in rows}
        for request_id, role in ((source, "to merge"), (target, "to merge into")):
            if request_id not in found:
                raise TriageError(f"merge: there is no request {role}")
            merged_into, number = found[request_id]
            if merged_into is not None:
                raise TriageError(f"merge: request #{number} was merged already")
        moved = [r[0] for r in db.execute("SELECT id FROM messages WHERE request_id = ?", [source])]
        db.execute("UPDATE messages SET request_id = ? WHERE request_id = ?", [target, source])
        db.execute("UPDATE outbox SET request_id = ? WHERE request_id = ?", [target, source])
        db.execute("UPDATE requests SET merged_into = ? WHERE id = ?", [target, source])
        db.execute(
            "UPDATE requests SET received_at = min(received_at, (SELECT received_at FROM requests WHERE id = ?)), "
            "last_activity_at = ? WHERE id = ?",
            [source, to_db(at), target],
        )
        record_event(db, source, EventKind.MERGED, actor, at, data={"into": target, "messages": moved})
        record_event(db, target, EventKind.MERGED, actor, at, data={"source": source, "messages": moved})
    log.info("request %s merged into %s by %s", source, target, actor)


def split(db: sqlite_utils.Database, message_row: int, actor: str, at: datetime) -> int:
    """A message that is a new matter leaves its request and opens one of its own, from its sender."""
    with transaction(db):
        row = db.execute(
            "SELECT account_id, request_id, from_addr, from_name, subject, coalesce(internal_date, date) "
            "FROM messages WHERE id = ?",
            [message_row],
        ).fetchone()
        if row is None:
            raise TriageError(f"split: there is no message {message_row}")
        account_id, old_request, address, name, subject, received = row
        if old_request is not None:
            left = db.execute(
                "SELECT count(*) FROM messages WHERE request_id = ? AND id != ?", [old_request, message_row]
            ).fetchone()[0]
            if left == 0:
                raise TriageError("split: the message is the request's only one")
        requester_id = _requester(db, address, name)
        cursor = db.execute(
            "INSERT INTO requests (number, account_id, requester_id, subject, status, received_at, "
            f"first_message_id, last_activity_at) VALUES ({NEXT_NUMBER}, ?, ?, ?, 'new', ?, ?, ?)",
            [account_id, requester_id, subject, received, message_row, to_db(at)],
        )
        request_id = int(cursor.lastrowid or 0)
        db.execute("UPDATE messages SET request_id = ? WHERE id = ?", [request_id, message_row])
        record_event(
            db, request_id, EventKind.SPLIT, actor, at, data={"source": old_request, "message": message_row}
        )
        if old_request is not None:
            record_event(
                db, old_request, EventKind.SPLIT, actor, at, data={"into": request_id, "message": message_row}
            )
        _apply_standard(db, request_id)
    log.info("message %s split off into request %s by %s", message_row, request_id, actor)
    return request_id

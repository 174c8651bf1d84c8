"""A request as the request view reads it: its messages, internal notes and the filing of imported history in the
order they happened, and the card of the requester who asked."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from store.bodies import stored_bodies
from store.history import HISTORY_ACTOR
from store.queues import OPEN_SQL
from store.raw_bytes import unpack
from store.timeutil import from_db, instant_from_db
from store.vocabulary import EventKind


@dataclass(frozen=True, slots=True)
class AttachmentRow:
    id: int
    filename: str
    content_type: str
    size: int


@dataclass(frozen=True, slots=True)
class ConversationItem:
    """A message, an internal note or the filing of imported history, in the order they happened."""

    kind: str  # "message", "note" or "history"
    id: int  # messages.id or events.id
    at: datetime | None
    role: str  # requester, desk, colleague, auto; "note" for notes
    sender: str
    sender_address: str
    subject: str
    text: str
    html: str | None
    attachments: tuple[AttachmentRow, ...] = ()


@dataclass(frozen=True, slots=True)
class RequesterCard:
    id: int
    name: str
    address: str
    department: str
    open_requests: tuple[tuple[int, int, str, str], ...]  # (id, number, subject, status), newest first
    total_requests: int
    recent: tuple[
        tuple[int, str, str, datetime], ...
    ]  # history: (id, subject, status, received), newest first
    median_first_response_min: float | None


def conversation(
    db: sqlite_utils.Database, request_id: int, html_from_raw: Callable[[bytes], str | None] | None = None
) -> list[ConversationItem]:
    """Messages and internal notes of a request, oldest first. The HTML a message left in its raw mail
    (``store.bodies``) is read by ``html_from_raw`` (``mail.parse.shown_html``), else not at all."""
    attachments: dict[int, list[AttachmentRow]] = {}
    for message_id, attachment_id, filename, content_type, size in db.execute(
        """SELECT a.message_id, a.id, a.filename, a.content_type, a.size FROM attachments a
           JOIN messages m ON m.id = a.message_id WHERE m.request_id = ? AND a.inline = 0 ORDER BY a.id""",
        [request_id],
    ):
        attachments.setdefault(message_id, []).append(
            AttachmentRow(attachment_id, filename, content_type, size)
        )
    items = []
    for row in db.query(
        """SELECT id, coalesce(date, internal_date) AS at, role, from_name, from_addr, subject, bodies, text_body,
                  html_body, raw_sha256 FROM messages WHERE request_id = ?""",
        [request_id],
    ):
        bodies = stored_bodies(row["bodies"], row["text_body"], row["html_body"])
        html = bodies.html
        if bodies.html_in_raw and html_from_raw is not None:
            raw = db.execute("SELECT data FROM raw WHERE sha256 = ?", [row["raw_sha256"]]).fetchone()
            html = None if raw is None else html_from_raw(unpack(raw[0]))
        items.append(
            ConversationItem(
                kind="message",
                id=row["id"],
                at=from_db(row["at"]),
                role=row["role"],
                sender=row["from_name"] or row["from_addr"],
                sender_address=row["from_addr"],
                subject=row["subject"],
                text=bodies.text,
                html=html,
                attachments=tuple(attachments.get(row["id"], ())),
            )
        )
    for event_id, at, actor, data in db.execute(
        "SELECT id, at, actor, data_json FROM events WHERE request_id = ? AND kind = ?",
        [request_id, EventKind.NOTE],
    ):
        text = str(json.loads(data or "{}").get("text", ""))
        items.append(ConversationItem("note", event_id, from_db(at), "note", actor, "", "", text, None))
    for event_id, at in db.execute(
        "SELECT id, at FROM events WHERE request_id = ? AND kind = 'status' AND actor = ? "
        "AND json_extract(data_json, '$.history')",
        [request_id, HISTORY_ACTOR],
    ):
        items.append(ConversationItem("history", event_id, from_db(at), "history", "", "", "", "", None))
    return sorted(items, key=lambda item: (item.at is None, item.at or datetime.min, item.kind, item.id))


def request_requester(db: sqlite_utils.Database, request_id: int) -> int | None:
    row = db.execute("SELECT requester_id FROM requests WHERE id = ?", [request_id]).fetchone()
    return None if row is None else row[0]


def requester_card(db: sqlite_utils.Database, requester_id: int, history: int = 8) -> RequesterCard | None:
    """Who is asking: department, what else they are waiting for, their past requests and how fast we answered."""
    row = next(
        db.query(
            """SELECT q.id, q.name, q.address, coalesce(d.name, '') AS department FROM requesters q
               LEFT JOIN departments d ON d.id = q.department_id WHERE q.id = ?""",
            [requester_id],
        ),
        None,
    )
    if row is None:
        return None
    open_requests = tuple(
        db.execute(
            "SELECT r.id, r.number, r.subject, r.status FROM requests r "
            f"WHERE r.requester_id = ? AND {OPEN_SQL} ORDER BY r.received_at DESC",
            [requester_id],
        )
    )
    total = db.execute("SELECT count(*) FROM requests WHERE requester_id = ?", [requester_id]).fetchone()[0]
    recent = tuple(
        (request_id, subject, status, instant_from_db(received_at))
        for request_id, subject, status, received_at in db.execute(
            "SELECT id, subject, status, received_at FROM requests WHERE requester_id = ? AND merged_into IS NULL "
            "ORDER BY received_at DESC LIMIT ?",
            [requester_id, history],
        )
    )
    waits = [
        minutes
        for (minutes,) in db.execute(
            """SELECT (julianday(first_response_at) - julianday(received_at)) * 1440 FROM requests
               WHERE requester_id = ? AND first_response_at IS NOT NULL""",
            [requester_id],
        )
        if minutes is not None and minutes >= 0
    ]
    import statistics  # here: the window's first paint does not need it

    median = statistics.median_low(waits) if waits else None
    return RequesterCard(
        id=row["id"],
        name=row["name"],
        address=row["address"],
        department=row["department"],
        open_requests=open_requests,
        total_requests=total,
        recent=recent,
        median_first_response_min=median,
    )

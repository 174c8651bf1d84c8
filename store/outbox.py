"""The durable outbox: a reply is written here before any network work, so nothing is lost and nothing sent twice.

A row moves ``queued`` → ``sending`` → ``sent``; a temporary failure sends it back to ``queued`` with a back-off, a
permanent one (5xx) to ``failed`` with the server's reason. ``smtp_accepted_at`` records that the SMTP server took
the message, so a row found in ``sending`` after a crash is only filed in Sent, never handed to the server again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlite_utils

from store import lifecycle, team_changes
from store.db import transaction
from store.raw_bytes import pack
from store.records import Address, AttachmentData
from store.search import SearchEntry, index_for_search
from store.stats.cache import forget_figures
from store.timeutil import from_db, to_db
from store.vocabulary import PENDING_STATES, Direction, EventKind, OutboxState, Role

BACKOFF_BASE = timedelta(seconds=30)
BACKOFF_CAP = timedelta(hours=1)
SNIPPET_CHARS = 200


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A composed message and what the store keeps of it; ``raw`` is exactly what goes to SMTP and to Sent."""

    account_id: int
    request_id: int | None
    message_id: str
    raw: bytes
    sender: Address
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    subject: str
    date: datetime
    text_body: str
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    attachments: tuple[AttachmentData, ...] = field(default=())
    written: str | None = (
        None  # what the person wrote, without signature and quote: the conversation's snippet
    )

    @property
    def recipients(self) -> list[str]:
        return list(dict.fromkeys(a.address for a in (*self.to, *self.cc) if a.address))


@dataclass(frozen=True, slots=True)
class OutboxRow:
    id: int
    account_id: int
    request_id: int | None
    request_number: int | None  # the request's number, for what people read
    message_id: str
    answers_message_id: int | None
    raw: bytes
    recipients: tuple[str, ...]
    state: str
    attempts: int
    last_error: str | None
    next_attempt_at: str | None
    status_after: str | None
    created_at: str
    sent_at: str | None
    smtp_accepted_at: str | None


_COLUMNS = (
    "id, account_id, request_id, (SELECT number FROM requests WHERE requests.id = outbox.request_id), message_id, "
    "answers_message_id, raw, recipients_json, state, attempts, last_error, next_attempt_at, status_after, "
    "created_at, sent_at, smtp_accepted_at"
)


def _row(values: Sequence) -> OutboxRow:
    fields = list(values)
    fields[7] = tuple(json.loads(fields[7]))
    return OutboxRow(*fields)


def backoff(attempts: int) -> timedelta:
    """Delay before the next try after ``attempts`` failed ones: doubling from 30 s, at most an hour."""
    if attempts <= 0:
        return timedelta(0)
    return min(BACKOFF_CAP, BACKOFF_BASE * (2 ** min(attempts - 1, 20)))


def snippet(text: str) -> str:
    return " ".join(text.split())[:SNIPPET_CHARS]


def queue_reply(
    db: sqlite_utils.Database,
    outgoing: Outgoing,
    *,
    status_after: str | None,
    answers_message_id: int | None,
    actor: str,
    department: str | None = None,
) -> tuple[int, int]:
    """Queue a reply and show it in its request at once, in one transaction; returns (outbox id, message row id).

    The message row has no folder until the Sent copy is synced back, which then attaches to it by Message-ID.
    The reply counts for its request (first response, ``status_after``) only once the SMTP server accepts it
    (``mark_accepted``): one refused for good never answered anybody. ``department`` is the colleague's
    department when the request is then to wait on a colleague.
    """
    if status_after is not None:
        lifecycle.check_status(status_after)
    with transaction(db):
        raw_sha = hashlib.sha256(outgoing.raw).hexdigest()
        db.execute("INSERT OR IGNORE INTO raw (sha256, data) VALUES (?, ?)", [raw_sha, pack(outgoing.raw)])
        cursor = db.execute(
            "INSERT INTO messages (account_id, folder_id, message_id, in_reply_to, references_json, subject, "
            "from_addr, from_name, to_json, cc_json, date, direction, role, text_body, snippet, raw_sha256, size, "
            "request_id) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                outgoing.account_id,
                outgoing.message_id,
                outgoing.in_reply_to,
                json.dumps(list(outgoing.references)),
                outgoing.subject,
                outgoing.sender.address,
                outgoing.sender.name,
                json.dumps([[a.name, a.address] for a in outgoing.to]),
                json.dumps([[a.name, a.address] for a in outgoing.cc]),
                to_db(outgoing.date),
                Direction.OUT,
                Role.DESK,
                outgoing.text_body,
                snippet(outgoing.text_body if outgoing.written is None else outgoing.written),
                raw_sha,
                len(outgoing.raw),
                outgoing.request_id,
            ],
        )
        message_row = int(cursor.lastrowid or 0)
        forget_figures(db, outgoing.request_id)
        _index(db, message_row, outgoing)
        cursor = db.execute(
            "INSERT INTO outbox (account_id, request_id, message_id, answers_message_id, raw, recipients_json, "
            "state, attempts, status_after, created_at, actor, department) "
            "VALUES (?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?, ?)",
            [
                outgoing.account_id,
                outgoing.request_id,
                outgoing.message_id,
                answers_message_id,
                outgoing.raw,
                json.dumps(outgoing.recipients),
                status_after,
                to_db(outgoing.date),
                actor,
                department,
            ],
        )
        outbox_id = int(cursor.lastrowid or 0)
    return outbox_id, message_row


def _index(db: sqlite_utils.Database, message_row: int, outgoing: Outgoing) -> None:
    """References for threading answers to this reply, FTS for search, attachments for the conversation view."""
    refs = list(dict.fromkeys(r for r in (outgoing.in_reply_to, *reversed(outgoing.references)) if r))
    for ref in refs:
        db.execute("INSERT INTO message_refs (message_id, ref) VALUES (?, ?)", [message_row, ref])
    index_for_search(db, [SearchEntry.of(message_row, outgoing.subject, outgoing.text_body, outgoing.sender)])
    for attachment in outgoing.attachments:
        digest = hashlib.sha256(attachment.data).hexdigest()
        db.execute("INSERT OR IGNORE INTO blobs (sha256, data) VALUES (?, ?)", [digest, attachment.data])
        db.execute(
            "INSERT INTO attachments (message_id, filename, content_type, size, sha256, inline) "
            "VALUES (?, ?, ?, ?, ?, 0)",
            [message_row, attachment.filename, attachment.content_type, len(attachment.data), digest],
        )


def get_row(db: sqlite_utils.Database, outbox_id: int) -> OutboxRow | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", [outbox_id]).fetchone()
    return None if row is None else _row(row)


def list_outbox(
    db: sqlite_utils.Database, states: Sequence[str] = tuple(OutboxState), account_id: int | None = None
) -> list[OutboxRow]:
    marks = ", ".join("?" * len(states))
    query = f"SELECT {_COLUMNS} FROM outbox WHERE state IN ({marks})"
    params: list = list(states)
    if account_id is not None:
        query += " AND account_id = ?"
        params.append(account_id)
    return [_row(r) for r in db.execute(query + " ORDER BY id", params)]


def due_rows(
    db: sqlite_utils.Database, now: datetime, account_id: int | None = None, ignore_backoff: bool = False
) -> list[OutboxRow]:
    """Rows to work on now: every ``sending`` row (an interrupted run to repair) and ``queued`` rows whose time came."""
    query = (
        f"SELECT {_COLUMNS} FROM outbox WHERE (state = 'sending' OR (state = 'queued' AND "
        "(? OR next_attempt_at IS NULL OR next_attempt_at <= ?)))"
    )
    params: list = [ignore_backoff, to_db(now)]
    if account_id is not None:
        query += " AND account_id = ?"
        params.append(account_id)
    return [_row(r) for r in db.execute(query + " ORDER BY id", params)]


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    found = dict(db.execute("SELECT state, COUNT(*) FROM outbox GROUP BY state").fetchall())
    return {state: int(found.get(state, 0)) for state in OutboxState}


def pending_count(db: sqlite_utils.Database, account_id: int | None = None) -> int:
    """Rows still owed to a server: queued or sending."""
    query = "SELECT COUNT(*) FROM outbox WHERE state IN (?, ?)"
    params: list = list(PENDING_STATES)
    if account_id is not None:
        query += " AND account_id = ?"
        params.append(account_id)
    return int(db.execute(query, params).fetchone()[0])


def _update(db: sqlite_utils.Database, outbox_id: int, where_state: Sequence[str], **values: object) -> bool:
    sets = ", ".join(f"{name} = ?" for name in values)
    marks = ", ".join("?" * len(where_state))
    cursor = db.execute(
        f"UPDATE outbox SET {sets} WHERE id = ? AND state IN ({marks})",
        [*values.values(), outbox_id, *where_state],
    )
    return cursor.rowcount == 1


def mark_sending(db: sqlite_utils.Database, outbox_id: int) -> bool:
    """Claim a row for a try (committed before any network work); False when it is no longer queued or sending."""
    with transaction(db):
        row = get_row(db, outbox_id)
        if row is None or row.state not in PENDING_STATES:
            return False
        return _update(db, outbox_id, PENDING_STATES, state=OutboxState.SENDING, attempts=row.attempts + 1)


def mark_accepted(db: sqlite_utils.Database, outbox_id: int, at: datetime) -> None:
    """The SMTP server took the message: from now on the row is only filed, never sent again, and the reply
    counts for its request, from its Date, in the same transaction."""
    with transaction(db):
        if _update(db, outbox_id, (OutboxState.SENDING,), smtp_accepted_at=to_db(at), last_error=None):
            _count_reply(db, outbox_id)


def _count_reply(db: sqlite_utils.Database, outbox_id: int) -> None:
    """Record the reply in its request's lifecycle, once (a reply queued by an older Loket was recorded then)."""
    row = db.execute(
        "SELECT o.request_id, o.status_after, o.actor, o.department, m.id, m.date FROM outbox o "
        "JOIN messages m ON m.account_id = o.account_id AND m.message_id = o.message_id AND m.direction = 'out' "
        "WHERE o.id = ? AND o.request_id IS NOT NULL ORDER BY m.id LIMIT 1",
        [outbox_id],
    ).fetchone()
    if row is None:
        return
    request_id, status_after, actor, department, message_row, date = row
    counted = db.execute(
        "SELECT 1 FROM events WHERE request_id = ? AND kind = ? AND message_id = ?",
        [request_id, EventKind.REPLIED, message_row],
    ).fetchone()
    if counted is None:
        written = from_db(date)
        assert written is not None
        lifecycle.record_desk_reply(
            db, request_id, message_row, written, actor or "", status_after, department=department
        )
        if status_after is not None:
            team_changes.share_status(db, request_id, actor or "", written)


def mark_sent(db: sqlite_utils.Database, outbox_id: int, at: datetime) -> None:
    _update(
        db,
        outbox_id,
        (OutboxState.SENDING,),
        state=OutboxState.SENT,
        sent_at=to_db(at),
        last_error=None,
        next_attempt_at=None,
    )


def mark_retry(db: sqlite_utils.Database, outbox_id: int, error: str, now: datetime) -> datetime:
    """A temporary failure: back to ``queued``, next try after the back-off; returns when that is."""
    row = get_row(db, outbox_id)
    attempts = row.attempts if row else 1
    next_at = now + backoff(attempts)
    _update(
        db,
        outbox_id,
        PENDING_STATES,
        state=OutboxState.QUEUED,
        last_error=error,
        next_attempt_at=to_db(next_at),
    )
    return next_at


def note_error(db: sqlite_utils.Database, outbox_id: int, error: str) -> None:
    """Why a row is still waiting (sent but not yet filed, or no try possible); its state does not change."""
    _update(db, outbox_id, PENDING_STATES, last_error=error)


def mark_failed(db: sqlite_utils.Database, outbox_id: int, error: str) -> None:
    _update(db, outbox_id, PENDING_STATES, state=OutboxState.FAILED, last_error=error, next_attempt_at=None)


def requeue(db: sqlite_utils.Database, outbox_id: int) -> bool:
    """Send a ``failed`` row again as it is; True when it was failed."""
    return _update(db, outbox_id, (OutboxState.FAILED,), state=OutboxState.QUEUED, next_attempt_at=None)


def revise_failed(
    db: sqlite_utils.Database,
    outbox_id: int,
    raw: bytes,
    to: Sequence[Address],
    cc: Sequence[Address],
    text_body: str,
) -> bool:
    """Replace a refused reply with a corrected one (same Message-ID) and queue it; True when it was failed.

    The conversation's copy of the reply changes with it, so the request shows what was really sent.
    """
    recipients = list(dict.fromkeys(a.address for a in (*to, *cc) if a.address))
    with transaction(db):
        row = get_row(db, outbox_id)
        if row is None or row.state != OutboxState.FAILED:
            return False
        _update(
            db,
            outbox_id,
            (OutboxState.FAILED,),
            state=OutboxState.QUEUED,
            raw=raw,
            recipients_json=json.dumps(recipients),
            next_attempt_at=None,
            last_error=None,
        )
        db.execute(
            "UPDATE messages SET text_body = ?, snippet = ?, to_json = ?, cc_json = ?, size = ? "
            "WHERE account_id = ? AND message_id = ? AND direction = 'out' AND folder_id IS NULL",
            [
                text_body,
                snippet(text_body),
                json.dumps([[a.name, a.address] for a in to]),
                json.dumps([[a.name, a.address] for a in cc]),
                len(raw),
                row.account_id,
                row.message_id,
            ],
        )
    return True

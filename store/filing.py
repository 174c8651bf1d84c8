"""Filing fetched mail into the store: one message row per server copy, each joined to the request it belongs to.

The rules that decide *which* request are pure (``store.threading``); this module applies them to what the store
already knows, in whatever order folders were synced: a reply stored before the message it answers is picked up
when that message arrives, and a request opened by such a reply is merged into the one it belongs to.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import sqlite_utils

from store import lifecycle
from store.accounts import Account
from store.db import transaction
from store.fetched import ATTACHMENT_COLUMNS, COPY_COLUMNS, FetchedCopy
from store.numbers import by_number, insert_numbered, message_number_key
from store.ratings import checked_rating, comment_of, record_rating
from store.records import Address, ParsedMessage
from store.search import SearchEntry, index_for_search
from store.standards.rules import apply_standards
from store.stats.cache import forget_figures, forgetting_at_end
from store.threading import (
    choose_request,
    display_subject,
    opens_request,
    referenced_ids,
    request_tag,
    thread_index_root,
)
from store.timeutil import to_db
from store.vocabulary import AutoKind, Direction, FolderRole, RequestStatus, Role

log = logging.getLogger(__name__)


# The messages columns filing adds to a copy's own (store.fetched.COPY_COLUMNS), and those the Sent copy of a reply
# Loket sent adds to the reply's row.
_FILING_COLUMNS = ("id", "account_id", "folder_id", "uidvalidity", "direction", "role", "request_id")
_SENT_COPY_COLUMNS = ("uid", "internal_date", "raw_sha256", "size", "flags_json")
_INSERT_RAW = "INSERT OR IGNORE INTO raw (sha256, data) VALUES (?, ?)"
_INSERT_MESSAGE = (
    f"INSERT INTO messages ({', '.join(_FILING_COLUMNS + COPY_COLUMNS)}) "
    f"VALUES ({', '.join('?' * (len(_FILING_COLUMNS) + len(COPY_COLUMNS)))})"
)


@dataclass(frozen=True, slots=True)
class FolderState:
    id: int
    role: str  # inbox or sent
    uidvalidity: int


class KnownRequesters:
    """Requester rows written during one ingest: a requester who writes again costs no statement unless their
    display name changed. Only for as long as every batch it served was committed: an ingest that fails drops it.
    """

    def __init__(self) -> None:
        # address -> (requesters.id, the display name last written, None while unknown)
        self._rows: dict[str, tuple[int, str | None]] = {}

    def row_id(self, db: sqlite_utils.Database, address: str, name: str) -> int:
        """The requester's row, created or given the latest display name."""
        known = self._rows.get(address)
        if known is not None and name in ("", known[1]):
            return known[0]
        db.execute(
            "INSERT INTO requesters (address, name, department_id) "
            "VALUES (?, ?, (SELECT department_id FROM department_domains WHERE domain = ?)) "
            "ON CONFLICT (address) DO UPDATE SET name = excluded.name "
            "WHERE excluded.name NOT IN ('', requesters.name)",  # an unchanged name rewrites nothing
            [address, name, address.rpartition("@")[2]],
        )
        row_id = (
            known[0]
            if known is not None
            else int(db.execute("SELECT id FROM requesters WHERE address = ?", [address]).fetchone()[0])
        )
        self._rows[address] = (row_id, name or (known[1] if known else None))
        return row_id


@dataclass(slots=True)
class _Batch:
    """What filing one batch learns once instead of per message."""

    awaited: set[str] = field(default_factory=set)  # Message-IDs that a stored message answers
    stored: set[str] = field(default_factory=set)  # Message-IDs the batch names that a stored message has
    requesters: KnownRequesters = field(default_factory=KnownRequesters)
    rating_secret: bytes | None = None  # the mailbox's secret that rating tokens are checked with
    next_message_id: int = 0  # the rowid the next message gets: a new request names its first message at once
    # Written together when the batch ends. FTS5 writes the entries it holds as a segment of their own whenever a
    # statement opens a savepoint (any that may change several rows does): written one by one amid filing, the
    # entries of a batch were spread over some sixteen small segments, each merged again later.
    search_entries: list[SearchEntry] = field(default_factory=list)


def file_batch(
    db: sqlite_utils.Database,
    account: Account,
    folder: FolderState,
    copies: Sequence[FetchedCopy],
    requesters: KnownRequesters | None = None,
    rating_secret: bytes | None = None,
) -> list[int]:
    """File fetched copies in order, then give the requests they opened their standards all at once.

    ``requesters`` carries the requester rows over from the batches before, when one ingest files several;
    ``rating_secret`` checks ratings (``store.ratings``), which are recorded as such instead of as answers.
    """
    with transaction(db), forgetting_at_end(db):
        own = [c.parsed.message_id for c in copies if c.parsed.message_id]
        named = own + [
            ref for c in copies for ref in referenced_ids(c.parsed.in_reply_to, c.parsed.references)
        ]
        batch = _Batch(
            awaited=_awaited(db, own),
            stored=_stored(db, account, named),
            next_message_id=_next_message_id(db),
            requesters=requesters if requesters is not None else KnownRequesters(),
            rating_secret=rating_secret,
        )
        db.conn.executemany(_INSERT_RAW, [(copy.raw_sha256, copy.raw_compressed) for copy in copies])
        first_row = batch.next_message_id
        rows = [file_copy(db, account, folder, copy, batch) for copy in copies]
        index_for_search(db, batch.search_entries)
        apply_standards(db, _opened_since(db, first_row))
    return rows


def _opened_since(db: sqlite_utils.Database, first_row: int) -> list[int]:
    """The requests messages from ``first_row`` on opened."""
    rows = db.execute("SELECT id FROM requests WHERE first_message_id >= ?", [first_row])
    return [row[0] for row in rows]


def _awaited(db: sqlite_utils.Database, message_ids: list[str]) -> set[str]:
    """Which of these Message-IDs some stored message already answers: only those can have answers to adopt."""
    rows = db.execute(
        "SELECT DISTINCT ref FROM message_refs WHERE ref IN (SELECT value FROM json_each(?))",
        [json.dumps(message_ids)],
    )
    return {row[0] for row in rows}


def _next_message_id(db: sqlite_utils.Database) -> int:
    """The rowid SQLite would give the next message (the largest plus one); stable inside the write transaction."""
    return int(db.execute("SELECT coalesce(max(id), 0) + 1 FROM messages").fetchone()[0])


def _stored(db: sqlite_utils.Database, account: Account, message_ids: list[str]) -> set[str]:
    """Which of these Message-IDs a stored message has: only those can lead to a request or a Sent copy."""
    rows = db.execute(
        "SELECT DISTINCT message_id FROM messages WHERE account_id = ? "
        "AND message_id IN (SELECT value FROM json_each(?))",
        [account.id, json.dumps(message_ids)],
    )
    return {row[0] for row in rows}


def file_copy(
    db: sqlite_utils.Database,
    account: Account,
    folder: FolderState,
    copy: FetchedCopy,
    batch: _Batch | None = None,
) -> int:
    """Store one fetched copy and file it into its request; returns the message row id. Call inside a transaction.

    Within a batch, a request it opens gets its standard when the batch ends; alone, at once.
    """
    parsed = copy.parsed
    if batch is None:  # a batch stores the raw mail of all its copies first, in one call
        db.execute(_INSERT_RAW, [copy.raw_sha256, copy.raw_compressed])
    outgoing = folder.role == FolderRole.SENT or parsed.sender.address == account.address
    direction = Direction.OUT if outgoing else Direction.IN

    pending = (
        _pending_sent_copy(db, account, parsed.message_id)
        if outgoing and _may_be_stored(batch, parsed.message_id)
        else None
    )
    if pending is not None:
        _attach_sent_copy(db, pending, folder, copy)
        return pending

    refs = referenced_ids(parsed.in_reply_to, parsed.references)
    request_id = _find_request(
        db,
        account,
        parsed,
        [ref for ref in refs if _may_be_stored(batch, ref)],
        _may_be_stored(batch, parsed.message_id),
    )
    is_new = request_id is None and opens_request(
        direction, parsed.auto_kind, parsed.sender.address, [account.address]
    )
    message_row = batch.next_message_id if batch is not None else _next_message_id(db)
    if is_new:
        request_id = _create_request(
            db, account, copy, message_row, batch.requesters if batch else KnownRequesters()
        )
    role = _role(db, request_id, direction, parsed.auto_kind, parsed.sender.address, is_new)
    # The request is known before the row is written: updating a stored message rewrites its whole body.
    _insert_message(db, account, folder, copy, direction, role, request_id, message_row, batch)
    if batch is not None:
        batch.next_message_id = message_row + 1
    if refs:
        # One row per statement: a multi-row INSERT makes SQLite keep a statement journal, twenty times the cost.
        db.conn.executemany(
            "INSERT INTO message_refs (message_id, ref) VALUES (?, ?)", [(message_row, ref) for ref in refs]
        )
        if batch is not None:
            batch.awaited.update(refs)
    if batch is not None and parsed.message_id:
        batch.stored.add(parsed.message_id)
    if request_id is not None:
        if is_new:
            lifecycle.record_opening(db, request_id, message_row, copy.internal_date)
            if batch is None:
                apply_standards(db, [request_id])
        elif role == Role.REQUESTER and _rating(db, account, batch, request_id, message_row, copy):
            pass  # a rating: neither an answer nor a reopening
        else:
            recipients = [a.address for a in (*parsed.to, *parsed.cc)]
            _record(
                db,
                request_id,
                message_row,
                direction,
                role,
                _when(direction, copy),
                parsed.sender,
                recipients,
            )
        if parsed.message_id and (batch is None or parsed.message_id in batch.awaited):
            _adopt_answers(db, account, request_id, parsed.message_id)
    return message_row


def update_flags(
    db: sqlite_utils.Database, folder: FolderState, flags_by_uid: dict[int, tuple[str, ...]]
) -> None:
    db.conn.executemany(
        "UPDATE messages SET flags_json = ? "
        "WHERE folder_id = ? AND uidvalidity = ? AND deleted_on_server = 0 AND uid = ?",
        [
            (json.dumps(sorted(flags)), folder.id, folder.uidvalidity, uid)
            for uid, flags in flags_by_uid.items()
        ],
    )


def mark_deleted_on_server(db: sqlite_utils.Database, folder: FolderState, uids: Sequence[int]) -> None:
    """The server no longer has these copies; the request and its history stay."""
    db.conn.executemany(
        "UPDATE messages SET deleted_on_server = 1 "
        "WHERE folder_id = ? AND uidvalidity = ? AND deleted_on_server = 0 AND uid = ?",
        [(folder.id, folder.uidvalidity, uid) for uid in uids],
    )


def _pending_sent_copy(db: sqlite_utils.Database, account: Account, message_id: str | None) -> int | None:
    """A reply Loket sent itself and whose Sent copy is now synced back: the two are one message."""
    if not message_id:
        return None
    row = db.execute(
        "SELECT id FROM messages WHERE account_id = ? AND message_id = ? AND folder_id IS NULL AND direction = 'out'",
        [account.id, message_id],
    ).fetchone()
    return row[0] if row else None


def _attach_sent_copy(
    db: sqlite_utils.Database, message_row: int, folder: FolderState, copy: FetchedCopy
) -> None:
    """The server's facts of the Sent copy join the row Loket wrote when it sent the reply, as a fetched copy has
    them worked out."""
    values = dict(zip(COPY_COLUMNS, copy.stored_values, strict=True))
    db.execute(
        "UPDATE messages SET folder_id = ?, uidvalidity = ?, "
        + ", ".join(f"{column} = ?" for column in _SENT_COPY_COLUMNS)
        + " WHERE id = ?",
        [folder.id, folder.uidvalidity, *(values[column] for column in _SENT_COPY_COLUMNS), message_row],
    )


def _insert_message(
    db: sqlite_utils.Database,
    account: Account,
    folder: FolderState,
    copy: FetchedCopy,
    direction: str,
    role: str,
    request_id: int | None,
    message_row: int,
    batch: _Batch | None,
) -> None:
    parsed = copy.parsed
    db.execute(
        _INSERT_MESSAGE,
        (
            message_row,
            account.id,
            folder.id,
            folder.uidvalidity,
            direction,
            role,
            request_id,
            *copy.stored_values,
        ),
    )
    forget_figures(db, request_id)
    body = f"{parsed.text_body}\n{parsed.attached_text}" if parsed.attached_text else parsed.text_body
    entry = SearchEntry.of(message_row, parsed.subject, body, parsed.sender)
    if batch is not None:
        batch.search_entries.append(entry)
    else:
        index_for_search(db, [entry])
    if copy.attachment_values:
        _store_attachments(db, message_row, copy)


def _store_attachments(db: sqlite_utils.Database, message_row: int, copy: FetchedCopy) -> None:
    """Names and sizes only: the bytes are in the raw mail, read from there when opened (mail.attachment_bytes)."""
    db.conn.executemany(
        f"INSERT INTO attachments (message_id, {', '.join(ATTACHMENT_COLUMNS)}) "
        f"VALUES (?, {', '.join('?' * len(ATTACHMENT_COLUMNS))})",
        [(message_row, *values) for values in copy.attachment_values],
    )


def _may_be_stored(batch: _Batch | None, message_id: str | None) -> bool:
    """Whether a stored message may have this Message-ID: a batch knows; a copy filed alone asks the store."""
    return batch is None or message_id in batch.stored


def _find_request(
    db: sqlite_utils.Database,
    account: Account,
    parsed: ParsedMessage,
    refs: Sequence[str],
    copy_stored: bool,
) -> int | None:
    """``refs`` are the references a stored message has; ``copy_stored`` whether this Message-ID may be."""
    by_reference = [_request_of_message_id(db, account, ref) for ref in refs]
    if parsed.message_id and copy_stored:
        # A second copy of the same message (delivered twice, or in two folders) joins the first copy's request.
        by_reference.append(_request_of_same_message(db, account, parsed))
    root = thread_index_root(parsed.thread_index)
    by_thread_index = None
    if root:
        row = db.execute(
            "SELECT id FROM requests WHERE account_id = ? AND thread_index = ? AND merged_into IS NULL "
            "ORDER BY id LIMIT 1",
            [account.id, root],
        ).fetchone()
        by_thread_index = row[0] if row else None
    tag = request_tag(parsed.subject)
    by_tag = None if tag is None else by_number(db, account.id, tag)
    return choose_request(by_reference, by_thread_index, by_tag)


def _request_of_message_id(db: sqlite_utils.Database, account: Account, message_id: str) -> int | None:
    row = db.execute(
        "SELECT request_id FROM messages WHERE account_id = ? AND message_id = ? AND request_id IS NOT NULL "
        "ORDER BY id LIMIT 1",
        [account.id, message_id],
    ).fetchone()
    return row[0] if row else None


def same_message(parsed: ParsedMessage) -> tuple[str, list[object]]:
    """A condition on ``messages`` for other copies of this very message, and its parameters: a Message-ID alone
    proves nothing (scanners and web forms reuse fixed ones), so a copy also has the same sender, Date and subject.
    """
    return (
        "message_id = ? AND from_addr = ? AND date IS ? AND subject = ?",
        [
            parsed.message_id,
            parsed.sender.address,
            to_db(parsed.date) if parsed.date else None,
            parsed.subject,
        ],
    )


def _request_of_same_message(
    db: sqlite_utils.Database, account: Account, parsed: ParsedMessage
) -> int | None:
    condition, params = same_message(parsed)
    row = db.execute(
        f"SELECT request_id FROM messages WHERE account_id = ? AND {condition} AND request_id IS NOT NULL "
        "ORDER BY id LIMIT 1",
        [account.id, *params],
    ).fetchone()
    return row[0] if row else None


def _create_request(
    db: sqlite_utils.Database,
    account: Account,
    copy: FetchedCopy,
    first_message_id: int,
    requesters: KnownRequesters,
) -> int:
    parsed = copy.parsed
    received = to_db(copy.internal_date)
    return insert_numbered(
        db,
        message_number_key(parsed.message_id, copy.raw_sha256),
        "INSERT INTO requests (number, account_id, requester_id, subject, status, received_at, "
        "thread_index, last_activity_at, first_message_id) VALUES (?, ?, ?, ?, 'new', ?, ?, ?, ?)",
        [
            account.id,
            requesters.row_id(db, parsed.sender.address, parsed.sender.name),
            display_subject(parsed.subject),
            received,
            thread_index_root(parsed.thread_index),
            received,
            first_message_id,
        ],
    )


def _role(
    db: sqlite_utils.Database,
    request_id: int | None,
    direction: str,
    auto_kind: str,
    sender: str,
    opened: bool,
) -> str:
    """Who spoke: the desk, automatic mail, the request's requester, or a colleague (anyone else in the thread)."""
    if auto_kind != AutoKind.NONE:
        return Role.AUTO
    if direction == Direction.OUT:
        return Role.DESK
    if opened or request_id is None:
        return Role.REQUESTER
    requester = db.execute(
        "SELECT r.address FROM requests q JOIN requesters r ON r.id = q.requester_id WHERE q.id = ?",
        [request_id],
    ).fetchone()
    return Role.REQUESTER if requester and requester[0] == sender else Role.COLLEAGUE


def _when(direction: str, copy: FetchedCopy) -> datetime:
    """A desk message counts from its Date (when it was written); incoming mail from when the server got it."""
    return copy.parsed.date if direction == Direction.OUT and copy.parsed.date else copy.internal_date


def _record(
    db: sqlite_utils.Database,
    request_id: int,
    message_row: int,
    direction: str,
    role: str,
    at: datetime,
    sender: Address,
    recipients: list[str],
) -> None:
    """Tell the lifecycle that a message joined a request.

    Desk mail that does not go to the requester is a forward to a colleague (sent from this desktop or another):
    the request then waits on that colleague's department.
    """
    if direction == Direction.OUT:
        colleague = _colleague_addressed(db, request_id, recipients)
        if colleague is None:
            lifecycle.record_desk_reply(db, request_id, message_row, at, sender.name or sender.address)
        else:
            lifecycle.record_desk_reply(
                db,
                request_id,
                message_row,
                at,
                sender.name or sender.address,
                RequestStatus.WAITING_COLLEAGUE,
                department=_department_of(db, colleague),
            )
    else:
        lifecycle.record_incoming(db, request_id, message_row, at, role)


def _rating(
    db: sqlite_utils.Database,
    account: Account,
    batch: _Batch | None,
    request_id: int,
    message_row: int,
    copy: FetchedCopy,
) -> bool:
    """Record the message as a rating when its subject's token is right for this request; the caller knows the
    sender is the request's requester. Anything else is an ordinary message."""
    if batch is None or batch.rating_secret is None:
        return False
    rating = checked_rating(batch.rating_secret, copy.parsed.subject)
    if (
        rating is None or by_number(db, account.id, rating.number) != request_id
    ):  # merged: the one it went into
        return False
    record_rating(
        db, request_id, rating.value, comment_of(copy.parsed.text_body), message_row, copy.internal_date
    )
    return True


def _colleague_addressed(db: sqlite_utils.Database, request_id: int, recipients: list[str]) -> str | None:
    """The first recipient of a desk message that leaves the requester out, or None for a reply to them."""
    if not recipients:
        return None
    row = db.execute(
        "SELECT r.address FROM requests q JOIN requesters r ON r.id = q.requester_id WHERE q.id = ?",
        [request_id],
    ).fetchone()
    if row is None or row[0] in recipients:
        return None
    return recipients[0]


def _department_of(db: sqlite_utils.Database, address: str) -> str | None:
    """The colleague's department from the directory, else their mail domain, so waits can still be grouped."""
    row = db.execute(
        "SELECT d.name FROM requesters r JOIN departments d ON d.id = r.department_id WHERE r.address = ? "
        "UNION ALL SELECT d.name FROM department_domains m JOIN departments d ON d.id = m.department_id "
        "WHERE m.domain = ? LIMIT 1",
        [address, address.rpartition("@")[2]],
    ).fetchone()
    return row[0] if row else address.rpartition("@")[2] or None


def _join(db: sqlite_utils.Database, request_id: int, message_row: int) -> None:
    """File a message stored earlier, when the request it answers becomes known."""
    direction, auto_kind, sender, name, date, internal_date, to_json, cc_json = db.execute(
        "SELECT direction, auto_kind, from_addr, from_name, date, internal_date, to_json, cc_json "
        "FROM messages WHERE id = ?",
        [message_row],
    ).fetchone()
    recipients = [address for _name, address in (*json.loads(to_json), *json.loads(cc_json))]
    role = _role(db, request_id, direction, auto_kind, sender, False)
    db.execute("UPDATE messages SET request_id = ?, role = ? WHERE id = ?", [request_id, role, message_row])
    stamp = date if direction == Direction.OUT and date else internal_date
    _record(
        db,
        request_id,
        message_row,
        direction,
        role,
        datetime.fromisoformat(stamp),
        Address(name, sender),
        recipients,
    )


def _adopt_answers(db: sqlite_utils.Database, account: Account, request_id: int, message_id: str) -> None:
    """File what was stored earlier as an answer to ``message_id`` but could not be placed then."""
    rows = db.execute(
        "SELECT m.id, m.request_id FROM message_refs r JOIN messages m ON m.id = r.message_id "
        "WHERE r.ref = ? AND m.account_id = ? AND (m.request_id IS NULL OR m.request_id != ?) ORDER BY m.id",
        [message_id, account.id, request_id],
    ).fetchall()
    for message_row, other_request in rows:
        if other_request is None:
            _join(db, request_id, message_row)
        elif _opened_by(db, other_request, message_row):
            _merge_into(db, account, other_request, request_id)


def _opened_by(db: sqlite_utils.Database, request_id: int, message_row: int) -> bool:
    row = db.execute("SELECT first_message_id FROM requests WHERE id = ?", [request_id]).fetchone()
    return bool(row) and row[0] == message_row


def _merge_into(db: sqlite_utils.Database, account: Account, source: int, target: int) -> None:
    """A request that a reply opened before its original was known: its messages join the right request."""
    log.info("merging request %s into %s: it answers a message of the latter", source, target)
    messages = [
        row[0]
        for row in db.execute(
            "SELECT id FROM messages WHERE request_id = ? ORDER BY COALESCE(internal_date, date), id",
            [source],
        )
    ]
    db.execute("UPDATE outbox SET request_id = ? WHERE request_id = ?", [target, source])
    db.execute("UPDATE messages SET request_id = NULL WHERE request_id = ?", [source])
    db.execute("UPDATE requests SET merged_into = ? WHERE merged_into = ?", [target, source])
    db.execute(
        "DELETE FROM request_figures WHERE request_id IN (SELECT id FROM requests WHERE merged_into = ?)",
        [target],
    )
    db.execute("DELETE FROM events WHERE request_id = ?", [source])
    db.execute("DELETE FROM requests WHERE id = ?", [source])
    for message_row in messages:
        _join(db, target, message_row)

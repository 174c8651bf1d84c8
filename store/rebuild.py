"""Rebuilding a damaged store: the damaged file is set aside (never deleted), and what only this desktop knew is
carried over into the new store from it, as far as it still reads.

The mailbox gives back every message, request and keyword by a full sync; it cannot give back the accounts, service
standards, calendars, templates, departments, hand-made changes to requests (status, assignee, priority, category,
notes), requests entered by hand, or replies still waiting in the outbox. Those are read from the damaged file table
by table and row by row: a table or rows that no longer read are skipped and counted, never a reason to stop.
``carry_settings`` runs before the sync (the sync then files into the carried accounts and requesters),
``carry_requests`` after it (a request is found again by the content hash of the message that opened it, one
entered by hand by the key the team knows it by). What the team shared through the mailbox's Loket folder (requests
entered by hand, notes) comes back with the sync as well: it is recognised and not carried a second time. What
this desktop changed and had not shared yet waits to be shared, as it did.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from store import lifecycle
from store.bodies import message_text
from store.db import db_path, transaction
from store.history import filed_as_history
from store.numbers import NEXT_NUMBER, place
from store.raw_bytes import pack
from store.search import SearchEntry, index_for_search
from store.team_changes import find_request
from store.timeutil import to_db
from store.vocabulary import UNSENT_STATES, ChangeKind, Channel, EventKind

log = logging.getLogger(__name__)

# What the mailbox cannot give back, in an order that keeps references valid; ids are kept.
SETTINGS_TABLES = ("calendars", "accounts", "departments", "department_domains", "requesters", "standards")
HAND_FIELDS = ("assignee", "priority", "category")
_SKIP_AHEAD_TRIES = 24  # a damaged page: try reading past it this many times, each jump twice the last


def set_aside(data_dir: Path, now: datetime) -> Path:
    """Rename the store (with its WAL and shared-memory files, which belong to it) to a name saying when and why;
    SQLite still opens the set-aside file with its WAL by that name."""
    path = db_path(data_dir)
    aside = path.with_name(f"{path.name}.damaged-{now.strftime('%Y%m%d-%H%M%S')}")
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(aside.with_name(aside.name + suffix))
    path.rename(aside)
    return aside


def open_damaged(path: Path) -> sqlite3.Connection:
    """The damaged file, read-only: nothing done here can make it worse."""
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)


def carry_settings(damaged: sqlite3.Connection, db: sqlite_utils.Database, counts: Counter[str]) -> None:
    """Accounts, calendars, standards, departments, requesters and templates, with their ids."""
    for table in SETTINGS_TABLES:
        # A rebuild is a first sync: it files the mailbox's history again, by the account's cut-off.
        reset = {"last_error": None, "history_filed_at": None}
        _copy_rows(damaged, db, table, "INSERT OR IGNORE", counts, reset=reset)
    # A template the desk edited replaces the default of the same name and language.
    _copy_rows(damaged, db, "templates", "INSERT OR REPLACE", counts, keep_id=False)


def carry_requests(
    damaged: sqlite3.Connection, db: sqlite_utils.Database, actor: str, now: datetime, counts: Counter[str]
) -> None:
    """Hand-made changes and notes on requests the sync found again, requests entered by hand with their history,
    and replies not yet sent, in that order (a reply belongs to its request); then the changes the team has not
    seen yet, to be shared by the next sync."""
    found: dict[int, int] = {}
    columns = [
        "id",
        "channel",
        "status",
        "assignee",
        "priority",
        "category",
        "last_activity_at",
        "account_id",
    ]
    for old_id, channel, *state, account_id in _rows(
        damaged, "requests", columns, counts, "merged_into IS NULL"
    ):
        try:
            with transaction(db):
                if channel != Channel.EMAIL:
                    key = _key_of(damaged, old_id)
                    new_id = None if key is None else find_request(db, account_id, key)
                    if new_id is None:
                        found[old_id] = _carry_manual(damaged, db, old_id, key, counts)
                        continue
                else:
                    new_id = _request_of(db, account_id, *_opening(damaged, old_id)) or _same_request(
                        damaged, db, old_id
                    )
                if new_id is None:
                    counts["requests not found in the mailbox"] += 1
                    continue
                found[old_id] = new_id
                _carry_hand_changes(damaged, db, old_id, new_id, state, actor, now, counts)
        except (sqlite3.Error, ValueError) as error:
            log.warning("request %s not carried over: %s", old_id, error)
            counts["requests skipped"] += 1
    _carry_outbox(damaged, db, found, counts)
    _carry_unshared_changes(damaged, db, counts)


def _key_of(damaged: sqlite3.Connection, old_id: int) -> str | None:
    """The key a request entered by hand is shared under: the team's copy of it is found again by that key."""
    try:
        row = damaged.execute("SELECT key FROM request_keys WHERE request_id = ?", [old_id]).fetchone()
    except sqlite3.Error:
        return None
    return None if row is None else str(row[0])


_CHANGE_COLUMNS = ("change_id", "account_id", "request_key", "field", "value_json", "actor", "at")
# What ``carry_requests`` carries over itself; the other kinds of change (a merge, a split, a standard given by hand)
# are applied again in the new store as if a colleague had made them.
_CARRIED_KINDS = (ChangeKind.NEW, ChangeKind.NOTE, *HAND_FIELDS, ChangeKind.STATUS)


def _carry_unshared_changes(
    damaged: sqlite3.Connection, db: sqlite_utils.Database, counts: Counter[str]
) -> None:
    """Changes this desktop made that never reached the mailbox's Loket folder wait to be shared again, as they did
    (the same change ids: none is applied twice)."""
    columns = ", ".join(_CHANGE_COLUMNS)
    marks = ", ".join("?" * len(_CHANGE_COLUMNS))
    with transaction(db):
        for values in _rows(damaged, "team_changes", _CHANGE_COLUMNS, counts, "pushed = 0"):
            applied = int(values[_CHANGE_COLUMNS.index("field")] in _CARRIED_KINDS)
            inserted = db.execute(
                f"INSERT OR IGNORE INTO team_changes ({columns}, pushed, applied) VALUES ({marks}, 0, ?)",
                [*values, applied],
            ).rowcount
            counts["changes not yet shared"] += inserted


def _opening(damaged: sqlite3.Connection, old_id: int) -> tuple[str | None, str | None]:
    """The content hash and Message-ID of the message that opened a request in the damaged store."""
    try:
        row = damaged.execute(
            "SELECT m.raw_sha256, m.message_id FROM requests r JOIN messages m ON m.id = r.first_message_id "
            "WHERE r.id = ?",
            [old_id],
        ).fetchone()
    except sqlite3.Error:
        return None, None
    return (row[0], row[1]) if row else (None, None)


def _request_of(
    db: sqlite_utils.Database, account_id: int, sha: str | None, message_id: str | None
) -> int | None:
    for column, value in (("raw_sha256", sha), ("message_id", message_id)):
        if value is None:
            continue
        row = db.execute(
            f"SELECT request_id FROM messages WHERE account_id = ? AND {column} = ? AND request_id IS NOT NULL "
            "ORDER BY id LIMIT 1",
            [account_id, value],
        ).fetchone()
        if row is not None:
            return int(row[0])
    return None


def _same_request(damaged: sqlite3.Connection, db: sqlite_utils.Database, old_id: int) -> int | None:
    """Where the damaged store's messages no longer read: the request from the same requester (their ids are carried
    over), with the same subject, opened by a message that arrived at the same instant."""
    try:
        old = damaged.execute(
            "SELECT account_id, requester_id, received_at, subject FROM requests WHERE id = ?", [old_id]
        ).fetchone()
    except sqlite3.Error:
        return None
    row = (
        old
        and db.execute(
            "SELECT id FROM requests WHERE account_id = ? AND requester_id IS ? AND received_at = ? AND subject = ? "
            "AND channel = 'email' ORDER BY id LIMIT 1",
            list(old),
        ).fetchone()
    )
    return int(row[0]) if row else None


def _carry_hand_changes(
    damaged: sqlite3.Connection,
    db: sqlite_utils.Database,
    old_id: int,
    new_id: int,
    state: Sequence[Any],
    actor: str,
    now: datetime,
    counts: Counter[str],
) -> None:
    """Notes with their author and time; status, assignee, priority and category as the damaged store had them,
    unless the mailbox brought something newer (a later message) since."""
    status, assignee, priority, category, last_activity = state
    latest: dict[str, tuple[str, datetime]] = {}
    by_hand = history = False  # a person set its status once; its latest status is the filing of history
    for kind, who, at, data_json in _events(damaged, old_id, counts):
        if kind == EventKind.NOTE:
            text = json.loads(data_json).get("text", "")
            if text.strip() and not _has_note(db, new_id, who, datetime.fromisoformat(at), text):
                lifecycle.add_note(db, new_id, text, who, datetime.fromisoformat(at))
                counts["notes"] += 1
        else:
            latest[kind] = (who, datetime.fromisoformat(at))
        if kind == EventKind.STATUS:
            data = json.loads(data_json or "{}")
            history = bool(data.get("history"))
            by_hand = by_hand or not (data.get("by_mail") or history)
    current = db.execute("SELECT last_activity_at, status FROM requests WHERE id = ?", [new_id]).fetchone()
    if current[0] and last_activity and current[0] > last_activity:
        return  # the mailbox has news the damaged store never saw: it decides
    for field, value in zip(HAND_FIELDS, (assignee, priority, category), strict=True):
        if value is None and field == "priority":
            continue
        who, at = latest.get(field, (actor, now))
        getattr(lifecycle, f"set_{field}")(db, new_id, value, who, at)
    # A status derived from the mail, or the filing of history, is derived again by the rebuild's own first sync
    # (by the account's cut-off as it is now); what a person set is carried over.
    if status != current[1] and not history and (by_hand or not filed_as_history(db, new_id)):
        who, at = latest.get(EventKind.STATUS, (actor, now))
        lifecycle.set_status(db, new_id, status, who, at)
        counts["statuses"] += 1


def _has_note(db: sqlite_utils.Database, request_id: int, actor: str, at: datetime, text: str) -> bool:
    """Whether the rebuild's sync brought this note back already: the team shares notes through the mailbox."""
    return (
        db.execute(
            "SELECT 1 FROM events WHERE request_id = ? AND kind = ? AND actor = ? AND at = ? "
            "AND json_extract(data_json, '$.text') = ?",
            [request_id, EventKind.NOTE, actor, to_db(at), text],
        ).fetchone()
        is not None
    )


def _events(damaged: sqlite3.Connection, old_id: int, counts: Counter[str]) -> Iterator[tuple[Any, ...]]:
    columns = ["kind", "actor", "at", "data_json"]
    return _rows(damaged, "events", columns, counts, "request_id = ?", [old_id])


def _carry_manual(
    damaged: sqlite3.Connection, db: sqlite_utils.Database, old_id: int, key: str | None, counts: Counter[str]
) -> int:
    """A request entered by hand (a phone call, a visit) that the mailbox did not give back (never shared): its row
    and all its history, under its key and so its number, as every desktop numbers it."""
    columns = _common_columns(
        damaged, db, "requests", exclude={"id", "number", "first_message_id", "merged_into"}
    )
    row = damaged.execute(f"SELECT {', '.join(columns)} FROM requests WHERE id = ?", [old_id]).fetchone()
    cursor = db.execute(
        f"INSERT INTO requests (number, {', '.join(columns)}) VALUES ({NEXT_NUMBER}, {', '.join('?' * len(columns))})",
        list(row),
    )
    new_id = int(cursor.lastrowid or 0)
    if key is not None:
        db.execute("INSERT INTO request_keys (request_id, key) VALUES (?, ?)", [new_id, key])
        place(db, new_id, key)
    for kind, who, at, data_json in _events(damaged, old_id, counts):
        db.execute(
            "INSERT INTO events (request_id, at, kind, actor, data_json) VALUES (?, ?, ?, ?, ?)",
            [new_id, at, kind, who, data_json],
        )
    counts["requests entered by hand"] += 1
    return new_id


def _carry_outbox(
    damaged: sqlite3.Connection, db: sqlite_utils.Database, found: dict[int, int], counts: Counter[str]
) -> None:
    """Replies not yet sent (or refused), each with the message row that shows it in its request."""
    columns = _common_columns(damaged, db, "outbox", exclude={"id"})
    marks = ", ".join("?" * len(UNSENT_STATES))
    for row in _rows(damaged, "outbox", columns, counts, f"state IN ({marks})", UNSENT_STATES):
        values = dict(zip(columns, row, strict=True))
        if db.execute("SELECT 1 FROM outbox WHERE message_id = ?", [values["message_id"]]).fetchone():
            continue
        try:
            with transaction(db):
                values["request_id"] = found.get(values["request_id"])
                values["answers_message_id"] = _answered_row(damaged, db, values["answers_message_id"])
                _carry_reply_message(damaged, db, values)
                db.execute(
                    f"INSERT INTO outbox ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                    list(values.values()),
                )
            counts["unsent replies"] += 1
        except sqlite3.Error as error:
            log.warning("an unsent reply was not carried over: %s", error)
            counts["unsent replies skipped"] += 1


def _answered_row(damaged: sqlite3.Connection, db: sqlite_utils.Database, old_row: int | None) -> int | None:
    if old_row is None:
        return None
    try:
        old = damaged.execute("SELECT raw_sha256 FROM messages WHERE id = ?", [old_row]).fetchone()
    except sqlite3.Error:
        return None
    new = old and db.execute("SELECT id FROM messages WHERE raw_sha256 = ? LIMIT 1", [old[0]]).fetchone()
    return int(new[0]) if new else None


def _carry_reply_message(
    damaged: sqlite3.Connection, db: sqlite_utils.Database, outbox: dict[str, Any]
) -> None:
    """The reply's own message row (no folder until its Sent copy is synced), rebuilt from the outbox's bytes."""
    columns = _common_columns(
        damaged, db, "messages", exclude={"id", "request_id", "raw_sha256", "folder_id"}
    )
    try:
        row = damaged.execute(
            f"SELECT {', '.join(columns)} FROM messages WHERE message_id = ? AND folder_id IS NULL",
            [outbox["message_id"]],
        ).fetchone()
    except sqlite3.Error:
        row = None
    if row is None:
        return  # the reply is still sent; its Sent copy shows it in the request once synced
    raw = bytes(outbox["raw"])
    sha = hashlib.sha256(raw).hexdigest()
    db.execute("INSERT OR IGNORE INTO raw (sha256, data) VALUES (?, ?)", [sha, pack(raw)])
    values = {**dict(zip(columns, row, strict=True)), "request_id": outbox["request_id"], "raw_sha256": sha}
    cursor = db.execute(
        f"INSERT INTO messages ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
        list(values.values()),
    )
    message_row = int(cursor.lastrowid or 0)
    refs = [values.get("in_reply_to"), *reversed(json.loads(values.get("references_json") or "[]"))]
    for ref in dict.fromkeys(r for r in refs if r):
        db.execute("INSERT INTO message_refs (message_id, ref) VALUES (?, ?)", [message_row, ref])
    sender = f"{values.get('from_name', '')} {values.get('from_addr', '')}".strip()
    text = message_text(values.get("bodies"), values.get("text_body", ""))
    index_for_search(db, [SearchEntry(message_row, values.get("subject", ""), text or "", sender)])


def _copy_rows(
    damaged: sqlite3.Connection,
    db: sqlite_utils.Database,
    table: str,
    verb: str,
    counts: Counter[str],
    *,
    keep_id: bool = True,
    reset: dict[str, Any] | None = None,
) -> None:
    columns = _common_columns(damaged, db, table, exclude=set() if keep_id else {"id"})
    if not columns:
        counts[f"{table} unreadable"] += 1
        return
    statement = f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    cleared = {columns.index(name): value for name, value in (reset or {}).items() if name in columns}
    for row in _rows(damaged, table, columns, counts):
        values = list(row)
        for index, value in cleared.items():
            values[index] = value
        try:
            db.execute(statement, values)
            counts[table] += 1
        except sqlite3.Error as error:
            log.warning("a row of %s was not carried over: %s", table, error)
            counts[f"{table} skipped"] += 1


def _common_columns(
    damaged: sqlite3.Connection, db: sqlite_utils.Database, table: str, exclude: set[str]
) -> list[str]:
    """Columns both stores have (the damaged one may be of an older version)."""
    try:
        old = {row[1] for row in damaged.execute(f"PRAGMA table_info({table})")}
    except sqlite3.Error:
        return []
    return [
        row[1] for row in db.execute(f"PRAGMA table_info({table})") if row[1] in old and row[1] not in exclude
    ]


def _rows(
    damaged: sqlite3.Connection,
    table: str,
    columns: Sequence[str],
    counts: Counter[str],
    where: str = "1",
    params: Sequence[Any] = (),
) -> Iterator[tuple[Any, ...]]:
    """Rows of a table of the damaged file in rowid order; where a page no longer reads, reading resumes past it
    (further each time), and what was passed over is counted, not fatal."""
    query = f"SELECT rowid, {', '.join(columns)} FROM {table} WHERE ({where}) AND rowid > ? ORDER BY rowid"
    after, jump = -(2**63), 1
    for _attempt in range(_SKIP_AHEAD_TRIES):
        try:
            for rowid, *values in damaged.execute(query, [*params, after]):
                after = rowid
                yield tuple(values)
            return
        except sqlite3.DatabaseError as error:
            counts[f"{table}: unreadable parts"] += 1
            log.warning("reading %s from the damaged store: %s", table, error)
            after, jump = max(after, 0) + jump, jump * 2

"""Changes people make to requests, shared by every desktop on the mailbox through Loket's own IMAP folder.

A change names its request by a key every desktop derives alike (the opening message's Message-ID, or the key a
request entered by hand was given), never by this store's row id. Every desktop applies the changes it knows in one
order, their time and then their id, and a field takes the value of the last change to it in that order: desktops
that saw two changes in different orders end alike, and the history keeps both, with who made them.

This desktop's own changes are applied at once and queued here until the folder holds them (``mail.team_folder``);
changes read from the folder are applied once each, as soon as the request they name is known here.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlite_utils

from store import lifecycle, triage
from store.db import transaction
from store.errors import StoreError
from store.numbers import message_number_key, place
from store.standards.rules import find_standard
from store.vocabulary import SHARED_FIELDS, ChangeKind, Priority, RequestStatus

log = logging.getLogger(__name__)

REPLYING_FOR = timedelta(minutes=15)  # a reply being written with no sign of life for this long is abandoned
_AT_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
_TICK = timedelta(microseconds=1)


class TeamChangeError(StoreError, ValueError):
    """A change that cannot be read or made; the message says why in a sentence."""


def at_text(moment: datetime) -> str:
    """UTC with microseconds, always the same width: the text sorts as the instants do."""
    return moment.astimezone(UTC).strftime(_AT_FORMAT)


def at_from_text(text: str) -> datetime:
    return datetime.strptime(text, _AT_FORMAT).replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Change:
    change_id: str
    request_key: str
    field: str
    value: Any
    actor: str
    at: datetime

    @property
    def order(self) -> tuple[str, str]:
        return at_text(self.at), self.change_id

    def to_json(self) -> str:
        return json.dumps(
            {
                "change": self.change_id,
                "request": self.request_key,
                "field": self.field,
                "value": self.value,
                "actor": self.actor,
                "at": at_text(self.at),
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> Change:
        """A change as another desktop wrote it; anything else raises TeamChangeError."""
        try:
            data = json.loads(text)
        except ValueError as error:
            raise TeamChangeError(f"not a change Loket can read: {error}") from error
        return cls.from_data(data)

    @classmethod
    def from_data(cls, data: Any) -> Change:
        """A change from its JSON object, as one message carries it or one entry of a pack of them."""
        try:
            change = cls(
                str(data["change"]),
                str(data["request"]),
                str(data["field"]),
                data.get("value"),
                str(data.get("actor", "")),
                at_from_text(data["at"]),
            )
        except (ValueError, KeyError, TypeError) as error:
            raise TeamChangeError(f"not a change Loket can read: {error}") from error
        if change.field not in tuple(ChangeKind) or not change.change_id or not change.request_key:
            raise TeamChangeError(f"not a change Loket can read: field {change.field!r}")
        return change


# -- keys every desktop derives alike ---------------------------------------------------------------------------

_MESSAGE_KEY = "coalesce(m.message_id, 'sha256:' || m.raw_sha256, 'message:' || m.id)"


def message_key(db: sqlite_utils.Database, message_row: int) -> str:
    row = db.execute(f"SELECT {_MESSAGE_KEY} FROM messages m WHERE m.id = ?", [message_row]).fetchone()
    if row is None:
        raise TeamChangeError(f"message: there is no message {message_row}")
    return str(row[0])


def request_key(db: sqlite_utils.Database, request_id: int) -> str:
    """The request's name on every desktop: the key it was entered with, else its opening message's."""
    row = db.execute(
        f"SELECT k.key, {_MESSAGE_KEY}, q.number FROM requests q "
        "LEFT JOIN messages m ON m.id = q.first_message_id LEFT JOIN request_keys k ON k.request_id = q.id "
        "WHERE q.id = ?",
        [request_id],
    ).fetchone()
    if row is None:
        raise TeamChangeError("request: there is no such request")
    key = row[0] or row[1]
    if key is None:
        raise TeamChangeError(f"request: request #{row[2]} has no opening message to name it by")
    return str(key)


def _find_message(db: sqlite_utils.Database, account_id: int, key: str) -> int | None:
    if key.startswith("sha256:"):
        sql, value = "raw_sha256 = ?", key.removeprefix("sha256:")
    else:
        sql, value = "message_id = ?", key
    row = db.execute(
        f"SELECT id FROM messages WHERE account_id = ? AND {sql} ORDER BY deleted_on_server, id LIMIT 1",
        [account_id, value],
    ).fetchone()
    return int(row[0]) if row else None


def find_request(db: sqlite_utils.Database, account_id: int, key: str) -> int | None:
    """The request a key names here, or None while this desktop has not seen it yet."""
    row = db.execute(
        "SELECT q.id FROM request_keys k JOIN requests q ON q.id = k.request_id WHERE k.key = ? AND q.account_id = ?",
        [key, account_id],
    ).fetchone()
    if row is None:
        if key.startswith("sha256:"):
            where, value = "m.raw_sha256 = ?", key.removeprefix("sha256:")
        else:
            where, value = "m.message_id = ?", key
        row = db.execute(  # from the message's index, never a scan of the requests
            f"SELECT id FROM requests WHERE first_message_id IN (SELECT m.id FROM messages m "
            f"WHERE m.account_id = ? AND {where}) ORDER BY received_at, number LIMIT 1",
            [account_id, value],
        ).fetchone()
    return int(row[0]) if row else None


# -- this desktop's changes -------------------------------------------------------------------------------------


def _account_of(db: sqlite_utils.Database, request_id: int) -> int:
    row = db.execute("SELECT account_id FROM requests WHERE id = ?", [request_id]).fetchone()
    if row is None:
        raise TeamChangeError("request: there is no such request")
    return int(row[0])


def _record(
    db: sqlite_utils.Database, account_id: int, key: str, field: str, value: Any, actor: str, at: datetime
) -> Change:
    """Queue a change made here, timed after every change to the same field this desktop knows, so the change a
    person makes last is the one that holds even where this machine's clock runs behind another's."""
    latest = db.execute(
        "SELECT max(at) FROM team_changes WHERE request_key = ? AND field = ?", [key, field]
    ).fetchone()[0]
    if latest is not None and at_text(at) <= latest:
        at = at_from_text(latest) + _TICK
    change = Change(uuid.uuid4().hex, key, field, value, actor, at)
    _insert(db, account_id, change, pushed=False, applied=True)
    return change


def _insert(
    db: sqlite_utils.Database, account_id: int, change: Change, *, pushed: bool, applied: bool
) -> bool:
    cursor = db.execute(
        "INSERT INTO team_changes (change_id, account_id, request_key, field, value_json, actor, at, pushed, "
        "applied) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (change_id) DO NOTHING",
        [
            change.change_id,
            account_id,
            change.request_key,
            change.field,
            json.dumps(change.value),
            change.actor,
            at_text(change.at),
            int(pushed),
            int(applied),
        ],
    )
    return cursor.rowcount == 1


def _set_field(
    db: sqlite_utils.Database, request_id: int, field: str, value: str | None, actor: str, at: datetime
) -> None:
    if field not in SHARED_FIELDS:
        raise TeamChangeError(f"field: {field!r} is not one of {', '.join(SHARED_FIELDS)}")
    if field == ChangeKind.STATUS:
        lifecycle.set_status(db, request_id, value or RequestStatus.OPEN, actor, at)
    elif field == ChangeKind.PRIORITY:
        lifecycle.set_priority(db, request_id, value or Priority.NORMAL, actor, at)
    elif field == ChangeKind.ASSIGNEE:
        lifecycle.set_assignee(db, request_id, value, actor, at)
    elif field == ChangeKind.CHOSEN_STANDARD:
        lifecycle.set_chosen_standard(db, request_id, value, actor, at)
    else:
        lifecycle.set_category(db, request_id, value, actor, at)


def _current(db: sqlite_utils.Database, request_id: int, field: str) -> Any:
    return db.execute(f"SELECT {field} FROM requests WHERE id = ?", [request_id]).fetchone()[0]


def set_field(
    db: sqlite_utils.Database, request_id: int, field: str, value: str | None, actor: str, at: datetime
) -> None:
    """Set status, assignee, priority, category or the standard chosen by hand here and share it with the team
    (nothing when unchanged). Only a standard this desktop has can be chosen here; one chosen elsewhere is kept by
    name, whether this desktop has it or not."""
    with transaction(db):
        account_id = _account_of(db, request_id)
        if field == ChangeKind.CHOSEN_STANDARD and (value or "").strip():
            find_standard(db, (value or "").strip(), account_id)  # StandardError names the unknown one
        before = _current(db, request_id, field) if field in SHARED_FIELDS else None
        _set_field(db, request_id, field, value, actor, at)
        after = _current(db, request_id, field)
        if after != before:
            _record(db, account_id, request_key(db, request_id), field, after, actor, at)


def share_status(db: sqlite_utils.Database, request_id: int, actor: str, at: datetime) -> None:
    """Share the status a request has now, set by a step other than ``set_field`` (a reply sent with "resolve"):
    other desktops derive only "waiting" from the reply itself."""
    with transaction(db):
        try:
            key = request_key(db, request_id)
        except TeamChangeError:
            return  # a request nothing names on other desktops
        status = _current(db, request_id, ChangeKind.STATUS)
        _record(db, _account_of(db, request_id), key, ChangeKind.STATUS, status, actor, at)


def add_note(db: sqlite_utils.Database, request_id: int, text: str, actor: str, at: datetime) -> None:
    with transaction(db):
        lifecycle.add_note(db, request_id, text, actor, at)
        _record(
            db, _account_of(db, request_id), request_key(db, request_id), ChangeKind.NOTE, text, actor, at
        )


MANUAL_FIELDS = ("requester_address", "requester_name", "subject", "text", "channel")


def create_manual(
    db: sqlite_utils.Database, *, account_id: int, actor: str, at: datetime, **details: str
) -> int:
    """A request entered by hand (``details`` as ``store.triage.create_manual`` takes them), under a key of its
    own that every desktop will know it by."""
    with transaction(db):
        key = f"<{uuid.uuid4().hex}@request.loket>"
        request_id = _create_manual(db, account_id, details, key, actor, at)
        _record(db, account_id, key, ChangeKind.NEW, details, actor, at)
    return request_id


def _create_manual(
    db: sqlite_utils.Database, account_id: int, details: dict[str, Any], key: str, actor: str, at: datetime
) -> int:
    """The request, numbered and keyed as every desktop numbers and keys it."""
    fields = {name: str(details.get(name) or "") for name in MANUAL_FIELDS}
    request_id = _numbered(
        db, triage.create_manual(db, account_id=account_id, actor=actor, at=at, **fields), key
    )
    db.execute("INSERT INTO request_keys (request_id, key) VALUES (?, ?)", [request_id, key])
    return request_id


def _numbered(db: sqlite_utils.Database, request_id: int, number_key: str) -> int:
    """A request just made here takes the number every desktop gives it (store.numbers)."""
    place(db, request_id, number_key)
    return request_id


def _split_numbered(db: sqlite_utils.Database, message_row: int, actor: str, at: datetime) -> int:
    request_id = triage.split(db, message_row, actor, at)
    message_id, raw_sha256 = db.execute(
        "SELECT message_id, raw_sha256 FROM messages WHERE id = ?", [message_row]
    ).fetchone()
    return _numbered(db, request_id, message_number_key(message_id, raw_sha256))


def merge(db: sqlite_utils.Database, source: int, target: int, actor: str, at: datetime) -> None:
    with transaction(db):
        triage.merge(db, source, target, actor, at)
        _record(
            db,
            _account_of(db, source),
            request_key(db, source),
            ChangeKind.MERGE,
            request_key(db, target),
            actor,
            at,
        )


def split(db: sqlite_utils.Database, message_row: int, actor: str, at: datetime) -> int:
    with transaction(db):
        old = db.execute("SELECT request_id FROM messages WHERE id = ?", [message_row]).fetchone()
        request_id = _split_numbered(db, message_row, actor, at)
        key = request_key(db, old[0]) if old and old[0] is not None else message_key(db, message_row)
        _record(
            db, _account_of(db, request_id), key, ChangeKind.SPLIT, message_key(db, message_row), actor, at
        )
    return request_id


def mark_replying(
    db: sqlite_utils.Database, request_id: int, actor: str, at: datetime, replying: bool
) -> None:
    """Tell the team that ``actor`` writes a reply to the request (renewed while they do), or no longer does."""
    with transaction(db):
        until = at_text(at + REPLYING_FOR) if replying else None
        _record(
            db,
            _account_of(db, request_id),
            request_key(db, request_id),
            ChangeKind.REPLYING,
            until,
            actor,
            at,
        )


def replying_now(db: sqlite_utils.Database, request_id: int, now: datetime) -> list[tuple[str, datetime]]:
    """Who writes a reply to the request right now, by their latest sign, and until when that sign holds."""
    rows = db.execute(
        "SELECT t.actor, t.value_json FROM team_changes t WHERE t.request_key = ? AND t.field = 'replying' "
        "AND NOT EXISTS (SELECT 1 FROM team_changes later WHERE later.request_key = t.request_key "
        "AND later.field = 'replying' AND later.actor = t.actor "
        "AND (later.at > t.at OR (later.at = t.at AND later.change_id > t.change_id))) ORDER BY t.actor",
        [request_key(db, request_id)],
    ).fetchall()
    found = []
    for actor, value_json in rows:
        until = json.loads(value_json)
        if isinstance(until, str) and at_from_text(until) > now:
            found.append((actor, at_from_text(until)))
    return found


# -- the folder's side ------------------------------------------------------------------------------------------


def queued(db: sqlite_utils.Database, account_id: int) -> list[Change]:
    """This desktop's changes the Loket folder does not hold yet, oldest first."""
    rows = db.execute(
        "SELECT change_id, request_key, field, value_json, actor, at FROM team_changes "
        "WHERE account_id = ? AND pushed = 0 ORDER BY at, change_id",
        [account_id],
    ).fetchall()
    return [_change_from_row(row) for row in rows]


def has_queued(db: sqlite_utils.Database, account_id: int) -> bool:
    return newest_queued(db, account_id) > 0


def newest_queued(db: sqlite_utils.Database, account_id: int) -> int:
    """The row of the change queued last that still waits (0: none), so a watcher can tell a new one from one
    the server refused before."""
    return int(
        db.execute(
            "SELECT coalesce(max(rowid), 0) FROM team_changes WHERE account_id = ? AND pushed = 0",
            [account_id],
        ).fetchone()[0]
    )


def mark_pushed(db: sqlite_utils.Database, change_id: str) -> None:
    db.execute("UPDATE team_changes SET pushed = 1 WHERE change_id = ?", [change_id])


def _change_from_row(row: Any) -> Change:
    return Change(row[0], row[1], row[2], json.loads(row[3]), row[4], at_from_text(row[5]))


def receive(db: sqlite_utils.Database, account_id: int, changes: Iterable[Change]) -> tuple[int, set[int]]:
    """Take changes read from the folder (each once, however often it is read) and apply what can be applied;
    returns how many were new here and the requests that changed."""
    with transaction(db):
        new = sum(_insert(db, account_id, change, pushed=True, applied=False) for change in changes)
        return new, apply_pending(db, account_id)


def apply_pending(db: sqlite_utils.Database, account_id: int) -> set[int]:
    """Apply changes whose request has become known here (after an ingest, say), in the team's order."""
    touched: set[int] = set()
    with transaction(db):
        rows = db.execute(
            "SELECT change_id, request_key, field, value_json, actor, at FROM team_changes "
            "WHERE account_id = ? AND applied = 0 ORDER BY at, change_id",
            [account_id],
        ).fetchall()
        for row in rows:
            change = _change_from_row(row)
            db.execute("SAVEPOINT team_change")
            try:
                request_id = _apply(db, account_id, change)
            except (ValueError, KeyError, TypeError) as error:
                # A change this desktop cannot apply (a request entered without a subject, say) must not hold up
                # the ones after it: it is logged and counted as done.
                db.execute("ROLLBACK TO team_change")
                log.warning(
                    "team change %s by %s cannot be applied: %s", change.change_id, change.actor, error
                )
                request_id = -1
            db.execute("RELEASE team_change")
            if request_id is not None:
                db.execute("UPDATE team_changes SET applied = 1 WHERE change_id = ?", [change.change_id])
                if request_id > 0:
                    touched.add(request_id)
    return touched


def _apply(db: sqlite_utils.Database, account_id: int, change: Change) -> int | None:
    """Apply one change; None while the request (or message) it names is unknown here."""
    if change.field == ChangeKind.NEW:
        return _apply_new(db, account_id, change)
    if change.field == ChangeKind.SPLIT:
        return _apply_split(db, account_id, change)
    request_id = find_request(db, account_id, change.request_key)
    if request_id is None:
        return None
    if change.field == ChangeKind.REPLYING:
        pass  # read by ``replying_now``; no event: the history keeps what was done, not who was typing
    elif change.field == ChangeKind.NOTE:
        lifecycle.add_note(db, request_id, str(change.value), change.actor, change.at)
    elif change.field == ChangeKind.MERGE:
        target = find_request(db, account_id, str(change.value))
        if target is None:
            return None
        merged = db.execute("SELECT merged_into FROM requests WHERE id = ?", [request_id]).fetchone()[0]
        if merged is None and target != request_id:
            triage.merge(db, request_id, target, change.actor, change.at)
    elif _overruled(db, change):
        lifecycle.record_event(
            db,
            request_id,
            change.field,
            change.actor,
            change.at,
            data={"to": change.value, "overruled": True},
        )
    else:
        _set_field(db, request_id, change.field, change.value, change.actor, change.at)
    return request_id


def _overruled(db: sqlite_utils.Database, change: Change) -> bool:
    """A later change to the same field is applied here already: it holds, this one only enters the history."""
    at, change_id = change.order
    return bool(
        db.execute(
            "SELECT 1 FROM team_changes WHERE request_key = ? AND field = ? AND applied = 1 "
            "AND (at > ? OR (at = ? AND change_id > ?)) LIMIT 1",
            [change.request_key, change.field, at, at, change_id],
        ).fetchone()
    )


def _apply_new(db: sqlite_utils.Database, account_id: int, change: Change) -> int:
    existing = find_request(db, account_id, change.request_key)
    if existing is not None:
        return existing
    return _create_manual(db, account_id, dict(change.value), change.request_key, change.actor, change.at)


def _apply_split(db: sqlite_utils.Database, account_id: int, change: Change) -> int | None:
    message_row = _find_message(db, account_id, str(change.value))
    if message_row is None:
        return None
    row = db.execute(
        "SELECT m.request_id, q.first_message_id FROM messages m LEFT JOIN requests q ON q.id = m.request_id "
        "WHERE m.id = ?",
        [message_row],
    ).fetchone()
    if row[0] is not None and row[1] == message_row:
        return int(row[0])  # split here already, or the message opened a request of its own on this desktop
    return _split_numbered(db, message_row, change.actor, change.at)

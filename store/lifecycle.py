"""A request's life as an append-only log of events: status changes, replies, assignments, notes.

Timers and statistics are derived from these events, so they can be recomputed for any period and definition;
the columns on ``requests`` (status, first_response_at, resolved_at ...) are kept in step as an index of them.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlite_utils

from store.db import transaction
from store.errors import StoreError
from store.standards.rules import apply_standard, refresh_due_dates
from store.stats.cache import forget_figures
from store.status_flow import MOVING_KINDS, Step, next_change, replay
from store.timeutil import from_db, to_db
from store.vocabulary import EventKind, RequestStatus, Role

log = logging.getLogger(__name__)

INCOMING_ROLES: dict[str, EventKind] = {
    Role.REQUESTER: EventKind.RECEIVED,
    Role.COLLEAGUE: EventKind.COLLEAGUE_ANSWERED,
    Role.AUTO: EventKind.AUTO_RECEIVED,
}


class LifecycleError(StoreError, ValueError):
    """A transition that cannot be made; the message names the field."""


def check_status(status: str) -> None:
    """Refuse a status the store does not know, naming the ones it does."""
    if status not in tuple(RequestStatus):
        raise LifecycleError(f"status: {status!r} is not one of {', '.join(RequestStatus)}")


@dataclass(frozen=True, slots=True)
class Event:
    """One row of the ``events`` table as plain values."""

    at: datetime
    kind: str
    actor: str = ""
    message_row_id: int | None = None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Period:
    """A stretch of time a request spent in one status; ``end`` is None while it lasts."""

    status: str
    start: datetime
    end: datetime | None
    department: str | None = None


def _request(db: sqlite_utils.Database, request_id: int) -> dict[str, Any]:
    row = db.execute(
        "SELECT status, received_at, first_response_at, last_activity_at, standard_id FROM requests WHERE id = ?",
        [request_id],
    ).fetchone()
    if row is None:
        raise LifecycleError("request: there is no such request")
    return dict(zip(_REQUEST_COLUMNS, row, strict=True))


_REQUEST_COLUMNS = ("status", "received_at", "first_response_at", "last_activity_at", "standard_id")


def record_event(
    db: sqlite_utils.Database,
    request_id: int,
    kind: str,
    actor: str,
    at: datetime,
    message_row_id: int | None = None,
    data: dict[str, Any] | None = None,
) -> int:
    """Append an event; returns its row id. Most events of a first sync carry no data: their ``{}`` is written
    without the JSON encoder."""
    data_json = json.dumps(data, ensure_ascii=False) if data else "{}"
    cursor = db.execute(
        "INSERT INTO events (request_id, at, kind, actor, message_id, data_json) VALUES (?, ?, ?, ?, ?, ?)",
        [request_id, to_db(at), kind, actor, message_row_id, data_json],
    )
    forget_figures(db, request_id)
    return int(cursor.lastrowid or 0)


def _touched(current: str | None, at: datetime) -> dict[str, str]:
    """The last-activity column when ``at`` is later than what the request has."""
    stamp = to_db(at)
    return {"last_activity_at": stamp} if current is None or stamp > current else {}


def _write(db: sqlite_utils.Database, request_id: int, columns: Mapping[str, str | None]) -> None:
    """One UPDATE for everything a message changed on its request (each rewrite touches a dozen indexes)."""
    if columns:
        assignments = ", ".join(f"{column} = ?" for column in columns)
        db.execute(f"UPDATE requests SET {assignments} WHERE id = ?", [*columns.values(), request_id])


def _change_status(
    db: sqlite_utils.Database,
    request_id: int,
    old: str,
    new: str,
    actor: str,
    at: datetime,
    note: str | None = None,
    department: str | None = None,
    also: Mapping[str, str] | None = None,
    by_mail: bool = False,
) -> None:
    """Write the status event and keep ``status``/``resolved_at`` in step (cleared on reopening), together with
    ``also`` (other columns the same change sets). ``by_mail`` marks a change that mail caused: a replay of the
    request's mail in time order (``_replay``) works those out again."""
    data: dict[str, Any] = {"from": old, "to": new}
    if department:
        data["department"] = department
    if note:
        data["note"] = note
    if by_mail:
        data["by_mail"] = True
    record_event(db, request_id, EventKind.STATUS, actor, at, data=data)
    resolved_at = to_db(at) if new == RequestStatus.RESOLVED else None
    _write(db, request_id, {**(also or {}), "status": new, "resolved_at": resolved_at})
    if old == RequestStatus.WAITING:
        refresh_due_dates(db, request_id, at)  # the wait paused the timers: their due dates move out
    log.debug("request %s: %s -> %s by %s", request_id, old, new, actor or "?")  # the event is the record


def _filed_late(db: sqlite_utils.Database, request_id: int, event_id: int, at: datetime) -> bool:
    """Whether the request already has mail or a status change from this second or later: the event just written
    is then out of time order (folders synced one after the other), and the statuses are replayed."""
    marks = ", ".join("?" * len(MOVING_KINDS))
    row = db.execute(
        f"SELECT 1 FROM events WHERE request_id = ? AND at >= ? AND id != ? AND kind IN ({marks}) LIMIT 1",
        [request_id, to_db(at)[:19], event_id, *MOVING_KINDS],
    ).fetchone()
    return row is not None


def _follow(
    db: sqlite_utils.Database, request_id: int, row: Mapping[str, Any], step: Step, columns: dict[str, str]
) -> None:
    """Let the message just recorded move the status: one step when it is the newest, else a replay of all."""
    if _filed_late(db, request_id, step.order, step.at):
        _write(db, request_id, columns)
        _replay(db, request_id, with_standard=row["standard_id"] is not None)
        return
    change = next_change(row["status"], step)
    if change is None:
        _write(db, request_id, columns)
        return
    _change_status(
        db, request_id, change.old, change.new, change.actor, change.at,
        department=change.department, also=columns, by_mail=True,
    )  # fmt: skip


def _replay(db: sqlite_utils.Database, request_id: int, with_standard: bool) -> None:
    """Work out the status changes mail caused again, in time order, around the hand-made ones; the due dates
    of a request ``with_standard`` follow the waits that changed."""
    steps: list[Step] = []
    by_mail: dict[int, tuple[str, str, str, str, str | None]] = {}
    marks = ", ".join("?" * len(MOVING_KINDS))
    for event_id, at, kind, actor, data_json in db.execute(
        f"SELECT id, at, kind, actor, data_json FROM events WHERE request_id = ? AND kind IN ({marks})",
        [request_id, *MOVING_KINDS],
    ).fetchall():
        data = json.loads(data_json or "{}")
        if kind == EventKind.STATUS and data.get("by_mail"):
            by_mail[event_id] = (at, actor, data["from"], data["to"], data.get("department"))
            continue
        when = from_db(at)
        assert when is not None
        steps.append(
            Step(
                when, kind, actor, event_id, data.get("to"), data.get("status_after"), data.get("department")
            )
        )
    changes, status, resolved_at = replay(steps)
    # Only the changes that differ are rewritten: a late message mostly adds one and alters the next.
    stale = {fields: event_id for event_id, fields in sorted(by_mail.items(), reverse=True)}
    fresh = []
    for change in changes:
        fields = (to_db(change.at), change.actor, change.old, change.new, change.department)
        if stale.pop(fields, None) is None:
            fresh.append(change)
    if not fresh and not stale:
        return  # the late message changed nothing that came after it
    db.conn.executemany("DELETE FROM events WHERE id = ?", [(event_id,) for event_id in stale.values()])
    forget_figures(db, request_id)
    for change in fresh:
        written: dict[str, Any] = {"from": change.old, "to": change.new, "by_mail": True}
        if change.department:
            written["department"] = change.department
        record_event(db, request_id, EventKind.STATUS, change.actor, change.at, data=written)
    _write(db, request_id, {"status": status, "resolved_at": to_db(resolved_at) if resolved_at else None})
    if with_standard:
        refresh_due_dates(db, request_id)
    log.debug("request %s: statuses replayed in time order, now %s", request_id, status)


def record_opening(db: sqlite_utils.Database, request_id: int, message_row_id: int, at: datetime) -> None:
    """The message that opened a request arrived: a new request has no status to change yet, no later reply, and
    its arrival is already its last activity, so this is the event alone."""
    record_event(db, request_id, EventKind.RECEIVED, Role.REQUESTER, at, message_row_id)


def record_incoming(
    db: sqlite_utils.Database, request_id: int, message_row_id: int, at: datetime, role: str
) -> None:
    """A message from outside the desk arrived in a request.

    A requester's message reopens a waiting or resolved request; a colleague's answer ends our wait on their
    department (back to open); automatic mail is recorded but never changes the status or the last activity.
    """
    kind = INCOMING_ROLES.get(role)
    if kind is None:
        raise LifecycleError(f"role: {role!r} is not one of {', '.join(INCOMING_ROLES)}")
    with transaction(db):
        row = _request(db, request_id)
        event_id = record_event(db, request_id, kind, role, at, message_row_id)
        if role == Role.AUTO:
            return
        _follow(db, request_id, row, Step(at, kind, role, event_id), _touched(row["last_activity_at"], at))


def record_desk_reply(
    db: sqlite_utils.Database,
    request_id: int,
    message_row_id: int | None,
    at: datetime,
    actor: str,
    status_after: str | None = None,
    *,
    department: str | None = None,
) -> None:
    """The desk answered: the first answer later than the request's arrival stops the first-response timer.

    A new or open request then waits on the requester unless ``status_after`` says otherwise; ``department``
    is the colleague's department when ``status_after`` is ``waiting_colleague``.
    """
    if status_after is not None:
        check_status(status_after)
    with transaction(db):
        row = _request(db, request_id)
        data: dict[str, Any] = {"status_after": status_after} if status_after else {}
        if department:
            data["department"] = department
        event_id = record_event(db, request_id, EventKind.REPLIED, actor, at, message_row_id, data)
        stamp = to_db(at)
        first = row["first_response_at"]
        columns = _touched(row["last_activity_at"], at)
        if stamp > row["received_at"] and (first is None or stamp < first):
            columns["first_response_at"] = stamp
        step = Step(at, EventKind.REPLIED, actor, event_id, status_after=status_after, department=department)
        _follow(db, request_id, row, step, columns)


def set_status(
    db: sqlite_utils.Database,
    request_id: int,
    status: str,
    actor: str,
    at: datetime,
    note: str | None = None,
    *,
    department: str | None = None,
) -> None:
    """Move a request to ``status`` by hand; ``department`` names the colleague's department we wait on.

    Setting the status it already has (with the same department) records nothing.
    """
    check_status(status)
    if department is not None and status != RequestStatus.WAITING_COLLEAGUE:
        raise LifecycleError("department: only a request waiting on a colleague has a department to wait on")
    with transaction(db):
        row = _request(db, request_id)
        if row["status"] == status and (status != RequestStatus.WAITING_COLLEAGUE or department is None):
            if note:
                record_event(db, request_id, EventKind.NOTE, actor, at, data={"text": note})
            return
        touched = _touched(row["last_activity_at"], at)
        _change_status(db, request_id, row["status"], status, actor, at, note, department, also=touched)


def _set_field(
    db: sqlite_utils.Database, request_id: int, column: str, value: str | None, actor: str, at: datetime
) -> None:
    with transaction(db):
        row = db.execute(f"SELECT {column} FROM requests WHERE id = ?", [request_id]).fetchone()
        if row is None:
            raise LifecycleError("request: there is no such request")
        if row[0] == value:
            return
        record_event(db, request_id, column, actor, at, data={"from": row[0], "to": value})
        db.execute(f"UPDATE requests SET {column} = ? WHERE id = ?", [value, request_id])


def set_assignee(
    db: sqlite_utils.Database, request_id: int, assignee: str | None, actor: str, at: datetime
) -> None:
    """Give the request to a colleague at the desk (None: nobody)."""
    _set_field(db, request_id, "assignee", (assignee or "").strip() or None, actor, at)


def set_priority(db: sqlite_utils.Database, request_id: int, priority: str, actor: str, at: datetime) -> None:
    """A new priority may bring another service standard (one per priority, say)."""
    if not priority.strip():
        raise LifecycleError("priority: an empty priority means nothing; use 'normal'")
    with transaction(db):
        _set_field(db, request_id, "priority", priority.strip(), actor, at)
        apply_standard(db, request_id, at)


def set_category(
    db: sqlite_utils.Database, request_id: int, category: str | None, actor: str, at: datetime
) -> None:
    """A new category may bring another service standard."""
    with transaction(db):
        _set_field(db, request_id, "category", (category or "").strip() or None, actor, at)
        apply_standard(db, request_id, at)


def set_chosen_standard(
    db: sqlite_utils.Database, request_id: int, name: str | None, actor: str, at: datetime
) -> None:
    """Give the request a standard by hand, by its name (None: the rules choose again); the timers follow it
    where this desktop has a standard of that name."""
    with transaction(db):
        _set_field(db, request_id, "chosen_standard", (name or "").strip() or None, actor, at)
        apply_standard(db, request_id, at)


def add_note(db: sqlite_utils.Database, request_id: int, text: str, actor: str, at: datetime) -> None:
    """An internal note: never mailed, kept in the request's history."""
    if not text.strip():
        raise LifecycleError("note: an empty note is not recorded")
    with transaction(db):
        _request(db, request_id)
        record_event(db, request_id, EventKind.NOTE, actor, at, data={"text": text})


def load_events(db: sqlite_utils.Database, request_id: int) -> list[Event]:
    """A request's events in the order they happened (ties in the order they were written)."""
    rows = db.query(
        "SELECT at, kind, actor, message_id, data_json FROM events WHERE request_id = ? ORDER BY at, id",
        [request_id],
    )
    return [_event_from_row(row) for row in rows]


def _event_from_row(row: Mapping[str, Any]) -> Event:
    at = from_db(row["at"])
    assert at is not None
    return Event(
        at=at,
        kind=row["kind"],
        actor=row["actor"],
        message_row_id=row["message_id"],
        data=json.loads(row["data_json"] or "{}"),
    )


def status_periods(
    received_at: datetime, events: Iterable[Event], initial: str = RequestStatus.NEW
) -> list[Period]:
    """The statuses a request went through, from its arrival, out of its ``status`` events (pure)."""
    periods: list[Period] = []
    status, since, department = initial, received_at, None
    for event in sorted((e for e in events if e.kind == EventKind.STATUS), key=lambda e: e.at):
        new = event.data.get("to", status)
        start = max(event.at, since)
        periods.append(Period(status, since, start, department))
        status, since, department = new, start, event.data.get("department")
    periods.append(Period(status, since, None, department))
    return [p for p in periods if p.end is None or p.end > p.start]


def colleague_wait_seconds(periods: Iterable[Period], now: datetime) -> dict[str, float]:
    """Real time spent waiting on each colleague's department ("" when none was named), up to ``now``."""
    waits: dict[str, float] = {}
    for period in periods:
        if period.status != RequestStatus.WAITING_COLLEAGUE:
            continue
        end = period.end or now
        if end > period.start:
            key = period.department or ""
            waits[key] = waits.get(key, 0.0) + (end - period.start).total_seconds()
    return waits

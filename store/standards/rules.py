"""Service standards as the desk agrees them: targets, which requests they cover, and the due dates they give.

A standard applies to a request when each criterion it names (department, requester, category, channel, priority)
matches; of those, the most specific wins (requester > department > category = channel > priority, added up, each
level outweighing all below it together), and a standard with no criterion is the account-wide default. A standard
given to a request by hand, by name, wins over them all where this desktop has a standard of that name; where it
has none, the rules choose until one of that name is added. Every change is checked first and refused with a sentence naming the field,
so a bad value never reaches the table.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time
from typing import Any

import sqlite_utils

from store.db import transaction
from store.errors import StoreError
from store.standards.business_time import Calendar, CalendarError
from store.standards.calendars import hours_to_json, load_calendar
from store.standards.due_batches import dues_at_micros, dues_for_starts, to_micros
from store.stats.cache import forget_figures
from store.timeutil import to_db, utcnow
from store.vocabulary import Channel, EventKind, RequestStatus

log = logging.getLogger(__name__)

DEFAULT_WARNING_PCT = 75.0
CRITERIA = ("requester", "department", "category", "channel", "priority")
_WEIGHT = {"requester": 16, "department": 8, "category": 2, "channel": 2, "priority": 1}


class StandardError(StoreError, ValueError):
    """A standard that cannot work; the message names the field."""


@dataclass(frozen=True, slots=True)
class Standard:
    id: int | None
    account_id: int | None
    name: str
    first_response_min: float
    resolution_min: float | None = None
    warning_pct: float = DEFAULT_WARNING_PCT
    department: str | None = None
    requester: str | None = None
    category: str | None = None
    priority: str | None = None
    calendar_id: int | None = None  # None: the calendar of the request's account
    channel: str | None = None  # email, phone or desk; None: any

    def specificity(self) -> int:
        return sum(_WEIGHT[name] for name in CRITERIA if getattr(self, name) is not None)

    def applies_to(self, facts: Mapping[str, str | None]) -> bool:
        return all(getattr(self, name) is None or getattr(self, name) == facts.get(name) for name in CRITERIA)


_COLUMNS = tuple(f.name for f in fields(Standard))


def _standard(row: Sequence[Any]) -> Standard:
    return Standard(*row)


def _normal(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _check(db: sqlite_utils.Database, standard: Standard) -> Standard:
    """The standard with criteria normalised, or ``StandardError`` naming the first bad field."""
    if not standard.name.strip():
        raise StandardError("name: a standard needs a name")
    for field_name in ("first_response_min", "resolution_min"):
        value = getattr(standard, field_name)
        label = field_name.removesuffix("_min").replace("_", " ")
        if value is None and field_name == "resolution_min":
            continue
        if not isinstance(value, int | float) or math.isnan(value) or math.isinf(value):
            raise StandardError(f"{label}: {value!r} is not a number of minutes")
        if value <= 0:
            raise StandardError(f"{label}: the target must be more than zero minutes, not {value:g}")
    if not 0 < standard.warning_pct < 100:
        raise StandardError(f"warning: {standard.warning_pct:g}% must lie between 0 and 100 (exclusive)")
    if (
        standard.account_id is not None
        and not db.execute("SELECT 1 FROM accounts WHERE id = ?", [standard.account_id]).fetchone()
    ):
        raise StandardError(f"account: there is no account {standard.account_id}")
    if (
        standard.calendar_id is not None
        and not db.execute("SELECT 1 FROM calendars WHERE id = ?", [standard.calendar_id]).fetchone()
    ):
        raise StandardError(f"calendar: there is no calendar {standard.calendar_id}")
    channel = _normal(standard.channel)
    if channel is not None and channel.lower() not in tuple(Channel):
        raise StandardError(f"channel: {channel!r} is not one of {', '.join(Channel)}")
    requester = _normal(standard.requester)
    normal = replace(
        standard,
        name=standard.name.strip(),
        requester=requester.lower() if requester else None,
        department=_normal(standard.department),
        category=_normal(standard.category),
        priority=_normal(standard.priority),
        channel=channel.lower() if channel else None,
    )
    clash = db.execute(
        "SELECT id FROM standards WHERE name = ? AND account_id IS ? AND id IS NOT ?",
        [normal.name, normal.account_id, normal.id],
    ).fetchone()
    if clash:
        raise StandardError(f"name: a standard called {normal.name!r} exists already")
    return normal


def add_calendar(
    db: sqlite_utils.Database,
    name: str,
    tz: str,
    hours: Mapping[int, Sequence[tuple[time, time]]],
    holidays: str | None = None,
    closed_days: Iterable[date] = (),
) -> int:
    """Store a calendar after checking it (time zone, holiday region, hours); returns its id."""
    try:
        calendar = Calendar(tz, hours, holidays, list(closed_days))
    except CalendarError as error:
        raise StandardError(str(error)) from error
    return _insert(
        db,
        "calendars",
        {
            "name": name,
            "tz": calendar.tz,
            "hours_json": hours_to_json(calendar.hours),
            "holidays": calendar.holidays,
            "closed_days_json": json.dumps(sorted(day.isoformat() for day in calendar.closed_days)),
        },
    )


def _insert(db: sqlite_utils.Database, table: str, values: Mapping[str, Any]) -> int:
    columns = ", ".join(values)
    marks = ", ".join("?" * len(values))
    cursor = db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values()))
    return int(cursor.lastrowid or 0)


def list_standards(db: sqlite_utils.Database, account_id: int | None = None) -> list[Standard]:
    """Standards of one account (and those for every account), or all of them."""
    sql = f"SELECT {', '.join(_COLUMNS)} FROM standards"
    if account_id is None:
        return [_standard(r) for r in db.execute(sql + " ORDER BY account_id, name")]
    rows = db.execute(sql + " WHERE account_id = ? OR account_id IS NULL ORDER BY name", [account_id])
    return [_standard(r) for r in rows]


def get_standard(db: sqlite_utils.Database, standard_id: int) -> Standard | None:
    row = db.execute(f"SELECT {', '.join(_COLUMNS)} FROM standards WHERE id = ?", [standard_id]).fetchone()
    return None if row is None else _standard(row)


def find_standard(db: sqlite_utils.Database, name: str, account_id: int | None) -> Standard:
    row = db.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM standards WHERE name = ? AND (account_id IS ? OR account_id IS NULL) "
        "ORDER BY account_id IS NULL",
        [name, account_id],
    ).fetchone()
    if row is None:
        raise StandardError(f"name: there is no standard called {name!r}")
    return _standard(row)


def add_standard(db: sqlite_utils.Database, standard: Standard, now: datetime | None = None) -> Standard:
    """Store a new standard and put it on the open requests it now covers best."""
    with transaction(db):
        checked = _check(db, replace(standard, id=None))
        values = {name: getattr(checked, name) for name in _COLUMNS if name != "id"}
        new_id = _insert(db, "standards", values)
        reassign_standards(db, checked.account_id, now)
    stored = get_standard(db, new_id)
    assert stored is not None
    log.info("standard %r added", stored.name)
    return stored


def edit_standard(
    db: sqlite_utils.Database, standard_id: int, changes: Mapping[str, Any], now: datetime | None = None
) -> Standard:
    """Change a standard; the open requests are re-matched and their due dates recomputed, all at once."""
    unknown = set(changes) - set(_COLUMNS) - {"id"}
    if unknown:
        raise StandardError(f"{sorted(unknown)[0]}: not a field of a standard")
    with transaction(db):
        current = get_standard(db, standard_id)
        if current is None:
            raise StandardError(f"standard: there is no standard {standard_id}")
        checked = _check(db, replace(current, **changes))
        values = {name: getattr(checked, name) for name in _COLUMNS if name != "id"}
        assignments = ", ".join(f"{name} = ?" for name in values)
        db.execute(f"UPDATE standards SET {assignments} WHERE id = ?", [*values.values(), standard_id])
        if any(
            changes.get(name, getattr(current, name)) != getattr(current, name)
            for name in (*CRITERIA, "name")
        ):
            reassign_standards(
                db, None, now
            )  # it may cover other requests now (by name: those given it by hand)
        recompute_due_dates(db, standard_id, now)
    log.info("standard %r changed: %s", checked.name, ", ".join(sorted(changes)))
    return checked


def remove_standard(db: sqlite_utils.Database, standard_id: int, now: datetime | None = None) -> None:
    """Delete a standard; its open requests fall back to the next best standard (or none)."""
    with transaction(db):
        if get_standard(db, standard_id) is None:
            raise StandardError(f"standard: there is no standard {standard_id}")
        db.execute("DELETE FROM standards WHERE id = ?", [standard_id])
        reassign_standards(db, None, now)


_FACTS_SQL = """
SELECT q.id, q.account_id, q.standard_id, lower(r.address) AS requester, d.name AS department, q.category,
       q.priority, q.channel, q.chosen_standard AS chosen
FROM requests q
LEFT JOIN requesters r ON r.id = q.requester_id
LEFT JOIN departments d ON d.id = r.department_id
"""


def _best(
    candidates: Iterable[Standard], account_id: int, facts: Mapping[str, str | None]
) -> Standard | None:
    candidates = list(candidates)
    named = [s for s in candidates if s.name == facts.get("chosen") and s.account_id in (None, account_id)]
    if named:  # given by hand; the account's own before one for every account
        return max(named, key=lambda s: s.account_id is not None)
    fitting = [
        s for s in candidates if (s.account_id is None or s.account_id == account_id) and s.applies_to(facts)
    ]
    if not fitting:
        return None
    return max(fitting, key=lambda s: (s.specificity(), s.account_id is not None, -(s.id or 0)))


def _fact_rows(db: sqlite_utils.Database, where: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    """The facts of the requests ``where`` picks. Read without ``db.query``: the savepoint that wraps its every
    call makes the search index write what it holds as a segment of its own, once per batch during ingest."""
    cursor = db.execute(f"{_FACTS_SQL} WHERE {where}", list(params))
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _facts(row: Mapping[str, Any]) -> dict[str, str | None]:
    return {criterion: row[criterion] for criterion in (*CRITERIA, "chosen")}


def standard_for_request(db: sqlite_utils.Database, request_id: int) -> Standard | None:
    """The standard that fits the request best by its requester, department, category, channel and priority."""
    rows = _fact_rows(db, "q.id = ?", [request_id])
    if not rows:
        raise StandardError("request: there is no such request")
    row = rows[0]
    return _best(list_standards(db, row["account_id"]), row["account_id"], _facts(row))


def _record_change(
    db: sqlite_utils.Database, request_id: int, old: int | None, new: Standard | None, at: datetime
) -> None:
    db.execute(
        "INSERT INTO events (request_id, at, kind, actor, data_json) VALUES (?, ?, ?, 'loket', ?)",
        [
            request_id,
            to_db(at),
            EventKind.STANDARD,
            json.dumps({"from": old, "to": new.id if new else None, "name": new.name if new else None}),
        ],
    )
    forget_figures(db, request_id)
    db.execute("UPDATE requests SET standard_id = ? WHERE id = ?", [new.id if new else None, request_id])


def apply_standard(
    db: sqlite_utils.Database, request_id: int, now: datetime | None = None
) -> Standard | None:
    """Put the best-fitting standard on a request (an event when it changes) and set its due dates."""
    chosen = apply_standards(db, [request_id], now)
    if request_id not in chosen:
        raise StandardError("request: there is no such request")
    return chosen[request_id]


def apply_standards(
    db: sqlite_utils.Database, request_ids: Sequence[int], now: datetime | None = None
) -> dict[int, Standard | None]:
    """``apply_standard`` for many requests at once, as ingest does for the requests one batch opened:
    one look at the standards and one due-date pass instead of one per request."""
    if not request_ids:
        return {}
    ids = json.dumps(list(request_ids))
    chosen: dict[int, Standard | None] = {}
    with transaction(db):
        rows = _fact_rows(db, "q.id IN (SELECT value FROM json_each(?))", [ids])
        standards = list_standards(db)
        at = now or utcnow()
        for row in rows:
            best = chosen[row["id"]] = _best(standards, row["account_id"], _facts(row))
            if (best.id if best else None) != row["standard_id"]:
                _record_change(db, row["id"], row["standard_id"], best, at)
        _recompute(db, "q.id IN (SELECT value FROM json_each(?))", [ids], now)
    return chosen


def reassign_standards(
    db: sqlite_utils.Database, account_id: int | None = None, now: datetime | None = None
) -> int:
    """Re-match every open request (of one account, or all) after the standards changed; returns how many moved."""
    at = now or utcnow()
    standards = list_standards(db)
    moved = []
    with transaction(db):
        where = "q.status != 'resolved'" + (" AND q.account_id = ?" if account_id else "")
        for row in _fact_rows(db, where, [account_id] if account_id else []):
            best = _best(standards, row["account_id"], _facts(row))
            if (best.id if best else None) != row["standard_id"]:
                _record_change(db, row["id"], row["standard_id"], best, at)
                moved.append(row["id"])
        for start in range(0, len(moved), 500):
            chunk = moved[start : start + 500]
            _recompute(db, f"q.id IN ({', '.join('?' * len(chunk))})", chunk, now)
    if moved:
        log.info("%d open requests moved to another standard", len(moved))
    return len(moved)


def refresh_due_dates(db: sqlite_utils.Database, request_id: int, now: datetime | None = None) -> None:
    """Recompute one open request's due dates, e.g. after a wait on the requester ended and pushed them out."""
    with transaction(db):
        _recompute(db, "q.id = ?", [request_id], now)


def recompute_due_dates(
    db: sqlite_utils.Database, standard_id: int | None = None, now: datetime | None = None
) -> int:
    """Recompute first-response and resolution due dates of the open requests (of one standard, or all) in one
    transaction; returns how many rows were updated."""
    with transaction(db):
        if standard_id is None:
            return _recompute(db, "1", [], now)
        return _recompute(db, "q.standard_id = ?", [standard_id], now)


_WAITING_SQL = """
SELECT e.request_id, e.at, json_extract(e.data_json, '$.to')
FROM events e JOIN requests q ON q.id = e.request_id
WHERE e.kind = 'status' AND q.status != 'resolved' AND ({where})
  AND (json_extract(e.data_json, '$.to') = 'waiting' OR json_extract(e.data_json, '$.from') = 'waiting')
ORDER BY e.request_id, e.at, e.id
"""


def _waiting_pauses(db: sqlite_utils.Database, where: str, params: list[Any], now_us: int) -> dict[int, list]:
    """Times each open request waited on its requester (UTC µs), an ongoing wait ending ``now``."""
    pauses: dict[int, list[tuple[int, int]]] = {}
    open_since: dict[int, int] = {}
    for request_id, at, to in db.execute(_WAITING_SQL.format(where=where), params):
        instant = _text_us(at)
        if to == RequestStatus.WAITING:
            open_since.setdefault(request_id, instant)
        elif request_id in open_since:
            pauses.setdefault(request_id, []).append((open_since.pop(request_id), instant))
    for request_id, since in open_since.items():
        pauses.setdefault(request_id, []).append((since, max(since, now_us)))
    return pauses


# UTC microseconds as the store's ISO text (what ``store.timeutil.to_db`` writes), formatted by SQLite: formatting
# 200,000 instants in Python would take longer than computing them.
_SQL_TEXT = (
    "(strftime('%Y-%m-%dT%H:%M:%S', ?{n} / 1000000, 'unixepoch') "
    "|| CASE WHEN ?{n} % 1000000 = 0 THEN '' ELSE printf('.%06d', ?{n} % 1000000) END || '+00:00')"
)


# The store's UTC text read back as microseconds by SQLite, for the same reason; NULL for any other spelling,
# which Python then reads.
_SQL_MICROS = (
    "(CASE WHEN {column} LIKE '____-__-__T__:__:__%+00:00' "
    "THEN CAST(strftime('%s', substr({column}, 1, 19)) AS INTEGER) * 1000000 + "
    "CASE WHEN substr({column}, 20, 1) = '.' THEN CAST(substr({column}, 21, 6) AS INTEGER) ELSE 0 END END)"
)


def _text_us(text: str) -> int:
    return to_micros(datetime.fromisoformat(text))


def _recompute(db: sqlite_utils.Database, where: str, params: list[Any], now: datetime | None) -> int:
    """Due dates from each request's arrival, standard, calendar and waiting pauses; the caller holds the
    transaction. Works in integer microseconds end to end, since it runs over every open request at once."""
    now_us = to_micros(now or utcnow())
    rows = db.execute(
        f"SELECT q.id, q.received_at, {_SQL_MICROS.format(column='q.received_at')}, s.first_response_min, "
        "s.resolution_min, coalesce(s.calendar_id, a.calendar_id), s.warning_pct "
        "FROM requests q JOIN accounts a ON a.id = q.account_id LEFT JOIN standards s ON s.id = q.standard_id "
        f"WHERE q.status != 'resolved' AND ({where}) ORDER BY q.id",
        params,
    ).fetchall()
    pauses = _waiting_pauses(db, where, params, now_us)
    calendars: dict[int, Calendar] = {}
    updates: list[tuple[int | None, ...]] = []
    # Requests that nothing paused are computed together per calendar and targets (most of them, one pass each).
    unpaused: dict[tuple[int, tuple[float, ...]], list[tuple[int, int]]] = {}
    for request_id, received, received_us, first_min, resolution_min, calendar_id, warning_pct in rows:
        if first_min is None or calendar_id is None:
            updates.append((None, None, None, None, request_id))
            continue
        if calendar_id not in calendars:
            calendars[calendar_id] = load_calendar(db, calendar_id)
        start = _text_us(received) if received_us is None else received_us
        share = warning_pct / 100
        # The warning is the standard's share of each target in business time, not of the wall-clock span.
        targets: tuple[float, ...] = (first_min * share, first_min)
        if resolution_min is not None:
            targets += (resolution_min * share, resolution_min)
        paused = pauses.get(request_id)
        if paused:
            dues = dues_at_micros(start, targets, calendars[calendar_id], paused)
            updates.append(_due_columns(request_id, dues))
        else:
            unpaused.setdefault((calendar_id, targets), []).append((request_id, start))
    for (calendar_id, targets), requests in unpaused.items():
        all_dues = dues_for_starts([start for _, start in requests], targets, calendars[calendar_id])
        updates.extend(
            _due_columns(request_id, dues) for (request_id, _), dues in zip(requests, all_dues, strict=True)
        )
    db.conn.executemany(
        f"UPDATE requests SET first_response_due = {_SQL_TEXT.format(n=1)}, "
        f"resolution_due = {_SQL_TEXT.format(n=2)}, first_response_warn = {_SQL_TEXT.format(n=3)}, "
        f"resolution_warn = {_SQL_TEXT.format(n=4)} WHERE id = ?5",
        updates,
    )
    return len(updates)


def _due_columns(request_id: int, dues: Sequence[int]) -> tuple[int | None, ...]:
    """(first response due, resolution due, first response warn, resolution warn, id) from the dues of the targets
    (first warn, first due[, resolution warn, resolution due])."""
    if len(dues) == 2:
        return (dues[1], None, dues[0], None, request_id)
    return (dues[1], dues[3], dues[0], dues[2], request_id)

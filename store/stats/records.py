"""Reading requests, their messages and status events into per-request figures, streamed and kept.

The figures of a request are computed once from its requests row, messages and status events (``RequestRecord`` →
``store.stats.figures.request_figures``) and kept in ``request_figures``; triggers drop that row whenever one of its sources
changes (migration V5), and ``StatsSource.rows`` recomputes what is missing before reading. Who the requester is and
which department they belong to are joined live, so an address-book import shows at once.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import islice
from typing import Any
from zoneinfo import ZoneInfo

import sqlite_utils

from store.db import transaction
from store.directory import department_join
from store.errors import StoreError
from store.lifecycle import Event, status_periods
from store.standards.business_time import Calendar, business_minutes_between
from store.standards.calendars import calendar_from_row
from store.standards.rules import Standard
from store.stats.figures import FigureRow, RequestRecord, Timer, flatten, request_figures
from store.timeutil import to_db
from store.vocabulary import EventKind

log = logging.getLogger(__name__)

_BATCH = 2000


class Cancelled(Exception):
    """The caller stopped waiting (a newer period was asked for before these figures were ready)."""


class PeriodError(StoreError, ValueError):
    """A period that selects nothing by construction (``--from`` after ``--to``)."""


@dataclass(frozen=True, slots=True)
class Selection:
    """Requests received from ``first`` to ``last`` (local dates of each request's account, both inclusive)."""

    first: date | None = None
    last: date | None = None

    def __post_init__(self) -> None:
        if self.first and self.last and self.first > self.last:
            raise PeriodError(f"the period starts ({self.first}) after it ends ({self.last})")

    def bounds(self, zone: ZoneInfo) -> tuple[str, str]:
        """The selection as UTC text bounds [low, high) on ``received_at``."""
        low = "" if self.first is None else to_db(datetime.combine(self.first, time(0), tzinfo=zone))
        high = "~"  # sorts after any ISO text
        if self.last is not None:
            high = to_db(datetime.combine(self.last + timedelta(days=1), time(0), tzinfo=zone))
        return low, high


@dataclass(frozen=True, slots=True)
class AccountScope:
    """One account's part of a selection: its calendar (and so its zone) and its received_at bounds."""

    account_id: int
    name: str
    calendar: Calendar
    low: str
    high: str


def timer(calendar: Calendar) -> Timer:
    """``business_minutes_between`` bound to one calendar."""

    def minutes(start: datetime, end: datetime, paused: Sequence[tuple[datetime, datetime]]) -> float:
        return business_minutes_between(start, end, calendar, paused)

    return minutes


def keep_figures(db: sqlite_utils.Database) -> int:
    """Compute the figures of every request that has none, so the next export or statistics view need not.

    A sync worker may call it after a pass over a large mailbox; it is cheap when nothing changed.
    """
    return StatsSource(db, Selection()).refresh()


class StatsSource:
    """Calendars, standards and account scopes of one store, loaded once per export or view refresh."""

    def __init__(
        self, db: sqlite_utils.Database, selection: Selection, cancelled: Callable[[], bool] | None = None
    ) -> None:
        """``cancelled`` is asked between batches of work; once it says true, reading raises ``Cancelled``."""
        self.db = db
        self.selection = selection
        self._cancelled = cancelled
        self.calendars: dict[int, Calendar] = {
            row[0]: calendar_from_row(*row[1:])
            for row in db.execute("SELECT id, tz, hours_json, holidays, closed_days_json FROM calendars")
        }
        self.standards: dict[int, tuple[Standard, int | None]] = {
            row[0]: (Standard(row[0], None, row[1], row[2], row[3]), row[4])
            for row in db.execute(
                "SELECT id, name, first_response_min, resolution_min, calendar_id FROM standards"
            )
        }
        self.scopes: list[AccountScope] = []
        for account_id, name, calendar_id in db.execute(
            "SELECT id, name, calendar_id FROM accounts ORDER BY name"
        ):
            calendar = self.calendars.get(calendar_id) or Calendar("UTC")
            low, high = selection.bounds(calendar.zone)
            self.scopes.append(AccountScope(account_id, name, calendar, low, high))
        self._timers: dict[int, Timer] = {}

    def count(self) -> int:
        return sum(
            self.db.execute(
                "SELECT COUNT(*) FROM requests WHERE account_id = ? AND received_at >= ? AND received_at < ? "
                "AND merged_into IS NULL",
                [scope.account_id, scope.low, scope.high],
            ).fetchone()[0]
            for scope in self.scopes
        )

    def rows(self) -> Iterator[FigureRow]:
        """Every selected request's figures in order of arrival, computing (and keeping) the missing ones first.
        Requests that arrived at the same instant follow their numbers, so every desktop exports the same order.

        Requesters and standards are named from dictionaries read once rather than joined per row: a third less
        work over a year of requests.
        """
        people = self.people()
        standards = {number: standard.name for number, (standard, _calendar) in self.standards.items()}
        for scope in self.scopes:
            self._refresh(scope)
            tz = scope.calendar.tz
            # Read by position, in _ROWS_SQL's order: by name (sqlite3.Row or sqlite-utils' dicts) reading these
            # rows took a quarter longer, a sixth of the whole CSV export, over 20,000 requests.
            for row in self.db.conn.execute(_ROWS_SQL, [scope.account_id, scope.low, scope.high]):
                if row[16] is None:  # reopened: dropped by a trigger since the refresh, its sources changed
                    yield from self._compute(scope, "AND r.id = ?", [row[0]])
                    continue
                if row[2] not in people:  # a requester filed since the names were read
                    people.update(self.people(row[2]))
                address, name, department = people.get(row[2], _NOBODY)
                yield FigureRow(
                    row[0], row[1], address, name, department, row[3], row[4], row[5], row[6], row[7], row[8],
                    row[9], row[10], row[11], row[12], row[13], standards.get(row[14], ""), row[15], row[16],
                    row[17], row[18], row[19], tz, row[20], row[21],
                )  # fmt: skip

    def lean_chunks(self, size: int) -> Generator[list[tuple[Any, ...]], None, None]:
        """``rows`` for the statistics view, several times faster over a year: lists of up to ``size`` plain tuples
        in ``LEAN_LAYOUT``, only what it groups and measures, with the requester's and the standard's row ids in
        place of their names (``people`` and ``standards`` name them), read from the kept figures alone. A request
        whose sources change between the refresh and the read is left out until the next call; ``check`` runs
        before every chunk."""
        for scope in self.scopes:
            self._refresh(scope)
            cursor = self.db.conn.execute(_LEAN_SQL, [scope.account_id, scope.low, scope.high])
            try:
                while chunk := cursor.fetchmany(size):
                    self.check()
                    yield chunk
            finally:
                cursor.close()

    def people(self, requester_id: int | None = None) -> dict[int | None, tuple[str, str, str]]:
        """Requester row id → (address, name, effective department): every requester, or the one asked for."""
        found: dict[int | None, tuple[str, str, str]] = {None: _NOBODY}
        where, params = ("", []) if requester_id is None else ("WHERE q.id = ?", [requester_id])
        for row in self.db.conn.execute(f"{_PEOPLE_SQL} {where}", params):
            found[row[0]] = (row[1], row[2], row[3])
        return found

    def check(self) -> None:
        """Raise ``Cancelled`` when the caller no longer waits."""
        if self._cancelled is not None and self._cancelled():
            raise Cancelled

    def refresh(self) -> int:
        """Compute and keep the figures of every selected request that has none; returns how many."""
        return sum(self._refresh(scope) for scope in self.scopes)

    def _refresh(self, scope: AccountScope) -> int:
        """Compute and keep the figures of the scope's requests that have none, in batched transactions."""
        missing = self._compute(scope, _MISSING, [])
        written = 0
        try:
            while batch := list(islice(missing, _BATCH)):
                self.check()
                with transaction(self.db):
                    self.db.conn.executemany(_KEEP_SQL, [_kept(row) for row in batch])
                written += len(batch)
        except sqlite3.OperationalError as error:
            # A read-only copy of a store, or a writer holding the lock too long: the figures are then computed
            # request by request as they are read, slower but just as right.
            log.warning("figures of %s not kept: %s", scope.name, error)
        finally:
            missing.close()
        if written:
            log.info("figures computed for %d request(s) of %s", written, scope.name)
        return written

    def _timer(self, calendar: Calendar) -> Timer:
        found = self._timers.get(id(calendar))
        if found is None:
            found = self._timers[id(calendar)] = timer(calendar)
        return found

    def _compute(
        self, scope: AccountScope, condition: str, extra: list[object]
    ) -> Generator[FigureRow, None, None]:
        for record, calendar in self._records(scope, condition, extra):
            yield flatten(request_figures(record, self._timer(calendar)))

    def _records(
        self, scope: AccountScope, condition: str, extra: list[object]
    ) -> Iterator[tuple[RequestRecord, Calendar]]:
        """Requests of the scope matching ``condition``, each with the calendar its timers run on (its standard's,
        else its account's). Requests and status events are read side by side in request order."""
        params = [scope.account_id, scope.low, scope.high, *extra]
        rows = self.db.conn.execute(_RECORDS_SQL.format(condition=condition), params)
        events = self.db.conn.execute(_EVENTS_SQL.format(condition=condition), params)
        pending = events.fetchone()
        zone = scope.calendar.zone
        parse = datetime.fromisoformat
        for row in rows:  # by position, in _RECORDS_SQL's order, for the speed ``rows`` needs
            request_id = row[0]
            received = parse(row[8])
            changes: list[Event] = []
            history = False  # whether the latest status change is the filing of imported history
            while pending is not None and pending[0] < request_id:
                pending = events.fetchone()
            while pending is not None and pending[0] == request_id:
                changes.append(
                    Event(
                        parse(pending[1]), EventKind.STATUS, data={"to": pending[2], "department": pending[3]}
                    )
                )
                history = bool(pending[4])
                pending = events.fetchone()
            standard = calendar = None
            if row[13] is not None and row[13] in self.standards:
                standard, calendar_id = self.standards[row[13]]
                calendar = self.calendars.get(calendar_id) if calendar_id is not None else None
            record = RequestRecord(
                request_id=request_id,
                number=row[1],
                requester=row[2],
                requester_name=row[3],
                department=row[4],
                subject=row[5],
                status=row[6],
                agent=row[7],
                received_at=received,
                first_message_id=row[9],
                messages=row[10],
                first_response_at=None if row[11] is None else parse(row[11]),
                resolved_at=None if row[12] is None else parse(row[12]),
                standard=standard,
                zone=zone,
                periods=tuple(status_periods(received, changes)) if changes else (),
                channel=row[14],
                satisfaction=row[15],
                filed_as_history=history and row[6] == "resolved",
            )
            yield record, calendar or scope.calendar


def _kept(row: FigureRow) -> tuple[object, ...]:
    return (
        row.request_id,
        row.messages,
        row.first_response_at,
        row.first_response_business_min,
        row.first_response_calendar_min,
        row.resolved_at,
        row.resolution_business_min,
        row.within_standard,
        row.reopened,
        row.week,
        row.month,
        row.waits_json,
        row.received_at,
        row.satisfaction,
        row.request_id,
    )


_SCOPE = "r.account_id = ? AND r.received_at >= ? AND r.received_at < ? AND r.merged_into IS NULL"
_MISSING = "AND NOT EXISTS (SELECT 1 FROM request_figures c WHERE c.request_id = r.id)"

# A desk message counts as a response once it left: synced from the server, or handed to SMTP by this outbox.
# A reply still queued, or refused for good, answered nobody.
_LEFT = (
    "(m.folder_id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM outbox o WHERE o.message_id = m.message_id "
    "AND o.smtp_accepted_at IS NULL AND o.state != 'sent'))"
)

_RECORDS_SQL = f"""
SELECT r.id, r.number, COALESCE(q.address, ''), COALESCE(q.name, ''), COALESCE(dep.name, ''), r.subject,
       r.status, COALESCE(r.assignee, ''), r.received_at, COALESCE(fm.message_id, ''),
       (SELECT COUNT(*) FROM messages m WHERE m.request_id = r.id),
       (SELECT MIN(m.date) FROM messages m
         WHERE m.request_id = r.id AND m.role = 'desk' AND m.date > r.received_at AND {_LEFT}),
       r.resolved_at, r.standard_id, r.channel,
       (SELECT json_extract(e.data_json, '$.value') FROM events e
         WHERE e.request_id = r.id AND e.kind = 'rating' ORDER BY e.at DESC, e.id DESC LIMIT 1)
FROM requests r
LEFT JOIN requesters q ON q.id = r.requester_id
{department_join("q", "dep")}
LEFT JOIN messages fm ON fm.id = r.first_message_id
WHERE {_SCOPE} {{condition}}
ORDER BY r.id
"""

_EVENTS_SQL = f"""
SELECT e.request_id, e.at, json_extract(e.data_json, '$.to'), json_extract(e.data_json, '$.department'),
       json_extract(e.data_json, '$.history')
FROM events e JOIN requests r ON r.id = e.request_id
WHERE e.kind = 'status' AND {_SCOPE} {{condition}}
ORDER BY e.request_id, e.at, e.id
"""

_KEEP_SQL = """
INSERT OR REPLACE INTO request_figures (request_id, messages, first_response_at, first_response_business_min,
    first_response_calendar_min, resolved_at, resolution_business_min, within_standard, reopened, received_week,
    received_month, waits_json, received_local, satisfaction, account_id, received_at, requester_id, standard_id)
SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, r.account_id, r.received_at, r.requester_id, r.standard_id
FROM requests r WHERE r.id = ?
"""

# The columns of ``store.stats.figures.FigureRow``, in its order.
# ``rows``: the request, its kept figures and the Message-ID that opened it; requester and standard by row id.
_ROWS_SQL = f"""
SELECT r.id, r.number, r.requester_id, r.subject, r.status, COALESCE(r.assignee, ''), c.received_local,
       COALESCE(fm.message_id, ''), c.messages, c.first_response_at, c.first_response_business_min,
       c.first_response_calendar_min, c.resolved_at, c.resolution_business_min, r.standard_id, c.within_standard,
       c.reopened, c.received_week, c.received_month, c.waits_json, r.channel, c.satisfaction
FROM requests r
LEFT JOIN messages fm ON fm.id = r.first_message_id
LEFT JOIN request_figures c ON c.request_id = r.id
WHERE {_SCOPE}
ORDER BY r.received_at, r.number
"""

_NOBODY = ("", "", "")
_PEOPLE_SQL = (
    f"SELECT q.id, q.address, q.name, COALESCE(dep.name, '') FROM requesters q {department_join('q', 'dep')}"
)

LEAN_LAYOUT = (
    "request_id",
    "requester",
    "standard",
    "week",
    "first_response_business_min",
    "first_response_calendar_min",
    "within_standard",
    "resolution_business_min",
    "reopened",
    "waits_json",
    "satisfaction",
)
_LEAN_SQL = """
SELECT request_id, requester_id, standard_id, received_week, first_response_business_min,
       first_response_calendar_min, within_standard, resolution_business_min, reopened, waits_json, satisfaction
FROM request_figures
WHERE account_id = ? AND received_at >= ? AND received_at < ?
"""

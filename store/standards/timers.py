"""A request's two service-standard timers (first response, resolution): due instants, working minutes used, state.

Pure over the request's values, its events, its calendar and standard, and ``now``; the clock pauses while the
request waits on the requester (``waiting``) and keeps running while we wait on a colleague (``waiting_colleague``:
the requester still waits). ``load_timers`` is the thin reader for one request in the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import sqlite_utils

from store.lifecycle import Event, colleague_wait_seconds, load_events, status_periods
from store.standards.business_time import Calendar, business_minutes_between, due_at
from store.standards.calendars import load_calendar
from store.standards.explanation import Explanation, explain_due
from store.standards.rules import Standard, get_standard
from store.timeutil import from_db
from store.vocabulary import RequestStatus, TimerState

Pause = tuple[datetime, datetime]


@dataclass(frozen=True, slots=True)
class Timer:
    """One timer: ``state`` is on_time/warning/breached while running, met/met_late once stopped."""

    kind: str  # "first_response" or "resolution"
    target_min: float
    due: datetime
    warning_at: datetime
    used_min: float
    state: str
    stopped_at: datetime | None
    explanation: Explanation | None = None  # how ``due`` was reached, when asked for

    @property
    def left_min(self) -> float:
        """Working minutes left before the due instant (negative once breached)."""
        return self.target_min - self.used_min


@dataclass(frozen=True, slots=True)
class RequestTimers:
    first_response: Timer | None
    resolution: Timer | None
    paused: list[Pause] = field(default_factory=list)
    colleague_wait_seconds: dict[str, float] = field(default_factory=dict)


def waiting_pauses(received_at: datetime, events: Iterable[Event], now: datetime) -> list[Pause]:
    """The stretches the request waited on its requester; one still going ends at ``now``."""
    return [
        (period.start, period.end or max(now, period.start))
        for period in status_periods(received_at, events)
        if period.status == RequestStatus.WAITING
    ]


def _timer(
    kind: str,
    received_at: datetime,
    stopped_at: datetime | None,
    target: float,
    warning_pct: float,
    calendar: Calendar,
    paused: Sequence[Pause],
    now: datetime,
    explain: bool,
) -> Timer:
    due = due_at(received_at, target, calendar, paused)
    warning_at = due_at(received_at, target * warning_pct / 100, calendar, paused)
    used = business_minutes_between(received_at, stopped_at or now, calendar, paused)
    if stopped_at is not None:
        state = TimerState.MET if used <= target else TimerState.MET_LATE
    elif used >= target:
        state = TimerState.BREACHED
    elif used >= target * warning_pct / 100:
        state = TimerState.WARNING
    else:
        state = TimerState.ON_TIME
    explanation = explain_due(received_at, target, calendar, paused) if explain else None
    return Timer(kind, target, due, warning_at, used, state, stopped_at, explanation)


def compute_timers(
    received_at: datetime,
    first_response_at: datetime | None,
    resolved_at: datetime | None,
    events: Iterable[Event],
    calendar: Calendar,
    standard: Standard | None,
    now: datetime,
    explain: bool = False,
) -> RequestTimers:
    """Both timers of one request; none without a standard, no resolution timer without a resolution target."""
    events = list(events)
    paused = waiting_pauses(received_at, events, now)
    waits = colleague_wait_seconds(status_periods(received_at, events), now)
    if standard is None:
        return RequestTimers(None, None, paused, waits)
    first = _timer(
        "first_response",
        received_at,
        first_response_at,
        standard.first_response_min,
        standard.warning_pct,
        calendar,
        paused,
        now,
        explain,
    )
    resolution = None
    if standard.resolution_min is not None:
        resolution = _timer(
            "resolution",
            received_at,
            resolved_at,
            standard.resolution_min,
            standard.warning_pct,
            calendar,
            paused,
            now,
            explain,
        )
    return RequestTimers(first, resolution, paused, waits)


def first_response_business_min(
    received_at: datetime,
    first_response_at: datetime | None,
    calendar: Calendar,
    paused: Sequence[Pause] = (),
) -> float | None:
    """Working minutes until the first response (None: not answered yet); the export's column."""
    if first_response_at is None:
        return None
    return business_minutes_between(received_at, first_response_at, calendar, paused)


def resolution_business_min(
    received_at: datetime, resolved_at: datetime | None, calendar: Calendar, paused: Sequence[Pause] = ()
) -> float | None:
    """Working minutes until resolution (None: not resolved); the export's column."""
    if resolved_at is None:
        return None
    return business_minutes_between(received_at, resolved_at, calendar, paused)


def within_standard(
    first_response_min: float | None, resolution_min: float | None, standard: Standard | None
) -> str:
    """The export's verdict: "yes", "no" (a target was missed, even if another is pending), or "" (pending, or
    no standard)."""
    if standard is None:
        return ""
    if first_response_min is not None and first_response_min > standard.first_response_min:
        return "no"
    if (
        resolution_min is not None
        and standard.resolution_min is not None
        and resolution_min > standard.resolution_min
    ):
        return "no"
    if first_response_min is None or (standard.resolution_min is not None and resolution_min is None):
        return ""
    return "yes"


def load_timers(
    db: sqlite_utils.Database, request_id: int, now: datetime, explain: bool = False
) -> RequestTimers | None:
    """The timers of one stored request, on its standard's calendar (or its account's); None if no such request."""
    rows = list(
        db.query(
            "SELECT q.received_at, q.first_response_at, q.resolved_at, q.standard_id, a.calendar_id "
            "FROM requests q JOIN accounts a ON a.id = q.account_id WHERE q.id = ?",
            [request_id],
        )
    )
    if not rows:
        return None
    row = rows[0]
    received_at = from_db(row["received_at"])
    assert received_at is not None
    standard = get_standard(db, row["standard_id"]) if row["standard_id"] is not None else None
    calendar_id = (standard.calendar_id if standard else None) or row["calendar_id"]
    if calendar_id is None:
        return RequestTimers(None, None)
    calendar = load_calendar(db, calendar_id)
    events = load_events(db, request_id)
    return compute_timers(
        received_at,
        from_db(row["first_response_at"]),
        from_db(row["resolved_at"]),
        events,
        calendar,
        standard,
        now,
        explain,
    )

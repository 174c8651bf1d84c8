"""Dates, durations and timer texts for people, in the user's locale (never formatted by hand)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import sqlite_utils
from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTimeZone

from desktop.i18n import tr
from store.queues import RequestRow
from store.standards.durations import split_duration
from store.vocabulary import WAITING_STATUSES, Channel, Priority, RequestStatus, TimerState

if TYPE_CHECKING:
    from store.standards.business_time import Calendar

log = logging.getLogger(__name__)


def qdatetime(moment: datetime) -> QDateTime:
    """An aware datetime as a QDateTime in the machine's zone, for QLocale formatting."""
    utc = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000), QTimeZone.utc())
    return utc.toLocalTime()


def short_datetime(moment: datetime | None, now: datetime | None = None, date_only: bool = False) -> str:
    """Today's times as a clock time, other days as a short date and time (or only the date)."""
    if moment is None:
        return ""
    locale = QLocale()
    local = qdatetime(moment)
    if now is not None and local.date() == qdatetime(now).date():
        return locale.toString(local.time(), QLocale.FormatType.ShortFormat)
    if date_only:
        if now is not None and local.date().year() == qdatetime(now).date().year():
            return locale.toString(local.date(), "d MMM")  # month names and order from the locale
        return locale.toString(local.date(), QLocale.FormatType.ShortFormat)
    return locale.toString(local, QLocale.FormatType.ShortFormat)


def rough_duration(minutes: float, day_minutes: int = 24 * 60) -> str:
    """Only the largest unit ("3 d", "5 h", "20 min"): for narrow places such as the sidebar."""
    locale = QLocale()
    days, hours, mins = split_duration(round(minutes), day_minutes)
    if days:
        return tr("%1 d").replace("%1", locale.toString(days))
    if hours:
        return tr("%1 h").replace("%1", locale.toString(hours))
    return tr("%1 min").replace("%1", locale.toString(int(mins)))


def duration(minutes: float, day_minutes: int) -> str:
    """Minutes as "2 d 3 h", "3 h 15 min" or "12 min". Business time counts a day as the calendar's working day
    (``Calendar.working_day_minutes``: 8 hours at an office desk, 24 at a 24/7 one); wall-clock time passes 1440."""
    locale = QLocale()
    days, hours, mins = split_duration(round(minutes), day_minutes)
    if days:
        if not hours:
            return tr("%1 d").replace("%1", locale.toString(days))
        return tr("%1 d %2 h").replace("%1", locale.toString(days)).replace("%2", locale.toString(hours))
    if hours:
        if not mins:
            return tr("%1 h").replace("%1", locale.toString(hours))
        return (
            tr("%1 h %2 min").replace("%1", locale.toString(hours)).replace("%2", locale.toString(int(mins)))
        )
    return tr("%1 min").replace("%1", locale.toString(int(mins)))


class Calendars:
    """The store's calendars by id, loaded once per view (a handful of small rows)."""

    def __init__(self, db: sqlite_utils.Database | None = None) -> None:
        """``Calendars()`` knows none: timers then count wall-clock time until the real ones are read."""
        self._calendars: dict[int, Calendar] = {}
        if db is None:
            return
        # Imported here, on the store thread that first reads calendars.
        from store.standards.business_time import CalendarError
        from store.standards.calendars import calendar_from_row
        from store.standards.holiday_table import load_holidays

        rows = list(db.execute("SELECT id, tz, hours_json, holidays, closed_days_json FROM calendars"))
        this_year = datetime.now(UTC).year
        # Timers count from received requests to their due dates: last year to next year covers nearly all.
        load_holidays(db, (row[3] for row in rows if row[3]), range(this_year - 1, this_year + 2))
        for cid, tz, hours, holidays, closed in rows:
            try:
                self._calendars[cid] = calendar_from_row(tz, hours, holidays, closed)
            except CalendarError:
                log.warning("calendar %s cannot be read; timers on it count wall-clock time", cid)

    def get(self, calendar_id: int | None) -> Calendar | None:
        return None if calendar_id is None else self._calendars.get(calendar_id)


@dataclass(frozen=True, slots=True)
class TimerReading:
    """A request's timer at one instant: its state and the business minutes left (negative: overdue)."""

    state: str  # a TimerState
    minutes_left: float | None
    day_minutes: int = 24 * 60  # the working day of the calendar the minutes count in; wall-clock without one

    def text(self) -> str:
        if self.state == TimerState.NONE:
            return ""
        if self.state == TimerState.MET:
            return tr("done")
        if self.state == TimerState.PAUSED:
            return tr("paused")
        assert self.minutes_left is not None
        if self.minutes_left < 0:
            return tr("−%1").replace("%1", self.left_text())  # overdue: negative time left
        return self.left_text()

    def left_text(self) -> str:
        """The time left (or overdue) in the calendar's working days, hours and minutes."""
        assert self.minutes_left is not None
        return duration(abs(self.minutes_left), self.day_minutes)


def read_timer(row: RequestRow, now: datetime, calendars: Calendars) -> TimerReading:
    """Business time left against the running target. The state is the store's (``RequestRow.timer_state``),
    so a row coloured as a warning is exactly one the "Breaching soon" queue counts."""
    state = row.timer_state(now)
    if state in (TimerState.NONE, TimerState.MET, TimerState.PAUSED):
        return TimerReading(state, None)
    assert row.timer_due is not None
    calendar = calendars.get(row.calendar_id)
    low, high = sorted((now, row.timer_due))
    if calendar is None:
        minutes, day = (high - low).total_seconds() / 60, 24 * 60
    else:
        from store.standards.business_time import business_minutes_between

        minutes, day = business_minutes_between(low, high, calendar), calendar.working_day_minutes
    return TimerReading(state, -minutes if state == TimerState.BREACHED else minutes, day)


def status_label(status: str, short: bool = False) -> str:
    """A status for people (``short`` for a narrow column); the store keeps the identifiers."""
    if short and status in WAITING_STATUSES:
        return {
            RequestStatus.WAITING: QCoreApplication.translate("status", "Waiting"),
            RequestStatus.WAITING_COLLEAGUE: QCoreApplication.translate("status", "Colleague"),
        }[status]
    labels = {
        RequestStatus.NEW: QCoreApplication.translate("status", "New"),
        RequestStatus.OPEN: QCoreApplication.translate("status", "Open"),
        RequestStatus.WAITING: QCoreApplication.translate("status", "Waiting on requester"),
        RequestStatus.WAITING_COLLEAGUE: QCoreApplication.translate("status", "Waiting on colleague"),
        RequestStatus.RESOLVED: QCoreApplication.translate("status", "Resolved"),
    }
    return labels.get(status, status)


def priority_label(priority: str) -> str:
    return {
        Priority.LOW: QCoreApplication.translate("priority", "Low"),
        Priority.NORMAL: QCoreApplication.translate("priority", "Normal"),
        Priority.HIGH: QCoreApplication.translate("priority", "High"),
        Priority.URGENT: QCoreApplication.translate("priority", "Urgent"),
    }.get(priority, priority)


def channel_label(channel: str) -> str:
    """How a request reached the desk, for people; the store keeps ``email``, ``phone`` or ``desk``."""
    return {
        Channel.EMAIL: QCoreApplication.translate("channel", "E-mail"),
        Channel.PHONE: QCoreApplication.translate("channel", "Phone call"),
        Channel.DESK: QCoreApplication.translate("channel", "Visit at the desk"),
    }.get(channel, channel)

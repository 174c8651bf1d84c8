"""Why a request falls due when it does, in the user's language: the store's facts (``store.standards.explanation``)
said as the timer's tooltip says them, with dates and times in the desk's zone, formatted by ``QLocale``."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QDate, QDateTime, QLocale, QTimeZone

from desktop.formatting import Calendars, TimerReading, duration, short_datetime
from desktop.i18n import tr

if TYPE_CHECKING:
    from store.queues import RequestRow
    from store.standards.explanation import Explanation, Step

_SHORT = QLocale.FormatType.ShortFormat


def timer_tooltip(row: RequestRow, reading: TimerReading, calendars: Calendars) -> str:
    """How the due time was reached: the target, then the opening hours and closed days it went through."""
    if row.timer_due is None:
        return tr("No service standard applies to this request.")
    calendar = calendars.get(row.calendar_id)
    due = short_datetime(row.timer_due) if calendar is None else _moment(row.timer_due, _zone(calendar.tz))
    target = tr("first response") if not row.answered else tr("resolution")
    head = tr("Due %1 (%2)").replace("%1", due).replace("%2", target)
    if reading.minutes_left is not None:
        left = reading.left_text()
        if reading.minutes_left < 0:
            head += "\n" + tr("Overdue by %1 of working time").replace("%1", left)
        else:
            head += "\n" + tr("%1 of working time left").replace("%1", left)
    if calendar is None or row.target_min is None:
        return head
    from store.standards.explanation import explain_due

    lines = explanation_lines(explain_due(row.received_at, row.target_min, calendar))
    return "\n".join([head, *lines[:12]])


def explanation_lines(explanation: Explanation) -> list[str]:
    """A head line (target, start, due, zone), then one line per day counted, paused or closed."""
    zone = _zone(explanation.tz)
    day_minutes = explanation.working_day_min
    head = (
        tr("%1 of working time from %2 falls due %3 (%4).")
        .replace("%1", duration(explanation.target_min, day_minutes))
        .replace("%2", _moment(explanation.start, zone))
        .replace("%3", _moment(explanation.due, zone))
        .replace("%4", explanation.tz)
    )
    return [head, *(_step_line(step, zone, day_minutes) for step in explanation.steps)]


def _step_line(step: Step, zone: QTimeZone, day_minutes: int) -> str:
    day = _day(QDate(step.day.year, step.day.month, step.day.day))
    if step.kind == "closed":
        if step.closed_because == "holiday":
            return tr("%1: closed, public holiday %2").replace("%1", day).replace("%2", step.holiday)
        if step.closed_because == "closed_day":
            return tr("%1: closed day").replace("%1", day)
        return tr("%1: no opening hours").replace("%1", day)
    assert step.start is not None and step.end is not None
    text = (
        tr("%1: paused %2–%3, %4 of opening time not counted")
        if step.kind == "paused"
        else tr("%1: counted %2–%3 (%4)")
    )
    return (
        text.replace("%1", day)
        .replace("%2", _time(step.start, zone))
        .replace("%3", _time(step.end, zone))
        .replace("%4", duration(step.minutes, day_minutes))
    )


def _zone(tz: str) -> QTimeZone:
    """The desk's zone for Qt; the store checked the name, so UTC only stands in for a zone Qt does not know."""
    zone = QTimeZone(QByteArray(tz.encode()))
    return zone if zone.isValid() else QTimeZone.utc()


def _zoned(moment: datetime, zone: QTimeZone) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(round(moment.timestamp() * 1000), zone)


def _day(day: QDate) -> str:
    locale = QLocale()
    return f"{locale.dayName(day.dayOfWeek(), _SHORT)} {locale.toString(day, _SHORT)}"


def _time(moment: datetime, zone: QTimeZone) -> str:
    return QLocale().toString(_zoned(moment, zone).time(), _SHORT)


def _moment(moment: datetime, zone: QTimeZone) -> str:
    local = _zoned(moment, zone)
    return f"{_day(local.date())} {QLocale().toString(local.time(), _SHORT)}"

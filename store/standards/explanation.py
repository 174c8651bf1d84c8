"""Why a due instant falls where it does: the opening hours counted, the days skipped and the pauses left out.

The same arithmetic as ``due_at`` (``store.standards.business_time``), walked day by day so a person can check it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from store.standards.business_time import (
    _US_PER_MINUTE,
    Calendar,
    Interval,
    _due_us,
    _from_us,
    _instant,
    _needed_us,
    _pauses,
)

StepKind = Literal["counted", "paused", "closed"]
ClosedBecause = Literal["", "no_hours", "closed_day", "holiday"]


@dataclass(frozen=True, slots=True)
class Step:
    """One local date that counted, was closed, or time in it that was paused; the window says it in words."""

    kind: StepKind
    day: date
    start: datetime | None = None  # in the calendar's zone; for "counted" and "paused"
    end: datetime | None = None
    minutes: float = 0.0  # opening minutes counted, or not counted while paused
    closed_because: ClosedBecause = ""  # for "closed": no opening hours that weekday, a closed day, a holiday
    holiday: str = ""  # the public holiday's name, for ``closed_because == "holiday"``


@dataclass(frozen=True, slots=True)
class Explanation:
    """How a due instant was reached: the target, the opening hours counted, the days skipped and the pauses left
    out. Facts only, in the calendar's zone; the window turns them into sentences in the user's language."""

    start: datetime
    target_min: float
    due: datetime
    tz: str
    working_day_min: int  # the calendar's working day, what a day of the target means
    steps: tuple[Step, ...] = ()

    @property
    def paused_min(self) -> float:
        return sum(step.minutes for step in self.steps if step.kind == "paused")

    @property
    def closed_days(self) -> tuple[Step, ...]:
        return tuple(step for step in self.steps if step.kind == "closed")


def explain_due(
    start: datetime, minutes: float, calendar: Calendar, paused: Iterable[tuple[datetime, datetime]] = ()
) -> Explanation:
    """``due_at`` with its account, walking day by day over the opening intervals between start and due."""
    low = _instant(start, "start")
    pauses = _pauses(paused)
    needed = _needed_us(minutes)
    due = low if needed == 0 else _due_us(low, needed, calendar, pauses)
    zone = calendar.zone
    steps: list[Step] = []
    day = _from_us(low, zone).date() - timedelta(days=1)
    last_day = _from_us(due, zone).date() + timedelta(days=1)
    while day <= last_day:
        steps.extend(_day_steps(day, low, due, calendar, pauses))
        day += timedelta(days=1)
    return Explanation(
        _from_us(low, zone),
        minutes,
        _from_us(due, zone),
        calendar.tz,
        calendar.working_day_minutes,
        tuple(_trim_closed(steps)),
    )


def _day_steps(day: date, low: int, due: int, calendar: Calendar, pauses: list[Interval]) -> list[Step]:
    zone = calendar.zone
    if not calendar.hours[day.weekday()]:
        return [Step("closed", day, closed_because="no_hours")]
    if day in calendar.closed_days:
        return [Step("closed", day, closed_because="closed_day")]
    holiday = calendar.holiday_name(day)
    if holiday:
        return [Step("closed", day, closed_because="holiday", holiday=holiday)]
    steps = []
    for begin, finish in calendar.day_intervals(day):
        begin, finish = max(begin, low), min(finish, due)
        if begin >= finish:
            continue
        for part_begin, part_end, paused in _split_by_pauses(begin, finish, pauses):
            steps.append(
                Step(
                    "paused" if paused else "counted",
                    day,
                    _from_us(part_begin, zone),
                    _from_us(part_end, zone),
                    (part_end - part_begin) / _US_PER_MINUTE,
                )
            )
    return steps


def _split_by_pauses(begin: int, finish: int, pauses: list[Interval]) -> list[tuple[int, int, bool]]:
    parts, cursor = [], begin
    for pause_begin, pause_end in pauses:
        pause_begin, pause_end = max(pause_begin, cursor), min(pause_end, finish)
        if pause_begin >= pause_end:
            continue
        if cursor < pause_begin:
            parts.append((cursor, pause_begin, False))
        parts.append((pause_begin, pause_end, True))
        cursor = pause_end
    if cursor < finish:
        parts.append((cursor, finish, False))
    return parts


def _trim_closed(steps: list[Step]) -> list[Step]:
    """Drop closed days before the first and after the last counted time; they explain nothing."""
    counted = [index for index, step in enumerate(steps) if step.kind != "closed"]
    if not counted:
        return [step for step in steps if step.closed_because != "no_hours"]
    return steps[counted[0] : counted[-1] + 1]

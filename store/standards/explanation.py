"""Why a due instant falls where it does: the opening hours counted, the days skipped and the pauses left out.

The same arithmetic as ``due_at`` (``store.standards.business_time``), walked day by day so a person can check it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from store.standards.business_time import (
    _US_PER_MINUTE,
    WEEKDAY_NAMES,
    Calendar,
    Interval,
    _due_us,
    _from_us,
    _instant,
    _needed_us,
    _pauses,
)


@dataclass(frozen=True, slots=True)
class Step:
    """One line of an explanation: a local date that counted, was closed, or time that was paused."""

    kind: str  # "counted", "closed", "paused"
    day: date
    start: datetime | None = None  # local; for "counted" and "paused"
    end: datetime | None = None
    minutes: float = 0.0
    reason: str = ""  # for "closed": "public holiday King's Day", "closed day", "no opening hours on Sundays"

    def text(self) -> str:
        when = f"{self.day:%a %d %b %Y}"
        if self.kind == "closed":
            return f"{when}: closed ({self.reason})"
        assert self.start is not None and self.end is not None
        span = f"{self.start:%H:%M}–{self.end:%H:%M}"
        if self.kind == "paused":
            return f"{when}: paused {span}, {_minutes_text(self.minutes)} of opening time not counted"
        return f"{when}: counted {span} ({_minutes_text(self.minutes)})"


@dataclass(frozen=True, slots=True)
class Explanation:
    """How a due instant was reached: the opening hours counted, the days skipped and the pauses left out."""

    start: datetime
    minutes: float
    due: datetime
    steps: list[Step] = field(default_factory=list)

    def lines(self) -> list[str]:
        head = (
            f"{_minutes_text(self.minutes)} of working time from {self.start:%a %d %b %Y %H:%M} "
            f"({self.start.tzinfo}) falls due {self.due:%a %d %b %Y %H:%M}."
        )
        return [head, *(step.text() for step in self.steps)]


def _minutes_text(minutes: float) -> str:
    whole = round(minutes, 1)
    hours, rest = divmod(whole, 60)
    rest_text = f"{rest:g} min"
    return f"{int(hours)} h {rest_text}" if hours and rest else f"{int(hours)} h" if hours else rest_text


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
    return Explanation(_from_us(low, zone), minutes, _from_us(due, zone), _trim_closed(steps))


def _day_steps(day: date, low: int, due: int, calendar: Calendar, pauses: list[Interval]) -> list[Step]:
    zone = calendar.zone
    if not calendar.hours[day.weekday()]:
        return [Step("closed", day, reason=f"{_NO_HOURS} on {WEEKDAY_NAMES[day.weekday()]}s")]
    reason = calendar.closed_reason(day)
    if reason:
        return [Step("closed", day, reason=reason)]
    steps = []
    for begin, finish in calendar.day_intervals(day):
        begin, finish = max(begin, low), min(finish, due)
        if begin >= finish:
            continue
        for part_begin, part_end, paused in _split_by_pauses(begin, finish, pauses):
            kind = "paused" if paused else "counted"
            steps.append(
                Step(
                    kind,
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


_NO_HOURS = "no opening hours"


def _trim_closed(steps: list[Step]) -> list[Step]:
    """Drop closed days before the first and after the last counted time; they explain nothing."""
    counted = [index for index, step in enumerate(steps) if step.kind != "closed"]
    if not counted:
        return [step for step in steps if not step.reason.startswith(_NO_HOURS)]
    return steps[counted[0] : counted[-1] + 1]

"""Due instants for many requests at once, over UTC microseconds: what recomputing the due-date columns of
100,000 requests needs, without building a datetime per request. The same arithmetic as ``due_at``."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import datetime

from store.standards.business_time import (
    _US_PER_DAY,
    Calendar,
    Interval,
    _business_us,
    _due_us,
    _instant,
    _needed_us,
)


def to_micros(moment: datetime, name: str = "instant") -> int:
    """An aware datetime as UTC microseconds since the epoch; naive refused."""
    return _instant(moment, name)


def dues_at_micros(
    start: int, targets: Sequence[float], calendar: Calendar, paused: list[Interval]
) -> list[int]:
    """``due_at`` over UTC microseconds for several targets from one start (a request's first response and
    resolution), for recomputing many requests without building datetimes. ``paused`` must be sorted and not
    overlap."""
    if paused:
        return _paused_dues(start, [_needed_us(minutes) for minutes in targets], calendar, paused)
    return dues_for_starts([start], targets, calendar)[0]


def _paused_dues(start: int, needed: list[int], calendar: Calendar, pauses: list[Interval]) -> list[int]:
    """``_due_us`` for several targets of one paused request: the opening time between one pause and the next is
    the same for every target, so it is counted once (a recompute meets a third of its requests paused)."""
    stretches: list[tuple[int, int]] = []  # (where counting resumes, opening time until the next pause)
    cursor = start
    for begin, finish in pauses:
        if finish <= cursor:
            continue
        stretches.append((cursor, _business_us(cursor, max(begin, cursor), calendar, [])))
        cursor = finish
    dues = []
    for need in needed:
        remaining, resume = need, cursor
        for stretch_start, available in stretches:
            if available >= remaining:
                resume = stretch_start
                break
            remaining -= available
        dues.append(resume if remaining == 0 else _due_us(resume, remaining, calendar, []))
    return dues


def dues_for_starts(starts: Sequence[int], targets: Sequence[float], calendar: Calendar) -> list[list[int]]:
    """``dues_at_micros`` for many unpaused starts with the same targets (every open request of one standard):
    one timeline for all of them and the binary searches inline, since a recompute runs over 100,000 requests."""
    if not starts:
        return []
    needed = [_needed_us(minutes) for minutes in targets]
    line = calendar.timeline(min(starts), max(starts) + _US_PER_DAY)
    opening, closing, before, through = line.starts, line.ends, line.before, line.through
    count = len(through)
    result = []
    for start in starts:
        index = bisect_right(opening, start) - 1
        base = 0 if index < 0 else before[index] + min(start, closing[index]) - opening[index]
        dues = []
        for need in needed:
            total = base + need
            found = bisect_left(through, total) if need else -1
            if found < 0:
                dues.append(start)
            elif found < count:
                dues.append(opening[found] + total - before[found])
            else:  # beyond the loaded years: the calendar extends its timeline
                dues.append(_due_us(start, need, calendar, []))
        result.append(dues)
    return result

"""Business-hours arithmetic: how many working minutes lie between two instants, and when a target falls due.

A calendar turns each local date into opening intervals in UTC once (cached) and keeps a running total of
opening time over whole years, so both functions are a few binary searches however long the span: exact across
DST changes because every interval is real elapsed time, and never a walk minute by minute.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from itertools import pairwise
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from store.errors import StoreError

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONDAY_TO_FRIDAY_9_TO_17: Mapping[int, Sequence[tuple[time, time]]] = {
    day: ((time(9), time(17)),) for day in range(5)
}
ALWAYS_OPEN: Mapping[int, Sequence[tuple[time, time]]] = {day: ((time(0), time(0)),) for day in range(7)}

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_US = timedelta(microseconds=1)
_US_PER_MINUTE = 60_000_000
_US_PER_DAY = 86_400_000_000
_HOUR_US = 3_600_000_000
_OFFSET_REACH_US = 26 * _HOUR_US  # wider than any UTC offset, so a local day's instants lie inside this reach
_SAMPLE_US = 24 * _HOUR_US  # no zone changes its offset twice within a day
_LATEST_YEAR = 9000

Interval = tuple[int, int]  # UTC microseconds since the epoch, half-open


class CalendarError(StoreError, ValueError):
    """A calendar setting that cannot work; the message names the field."""


# Public holidays by (region, year), filled by the ``holidays`` package or from the store (store.standards.holiday_table):
# the package takes a fifth of a second to load a country's rules, and it recomputes them on every lookup.
_HOLIDAYS: dict[tuple[str, int], Mapping[date, str]] = {}
_KNOWN_REGIONS: set[str] = set()


def public_holidays(code: str, year: int) -> Mapping[date, str]:
    """The public holidays of a region (``NL``, ``DE-BY``) in one year, by date."""
    names = _HOLIDAYS.get((code, year))
    if names is None:
        import holidays as holidays_package

        country, _, subdivision = code.partition("-")
        names = dict(holidays_package.country_holidays(country, subdiv=subdivision or None, years=year))
        _HOLIDAYS[code, year] = names
        _KNOWN_REGIONS.add(code)
    return names


def remember_holidays(code: str, year: int, names: Mapping[date, str]) -> None:
    """Holidays read back from the store: the region counts as checked and the year needs no computing."""
    _HOLIDAYS[code, year] = dict(names)
    _KNOWN_REGIONS.add(code)


def known_holidays(code: str, year: int) -> bool:
    return (code, year) in _HOLIDAYS


def check_holiday_code(code: str) -> str:
    """A holiday region such as ``NL``, ``DE-BY`` or ``IT``, normalised; refused with a sentence."""
    normal = code.strip().upper()
    if normal in _KNOWN_REGIONS:
        return normal  # its holidays were computed (or stored) before: the package knows it
    country, _, subdivision = normal.partition("-")
    try:
        import holidays as holidays_package

        holidays_package.country_holidays(country, subdiv=subdivision or None, years=2000)
    except NotImplementedError as error:
        what = "subdivision" if subdivision else "country"
        raise CalendarError(
            f"holidays: {code!r} is not a known holiday {what} (write NL, DE-BY, IT ...)"
        ) from error
    _KNOWN_REGIONS.add(normal)
    return normal


def zone_named(tz: str) -> ZoneInfo:
    """The IANA time zone ``tz``, refused with a sentence when there is none of that name."""
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, TypeError) as error:
        raise CalendarError(
            f"time zone: {tz!r} is not a known time zone (write e.g. Europe/Amsterdam)"
        ) from error


def _day_minutes(start: time, end: time) -> int:
    end_minute = 24 * 60 if end == time(0) else end.hour * 60 + end.minute
    return end_minute - (start.hour * 60 + start.minute)


def _span_text(start: time, end: time) -> str:
    return f"{start:%H:%M}–{'24:00' if end == time(0) else f'{end:%H:%M}'}"


Week = tuple[tuple[tuple[time, time], ...], ...]


def _check_hours(hours: Mapping[int, Sequence[tuple[time, time]]]) -> Week:
    """Opening hours as seven sorted tuples; overlaps, reversed or empty intervals refused, naming the day."""
    week: list[tuple[tuple[time, time], ...]] = []
    for key in hours:
        if not isinstance(key, int) or not 0 <= key <= 6:
            raise CalendarError(f"opening hours: {key!r} is not a weekday number (0 = Monday … 6 = Sunday)")
    for day in range(7):
        spans = []
        name = WEEKDAY_NAMES[day]
        for span in hours.get(day, ()):
            try:
                start, end = span
            except (TypeError, ValueError) as error:
                raise CalendarError(f"opening hours: {name} {span!r} is not a (start, end) pair") from error
            if not isinstance(start, time) or not isinstance(end, time):
                raise CalendarError(f"opening hours: {name} {span!r} is not a pair of times of day")
            if start.tzinfo is not None or end.tzinfo is not None:
                raise CalendarError(f"opening hours: {name} times are wall-clock times without a zone")
            if start.second or start.microsecond or end.second or end.microsecond:
                raise CalendarError(f"opening hours: {WEEKDAY_NAMES[day]} times are whole minutes")
            if _day_minutes(start, end) <= 0:
                raise CalendarError(
                    f"opening hours: {WEEKDAY_NAMES[day]} {_span_text(start, end)} ends before it starts"
                )
            spans.append((start, end))
        spans.sort()
        for (start_a, end_a), (start_b, end_b) in pairwise(spans):
            if end_a == time(0) or start_b < end_a:
                raise CalendarError(
                    f"opening hours: {WEEKDAY_NAMES[day]} {_span_text(start_a, end_a)} overlaps "
                    f"{_span_text(start_b, end_b)}"
                )
        week.append(tuple(spans))
    if not any(week):
        raise CalendarError("opening hours: the calendar is never open")
    return tuple(week)


def _to_us(moment: datetime) -> int:
    return (moment - _EPOCH) // _US


def _from_us(micros: int, zone: ZoneInfo) -> datetime:
    return (_EPOCH + timedelta(microseconds=micros)).astimezone(zone)


def _naive_us(moment: datetime) -> int:
    """A wall-clock time read as if it were UTC: the local counterpart of ``_to_us``."""
    return (moment.replace(tzinfo=UTC) - _EPOCH) // _US


@dataclass(frozen=True, slots=True)
class _Timeline:
    """Every opening interval of the loaded years in order, with the opening time before each."""

    first_year: int
    last_year: int
    low: int  # instants in [low, high] have a local date inside the loaded years
    high: int
    starts: list[int]
    ends: list[int]
    before: list[int]  # opening time before interval i
    through: list[int]  # opening time up to the end of interval i

    def opened_before(self, instant: int) -> int:
        """Opening time (µs) from the first loaded interval up to ``instant``."""
        index = bisect_right(self.starts, instant) - 1
        if index < 0:
            return 0
        end = self.ends[index]
        return self.before[index] + (end if instant > end else instant) - self.starts[index]

    def instant_at(self, total: int) -> int | None:
        """The earliest instant with ``total`` opening time before it, or None beyond the loaded years."""
        index = bisect_left(self.through, total)
        if index == len(self.through):
            return None
        return self.starts[index] + total - self.before[index]


class Calendar:
    """Weekly opening hours in a time zone, minus public holidays and closed days.

    Immutable once made; it caches its opening intervals, so reuse one object for many requests.
    """

    __slots__ = (
        "_changes",
        "_closed",
        "_day_cache",
        "_timeline",
        "closed_days",
        "holidays",
        "hours",
        "tz",
        "zone",
    )

    def __init__(
        self,
        tz: str,
        hours: Mapping[int, Sequence[tuple[time, time]]] = MONDAY_TO_FRIDAY_9_TO_17,
        holidays: str | None = None,
        closed_days: Collection[date] = (),
    ) -> None:
        self.zone = zone_named(tz)
        self.tz = tz
        self.hours = _check_hours(hours)
        self.holidays = check_holiday_code(holidays) if holidays else None
        for day in closed_days:
            if not isinstance(day, date) or isinstance(day, datetime):
                raise CalendarError(f"closed days: {day!r} is not a date")
        self.closed_days = frozenset(closed_days)
        self._closed: dict[int, Mapping[date, str]] = {}
        self._day_cache: dict[date, tuple[Interval, ...]] = {}
        self._changes: dict[int, list[int]] = {}
        self._timeline: _Timeline | None = None

    def _key(self) -> tuple[object, ...]:
        return (self.tz, self.hours, self.holidays, self.closed_days)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Calendar) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Calendar(tz={self.tz!r}, holidays={self.holidays!r}, closed_days={len(self.closed_days)})"

    @property
    def working_day_minutes(self) -> int:
        """The length of a typical working day, what "1d" means in a service standard: the most common opening
        time of the open weekdays, Monday–Friday first (the longest on a tie)."""
        totals = [sum(_day_minutes(s, e) for s, e in spans) for spans in self.hours]
        candidates = [t for t in totals[:5] if t] or [t for t in totals if t]
        return max(candidates, key=lambda total: (candidates.count(total), total))

    def holiday_name(self, day: date) -> str | None:
        """The public holiday on a local date (as the ``holidays`` package names it), or None."""
        if not self.holidays:
            return None
        names = self._closed.get(day.year)
        if names is None:
            names = self._closed[day.year] = public_holidays(self.holidays, day.year)
        return names.get(day) or None

    def closed_all_day(self, day: date) -> bool:
        """A closed day or a public holiday: no opening hours count on that local date."""
        return day in self.closed_days or self.holiday_name(day) is not None

    def day_intervals(self, day: date) -> tuple[Interval, ...]:
        """The opening intervals of one local date as UTC microseconds, cached."""
        cached = self._day_cache.get(day)
        if cached is None:
            cached = self._day_cache[day] = self._compute_day(day)
        return cached

    def _compute_day(self, day: date) -> tuple[Interval, ...]:
        spans = self.hours[day.weekday()]
        if not spans or self.closed_all_day(day):
            return ()
        midnight = datetime.combine(day, time(0))
        wall_low = _naive_us(midnight)
        reach = _OFFSET_REACH_US
        segments = self._offset_segments(wall_low - reach, wall_low + _US_PER_DAY + reach)
        result: list[Interval] = []
        for start, end in spans:
            wall_start = wall_low + (start.hour * 60 + start.minute) * _US_PER_MINUTE
            wall_end = wall_start + _day_minutes(start, end) * _US_PER_MINUTE
            for low, high, offset in segments:
                # Instants whose local wall-clock time (instant + offset) lies in [wall_start, wall_end).
                begin, finish = max(low, wall_start - offset), min(high, wall_end - offset)
                if begin < finish:
                    result.append((begin, finish))
        return tuple(sorted(result))

    def _offset(self, instant: int) -> int:
        offset = _from_us(instant, self.zone).utcoffset()
        assert offset is not None
        return offset // _US

    def _offset_changes(self, year: int) -> list[int]:
        """The instants (UTC) in one UTC year at which the zone's offset changes, found to the second, cached."""
        changes = self._changes.get(year)
        if changes is not None:
            return changes
        low, high = _to_us(datetime(year, 1, 1, tzinfo=UTC)), _to_us(datetime(year + 1, 1, 1, tzinfo=UTC))
        points = [*range(low, high, _SAMPLE_US), high]
        offsets = [self._offset(point) for point in points]
        changes = []
        for index in range(1, len(points)):
            if offsets[index] == offsets[index - 1]:
                continue
            before, after = points[index - 1] // 1_000_000, -(-points[index] // 1_000_000)
            while after - before > 1:
                middle = (before + after) // 2
                if self._offset(middle * 1_000_000) == offsets[index - 1]:
                    before = middle
                else:
                    after = middle
            changes.append(after * 1_000_000)
        self._changes[year] = changes
        return changes

    def _offset_segments(self, low: int, high: int) -> list[tuple[int, int, int]]:
        """Split [low, high) into pieces of constant UTC offset."""
        first, last = (
            (_EPOCH + timedelta(microseconds=low)).year,
            (_EPOCH + timedelta(microseconds=high)).year,
        )
        cuts = [c for year in range(first, last + 1) for c in self._offset_changes(year) if low < c < high]
        bounds = [low, *cuts, high]
        return [(a, b, self._offset(a)) for a, b in pairwise(bounds)]

    def timeline(self, low: int, high: int) -> _Timeline:
        """The cached timeline, extended (by whole years) until it covers the instants ``low`` … ``high``."""
        line = self._timeline
        if line is not None and line.low <= low and high <= line.high:
            return line
        first = (_EPOCH + timedelta(microseconds=low - _US_PER_DAY)).year
        last = (_EPOCH + timedelta(microseconds=min(high, _max_us()) + _US_PER_DAY)).year
        if line is not None:
            first, last = min(first, line.first_year), max(last, line.last_year)
        return self._load(max(first, 2), min(last, _LATEST_YEAR))

    def _load(self, first_year: int, last_year: int) -> _Timeline:
        starts: list[int] = []
        ends: list[int] = []
        day, stop = date(first_year, 1, 1), date(last_year, 12, 31)
        one_day = timedelta(days=1)
        while day <= stop:
            for begin, finish in self.day_intervals(day):
                if ends and begin <= ends[-1]:  # 24/7 and split days that touch: one interval
                    ends[-1] = max(ends[-1], finish)
                else:
                    starts.append(begin)
                    ends.append(finish)
            day += one_day
        before, through, total = [], [], 0
        for begin, finish in zip(starts, ends, strict=True):
            before.append(total)
            total += finish - begin
            through.append(total)
        low = _to_us(datetime(first_year, 1, 1, tzinfo=UTC)) + _US_PER_DAY
        high = _to_us(datetime(last_year, 12, 31, tzinfo=UTC))
        line = _Timeline(first_year, last_year, low, high, starts, ends, before, through)
        self._timeline = line
        return line


def _max_us() -> int:
    return _to_us(datetime(_LATEST_YEAR, 1, 1, tzinfo=UTC))


def _instant(moment: datetime, name: str) -> int:
    if not isinstance(moment, datetime):
        raise TypeError(f"{name}: {moment!r} is not a datetime")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name}: naive datetime {moment.isoformat()} refused; give a time zone")
    return (moment - _EPOCH) // _US


def _pauses(paused: Iterable[tuple[datetime, datetime]]) -> list[Interval]:
    """Paused intervals as sorted, merged UTC microseconds; empty ones dropped."""
    spans = sorted(
        (_instant(begin, "paused start"), _instant(finish, "paused end")) for begin, finish in paused
    )
    merged: list[Interval] = []
    for begin, finish in spans:
        if finish <= begin:
            continue
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], finish))
        else:
            merged.append((begin, finish))
    return merged


@lru_cache(maxsize=1024)
def _needed_us(minutes: float) -> int:
    """Business minutes as whole microseconds, rounded up (so the due instant is never early)."""
    if not isinstance(minutes, int | float) or math.isnan(minutes) or math.isinf(minutes):
        raise ValueError(f"minutes: {minutes!r} is not a number of minutes")
    if minutes < 0:
        raise ValueError(f"minutes: {minutes} is negative")
    exact = minutes * _US_PER_MINUTE
    nearest = round(exact)
    return nearest if abs(exact - nearest) < 1e-3 else math.ceil(exact)


def _business_us(low: int, high: int, calendar: Calendar, pauses: list[Interval]) -> int:
    if high <= low:
        return 0
    line = calendar.timeline(low, high)
    total = line.opened_before(high) - line.opened_before(low)
    for begin, finish in pauses:
        begin, finish = max(begin, low), min(finish, high)
        if begin < finish:
            total -= line.opened_before(finish) - line.opened_before(begin)
    return total


def business_minutes_between(
    start: datetime, end: datetime, calendar: Calendar, paused: Iterable[tuple[datetime, datetime]] = ()
) -> float:
    """Opening minutes of ``calendar`` in [start, end), outside ``paused``; 0 when ``end <= start``."""
    low, high = _instant(start, "start"), _instant(end, "end")
    return _business_us(low, high, calendar, _pauses(paused)) / _US_PER_MINUTE


def _due_us(low: int, needed: int, calendar: Calendar, pauses: list[Interval]) -> int:
    cursor, remaining = low, needed
    for begin, finish in pauses:
        if finish <= cursor:
            continue
        available = _business_us(cursor, max(begin, cursor), calendar, [])
        if available >= remaining:
            break
        remaining -= available
        cursor = finish
    if remaining == 0:
        return cursor
    high = cursor + _US_PER_DAY
    while True:
        line = calendar.timeline(cursor, high)
        found = line.instant_at(line.opened_before(cursor) + remaining)
        if found is not None:
            return found
        if line.last_year >= _LATEST_YEAR:
            raise ValueError("minutes: the target lies beyond the years a calendar can count")
        high = _to_us(datetime(line.last_year + 1 + (line.last_year - line.first_year), 1, 1, tzinfo=UTC))


def due_at(
    start: datetime, minutes: float, calendar: Calendar, paused: Iterable[tuple[datetime, datetime]] = ()
) -> datetime:
    """The earliest instant by which ``minutes`` opening minutes have passed since ``start``.

    The result is in the calendar's zone; ``start`` itself for 0 minutes.
    """
    low = _instant(start, "start")
    pauses = _pauses(paused)
    needed = _needed_us(minutes)
    if needed == 0:
        return start.astimezone(calendar.zone)
    return _from_us(_due_us(low, needed, calendar, pauses), calendar.zone)

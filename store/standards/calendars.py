"""A calendar as the ``calendars`` table keeps it (opening hours as JSON, closed days as a JSON list of dates) and
opening hours as people type them."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date, time
from functools import lru_cache

import sqlite_utils

from store.standards.business_time import Calendar, CalendarError


def _parse_clock(text: str, field_name: str) -> time:
    if text in ("24:00", "24:00:00"):
        return time(0)
    try:
        return time.fromisoformat(text)
    except (TypeError, ValueError) as error:
        raise CalendarError(f"{field_name}: {text!r} is not a time of day like 09:00") from error


def parse_hours(raw: Mapping[str, Sequence[Sequence[str]]]) -> dict[int, list[tuple[time, time]]]:
    """Opening hours from their JSON form ``{"0": [["09:00", "17:00"]]}``; "24:00" ends at midnight."""
    hours: dict[int, list[tuple[time, time]]] = {}
    for key, spans in raw.items():
        try:
            day = int(key)
        except ValueError as error:
            raise CalendarError(f"opening hours: {key!r} is not a weekday number (0 = Monday)") from error
        hours[day] = []
        for span in spans:
            if len(span) != 2:
                raise CalendarError(f"opening hours: {span!r} is not a [start, end] pair")
            start, end = (_parse_clock(text, "opening hours") for text in span)
            hours[day].append((start, end))
    return hours


def hours_to_json(hours: Sequence[Sequence[tuple[time, time]]]) -> str:
    """The JSON form of a calendar's checked hours (Monday first), as the ``calendars`` table keeps it."""
    return json.dumps(
        {
            str(day): [[f"{s:%H:%M}", "24:00" if e == time(0) else f"{e:%H:%M}"] for s, e in spans]
            for day, spans in enumerate(hours)
            if spans
        }
    )


@lru_cache(maxsize=64)
def calendar_from_row(tz: str, hours_json: str, holidays: str | None, closed_days_json: str) -> Calendar:
    """A calendar from its ``calendars`` row; bad stored values are refused like bad input.

    One object per distinct row (calendars are immutable), so its cached intervals serve every caller.
    """
    try:
        raw_hours = json.loads(hours_json)
        raw_days = json.loads(closed_days_json or "[]")
    except json.JSONDecodeError as error:
        raise CalendarError(f"opening hours: not valid JSON ({error})") from error
    try:
        closed = [date.fromisoformat(text) for text in raw_days]
    except (TypeError, ValueError) as error:
        raise CalendarError(f"closed days: {raw_days!r} holds something that is not a date") from error
    return Calendar(tz, parse_hours(raw_hours), holidays or None, closed)


def load_calendar(db: sqlite_utils.Database, calendar_id: int) -> Calendar:
    """The stored calendar ``calendar_id``; ``CalendarError`` when there is none or it cannot be read."""
    row = db.execute(
        "SELECT tz, hours_json, holidays, closed_days_json FROM calendars WHERE id = ?", [calendar_id]
    ).fetchone()
    if row is None:
        raise CalendarError(f"calendar: there is no calendar {calendar_id}")
    return calendar_from_row(*row)


_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _weekday(text: str) -> int:
    key = text.strip().lower()[:3]
    if key not in _DAY_NAMES:
        raise CalendarError(f"opening hours: {text!r} is not a weekday (mon … sun)")
    return _DAY_NAMES.index(key)


def parse_hours_text(text: str) -> dict[int, list[tuple[time, time]]]:
    """Opening hours as people type them: ``mon-fri 09:00-17:00; sat 09:00-12:00``, split days with commas
    (``mon-fri 08:30-12:00,13:00-17:00``), ``24:00`` for midnight, or ``24/7``."""
    if text.strip() == "24/7":
        return {day: [(time(0), time(0))] for day in range(7)}
    hours: dict[int, list[tuple[time, time]]] = {}
    for part in filter(None, (piece.strip() for piece in text.split(";"))):
        days_text, _, spans_text = part.partition(" ")
        first, _, last = days_text.partition("-")
        start_day, end_day = _weekday(first), _weekday(last or first)
        if end_day < start_day:
            raise CalendarError(f"opening hours: {days_text!r} runs backwards; write e.g. mon-fri")
        spans = []
        for span in filter(None, (piece.strip() for piece in spans_text.split(","))):
            begin, _, end = span.partition("-")
            try:
                spans.append(
                    (time.fromisoformat(begin), time(0) if end == "24:00" else time.fromisoformat(end))
                )
            except ValueError as error:
                raise CalendarError(f"opening hours: {span!r} is not a span like 09:00-17:00") from error
        if not spans:
            raise CalendarError(f"opening hours: {part!r} names days but no hours, like mon-fri 09:00-17:00")
        for day in range(start_day, end_day + 1):
            hours.setdefault(day, []).extend(spans)
    return hours

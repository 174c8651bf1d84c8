"""A calendar as the ``calendars`` table keeps it: opening hours as JSON, closed days as a JSON list of dates."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date, time
from functools import lru_cache

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

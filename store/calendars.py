"""Business-hours calendars as stored in the ``calendars`` table, turned into ``store.standards.Calendar``."""

from __future__ import annotations

import json
from datetime import date, time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.standards import Calendar


def hours_from_json(text: str) -> dict[int, list[tuple[time, time]]]:
    """``{"0": [["09:00", "17:00"]]}`` → ``{0: [(time(9), time(17))]}``; "24:00" and "00:00" as end mean midnight."""
    hours: dict[int, list[tuple[time, time]]] = {}
    for day, intervals in json.loads(text).items():
        hours[int(day)] = [
            (time.fromisoformat(start), time(0) if end in ("24:00", "00:00") else time.fromisoformat(end))
            for start, end in intervals
        ]
    return hours


def hours_to_json(hours: dict[int, list[tuple[time, time]]]) -> str:
    return json.dumps(
        {
            str(day): [[s.strftime("%H:%M"), e.strftime("%H:%M")] for s, e in spans]
            for day, spans in hours.items()
        }
    )


def calendar_from_row(tz: str, hours_json: str, holidays: str | None, closed_days_json: str) -> Calendar:
    from store.standards import Calendar

    closed = [date.fromisoformat(day) for day in json.loads(closed_days_json or "[]")]
    return Calendar(tz, hours_from_json(hours_json), holidays=holidays, closed_days=closed)

"""Service-standard targets as people write them: ``4h``, ``3d``, ``90m``, ``1h30m``.

A day (``d``) is a working day of the standard's calendar, not 24 hours: ``Calendar.working_day_minutes``, the
most common opening time of its weekdays (480 minutes for Monday–Friday 09:00–17:00, 1440 for a 24/7 desk). So
"3d" on an office calendar means 3 × 480 business minutes, which is what "solved within 3 working days" promises.
"""

from __future__ import annotations

import re

from store.errors import StoreError

_PART = re.compile(r"\s*(\d+(?:[.,]\d+)?)\s*([dhm])", re.IGNORECASE)
_UNIT_ORDER = "dhm"


class DurationError(StoreError, ValueError):
    """A duration that cannot be read or makes no sense as a target; the message names the field."""


def parse_duration(text: str, day_minutes: float, field: str = "duration") -> float:
    """Business minutes in ``text``; ``field`` names the option in the error sentence."""
    raw = text.strip()
    if raw.startswith("-"):
        raise DurationError(f"{field}: {text!r} is negative; a target is a length of time after arrival")
    position, total, seen = 0, 0.0, ""
    while position < len(raw):
        match = _PART.match(raw, position)
        if match is None:
            raise DurationError(f"{field}: {text!r} is not a duration like 4h, 3d, 90m or 1h30m")
        unit = match.group(2).lower()
        if unit in seen or (seen and _UNIT_ORDER.index(unit) < _UNIT_ORDER.index(seen[-1])):
            raise DurationError(f"{field}: {text!r} repeats or reorders units; write days, hours, minutes")
        seen += unit
        amount = float(match.group(1).replace(",", "."))
        total += amount * {"d": day_minutes, "h": 60.0, "m": 1.0}[unit]
        position = match.end()
    if not seen:
        raise DurationError(f"{field}: empty; write a duration like 4h, 3d, 90m or 1h30m")
    if total <= 0:
        raise DurationError(f"{field}: {text!r} is zero; a target must be more than no time at all")
    return total


def format_duration(minutes: float, day_minutes: float) -> str:
    """The shortest way to write ``minutes`` in working days, hours and minutes (the inverse of parsing)."""
    if minutes <= 0:
        return "0m"
    parts = []
    rest = round(minutes, 3)
    if day_minutes > 0 and rest >= day_minutes:
        days, rest = divmod(rest, day_minutes)
        parts.append(f"{int(days)}d")
    hours, rest = divmod(rest, 60)
    if hours:
        parts.append(f"{int(hours)}h")
    if rest:
        parts.append(f"{rest:g}m")
    return "".join(parts)

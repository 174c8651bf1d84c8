"""Durations of business time for a calendar: read as people write them (``4h``, ``3d``, ``90m``, ``1h30m``),
written back in that form, in words for a requester, and split into days, hours and minutes for the window.

A day is a working day of the calendar, not 24 hours: ``Calendar.working_day_minutes``, the most common opening
time of its weekdays (480 minutes for Monday–Friday 09:00–17:00, 1440 for a 24/7 desk). So "3d" on an office
calendar means 3 × 480 business minutes, which is what "solved within 3 working days" promises, and a 24/7 desk's
1440-minute target is one day, never three. Every way of showing a duration goes through ``split_duration``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

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


class DurationParts(NamedTuple):
    days: int  # working days of the calendar
    hours: int
    minutes: float


def split_duration(minutes: float, day_minutes: float) -> DurationParts:
    """``minutes`` as working days of ``day_minutes``, hours and the minutes left (0 for less than no time)."""
    rest = max(0.0, round(minutes, 3))
    days = 0.0
    if day_minutes > 0 and rest >= day_minutes:
        days, rest = divmod(rest, day_minutes)
    hours, rest = divmod(rest, 60)
    return DurationParts(int(days), int(hours), rest)


def format_duration(minutes: float, day_minutes: float) -> str:
    """The shortest way to write ``minutes`` in working days, hours and minutes (the inverse of parsing)."""
    days, hours, rest = split_duration(minutes, day_minutes)
    parts = [f"{days}d" if days else "", f"{hours}h" if hours else "", f"{rest:g}m" if rest else ""]
    return "".join(parts) or "0m"


# (one, many) for business hours and business days, per language: a requester reads these in a reply.
_UNITS = {
    "en": (("business hour", "business hours"), ("business day", "business days")),
    "nl": (("werkuur", "werkuren"), ("werkdag", "werkdagen")),
    "de": (("Arbeitsstunde", "Arbeitsstunden"), ("Arbeitstag", "Arbeitstagen")),
    "it": (("ora lavorativa", "ore lavorative"), ("giorno lavorativo", "giorni lavorativi")),
}
_MINUTES = {"en": "minutes", "nl": "minuten", "de": "Minuten", "it": "minuti"}


def duration_in_words(minutes: float, day_minutes: float, language: str) -> str:
    """A target in words in a reply's language: in whole working days when it is a multiple of one, else in whole
    hours, else in minutes."""
    (hour_one, hour_many), (day_one, day_many) = _UNITS.get(language, _UNITS["en"])
    whole = round(minutes)
    days, hours, rest = split_duration(whole, day_minutes)
    if days and not hours and not rest:
        return f"{days} {day_one if days == 1 else day_many}"
    if whole >= 60 and whole % 60 == 0:
        return f"{whole // 60} {hour_one if whole == 60 else hour_many}"
    return f"{whole} {_MINUTES.get(language, _MINUTES['en'])}"

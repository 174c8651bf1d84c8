"""Instants in the store are UTC ISO 8601 text: sortable in SQL, readable in a shell, exact to the microsecond."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo


def to_db(moment: datetime) -> str:
    """An aware datetime as the store's UTC text; naive datetimes are refused since their zone is a guess."""
    if moment.tzinfo is UTC:
        return _utc_text(moment)
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("naive datetime refused: the store keeps instants, not wall-clock times")
    return moment.astimezone(UTC).isoformat()


# Filing one message writes its instant into the request, its events and their checks, three times or more, and
# ``isoformat`` costs ten look-ups. Only UTC instants are remembered: in a zone with summer time, the two readings of
# a wall-clock hour that occurs twice (``fold``) are equal as keys but are different instants.
_utc_text = lru_cache(maxsize=1024)(datetime.isoformat)


def from_db(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def instant_from_db(text: str) -> datetime:
    """A column that always holds an instant (NOT NULL)."""
    return datetime.fromisoformat(text)


def wall_clock_text(moment: datetime, tz: str) -> str:
    """An instant as the wall-clock minute of a zone, ``2026-03-02 09:00``: the same in every language, for text
    written into mail (a quoted message's date, a template's due date)."""
    return moment.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")


def utcnow() -> datetime:
    return datetime.now(UTC)


def machine_zone() -> str:
    """The machine's IANA zone name (``tzlocal`` reads it on Linux, macOS and Windows alike), the default zone of a
    new mailbox's calendar; UTC when the machine's setting names no zone."""
    import tzlocal

    try:
        return tzlocal.get_localzone_name() or "UTC"
    except (LookupError, ValueError):  # tzlocal's errors for a zone it cannot name
        return "UTC"

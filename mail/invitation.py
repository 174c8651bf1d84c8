"""Calendar invitations (``text/calendar``): the summary, time and place a person looks for, not raw iCalendar."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from mail.charsets import decode_text, sqlite_safe

logger = logging.getLogger(__name__)

CALENDAR_TYPES = frozenset(("text/calendar", "application/ics"))


@dataclass(frozen=True, slots=True)
class Invitation:
    summary: str
    start: datetime | date | None  # a date alone for an all-day event; aware when the calendar names a zone
    end: datetime | date | None
    location: str
    organizer: str  # the organiser's address, without "mailto:"
    description: str
    method: str  # REQUEST (an invitation), CANCEL, REPLY …; "" when absent

    def searchable(self) -> str:
        return "\n".join(filter(None, (self.summary, self.location, self.organizer, self.description)))


def read_invitation(data: bytes, charset: str | None = None) -> Invitation | None:
    """The first event of an iCalendar object; None when there is none or the text is not iCalendar."""
    from icalendar import Calendar

    text = decode_text(data, charset or "utf-8")[0]
    try:
        calendar = Calendar.from_ical(text)
        event = next(iter(calendar.walk("VEVENT")), None)
        if event is None:
            return None
        return Invitation(
            summary=_text(event.get("summary")),
            start=_moment(event.get("dtstart")),
            end=_moment(event.get("dtend")),
            location=_text(event.get("location")),
            organizer=_text(event.get("organizer")).removeprefix("mailto:").removeprefix("MAILTO:"),
            description=_lines(event.get("description")),
            method=_text(calendar.get("method")).upper(),
        )
    except (
        Exception
    ):  # the package raises ValueError and its own errors on text, and on values, it cannot read
        logger.info("unreadable calendar part", exc_info=True)
        return None


def _text(value: object) -> str:
    return sqlite_safe(" ".join(str(value).split())) if value is not None else ""


def _lines(value: object) -> str:
    """Text that keeps its line breaks (a description), each line tidied."""
    if value is None:
        return ""
    lines = (" ".join(line.split()) for line in str(value).replace("\r\n", "\n").split("\n"))
    return sqlite_safe("\n".join(lines).strip())


def _moment(value: object) -> datetime | date | None:
    try:
        moment = getattr(value, "dt", None)
    except Exception:  # a time the package could not read answers with its own error: the rest still shows
        return None
    return moment if isinstance(moment, date) else None

"""Attachments that a person reads rather than opens: a forwarded message shown as a message inside the message
(sender, date, subject, text and its own attachments), and an invitation as its summary, time and place.

``open_attachments`` runs on the reading thread (it reads the raw mail and parses); the HTML is built on the GUI thread.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date, datetime

import sqlite_utils
from PySide6.QtCore import QDate, QLocale

from desktop.formatting import qdatetime, short_datetime
from desktop.i18n import tr
from mail.attachment_bytes import attachment_bytes
from mail.invitation import CALENDAR_TYPES, Invitation, read_invitation
from mail.parse import MAX_ATTACHED_DEPTH, parse_message
from store.records import ParsedMessage

_READ_TYPES = ("message/rfc822", *sorted(CALENDAR_TYPES))
_MUTED = "color:#6b7280"


@dataclass(frozen=True)
class Opened:
    """An attachment read: an attached message (with its own read attachments by position) or an invitation."""

    message: ParsedMessage | None = None
    invitation: Invitation | None = None
    inner: dict[int, Opened] = field(default_factory=dict)


def open_attachment(content_type: str, data: bytes, depth: int = 0) -> Opened | None:
    if content_type == "message/rfc822" and depth < MAX_ATTACHED_DEPTH:
        message = parse_message(data, depth + 1)
        inner = {
            number: opened
            for number, item in enumerate(message.attachments)
            if (opened := open_attachment(item.content_type, item.data, depth + 1)) is not None
        }
        return Opened(message=message, inner=inner)
    if content_type in CALENDAR_TYPES:
        invitation = read_invitation(data)
        return None if invitation is None else Opened(invitation=invitation)
    return None


def open_attachments(db: sqlite_utils.Database, request_id: int) -> dict[int, Opened]:
    """The request's attached messages and invitations, read, by attachment id."""
    marks = ",".join("?" * len(_READ_TYPES))
    opened: dict[int, Opened] = {}
    for attachment_id, content_type in db.execute(
        f"""SELECT a.id, a.content_type FROM attachments a JOIN messages m ON m.id = a.message_id
            WHERE m.request_id = ? AND a.content_type IN ({marks})""",
        [request_id, *_READ_TYPES],
    ).fetchall():
        data = attachment_bytes(db, attachment_id)
        reading = None if data is None else open_attachment(content_type, data)
        if reading is not None:
            opened[attachment_id] = reading
    return opened


def opened_html(opened: Opened, now: datetime) -> str:
    if opened.invitation is not None:
        return invitation_html(opened.invitation, now)
    assert opened.message is not None
    return _message_html(opened.message, opened.inner, now)


def _message_html(message: ParsedMessage, inner: dict[int, Opened], now: datetime) -> str:
    sender = message.sender.name or message.sender.address
    rows = [
        (tr("From"), f"{sender} <{message.sender.address}>" if message.sender.name else sender),
        (tr("Date"), short_datetime(message.date, now)),
        (tr("Subject"), message.subject or tr("(no subject)")),
    ]
    head = "".join(
        f"<tr><td style='{_MUTED}; padding-right:8px'>{html.escape(label)}</td><td>{html.escape(value)}</td></tr>"
        for label, value in rows
    )
    text = html.escape(message.text_body.strip()).replace("\n", "<br>")
    parts = []
    for number, item in enumerate(message.attachments):
        if item.inline:
            continue
        if number in inner:
            parts.append(opened_html(inner[number], now))
            continue
        size = QLocale().formattedDataSize(len(item.data))
        label = html.escape(tr("Attachment:"))
        parts.append(
            f"<p style='margin:2px 0'><span style='{_MUTED}'>{label}</span> "
            f"{html.escape(item.filename)} ({html.escape(size)})</p>"
        )
    label = html.escape(tr("Attached message"))
    return (
        "<table width='100%' cellspacing='0' cellpadding='6' style='margin-top:6px; background-color:#f8fafc; "
        "border:1px solid #cbd5e1'><tr><td>"
        f"<p style='margin:0 0 4px 0; {_MUTED}; font-weight:600'>{label}</p>"
        f"<table cellspacing='0' cellpadding='1'>{head}</table>"
        f"<p style='margin-top:6px'>{text}</p>{''.join(parts)}</td></tr></table>"
    )


def invitation_html(invitation: Invitation, now: datetime) -> str:
    title = {
        "CANCEL": tr("Cancelled meeting"),
        "REPLY": tr("Answer to an invitation"),
    }.get(invitation.method, tr("Invitation"))
    rows = [
        (tr("What"), invitation.summary or tr("(no subject)")),
        (tr("When"), _when(invitation, now)),
        (tr("Where"), invitation.location),
        (tr("Organiser"), invitation.organizer),
    ]
    cells = "".join(
        f"<tr><td style='{_MUTED}; padding-right:8px'>{html.escape(label)}</td><td><b>{html.escape(value)}</b>"
        "</td></tr>"
        for label, value in rows
        if value
    )
    return (
        "<table width='100%' cellspacing='0' cellpadding='6' style='margin-top:6px; background-color:#eef6ff; "
        f"border:1px solid #93c5fd'><tr><td><p style='margin:0 0 4px 0; color:#1d4ed8; font-weight:600'>"
        f"{html.escape(title)}</p><table cellspacing='0' cellpadding='1'>{cells}</table></td></tr></table>"
    )


def _when(invitation: Invitation, now: datetime) -> str:
    start, end = invitation.start, invitation.end
    if start is None:
        return ""
    if not isinstance(start, datetime):  # an all-day event
        return _day(start) if end is None or not isinstance(end, date) else _range(_day(start), _day(end, -1))
    if not isinstance(end, datetime):
        return short_datetime(start)
    if qdatetime(end).date() == qdatetime(start).date():
        return _range(
            short_datetime(start), QLocale().toString(qdatetime(end).time(), QLocale.FormatType.ShortFormat)
        )
    return _range(short_datetime(start), short_datetime(end))


def _day(day: date, shift: int = 0) -> str:
    return QLocale().toString(
        QDate(day.year, day.month, day.day).addDays(shift), QLocale.FormatType.LongFormat
    )


def _range(first: str, last: str) -> str:
    return first if first == last else f"{first} – {last}"

"""Plain data that the mail layer hands to the store: a parsed message and its parts.

They live in ``store`` because the store consumes them and must not import ``mail``; ``mail.parse`` produces them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Address:
    name: str
    address: str  # normalised: lower-case, stripped; "" when the header had no usable address


@dataclass(frozen=True)
class AttachmentData:
    filename: str  # sanitised: safe as a file name on every platform
    content_type: str
    data: bytes
    inline: bool = False


@dataclass(frozen=True)
class ParsedMessage:
    message_id: str | None  # with angle brackets; None when missing
    in_reply_to: str | None
    references: tuple[str, ...]
    thread_index: str | None  # Outlook Thread-Index header as sent (base64)
    subject: str
    sender: Address
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    date: datetime | None  # aware; None when missing or unparseable
    text_body: str
    html_body: str | None  # sanitised with nh3; None also when left in the raw mail (html_in_raw)
    snippet: str
    auto_kind: str  # none, auto-reply, bounce, list, loop
    attachments: tuple[AttachmentData, ...] = ()
    problems: tuple[str, ...] = ()  # what the parser could not read cleanly; empty when clean
    reply_to: tuple[Address, ...] = field(default=())
    # Words a person finds inside attachments they read as part of the message (attached messages, invitations):
    # indexed for search, not shown as the text.
    attached_text: str = ""
    html_in_raw: bool = False  # an HTML part read when the message is shown (mail.parse_message(html=False))

"""Raw mail bytes into a ``ParsedMessage``: never raises, and keeps whatever the headers allow.

Sync parses every message exactly once, at a rate that must keep up with the IMAP fetch, so this module builds on the
byte-level splitter in ``mail.mime`` rather than the stdlib parser and only does the work a request needs: header
fields, one text body, the sanitised HTML, a snippet, the attachments and the automatic-mail kind. Everything it could
not read cleanly is listed in ``problems``; the message is still stored and filed.

It is held to the standard library's reading (``email`` with ``policy.default``) by a differential test over a large
corpus (``tests/unit/mail/test_parse_agrees_with_stdlib.py``); what it reads beyond that library (winmail.dat, RTF,
invitations, attached messages' words for search) is its own.
"""

from __future__ import annotations

import logging
import mimetypes
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from mail import headers as hdr
from mail.charsets import decode_text, sqlite_safe
from mail.classify import classify
from mail.filenames import sanitize_filename
from mail.html import html_to_text, sanitize
from mail.invitation import CALENDAR_TYPES, read_invitation
from mail.mime import Part, parse_entity, split_headers, transfer_decode
from mail.outlook import RTF_TYPES, TNEF_TYPES, read_tnef, rtf_to_text
from store.records import AttachmentData, ParsedMessage
from store.vocabulary import AutoKind

logger = logging.getLogger(__name__)

SNIPPET_LENGTH = 200
MAX_PROBLEMS = 20
_BODY_TYPES = frozenset(("text/plain", "text/html"))
_REPORT_NAMES = {
    "message/delivery-status": "delivery-status.txt",
    "message/global-delivery-status": "delivery-status.txt",
    "message/disposition-notification": "disposition-notification.txt",
    "text/rfc822-headers": "headers.txt",
    "message/rfc822-headers": "headers.txt",
    "text/calendar": "invite.ics",
}
# Lines that start the quoted original in a reply: everything after them is old text, not what the sender wrote now.
_QUOTE_START = re.compile(
    r"(?:-{2,}\s*(?:original message|oorspronkelijk bericht|ursprüngliche nachricht|messaggio originale"
    r"|forwarded message|doorgestuurd bericht|weitergeleitete nachricht|messaggio inoltrato)"
    r"|(?:on|op|am|il)\s.{0,300}(?:wrote|schreef|geschreven|schrieb|scritto)\b.{0,200}:$"
    r"|(?:from|van|von|da)\s*:\s)",
    re.I,
)
_SNIPPET_SCAN = 4_000


_SIGNATURE_TYPES = frozenset(
    ("application/pgp-signature", "application/pkcs7-signature", "application/x-pkcs7-signature")
)
MAX_ATTACHED_DEPTH = 5  # messages attached inside attached messages: deeper ones stay attachments, unread


@dataclass(slots=True)
class _Content:
    """What a walk over the MIME tree collects."""

    depth: int  # of attached messages around this one
    plain: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    # Text read when the message has no plain or HTML text: RTF alternatives, winmail.dat, an invitation's words
    fallback_text: list[str] = field(default_factory=list)
    attachments: list[AttachmentData] = field(default_factory=list)
    part_types: list[str] = field(default_factory=list)
    attached_text: list[str] = field(default_factory=list)


def parse_message(raw: bytes, depth: int = 0, html: bool = True) -> ParsedMessage:
    """The message's fields for the store; problems are recorded, never raised. ``depth`` counts the messages this
    one is attached inside. Without ``html`` an HTML part is not sanitised but marked ``html_in_raw``, to be read
    when the message is shown (``shown_html``): ingest does not pay for what is seldom looked at again."""
    try:
        return _parse(bytes(raw), depth, html)
    except Exception as error:  # a parser bug must cost one message's body, never the sync
        logger.exception("parsing failed; keeping headers only")
        return _headers_only(bytes(raw), f"parser failed ({type(error).__name__}); only headers read")


def shown_html(raw: bytes) -> str | None:
    """The sanitised HTML of a message, from its raw mail."""
    return parse_message(raw).html_body


def _parse(raw: bytes, depth: int, html: bool) -> ParsedMessage:
    problems: list[str] = []
    root = parse_entity(raw, problems)
    fields = _header_fields(root.headers, problems)
    content = _Content(depth)
    _collect(root, content, problems, parent="")
    html_source = "\n".join(content.html) if content.html else None
    text = "\n".join(content.plain) if content.plain else ""
    if not text.strip() and html_source:
        text = sqlite_safe(html_to_text(html_source))
    if not text.strip() and content.fallback_text:
        text = "\n".join(content.fallback_text)
    return ParsedMessage(
        **fields,
        text_body=text,
        html_body=sanitize(html_source) if html_source and html else None,
        html_in_raw=bool(html_source) and not html,
        snippet=snippet(text),
        auto_kind=_auto_kind(root.headers, fields["subject"], content.part_types),
        attachments=tuple(content.attachments),
        problems=_tidy(problems),
        attached_text="\n".join(content.attached_text),
    )


def _headers_only(raw: bytes, reason: str) -> ParsedMessage:
    """The fallback when the body could not be read: header fields and the automatic-mail kind, no content."""
    problems = [reason]
    try:
        headers, _ = split_headers(raw, problems)
        fields = _header_fields(headers, problems)
        kind = _auto_kind(headers, fields["subject"], ())
    except Exception:
        logger.exception("even the headers are unreadable")
        fields, kind = _header_fields({}, problems), AutoKind.NONE
    return ParsedMessage(
        **fields, text_body="", html_body=None, snippet="", auto_kind=kind, problems=_tidy(problems)
    )


def _auto_kind(headers: dict[str, list[str]], subject: str, part_types: Sequence[str]) -> str:
    first = {name: values[0] for name, values in headers.items()}
    received = len(headers.get("received", ()))
    return classify(first, subject, first.get("content-type", ""), part_types, received)


def _header_fields(headers: dict[str, list[str]], problems: list[str]) -> dict[str, Any]:
    def first(name: str) -> str | None:
        values = headers.get(name)
        return values[0] if values else None

    thread_index = (first("thread-index") or "").strip()
    return {
        "message_id": hdr.message_id(first("message-id")),
        "in_reply_to": hdr.message_id(first("in-reply-to")),
        "references": hdr.message_ids(" ".join(headers.get("references", ()))),
        "thread_index": thread_index[:1000] or None,
        "subject": hdr.unstructured(first("subject"), problems),
        "sender": hdr.first_address(headers.get("from") or headers.get("sender"), problems),
        "to": hdr.addresses(headers.get("to"), problems),
        "cc": hdr.addresses(headers.get("cc"), problems),
        "reply_to": hdr.addresses(headers.get("reply-to"), problems),
        "date": hdr.date(first("date"), problems),
    }


def _collect(part: Part, content: _Content, problems: list[str], parent: str) -> None:
    """Sort the leaves of the MIME tree into body text, body HTML and attachments; ``parent`` is the type of the
    multipart around the part."""
    if part.is_multipart:
        for number, child in enumerate(part.children):
            if (
                part.content_type == "multipart/signed"
                and number > 0
                and child.content_type in _SIGNATURE_TYPES
            ):
                continue  # the signature: mail clients show that a message is signed, not a file
            _collect(child, content, problems, part.content_type)
        return
    content_type = part.content_type
    content.part_types.append(content_type)
    disposition, disposition_params = part.disposition()
    filename = disposition_params.get("filename") or part.params.get("name")
    if disposition != "attachment" and not filename and content_type in _BODY_TYPES:
        text, problem = decode_text(transfer_decode(part, problems), part.params.get("charset"))
        if problem:
            problems.append(problem)
        if "\r" in text:
            text = text.replace("\r\n", "\n")
        (content.plain if content_type == "text/plain" else content.html).append(text)
        return
    data = transfer_decode(part, problems)
    if content_type in RTF_TYPES and not filename and parent == "multipart/alternative":
        # Outlook's rich-text alternative: a body, the text when there is no other
        content.fallback_text.append(rtf_to_text(data))
        return
    if content_type in TNEF_TYPES and _add_tnef(data, content, problems):
        return
    if content_type == "message/rfc822":
        _read_attached_message(data, content)
    elif content_type in CALENDAR_TYPES:
        invitation = read_invitation(data, part.params.get("charset"))
        if invitation is not None:
            content.attached_text.append(invitation.searchable())
            if invitation.description:
                content.fallback_text.append(invitation.description)
    if filename:
        name = sanitize_filename(hdr.unstructured(filename, problems))
    else:
        name = sanitize_filename(_default_name(content_type, data))
    inline = (
        content_type.startswith("image/")
        and disposition != "attachment"
        and (disposition == "inline" or parent == "multipart/related" or "content-id" in part.headers)
    )
    content.attachments.append(AttachmentData(name, content_type[:100], data, inline))


def _add_tnef(data: bytes, content: _Content, problems: list[str]) -> bool:
    """The files and text inside a ``winmail.dat``, added as Outlook shows them; False when it cannot be read."""
    try:
        tnef = read_tnef(data)
    except ValueError as error:
        problems.append(f"winmail.dat kept as it is: {error}")
        return False
    if tnef.text:
        content.fallback_text.append(tnef.text)
    for name, file_data in tnef.files:
        content_type = mimetypes.guess_type(name, strict=False)[0] or "application/octet-stream"
        content.attachments.append(AttachmentData(sanitize_filename(name), content_type, file_data))
    return True


def _read_attached_message(data: bytes, content: _Content) -> None:
    """Words of an attached (forwarded) message, for search: its sender, subject, text and what it holds."""
    if content.depth >= MAX_ATTACHED_DEPTH:
        return
    inner = parse_message(data, content.depth + 1)
    words = (inner.sender.name, inner.sender.address, inner.subject, inner.text_body, inner.attached_text)
    content.attached_text.append("\n".join(filter(None, words)))


def _default_name(content_type: str, data: bytes) -> str:
    """A name for a part that has none: the subject of a forwarded message, or the type's usual extension."""
    if content_type == "message/rfc822":
        headers, _ = split_headers(data, [])
        subject = hdr.unstructured((headers.get("subject") or [""])[0])
        return f"{subject[:100] or 'message'}.eml"
    if content_type in _REPORT_NAMES:
        return _REPORT_NAMES[content_type]
    extension = mimetypes.guess_extension(content_type, strict=False) or ".bin"
    return f"attachment{extension}"


def snippet(text: str) -> str:
    """The first words the sender wrote: quoted lines and the quoted original after a reply header are skipped."""
    kept: list[str] = []
    size = 0
    for line in text[:_SNIPPET_SCAN].splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(">"):
            continue
        if _QUOTE_START.match(stripped):
            break
        kept.append(stripped)
        size += len(stripped) + 1
        if size > SNIPPET_LENGTH:
            break
    joined = " ".join(" ".join(kept).split())
    if len(joined) <= SNIPPET_LENGTH:
        return joined
    cut = joined.rfind(" ", SNIPPET_LENGTH - 40, SNIPPET_LENGTH)
    return joined[: cut if cut > 0 else SNIPPET_LENGTH] + "…"


def _tidy(problems: list[str]) -> tuple[str, ...]:
    """Problems without repeats, each short, at most ``MAX_PROBLEMS``: enough to explain, never a flood."""
    unique = dict.fromkeys(sqlite_safe(problem[:200]) for problem in problems)
    return tuple(list(unique)[:MAX_PROBLEMS])

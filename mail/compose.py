"""Building the desk's replies and forwards as MIME, with the headers every mail client threads by.

A reply must land in the requester's thread (``In-Reply-To``/``References``), carry exactly one ``Re:`` and the
request tag, and survive any language and any attachment name; all of that is decided here, from plain values, so it
is testable without a server.
"""

from __future__ import annotations

import html
import mimetypes
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email import message_from_bytes, policy
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage, MIMEPart
from email.utils import format_datetime, make_msgid
from typing import Literal

from store.accounts import Account
from store.outbox import Outgoing
from store.ratings import SIGNATURE_SEPARATOR, with_rating_links
from store.records import Address, AttachmentData
from store.threading import strip_reply_prefixes, strip_request_tag
from store.timeutil import wall_clock_text

Mode = Literal["reply", "reply_all", "forward"]
MODES: tuple[Mode, ...] = ("reply", "reply_all", "forward")

MAX_REFERENCES = 20  # beyond this, keep the first and the most recent ids (RFC 5322 §3.6.4 allows trimming)

# "On <date>, <name> wrote:" in the template languages; English for any other.
_QUOTE_HEADERS = {
    "en": "On {date}, {name} wrote:",
    "nl": "Op {date} schreef {name}:",
    "de": "Am {date} schrieb {name}:",
    "it": "Il {date}, {name} ha scritto:",
}
_FORWARD_HEADERS = {
    "en": ("-------- Forwarded message --------", "From", "Date", "Subject", "To"),
    "nl": ("-------- Doorgestuurd bericht --------", "Van", "Datum", "Onderwerp", "Aan"),
    "de": ("-------- Weitergeleitete Nachricht --------", "Von", "Datum", "Betreff", "An"),
    "it": ("-------- Messaggio inoltrato --------", "Da", "Data", "Oggetto", "A"),
}


@dataclass(frozen=True, slots=True)
class Original:
    """The message being answered or forwarded, as the store knows it."""

    message_id: str | None
    subject: str
    sender: Address
    date: datetime | None
    text_body: str
    references: tuple[str, ...] = ()
    to: tuple[Address, ...] = ()
    cc: tuple[Address, ...] = ()
    reply_to: tuple[Address, ...] = ()
    raw: bytes | None = None  # when present, a forward attaches the original as message/rfc822


@dataclass(frozen=True, slots=True)
class Draft:
    """What the person wrote and chose; ``to`` is required for a forward (the colleague).

    ``request_id`` is the request's row in the store (the outbox's link to it); ``request_number`` is what the mail
    shows of it (the ``[#N]`` tag and ``X-Loket-Request``)."""

    mode: Mode
    body: str
    request_id: int | None
    request_number: int | None = None
    to: tuple[Address, ...] = ()
    cc: tuple[Address, ...] = ()
    tag: bool = True
    language: str = "en"
    quote: bool = True
    signature: str | None = None  # None: the account's signature
    attachments: tuple[AttachmentData, ...] = field(default=())
    attach_original: bool = True  # forward: original as message/rfc822 when its bytes are known
    subject: str | None = None  # what the reply is about (the request's subject); default: the original's
    html: bool = False  # also send an HTML rendering of the text (multipart/alternative)
    rating_line: str = ""  # the rating links (``store.ratings``), put after the signature


def base_subject(subject: str) -> str:
    """The subject with reply/forward prefixes and request tags removed, however they are interleaved."""
    previous = None
    while previous != subject:
        previous = subject
        subject = strip_request_tag(strip_reply_prefixes(subject))
    return subject


def reply_subject(subject: str, number: int | None, *, tag: bool = True, prefix: str = "Re: ") -> str:
    """``Re: `` (or ``Fwd: ``) once, then the request's ``[#number]`` tag when wanted, then the bare subject."""
    bare = base_subject(subject)
    tag_text = f"[#{number}] " if tag and number is not None else ""
    return f"{prefix}{tag_text}{bare}".rstrip()


def trim_references(references: Sequence[str], limit: int = MAX_REFERENCES) -> list[str]:
    """Drop duplicates, then keep the thread's root and the most recent ids when the chain is too long."""
    unique = list(dict.fromkeys(ref for ref in references if ref))
    if len(unique) <= limit:
        return unique
    return [unique[0], *unique[-(limit - 1) :]]


def reply_references(original: Original) -> list[str]:
    chain = list(original.references)
    if original.message_id:
        chain.append(original.message_id)
    return trim_references(chain)


def reply_recipients(
    original: Original, mode: Mode, own_address: str
) -> tuple[tuple[Address, ...], tuple[Address, ...]]:
    """To and Cc of a reply: the sender (or its Reply-To); reply-all adds the other recipients minus ourselves."""
    own = own_address.lower()
    to = tuple(a for a in (original.reply_to or (original.sender,)) if a.address)
    if mode != "reply_all":
        return to, ()
    taken = {a.address for a in to} | {own}
    cc: list[Address] = []
    for address in (*original.to, *original.cc):
        if address.address and address.address not in taken:
            taken.add(address.address)
            cc.append(address)
    return to, tuple(cc)


def _local_text(moment: datetime | None, tz: str) -> str:
    if moment is None:
        return "?"
    return wall_clock_text(moment, tz)


def _name(address: Address) -> str:
    return address.name or address.address


def quote_block(original: Original, language: str, tz: str = "UTC") -> str:
    """The original quoted with ``> `` under a localised attribution line."""
    header = _QUOTE_HEADERS.get(language, _QUOTE_HEADERS["en"])
    attribution = header.format(date=_local_text(original.date, tz), name=_name(original.sender))
    lines = original.text_body.rstrip("\n").splitlines() or [""]
    quoted = "\n".join(
        ">" if not line else (">" + line if line.startswith(">") else "> " + line) for line in lines
    )
    return f"{attribution}\n{quoted}"


def forward_block(original: Original, language: str, tz: str = "UTC") -> str:
    """The original inline under a localised forward header, for clients that hide message/rfc822 parts."""
    title, from_, date_, subject_, to_ = _FORWARD_HEADERS.get(language, _FORWARD_HEADERS["en"])
    recipients = ", ".join(_format_address(a) for a in original.to)
    return (
        f"{title}\n{from_}: {_format_address(original.sender)}\n{date_}: {_local_text(original.date, tz)}\n"
        f"{subject_}: {original.subject}\n{to_}: {recipients}\n\n{original.text_body.rstrip()}"
    )


def _format_address(address: Address) -> str:
    return f"{address.name} <{address.address}>" if address.name else address.address


def compose_text(draft: Draft, original: Original | None, signature: str, tz: str = "UTC") -> str:
    """Body, signature (after the ``-- `` separator) and the rating links, then the quoted or forwarded original.

    A body that holds its signature already (as edited in the compose window) gets the links after it."""
    body = draft.body.rstrip("\n")
    closing = signature.strip("\n")
    if draft.rating_line and SIGNATURE_SEPARATOR in body + "\n" and not closing:
        body = with_rating_links(body + "\n", draft.rating_line).rstrip("\n")
    elif draft.rating_line:
        closing = f"{closing}\n{draft.rating_line}" if closing else draft.rating_line
    parts = [body]
    if closing.strip():
        parts.append("-- \n" + closing)
    if original is not None and draft.quote:
        if draft.mode == "forward":
            parts.append(forward_block(original, draft.language, tz))
        else:
            parts.append(quote_block(original, draft.language, tz))
    return "\n\n".join(parts) + "\n"


def _header_address(address: Address) -> HeaderAddress:
    return HeaderAddress(display_name=address.name, addr_spec=address.address)


_MAILTO_LINK = re.compile(r"\b([1-5]) &lt;(mailto:[^&\s\"]+)&gt;")


def text_to_html(text: str) -> str:
    """The plain text as simple HTML: quoted lines in nested blockquotes, the signature greyed, nothing remote."""
    lines = text.splitlines()
    parts: list[str] = []
    depth = 0
    in_signature = False
    for line in lines:
        level = len(line) - len(line.lstrip(">"))
        content = line[level:].removeprefix(" ") if level else line
        while depth < level:
            parts.append('<blockquote style="margin:0 0 0 .8ex;border-left:2px solid #ccc;padding-left:1ex">')
            depth += 1
        while depth > level:
            parts.append("</blockquote>")
            depth -= 1
        if line == "-- " and not level:
            in_signature = True
            parts.append('<div style="color:#666">-- <br>')
            continue
        escaped = html.escape(content)
        if in_signature and not level:
            escaped = _MAILTO_LINK.sub(r'<a href="\2">\1</a>', escaped)  # the rating links, clickable
        parts.append(escaped + "<br>")
    parts.extend("</blockquote>" for _ in range(depth))
    if in_signature:
        parts.append("</div>")
    body = "\n".join(parts)
    return f'<!DOCTYPE html>\n<html><body style="font-family:sans-serif">\n{body}\n</body></html>\n'


def _set_text(message: EmailMessage, text: str) -> None:
    """Quoted-printable for non-ASCII text: readable, and safe through servers without 8BITMIME."""
    cte = "7bit" if text.isascii() else "quoted-printable"
    message.set_content(text, charset="utf-8", cte=cte)


def _add_attachment(message: EmailMessage, attachment: AttachmentData) -> None:
    content_type = attachment.content_type or (
        mimetypes.guess_type(attachment.filename)[0] or "application/octet-stream"
    )
    maintype, _, subtype = content_type.partition("/")
    if maintype == "text":
        # Bytes keep their own encoding; declaring them as text would make the library re-encode them.
        maintype, subtype = "application", "octet-stream"
    message.add_attachment(
        attachment.data, maintype=maintype, subtype=subtype or "octet-stream", filename=attachment.filename
    )


def build_message(
    account: Account,
    draft: Draft,
    original: Original | None,
    *,
    now: datetime,
    tz: str = "UTC",
) -> Outgoing:
    """The complete outgoing message and what the store keeps of it."""
    if now.tzinfo is None:
        raise ValueError("naive datetime refused for the Date header")
    if draft.mode == "forward":
        to, cc = draft.to, draft.cc
        subject = reply_subject(
            draft.subject or (original.subject if original else ""),
            draft.request_number,
            tag=draft.tag,
            prefix="Fwd: ",
        )
    else:
        if original is None:
            raise ValueError("a reply needs the message it answers")
        default_to, default_cc = reply_recipients(original, draft.mode, account.address)
        to, cc = draft.to or default_to, draft.cc or default_cc
        subject = reply_subject(draft.subject or original.subject, draft.request_number, tag=draft.tag)
    if not to:
        raise ValueError("no recipient")

    signature = account.signature if draft.signature is None else draft.signature
    text = compose_text(draft, original, signature, tz)
    message_id = make_msgid(domain=account.domain)
    references = reply_references(original) if original is not None else []
    in_reply_to = original.message_id if original is not None and draft.mode != "forward" else None

    message = EmailMessage(policy=policy.SMTP)
    message["From"] = _header_address(Address(account.display_name, account.address))
    message["To"] = [_header_address(a) for a in to]
    if cc:
        message["Cc"] = [_header_address(a) for a in cc]
    message["Subject"] = subject
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
    if references:
        message["References"] = " ".join(references)
    if draft.request_number is not None:
        message["X-Loket-Request"] = str(draft.request_number)
    _set_text(message, text)
    if draft.html:
        message.add_alternative(text_to_html(text), subtype="html", charset="utf-8", cte="quoted-printable")
    if draft.mode == "forward" and original is not None and original.raw and draft.attach_original:
        attached = message_from_bytes(original.raw, policy=policy.SMTP)
        message.add_attachment(attached, filename="original.eml")
    for attachment in draft.attachments:
        _add_attachment(message, attachment)

    return Outgoing(
        account_id=account.id,
        request_id=draft.request_id,
        message_id=message_id,
        raw=message.as_bytes(),
        sender=Address(account.display_name, account.address),
        to=to,
        cc=cc,
        subject=subject,
        date=now,
        text_body=text,
        in_reply_to=in_reply_to,
        references=tuple(references),
        attachments=draft.attachments,
        written=draft.body,
    )


def revise_message(raw: bytes, text: str, to: Sequence[Address], cc: Sequence[Address] = ()) -> bytes:
    """The same message (same Message-ID, threading headers and attachments) with new text and recipients.

    For a reply the server refused: a mistyped address or a sentence to fix must not make it a new message.
    """
    if not to:
        raise ValueError("no recipient")
    message = message_from_bytes(raw, policy=policy.SMTP)
    assert isinstance(message, EmailMessage)
    del message["To"], message["Cc"]
    message["To"] = [_header_address(a) for a in to]
    if cc:
        message["Cc"] = [_header_address(a) for a in cc]
    body = message.get_body(("plain",))
    if body is None:
        raise ValueError("the message has no text part to revise")
    assert isinstance(body, MIMEPart)
    cte = "7bit" if text.isascii() else "quoted-printable"
    body.set_content(text, charset="utf-8", cte=cte)
    return message.as_bytes()

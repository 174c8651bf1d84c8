"""What Python's ``email`` package (``policy.default``) reads in a message, in the terms ``parse_message`` answers in.

The differential tests hold Loket's parser to this reading on every message where the standard library reports no
defect: the subject, the text a person reads, and each attachment's name (before sanitising), type and decoded size;
an attached message is compared by what is read inside it.
"""

from __future__ import annotations

import email
import re
from dataclasses import dataclass, field
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.utils import getaddresses

from mail.filenames import sanitize_filename
from mail.html import html_to_text
from mail.parse import parse_message
from store.records import ParsedMessage

_BODY_TYPES = ("text/plain", "text/html")
_SIGNATURES = ("application/pgp-signature", "application/pkcs7-signature", "application/x-pkcs7-signature")
_ASCII_LABELS = frozenset(("us-ascii", "ascii"))
_BROKEN_WORD = re.compile(r"=\?[^?]*\?[bB]\?[^?]*[^A-Za-z0-9+/=?][^?]*\?=")
_ADJACENT_WORDS = re.compile(r"\?=\s+=\?")
_C1 = re.compile("[\x80-\x9f]")
# What Loket reads that the standard library leaves as opaque parts: their comparison is left out.
_OWN_READINGS = (
    "application/ms-tnef",
    "application/vnd.ms-tnef",
    "text/calendar",
    "application/ics",
    "text/rtf",
    "application/rtf",
    "text/richtext",
)


class Unreadable(Exception):
    """The standard library reports a defect, or cannot decode a part: the message is not a reference."""


@dataclass
class Reading:
    subject: str
    sender: tuple[str, str]  # (display name, address lower-cased) of the first From address
    text: str
    attachments: list[tuple[str | None, str, int]] = field(default_factory=list)  # (name, type, decoded size)
    attached: list[Reading] = field(default_factory=list)  # readings of attached messages, in order


def read(raw: bytes) -> Reading:
    """The standard library's reading; raises ``Unreadable`` when it reports a defect anywhere."""
    message = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    try:
        return _read(message)
    except (AttributeError, IndexError, TypeError) as error:  # its header parser fails on some odd phrases
        raise Unreadable(f"the standard library fails: {error!r}") from error


def _read(message: EmailMessage) -> Reading:
    _check(message)
    raw_subject = next((str(value) for name, value in message.raw_items() if name.lower() == "subject"), "")
    if _BROKEN_WORD.search(raw_subject):
        raise Unreadable("the standard library drops an undecodable encoded word without a defect")
    subject = _mislabelled_western(" ".join(str(message.get("subject", "")).split()))
    reading = Reading(subject, _sender(message), "")
    plain: list[str] = []
    html: list[str] = []
    _collect(message, reading, plain, html)
    text = "\n".join(plain)
    if not text.strip() and html:
        text = html_to_text("\n".join(html))
    reading.text = text
    return reading


def _sender(message: EmailMessage) -> tuple[str, str]:
    header = message.get("from")
    addresses = getattr(header, "addresses", ())
    if not addresses:
        return ("", "")
    first = addresses[0]
    name = first.display_name
    raw = next(str(value) for key, value in message.raw_items() if key.lower() == "from")
    if (
        not name
    ):  # "jan@example.nl (Jan de Vries)": the comment is the name people see, as getaddresses reads it
        name = getaddresses([raw])[0][0]
    elif _ADJACENT_WORDS.search(raw):
        # RFC 2047 (6.2): white space between adjacent encoded words is not shown; the address parser of
        # policy.default keeps it in a display name (its Subject drops it), email.header follows the RFC
        name = str(make_header(decode_header(getaddresses([raw])[0][0])))
    # Loket shows a name without the quotes some mailers wrap around it again ("'Jan'")
    return (" ".join(name.split()).strip("\"' "), first.addr_spec.lower() if "@" in first.addr_spec else "")


def _check(part: EmailMessage) -> None:
    if part.defects:
        raise Unreadable(f"defects {part.defects}")
    for name, value in part.items():
        defects = getattr(value, "defects", ())
        if defects:
            raise Unreadable(f"{name}: {defects}")


def _collect(part: EmailMessage, reading: Reading, plain: list[str], html: list[str]) -> None:
    _check(part)
    content_type = part.get_content_type()
    if " " in content_type or "(" in part.get("content-transfer-encoding", ""):
        raise Unreadable(
            "the standard library reads an RFC 822 comment in Content-Type or -Transfer-Encoding"
        )
    if part.get_content_maintype() == "multipart":
        for number, child in enumerate(part.iter_parts()):
            assert isinstance(child, EmailMessage)
            if content_type == "multipart/signed" and number > 0 and child.get_content_type() in _SIGNATURES:
                continue  # Loket shows that a message is signed, not the signature as a file
            _collect(child, reading, plain, html)
        return
    if content_type in _OWN_READINGS:
        raise Unreadable(f"{content_type} is read by Loket, not by the standard library")
    filename = part.get_filename()
    if part.get_content_disposition() != "attachment" and not filename and content_type in _BODY_TYPES:
        text = _mislabelled_western(_content(part)).replace("\r\n", "\n")
        (plain if content_type == "text/plain" else html).append(text)
        return
    if content_type == "message/rfc822":
        inner = part.get_payload(0)
        assert isinstance(inner, EmailMessage)
        reading.attachments.append((filename, content_type, -1))
        reading.attached.append(_read(inner))
        return
    payload = part.get_payload(decode=True)
    # message/delivery-status and message/external-body have no decoded payload in the standard library
    reading.attachments.append((filename, content_type, -1 if payload is None else len(payload)))


def _content(part: EmailMessage) -> str:
    """The part's text; 8-bit bytes under an ASCII label are read as UTF-8, else windows-1252 (Loket's fallback
    for a label the sender never looked at, where the standard library gives replacement characters)."""
    charset = (part.get_content_charset() or "us-ascii").lower()
    data = part.get_payload(decode=True) or b""
    if charset in _ASCII_LABELS and not data.isascii():
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("cp1252", "replace")
    try:
        text = part.get_content()
    except LookupError as error:
        raise Unreadable(f"charset: {error}") from error
    assert isinstance(text, str)
    return text


def _mislabelled_western(text: str) -> str:
    """Text decoded as latin-1 with C1 control characters in it was windows-1252 (Outlook labels it latin-1):
    Loket reads it so, as every mail client does."""
    if not _C1.search(text):
        return text
    return _C1.sub(lambda match: bytes([ord(match.group())]).decode("cp1252", "replace"), text)


def disagreements(raw: bytes) -> list[str]:
    """Where ``parse_message`` and the standard library disagree on this message; ``Unreadable`` when the latter
    reports a defect."""
    return _compare(read(raw), parse_message(raw), "")


def _compare(reference: Reading, parsed: ParsedMessage, where: str) -> list[str]:
    found: list[str] = []
    if parsed.subject != reference.subject:
        found.append(f"{where}subject {parsed.subject!r} != {reference.subject!r}")
    if (parsed.sender.name, parsed.sender.address) != reference.sender and reference.sender != ("", ""):
        found.append(f"{where}sender {parsed.sender} != {reference.sender}")
    if _text(parsed.text_body) != _text(reference.text):
        found.append(f"{where}text {parsed.text_body[:300]!r} != {reference.text[:300]!r}")
    ours = [(item.filename, item.content_type, item.data) for item in parsed.attachments]
    theirs = [
        (sanitize_filename(name) if name else None, content_type, size)
        for name, content_type, size in reference.attachments
    ]
    if len(ours) != len(theirs):
        summary = [(name, content_type, len(data)) for name, content_type, data in ours]
        return [*found, f"{where}attachments {summary} != {theirs}"]
    attached = iter(reference.attached)
    for (name, content_type, data), (their_name, their_type, their_size) in zip(ours, theirs, strict=True):
        if (their_name is not None and name != their_name) or content_type != their_type:
            found.append(f"{where}attachment {name!r} {content_type} != {their_name!r} {their_type}")
        if their_type == "message/rfc822":
            found += _compare(next(attached), parse_message(data), f"{where}{name}: ")
        elif their_size >= 0 and len(data) != their_size:
            found.append(f"{where}attachment {name!r} size {len(data)} != {their_size}")
    return found


def _text(text: str) -> str:
    """Line ends and the trailing blank lines a generator adds are not part of what a person reads."""
    return text.replace("\r\n", "\n").rstrip()

"""The demo mailbox's messages, built from ``resources/demo/seed.toml`` at times relative to now.

The seed file says what colleagues wrote and how many business minutes ago; this module turns that into real
RFC 5322 messages (charsets, RFC 2047 subjects, RFC 2231 file names, Outlook headers, forwards, auto-replies) so the
demo exercises the same parsing and threading as a real department mailbox.
"""

from __future__ import annotations

import base64
import hashlib
import html
import struct
import tomllib
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from importlib.resources import files
from typing import Any
from zoneinfo import ZoneInfo

from desktop.demo.servers import SENT_FOLDER, SeedMessage
from store.standards.business_time import Calendar, business_minutes_between

INBOX = "INBOX"
_ZONES = {"nl": "Europe/Amsterdam", "de": "Europe/Berlin", "it": "Europe/Rome", "en": "Europe/London"}
_REPLY_PREFIX = {"nl": "RE: ", "de": "AW: ", "it": "R: ", "en": "Re: "}
_WROTE = {
    "nl": "Op {date} schreef {name} <{address}>:",
    "de": "Am {date} schrieb {name} <{address}>:",
    "it": "Il {date} {name} <{address}> ha scritto:",
    "en": "On {date}, {name} <{address}> wrote:",
}
_FORWARDED = {
    "nl": ("---------- Doorgestuurd bericht ----------", "Van", "Datum", "Onderwerp"),
    "de": ("---------- Weitergeleitete Nachricht ----------", "Von", "Datum", "Betreff"),
    "it": ("---------- Messaggio inoltrato ----------", "Da", "Data", "Oggetto"),
    "en": ("---------- Forwarded message ----------", "From", "Date", "Subject"),
}
_SEARCH_SPAN = timedelta(days=400)


@dataclass(frozen=True, slots=True)
class DemoDesk:
    """The department mailbox the demo plays: who it is and the calendar its timers run on."""

    name: str
    address: str
    timezone: str
    holidays: str
    departments: Mapping[str, str]


def load_seed() -> dict[str, Any]:
    return tomllib.loads(files("resources.demo").joinpath("seed.toml").read_text(encoding="utf-8"))


def demo_desk(seed: Mapping[str, Any] | None = None) -> DemoDesk:
    seed = seed or load_seed()
    desk = seed["desk"]
    return DemoDesk(
        desk["name"], desk["address"], desk["timezone"], desk["holidays"], dict(seed["departments"])
    )


def business_instant_before(now: datetime, minutes: float, calendar: Calendar) -> datetime:
    """An instant (to the second) from which ``minutes`` business minutes of ``calendar`` have passed by ``now``.

    The inverse of ``due_at``, found by bisection on ``business_minutes_between`` so the rule lives in one place.
    """
    if minutes <= 0:
        return now
    gap = timedelta(minutes=minutes)  # business minutes never outrun the clock
    while business_minutes_between(now - gap, now, calendar) < minutes:
        if gap > _SEARCH_SPAN:
            raise ValueError(f"the calendar opens less than {minutes} minutes in {_SEARCH_SPAN.days} days")
        gap *= 2
    low, high = now - gap, now  # invariant: enough minutes from low, too few from high
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        if business_minutes_between(middle, now, calendar) >= minutes:
            low = middle
        else:
            high = middle
    return low


def build_messages(now: datetime, seed: Mapping[str, Any] | None = None) -> list[SeedMessage]:
    """Every demo message, its arrival ``age`` business minutes before ``now`` on the desk's calendar."""
    seed = seed or load_seed()
    desk = demo_desk(seed)
    calendar = Calendar(desk.timezone, holidays=desk.holidays)
    builder = _Builder(seed, lambda minutes: business_instant_before(now, minutes, calendar))
    messages: list[SeedMessage] = []
    for number, request in enumerate(seed["request"], start=1):
        messages.extend(builder.thread(number, request["message"]))
    return messages


@dataclass(frozen=True, slots=True)
class _Person:
    name: str
    address: str
    lang: str
    zone: str

    @property
    def header(self) -> Address:
        username, _, domain = self.address.partition("@")
        return Address(self.name, username, domain)


@dataclass(frozen=True, slots=True)
class _Sent:
    """A message already built in the thread, for the headers and quote of the next one."""

    message_id: str
    references: tuple[str, ...]
    sender: _Person
    body: str
    at: datetime


class _Builder:
    def __init__(self, seed: Mapping[str, Any], before: Callable[[float], datetime]) -> None:
        desk = seed["desk"]
        self._desk = _Person(desk["name"], desk["address"], "en", desk["timezone"])
        self._signatures: Mapping[str, str] = desk["signature"]
        self._people = {
            key: _Person(p["name"], p["address"], p["lang"], _ZONES[p["lang"]])
            for key, p in seed["people"].items()
        }
        self._people["desk"] = self._desk
        self._before = before

    def thread(self, number: int, specs: list[Mapping[str, Any]]) -> list[SeedMessage]:
        requester = self._people[specs[0]["from"]]
        base_subject = specs[0]["subject"]
        topic = specs[0].get("forward", {}).get("subject", base_subject)
        built: list[SeedMessage] = []
        previous: _Sent | None = None
        for index, spec in enumerate(specs):
            sender = self._people[spec["from"]]
            at = self._before(spec["age"])
            token = hashlib.sha256(f"{number}.{index}".encode()).hexdigest()
            message_id = f"<{token[:24].upper()}@{sender.address.partition('@')[2]}>"
            if sender is self._desk:
                message_id = f"<loket-demo.{token[:20]}@{sender.address.partition('@')[2]}>"
            subject = spec.get("subject") or self._reply_subject(sender, base_subject)
            to = [self._people[key] for key in spec.get("to", [])] or (
                [requester] if sender is self._desk else [self._desk]
            )
            body = self._body(spec, sender, requester, previous)
            message = self._message(spec, sender, to, subject, body, at, message_id, previous, topic, number)
            folder = SENT_FOLDER if sender is self._desk else INBOX
            answered = any(later["from"] == "desk" for later in specs[index + 1 :])
            flags: tuple[str, ...] = ("\\Seen",) if folder == SENT_FOLDER or answered else ()
            if answered and index + 1 < len(specs) and specs[index + 1]["from"] == "desk":
                flags = ("\\Seen", "\\Answered")
            built.append(SeedMessage(folder, bytes(message), at, flags))
            references = (*previous.references, previous.message_id) if previous else ()
            previous = _Sent(message_id, references, sender, spec["body"], at)
        return built

    def _reply_subject(self, sender: _Person, base: str) -> str:
        prefix = "Re: " if sender is self._desk else _REPLY_PREFIX[sender.lang]
        return prefix + base

    def _body(
        self, spec: Mapping[str, Any], sender: _Person, requester: _Person, previous: _Sent | None
    ) -> str:
        text = spec["body"]
        if sender is self._desk:
            text += "\n\n" + self._signatures[requester.lang]
        if previous is not None and "auto" not in spec:
            lang = requester.lang if sender is self._desk else sender.lang
            local = previous.at.astimezone(ZoneInfo(_ZONES[lang]))
            wrote = _WROTE[lang].format(
                date=local.strftime("%d-%m-%Y %H:%M"),
                name=previous.sender.name,
                address=previous.sender.address,
            )
            quoted = "\n".join(f"> {line}" if line else ">" for line in previous.body.splitlines())
            text += f"\n\n{wrote}\n{quoted}"
        return text + "\n"

    def _message(
        self,
        spec: Mapping[str, Any],
        sender: _Person,
        to: list[_Person],
        subject: str,
        body: str,
        at: datetime,
        message_id: str,
        previous: _Sent | None,
        topic: str,
        number: int,
    ) -> EmailMessage:
        message = EmailMessage(policy=policy.SMTP)
        message["From"] = sender.header
        message["To"] = [person.header for person in to]
        if spec.get("cc"):
            message["Cc"] = [self._people[key].header for key in spec["cc"]]
        message["Subject"] = subject
        sent_at = (at - timedelta(seconds=17 + number % 40)).astimezone(ZoneInfo(sender.zone))
        message["Date"] = format_datetime(sent_at)
        message["Message-ID"] = message_id
        if previous is not None:
            message["In-Reply-To"] = previous.message_id
            # Outlook often names only the message it answers.
            chain = () if spec.get("client") == "outlook" else previous.references
            message["References"] = " ".join((*chain, previous.message_id))
        self._client_headers(message, spec, sender, topic, number, previous)
        self._auto_headers(message, spec)
        self._content(message, spec, body)
        forward = spec.get("forward")
        if forward:
            self._forward(message, forward, sender)
        for attachment in spec.get("attach", []):
            maintype, subtype, data = _attachment(attachment["kind"], attachment["file"])
            message.add_attachment(data, maintype, subtype, filename=attachment["file"])
        return message

    def _client_headers(
        self,
        message: EmailMessage,
        spec: Mapping[str, Any],
        sender: _Person,
        topic: str,
        number: int,
        previous: _Sent | None,
    ) -> None:
        if sender is self._desk:
            message["User-Agent"] = "Loket"
        elif spec.get("client") == "outlook":
            message["X-Mailer"] = "Microsoft Outlook 16.0"
            message["Thread-Topic"] = topic
            root = hashlib.sha256(f"thread-{number}".encode()).digest()[:22]
            depth = 0 if previous is None else 1
            message["Thread-Index"] = base64.b64encode(root + bytes(5 * depth)).decode()
        else:
            message["User-Agent"] = "Mozilla/5.0 Thunderbird/128.4.0"

    @staticmethod
    def _auto_headers(message: EmailMessage, spec: Mapping[str, Any]) -> None:
        auto = spec.get("auto")
        if auto == "auto-reply":
            message["Auto-Submitted"] = "auto-replied"
            message["X-Autoreply"] = "yes"
        elif auto == "auto-generated":
            message["Auto-Submitted"] = "auto-generated"
            message["Precedence"] = "bulk"

    @staticmethod
    def _content(message: EmailMessage, spec: Mapping[str, Any], body: str) -> None:
        charset = spec.get("charset", "utf-8")
        if spec.get("html_only"):
            message.set_content(_as_html(body), subtype="html", charset=charset)
            return
        message.set_content(body, charset=charset, cte="quoted-printable" if charset != "utf-8" else None)
        if spec.get("html"):
            message.add_alternative(_as_html(body), subtype="html", charset=charset)

    def _forward(self, message: EmailMessage, forward: Mapping[str, Any], sender: _Person) -> None:
        original = self._people[forward["from"]]
        at = self._before(forward["age"]).astimezone(ZoneInfo(original.zone))
        if forward["as"] == "attachment":
            inner = EmailMessage(policy=policy.SMTP)
            inner["From"] = original.header
            inner["To"] = sender.header
            inner["Subject"] = forward["subject"]
            inner["Date"] = format_datetime(at)
            inner["Message-ID"] = f"<{hashlib.sha256(forward['body'].encode()).hexdigest()[:20]}@forwarded>"
            inner.set_content(forward["body"] + "\n")
            if message.get_content_type() == "text/plain":
                message.make_mixed()
            message.attach(_rfc822_part(inner))
            return
        banner, from_label, date_label, subject_label = _FORWARDED[sender.lang]
        body = message.get_content() + (
            f"\n{banner}\n{from_label}: {original.name} <{original.address}>\n"
            f"{date_label}: {at.strftime('%d-%m-%Y %H:%M')}\n{subject_label}: {forward['subject']}\n\n"
            f"{forward['body']}\n"
        )
        message.set_content(body)


def _rfc822_part(inner: EmailMessage) -> EmailMessage:
    part = EmailMessage(policy=policy.SMTP)
    part.set_content(inner)
    part["Content-Disposition"] = "attachment"
    return part


def _as_html(text: str) -> str:
    paragraphs = "".join(
        f"<p>{html.escape(block).replace(chr(10), '<br>')}</p>" for block in text.strip().split("\n\n")
    )
    return f'<html><body style="font-family:Calibri,sans-serif;font-size:11pt">{paragraphs}</body></html>\n'


def _attachment(kind: str, name: str) -> tuple[str, str, bytes]:
    if kind == "photo":
        return "image", "png", _png(name)
    if kind == "pdf":
        return "application", "pdf", _pdf(name)
    raise ValueError(f"attachment kind {kind!r} is not one the demo can make")


def _png(name: str, width: int = 160, height: int = 120) -> bytes:
    """A small deterministic picture, different per file name, so attachments have real bytes and hashes."""
    shade = hashlib.sha256(name.encode()).digest()
    rows = b"".join(
        b"\x00" + bytes((x * shade[0] // width + y) % 256 for x in range(width) for _ in range(3))
        for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _pdf(title: str) -> bytes:
    """A one-page PDF showing ``title``: small but valid, with a correct cross-reference table."""
    text = title.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 18 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)

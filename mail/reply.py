"""Answering a request from what the store knows: which message is answered, to whom, and queueing the result.

The command line and the compose window both go through here, so a reply from either carries the same headers,
the same status change and the same outbox row.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

import sqlite_utils

from mail.compose import Draft, Mode, Original, build_message
from mail.errors import MailError
from mail.headers import addresses
from mail.mailbox_secret import remembered_secret
from mail.mime import split_headers
from store import outbox
from store.accounts import Account, account_timezone, rating_links_on
from store.ratings import rating_links
from store.raw_bytes import unpack
from store.records import Address, AttachmentData
from store.timeutil import from_db
from store.vocabulary import Direction, RequestStatus, Role

log = logging.getLogger(__name__)

DEFAULT_STATUS = {
    "reply": RequestStatus.WAITING,
    "reply_all": RequestStatus.WAITING,
    "forward": RequestStatus.WAITING_COLLEAGUE,
}


class ReplyError(MailError, ValueError):
    """The request cannot be answered as asked; the message says why."""


@dataclass(frozen=True, slots=True)
class RequestFacts:
    id: int
    number: int  # what the requester and the desk call it
    account_id: int
    subject: str
    status: str
    requester: Address | None


@dataclass(frozen=True, slots=True)
class StoredMessage:
    """A message of the request as shown next to the draft (the newer-message check)."""

    id: int
    direction: str
    role: str
    sender: Address
    date: datetime | None
    subject: str
    snippet: str


def request_facts(db: sqlite_utils.Database, request_id: int) -> RequestFacts:
    rows = list(
        db.query(
            "SELECT q.id, q.number, q.account_id, q.subject, q.status, r.name, r.address FROM requests q "
            "LEFT JOIN requesters r ON r.id = q.requester_id WHERE q.id = ?",
            [request_id],
        )
    )
    if not rows:
        raise ReplyError("the request is no longer in the store")
    row = rows[0]
    requester = Address(row["name"] or "", row["address"]) if row["address"] else None
    return RequestFacts(row["id"], row["number"], row["account_id"], row["subject"], row["status"], requester)


_ORDER = "COALESCE(internal_date, date) DESC, id DESC"


def latest_incoming(db: sqlite_utils.Database, request_id: int) -> int | None:
    """The message a reply answers: the request's latest message from a person outside the desk."""
    row = db.execute(
        f"SELECT id FROM messages WHERE request_id = ? AND direction = ? AND role != ? ORDER BY {_ORDER} LIMIT 1",
        [request_id, Direction.IN, Role.AUTO],
    ).fetchone()
    return row[0] if row else None


def latest_message(db: sqlite_utils.Database, request_id: int) -> int | None:
    row = db.execute(
        f"SELECT id FROM messages WHERE request_id = ? ORDER BY {_ORDER} LIMIT 1", [request_id]
    ).fetchone()
    return row[0] if row else None


def load_original(db: sqlite_utils.Database, message_row: int) -> Original:
    row = db.execute(
        "SELECT m.message_id, m.subject, m.from_name, m.from_addr, m.date, m.internal_date, "
        "message_text(m.bodies, m.text_body), "
        "m.references_json, m.to_json, m.cc_json, r.data FROM messages m LEFT JOIN raw r ON r.sha256 = m.raw_sha256 "
        "WHERE m.id = ?",
        [message_row],
    ).fetchone()
    if row is None:
        raise ReplyError(f"there is no message {message_row}")
    message_id, subject, name, address, date, internal_date, text, refs, to, cc, packed = row
    raw = unpack(packed) if packed else None
    return Original(
        message_id=message_id,
        subject=subject,
        sender=Address(name, address),
        date=from_db(date or internal_date),
        text_body=text,
        references=tuple(json.loads(refs or "[]")),
        to=_addresses(to),
        cc=_addresses(cc),
        reply_to=_reply_to(raw) if raw else (),
        raw=raw,
    )


def requester_recipients(original: Original | None, requester: Address | None) -> tuple[Address, ...]:
    """Who a plain reply goes to: the requester, or the addresses their Reply-To names when the message answered
    is theirs."""
    if requester is None:
        return ()
    if original is not None and original.sender.address == requester.address and original.reply_to:
        return original.reply_to
    return (requester,)


def _reply_to(raw: bytes) -> tuple[Address, ...]:
    """Where the sender asked for answers to go, read from the original's headers (the store keeps no column for
    it): a colleague writing for a team, or a system sending on someone's behalf."""
    problems: list[str] = []
    headers, _body = split_headers(raw, problems)
    return tuple(a for a in addresses(headers.get("reply-to"), problems) if a.address)


def _addresses(value: str | None) -> tuple[Address, ...]:
    return tuple(Address(name, address) for name, address in json.loads(value or "[]"))


def newer_messages(
    db: sqlite_utils.Database, request_id: int, seen_message_row: int | None
) -> list[StoredMessage]:
    """Messages of the request that arrived or were sent after ``seen_message_row``: show them before sending."""
    if seen_message_row is None:
        query, params = "SELECT {cols} FROM messages WHERE request_id = ?", [request_id]
    else:
        query = (
            "SELECT {cols} FROM messages WHERE request_id = ? AND id != ? AND COALESCE(internal_date, date) > "
            "(SELECT COALESCE(internal_date, date) FROM messages WHERE id = ?)"
        )
        params = [request_id, seen_message_row, seen_message_row]
    cols = "id, direction, role, from_name, from_addr, COALESCE(date, internal_date) AS at, subject, snippet"
    rows = db.query(query.format(cols=cols) + " ORDER BY COALESCE(internal_date, date), id", params)
    return [
        StoredMessage(
            id=row["id"],
            direction=row["direction"],
            role=row["role"],
            sender=Address(row["from_name"], row["from_addr"]),
            date=from_db(row["at"]),
            subject=row["subject"],
            snippet=row["snippet"],
        )
        for row in rows
    ]


def department_of(db: sqlite_utils.Database, address: str) -> str | None:
    row = db.execute(
        "SELECT d.name FROM department_domains dd JOIN departments d ON d.id = dd.department_id WHERE dd.domain = ?",
        [address.rpartition("@")[2].lower()],
    ).fetchone()
    return row[0] if row else None


def _rating_line(db: sqlite_utils.Database, account: Account, number: int, language: str) -> str:
    """The rating links for a reply that resolves the request, unless the mailbox switched them off or this
    desktop has not yet read the mailbox's secret (its first sync does)."""
    if not rating_links_on(db, account.id):
        return ""
    secret = remembered_secret(account)
    if secret is None:
        log.info("request #%s resolved without rating links: the mailbox's secret is not known yet", number)
        return ""
    return rating_links(secret, account.address, number, language)


def queue_request_reply(
    db: sqlite_utils.Database,
    account: Account,
    request_id: int,
    body: str,
    *,
    now: datetime,
    actor: str,
    mode: Mode = "reply",
    answers: int | None = None,
    status_after: str | None = None,
    to: Sequence[Address] = (),
    cc: Sequence[Address] = (),
    attachments: Sequence[AttachmentData] = (),
    language: str = "en",
    tag: bool = True,
    signature: str | None = None,
    quote: bool = True,
    html: bool = False,
) -> tuple[int, int]:
    """Compose and queue an answer to the request; returns (outbox id, message row id).

    ``answers`` is the message row answered (default: the latest incoming one); a plain reply goes to the
    requester (or where their Reply-To asks) unless ``to`` says otherwise; a forward needs ``to`` (the
    colleague). A reply whose body is empty or only white space is refused: it would tell the requester
    nothing; a forward may go without a note. A body that already holds its quote and signature (as edited in
    the compose window) is sent with ``quote=False, signature=""``.
    """
    if mode != "forward" and not body.strip():
        raise ReplyError("the reply has no text: write what the requester should read, then send")
    facts = request_facts(db, request_id)
    if facts.account_id != account.id:
        raise ReplyError(f"request #{facts.number} belongs to another account")
    answered = answers if answers is not None else latest_incoming(db, request_id)
    if answered is None and mode != "forward":
        answered = latest_message(db, request_id)
    original = load_original(db, answered) if answered is not None else None
    recipients = tuple(to)
    if mode == "reply" and not recipients:
        recipients = requester_recipients(original, facts.requester)
    if mode == "forward" and not recipients:
        raise ReplyError("a forward needs the colleague's address")
    quote = quote and original is not None
    if original is None:
        if facts.requester is None and not recipients:
            raise ReplyError(f"request #{facts.number} has no message and no requester to answer")
        original = Original(None, facts.subject, facts.requester or recipients[0], None, "")
    draft = Draft(
        mode=mode,
        body=body,
        request_id=request_id,
        request_number=facts.number,
        to=recipients,
        cc=tuple(cc),
        tag=tag,
        language=language,
        signature=signature,
        attachments=tuple(attachments),
        quote=quote,
        subject=facts.subject,
        html=html,
    )
    status = status_after or DEFAULT_STATUS[mode]
    if status == RequestStatus.RESOLVED and mode != "forward":
        draft = replace(draft, rating_line=_rating_line(db, account, facts.number, language))
    outgoing = build_message(account, draft, original, now=now, tz=account_timezone(db, account))
    department = (
        department_of(db, recipients[0].address)
        if status == RequestStatus.WAITING_COLLEAGUE and recipients
        else None
    )
    return outbox.queue_reply(
        db,
        outgoing,
        status_after=status,
        answers_message_id=answered if mode != "forward" else None,
        actor=actor,
        department=department,
    )

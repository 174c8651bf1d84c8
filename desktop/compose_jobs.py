"""What the compose window does off the GUI thread: read the request to answer, queue the reply, send it.

Plain functions over a store connection, so the window stays a thin view and these are testable without Qt.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from email.utils import getaddresses
from pathlib import Path

import sqlite_utils

from mail.compose import Mode, Original, reply_recipients
from mail.reply import (
    latest_incoming,
    latest_message,
    load_original,
    queue_request_reply,
    request_facts,
    requester_recipients,
)
from store.accounts import Account, account_timezone, get_account_by_id
from store.records import Address, AttachmentData
from store.templates import LANGUAGES, Template, list_templates, seed_templates, template_values
from store.timeutil import utcnow
from store.vocabulary import OutboxState


@dataclass(frozen=True, slots=True)
class ComposeSetup:
    """What the window needs to start, read in one go off the GUI thread."""

    account: Account
    request_number: int
    request_subject: str
    answers: int | None
    latest: int | None
    original: Original | None
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    tz: str
    templates: tuple[Template, ...]
    values: dict[str, dict[str, str]]  # template values per language


@dataclass(frozen=True, slots=True)
class SendOutcome:
    outbox_id: int
    state: str  # queued, sending, sent, failed
    error: str


def load_setup(
    db: sqlite_utils.Database, request_id: int, mode: Mode, agent: str, answers: int | None = None
) -> ComposeSetup:
    facts = request_facts(db, request_id)
    account = get_account_by_id(db, facts.account_id)
    if account is None:
        raise ValueError(f"request #{facts.number} has no account")
    answered = answers or latest_incoming(db, request_id) or latest_message(db, request_id)
    original = load_original(db, answered) if answered is not None else None
    to: tuple[Address, ...] = ()
    cc: tuple[Address, ...] = ()
    if mode == "reply":
        to = requester_recipients(original, facts.requester)
    elif mode == "reply_all" and original is not None:
        to, cc = reply_recipients(original, "reply_all", account.address)
    seed_templates(db)
    return ComposeSetup(
        account=account,
        request_number=facts.number,
        request_subject=facts.subject,
        answers=answered,
        latest=latest_message(db, request_id),
        original=original,
        to=to,
        cc=cc,
        tz=account_timezone(db, account),
        templates=tuple(list_templates(db)),
        values={language: template_values(db, request_id, agent, language) for language in LANGUAGES},
    )


def parse_addresses(text: str) -> tuple[Address, ...]:
    return tuple(Address(name, address.lower()) for name, address in getaddresses([text]) if "@" in address)


def format_addresses(addresses: tuple[Address, ...]) -> str:
    return ", ".join(f"{a.name} <{a.address}>" if a.name else a.address for a in addresses)


def read_attachments(paths: list[str]) -> tuple[AttachmentData, ...]:
    return tuple(
        AttachmentData(
            Path(path).name,
            mimetypes.guess_type(path)[0] or "application/octet-stream",
            Path(path).read_bytes(),
        )
        for path in paths
    )


def send_reply(
    db: sqlite_utils.Database,
    account: Account,
    request_id: int,
    mode: Mode,
    text: str,
    *,
    answers: int | None,
    status_after: str,
    to: tuple[Address, ...],
    cc: tuple[Address, ...],
    paths: list[str],
    language: str,
    agent: str,
    password: str | None = None,
    html: bool = False,
) -> SendOutcome:
    """Queue the reply (the text already holds signature and quote), then try to send it at once.

    ``password`` bypasses the keyring (the demo keeps its password in memory only).
    """
    from mail.credentials import secret_for
    from mail.errors import MailError
    from mail.send import flush
    from store.outbox import get_row, note_error

    outbox_id, _ = queue_request_reply(
        db,
        account,
        request_id,
        text,
        now=utcnow(),
        actor=agent,
        mode=mode,
        answers=answers,
        status_after=status_after,
        to=to,
        cc=cc,
        attachments=read_attachments(paths),
        language=language,
        signature="",
        quote=False,
        html=html,
    )
    try:
        flush(db, account, password if password is not None else secret_for(account))
    except MailError as error:
        note_error(db, outbox_id, str(error))
        return SendOutcome(outbox_id, OutboxState.QUEUED, str(error))
    row = get_row(db, outbox_id)
    assert row is not None
    return SendOutcome(outbox_id, row.state, row.last_error or "")

"""Loket's own IMAP folder, through which the desktops on one mailbox share the changes people make to requests.

Each change is one small message APPENDed as ``\\Seen`` (``X-Loket-Kind: change``, a JSON body), never in INBOX,
so no mail client shows it as new. Other kinds of message in the folder belong to other parts of Loket and are
left alone. Reading costs one STATUS when nothing is new; only new UIDs are fetched.
"""

from __future__ import annotations

import email
import logging
import re
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import imapclient
import sqlite_utils

from mail.errors import ProtocolError
from mail.imap import connect, imap_call, logout
from mail.loket_folder import ensure_folder, loket_folder
from mail.sasl import Secret
from store import team_changes
from store.accounts import Account
from store.db import transaction
from store.team_changes import Change, TeamChangeError

log = logging.getLogger(__name__)

KIND_HEADER = "X-Loket-Kind"
CHANGE_KIND = "change"
FETCH_BATCH = 200
APPEND_BATCH = 100


@dataclass(slots=True)
class TeamFolderResult:
    pushed: int = 0
    received: int = 0
    touched: set[int] | None = None


def change_message(change: Change, address: str) -> bytes:
    message = EmailMessage()
    message["From"] = address
    message["To"] = address
    message["Subject"] = f"Loket: {change.field} by {change.actor}"
    message["Date"] = format_datetime(change.at)
    message["Message-ID"] = make_msgid(change.change_id, "change.loket")
    message[KIND_HEADER] = CHANGE_KIND
    message.set_content(change.to_json().encode("ascii"), "application", "json")
    return bytes(message)


def read_change(raw: bytes) -> Change | None:
    """The change a message of the folder carries, or None for a message of another kind. Read with the compat32
    parser: a first sync reads every change there is, and the modern one took half the time of taking them over."""
    message = email.message_from_bytes(raw)
    if str(message.get(KIND_HEADER, "")).strip().lower() != CHANGE_KIND:
        return None
    body = message.get_payload(decode=True)
    if not isinstance(body, bytes):
        raise TeamChangeError("a change message without a body")
    return Change.from_json(body)


def push(
    db: sqlite_utils.Database, client: imapclient.IMAPClient, account_id: int, name: str, address: str
) -> int:
    """APPEND the queued changes (many in one MULTIAPPEND where the server has it: it costs a server about what one
    APPEND does); a change counts as pushed only once the server has it. A crash before that is recorded appends it
    again, which every reader ignores by its id. Where the server says the UIDs it gave them and they follow the
    last one read, the next pull need not read them back."""
    queued = team_changes.queued(db, account_id)
    size = APPEND_BATCH if client.has_capability("MULTIAPPEND") else 1
    for start in range(0, len(queued), size):
        batch = queued[start : start + size]
        messages = [
            {"msg": change_message(change, address), "flags": [b"\\Seen"], "date": change.at}
            for change in batch
        ]
        if len(messages) == 1:
            response = imap_call(
                client.append, name, messages[0]["msg"], flags=messages[0]["flags"], msg_time=batch[0].at
            )
        else:
            response = imap_call(client.multiappend, name, messages)
        with transaction(db):
            for change in batch:
                team_changes.mark_pushed(db, change.change_id)
            _skip_own(db, account_id, response)
    return len(queued)


_APPENDUID = re.compile(rb"APPENDUID (\d+) (\d+)(?::(\d+))?\]")


def _skip_own(db: sqlite_utils.Database, account_id: int, response: object) -> None:
    """Count our own appended messages as read when they are the very next UIDs of the folder (nobody else's came
    between): applied here already, they would only be fetched to be ignored."""
    found = _APPENDUID.search(response if isinstance(response, bytes) else str(response).encode())
    if found is None:
        return
    first = int(found.group(2))
    last = int(found.group(3) or first)
    db.execute(
        "UPDATE team_folders SET uidnext = ?, last_uid = ? WHERE account_id = ? AND uidvalidity = ? AND uidnext = ?",
        [last + 1, last, account_id, int(found.group(1)), first],
    )


def pull(
    db: sqlite_utils.Database, client: imapclient.IMAPClient, account_id: int, name: str
) -> TeamFolderResult:
    """Read the changes the folder gained since the last pass and apply them."""
    result = TeamFolderResult(touched=set())
    status = imap_call(client.folder_status, name, [b"UIDVALIDITY", b"UIDNEXT"])
    uidvalidity, uidnext = int(status[b"UIDVALIDITY"]), int(status[b"UIDNEXT"])
    stored = db.execute(
        "SELECT uidvalidity, uidnext, last_uid FROM team_folders WHERE account_id = ?", [account_id]
    ).fetchone()
    last_uid = stored[2] if stored and stored[0] == uidvalidity else 0
    if stored and stored[0] == uidvalidity and stored[1] == uidnext:
        result.touched = team_changes.apply_pending(db, account_id)
        return result
    imap_call(client.select_folder, name, readonly=True)
    uids = sorted(uid for uid in imap_call(client.search, ["UID", f"{last_uid + 1}:*"]) if uid > last_uid)
    changes: list[Change] = []
    for start in range(0, len(uids), FETCH_BATCH):
        chunk = uids[start : start + FETCH_BATCH]
        for uid, data in imap_call(client.fetch, chunk, [b"BODY.PEEK[]"]).items():
            try:
                change = read_change(data[b"BODY[]"])
            except (TeamChangeError, LookupError, ValueError) as error:
                log.warning("message %s of the Loket folder is no change Loket can read: %s", uid, error)
                continue
            if change is not None:
                changes.append(change)
    imap_call(
        client.select_folder, "INBOX", readonly=True
    )  # Courier refuses an APPEND to a box it has EXAMINEd
    with transaction(db):
        result.received, result.touched = team_changes.receive(db, account_id, changes)
        db.execute(
            "INSERT INTO team_folders (account_id, name, uidvalidity, uidnext, last_uid) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (account_id) DO UPDATE SET name = excluded.name, uidvalidity = excluded.uidvalidity, "
            "uidnext = excluded.uidnext, last_uid = excluded.last_uid",
            [account_id, name, uidvalidity, uidnext, max(uids, default=last_uid)],
        )
    return result


def sync_team_folder(
    db: sqlite_utils.Database, client: imapclient.IMAPClient, account_id: int, address: str
) -> TeamFolderResult:
    """Push this desktop's queued changes, then take over the others'. A server that refuses the folder or an
    APPEND is logged: the changes stay queued and the ingest goes on."""
    try:
        folder = _folder(db, client, account_id)
        pushed = push(db, client, account_id, folder, address)
        result = pull(db, client, account_id, folder)
    except ProtocolError as error:
        log.warning("the Loket folder cannot be used this pass: %s", error)
        return TeamFolderResult(touched=team_changes.apply_pending(db, account_id))
    result.pushed = pushed
    return result


def _folder(db: sqlite_utils.Database, client: imapclient.IMAPClient, account_id: int) -> str:
    """The account's Loket folder, created on first use."""
    row = db.execute("SELECT name FROM team_folders WHERE account_id = ?", [account_id]).fetchone()
    if row is not None:
        return str(row[0])
    name = loket_folder(client)
    ensure_folder(client, name)
    return name


def share_queued(db: sqlite_utils.Database, account: Account, password: Secret) -> int:
    """Push this desktop's queued changes now (the command line's changes); returns how many."""
    client = connect(account, password)
    try:
        return push(db, client, account.id, _folder(db, client, account.id), account.address)
    finally:
        logout(client)

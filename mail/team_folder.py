"""Loket's own IMAP folder, through which the desktops on one mailbox share the changes people make to requests.

Each change is one small message APPENDed as ``\\Seen`` (``X-Loket-Kind: change``, a JSON body), never in INBOX,
so no mail client shows it as new. Other kinds of message in the folder belong to other parts of Loket and are
left alone. Reading costs one STATUS when nothing is new; only new UIDs are fetched.

So that the folder does not grow by a message per change for ever, a desktop that shares a change and finds more
than ``COMPACT_AT`` messages there packs the single change messages it has read into a few ``X-Loket-Kind: pack`` messages (a JSON list
of the same changes, copied as written) and then deletes them (``compact``).
"""

from __future__ import annotations

import email
import json
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
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
PACK_KIND = "pack"  # many changes in one message, where compaction put the single ones
FETCH_BATCH = 200
APPEND_BATCH = 100
COMPACT_AT = 1000  # messages in the folder before a desktop packs the single change messages
PACK_SIZE = 5000  # changes per pack: about a megabyte


@dataclass(slots=True)
class TeamFolderResult:
    pushed: int = 0
    received: int = 0
    touched: set[int] | None = None
    messages: int = 0  # in the folder, as its STATUS said


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


def pack_message(entries: list[object], address: str, now: datetime) -> bytes:
    message = EmailMessage()
    message["From"] = address
    message["To"] = address
    message["Subject"] = f"Loket: {len(entries)} changes"
    message["Date"] = format_datetime(now)
    message["Message-ID"] = make_msgid("pack", "change.loket")
    message[KIND_HEADER] = PACK_KIND
    message.set_content(json.dumps(entries, sort_keys=True).encode("ascii"), "application", "json")
    return bytes(message)


def read_changes(raw: bytes) -> list[Change]:
    """The changes a message of the folder carries (none for a message of another kind); an entry of a pack that
    cannot be read is logged and left out. Read with the compat32 parser: a first sync reads every change there
    is, and the modern one took half the time of taking them over."""
    kind, body = _kind_and_body(raw)
    if kind == CHANGE_KIND:
        return [Change.from_json(body)]
    if kind != PACK_KIND:
        return []
    entries = json.loads(body)
    if not isinstance(entries, list):
        raise TeamChangeError("a pack of changes that holds no list")
    changes = []
    for entry in entries:
        try:
            changes.append(Change.from_data(entry))
        except TeamChangeError as error:
            log.warning("an entry of a pack in the Loket folder is no change Loket can read: %s", error)
    return changes


def _kind_and_body(raw: bytes) -> tuple[str, bytes]:
    message = email.message_from_bytes(raw)
    kind = str(message.get(KIND_HEADER, "")).strip().lower()
    if kind not in (CHANGE_KIND, PACK_KIND):
        return kind, b""
    body = message.get_payload(decode=True)
    if not isinstance(body, bytes):
        raise TeamChangeError(f"a {kind} message without a body")
    return kind, body


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
    status = imap_call(client.folder_status, name, [b"UIDVALIDITY", b"UIDNEXT", b"MESSAGES"])
    uidvalidity, uidnext = int(status[b"UIDVALIDITY"]), int(status[b"UIDNEXT"])
    result.messages = int(status[b"MESSAGES"])
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
                changes.extend(read_changes(data[b"BODY[]"]))
            except (TeamChangeError, LookupError, ValueError) as error:
                log.warning("message %s of the Loket folder is no change Loket can read: %s", uid, error)
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
    if pushed and result.messages >= COMPACT_AT:  # a desktop at work packs, never one in its first sync
        try:
            compact(db, client, account_id, folder, address)
        except ProtocolError as error:
            log.warning("the Loket folder is not compacted this pass: %s", error)
    return result


def compact(
    db: sqlite_utils.Database, client: imapclient.IMAPClient, account_id: int, name: str, address: str
) -> int:
    """Pack the single change messages this desktop has read into a few messages, then delete them; returns how
    many were packed. Safe while other desktops read, write or compact: the packs are appended before anything is
    deleted, so a reader that misses a deleted message finds its change in a pack with a higher UID, and two
    desktops compacting at once leave some changes twice, which readers take once by their id. Entries are copied
    as written, so a change this version cannot read survives for one that can; only replying signs that have
    expired are left out."""
    row = db.execute("SELECT last_uid FROM team_folders WHERE account_id = ?", [account_id]).fetchone()
    if row is None or not row[0]:
        return 0
    now = datetime.now(UTC)
    imap_call(client.select_folder, name)
    try:
        singles = imap_call(client.search, ["UID", f"1:{row[0]}", "HEADER", KIND_HEADER, CHANGE_KIND])
        if len(singles) < COMPACT_AT // 2:
            return 0  # the folder is full of packs: a few hundred more changes first
        entries, packed = _entries(client, sorted(singles), now)
        for start in range(0, len(entries), PACK_SIZE):
            response = imap_call(
                client.append,
                name,
                pack_message(entries[start : start + PACK_SIZE], address, now),
                [b"\\Seen"],
                now,
            )
            with transaction(db):
                _skip_own(db, account_id, response)
        if packed:
            imap_call(client.delete_messages, packed, silent=True)
            if client.has_capability("UIDPLUS"):
                imap_call(client.uid_expunge, packed)
            else:  # the folder is Loket's: whatever else is marked deleted there may go as well
                imap_call(client.expunge)
    finally:
        imap_call(client.select_folder, "INBOX", readonly=True)
    log.info("%d change messages of %s packed into %d", len(packed), name, -(-len(entries) // PACK_SIZE))
    return len(packed)


def _entries(client: imapclient.IMAPClient, uids: list[int], now: datetime) -> tuple[list[object], list[int]]:
    """The changes the messages carry, once each by their id, and the UIDs of the messages they came from (a
    message that is no change at all stays)."""
    entries: dict[str, object] = {}
    packed = []
    for start in range(0, len(uids), FETCH_BATCH):
        chunk = uids[start : start + FETCH_BATCH]
        for uid, data in imap_call(client.fetch, chunk, [b"BODY.PEEK[]"]).items():
            try:
                kind, body = _kind_and_body(data[b"BODY[]"])
                entry = json.loads(body) if kind == CHANGE_KIND else None
            except (TeamChangeError, LookupError, ValueError) as error:
                log.warning("message %s of the Loket folder stays unpacked: %s", uid, error)
                continue
            if not isinstance(entry, dict) or "change" not in entry:
                continue
            packed.append(uid)
            if not _expired_sign(entry, now):
                entries[str(entry["change"])] = entry
    return list(entries.values()), packed


def _expired_sign(entry: dict[str, object], now: datetime) -> bool:
    """A replying sign (or its end) given longer ago than a sign holds: it tells nobody anything any more."""
    if entry.get("field") != "replying":
        return False
    try:
        return team_changes.at_from_text(str(entry.get("at"))) + team_changes.REPLYING_FOR < now
    except ValueError:
        return False


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

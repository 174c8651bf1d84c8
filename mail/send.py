"""The outbox worker: hands queued replies to SMTP, files them in Sent and marks the answered message ``\\Answered``.

Exactly-once rests on three facts recorded in the outbox row, each committed before the next network step:
``sending`` (a try began), ``smtp_accepted_at`` (the server took it) and ``sent`` (the Sent copy exists). A row
found in ``sending`` is finished from where it stopped: accepted → filed only; not accepted → Sent is searched for
its Message-ID before it is ever handed to SMTP again. Only the instant between the server's "250 OK" and the
commit of ``smtp_accepted_at`` is unguarded, which no SMTP client can close. One worker per store at a time, by a
lock file next to the database, so a desktop and ``loket outbox flush`` never send the same row together.
"""

from __future__ import annotations

import json
import logging
import smtplib
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO

import imapclient
import sqlite_utils
from imapclient.exceptions import IMAPClientError

from mail import imap
from mail.errors import AuthFailed, MailError, ProtocolError, SigninRequired
from mail.sasl import Secret
from mail.smtp import PermanentRefusal, close_quietly, connect_smtp, send_raw
from store import outbox
from store.accounts import SIGNIN_REQUIRED, Account, set_state
from store.outbox import OutboxRow
from store.timeutil import from_db, utcnow
from store.vocabulary import PENDING_STATES, OutboxState

log = logging.getLogger(__name__)

LOCK_WAIT_SECONDS = 60.0
ANSWERED = b"\\Answered"


class OutboxBusy(MailError):
    """Another Loket on this store is sending right now; its run will take care of the outbox."""


@dataclass
class FlushResult:
    """What one run did, by outbox id; ``errors`` holds the reason for every row that is not ``sent``."""

    sent: list[int] = field(default_factory=list)
    queued: list[int] = field(default_factory=list)
    sending: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    errors: dict[int, str] = field(default_factory=dict)


def flush(
    db: sqlite_utils.Database,
    account: Account,
    password: Secret | None,
    *,
    ignore_backoff: bool = False,
    now: datetime | None = None,
    lock_wait: float = LOCK_WAIT_SECONDS,
) -> FlushResult:
    """Work through the account's due outbox rows: interrupted ones first, then queued ones in order."""
    result = FlushResult()
    with _worker_lock(db, lock_wait):
        rows = outbox.due_rows(db, now or utcnow(), account.id, ignore_backoff)
        if not rows:
            return result
        with _Session(account, password) as session:
            for row in rows:
                _process(db, session, row, result)
    return result


def flush_all(db: sqlite_utils.Database, password_for: Callable[[Account], Secret | None]) -> list[str]:
    """Try every queued or interrupted row of every account now, ignoring back-off; returns why rows are left.

    A row that could not even be tried (no password, another worker busy) gets the reason as its last error.
    """
    from store.accounts import get_account_by_id

    problems: list[str] = []
    for account_id in sorted({row.account_id for row in outbox.list_outbox(db, PENDING_STATES)}):
        account = get_account_by_id(db, account_id)
        if account is None:
            continue
        try:
            result = flush(db, account, password_for(account), ignore_backoff=True)
        except MailError as error:
            problems.append(f"{account.name}: {error}")
            for row in outbox.list_outbox(db, PENDING_STATES, account.id):
                outbox.note_error(db, row.id, str(error))
            continue
        problems.extend(f"{account.name}: {result.errors[i]}" for i in (*result.queued, *result.sending))
    return problems


def _process(db: sqlite_utils.Database, session: _Session, row: OutboxRow, result: FlushResult) -> None:
    if row.state == OutboxState.SENDING:
        log.info("outbox %s: resuming an interrupted send of %s", row.id, row.message_id)
        if row.smtp_accepted_at is None:
            try:
                in_sent = session.imap.in_sent(row.message_id)
            except MailError as error:
                _stay_sending(db, row, f"cannot check the Sent folder before sending again: {error}", result)
                return
            if not in_sent:
                outbox.mark_sending(db, row.id)
                _send(db, session, row, result)
                return
            log.info("outbox %s: already in Sent, so it was sent; not sending again", row.id)
            outbox.mark_accepted(db, row.id, utcnow())
        _file(db, session, row, result)
        return
    if outbox.mark_sending(db, row.id):
        _send(db, session, row, result)


def _send(db: sqlite_utils.Database, session: _Session, row: OutboxRow, result: FlushResult) -> None:
    try:
        session.smtp_send(row)
    except PermanentRefusal as error:
        log.warning("outbox %s: refused for good: %s", row.id, error)
        outbox.mark_failed(db, row.id, str(error))
        result.failed.append(row.id)
        result.errors[row.id] = str(error)
        return
    except MailError as error:
        if isinstance(error, SigninRequired):
            set_state(db, session.account.id, SIGNIN_REQUIRED)  # the row waits for the sign-in
        next_at = outbox.mark_retry(db, row.id, str(error), utcnow())
        log.info("outbox %s: not sent (%s); next try at %s", row.id, error, next_at.isoformat())
        result.queued.append(row.id)
        result.errors[row.id] = str(error)
        return
    outbox.mark_accepted(db, row.id, utcnow())
    log.info("outbox %s: accepted by the SMTP server", row.id)
    _file(db, session, row, result, look_in_sent=False)


def _file(
    db: sqlite_utils.Database,
    session: _Session,
    row: OutboxRow,
    result: FlushResult,
    look_in_sent: bool = True,
) -> None:
    """The Sent copy (unless one is there already) and ``\\Answered`` on the answered message, then ``sent``.

    Right after SMTP acceptance in this run nothing can have filed it yet, so Sent is searched only on repair.
    """
    try:
        if not (look_in_sent and session.imap.in_sent(row.message_id)):
            _append_to_sent(session.imap, row)
        _mark_answered(db, session.imap, row)
    except MailError as error:
        _stay_sending(db, row, f"sent, but not yet filed in Sent: {error}", result)
        return
    outbox.mark_sent(db, row.id, utcnow())
    log.info("outbox %s: sent and filed", row.id)
    result.sent.append(row.id)


def _append_to_sent(session: _Imap, row: OutboxRow) -> None:
    session.append(row.raw, from_db(row.created_at) or utcnow())


def _stay_sending(db: sqlite_utils.Database, row: OutboxRow, error: str, result: FlushResult) -> None:
    log.warning("outbox %s: %s", row.id, error)
    outbox.note_error(db, row.id, error)
    result.sending.append(row.id)
    result.errors[row.id] = error


def _mark_answered(db: sqlite_utils.Database, session: _Imap, row: OutboxRow) -> None:
    """Set ``\\Answered`` where the answered message lies; a copy gone from the server is only logged."""
    if row.answers_message_id is None:
        return
    found = db.execute(
        "SELECT f.name, m.uidvalidity, m.uid, m.flags_json FROM messages m JOIN folders f ON f.id = m.folder_id "
        "WHERE m.id = ? AND m.uid IS NOT NULL",
        [row.answers_message_id],
    ).fetchone()
    if found is None:
        log.info("outbox %s: the answered message has no server copy to flag", row.id)
        return
    folder, uidvalidity, uid, flags_json = found
    if session.set_answered(folder, uidvalidity, uid):
        flags = sorted({*json.loads(flags_json or "[]"), "\\Answered"})
        db.execute(
            "UPDATE messages SET flags_json = ? WHERE id = ?", [json.dumps(flags), row.answers_message_id]
        )


class _Imap:
    """One IMAP session for a run, opened only when a row needs it."""

    def __init__(self, account: Account, password: Secret | None) -> None:
        self._account = account
        self._password = password
        self._client: imapclient.IMAPClient | None = None
        self._sent: str | None = None

    def _open(self) -> tuple[imapclient.IMAPClient, str]:
        if self._client is None or self._sent is None:
            if self._password is None:
                raise AuthFailed(f"no password for the IMAP server of account {self._account.name!r}")
            client = imap.connect(self._account, self._password)
            try:
                sent = imap.find_sent_folder(client)
            except (OSError, IMAPClientError) as error:
                self._client = client
                self.close()
                raise imap.as_mail_error(error, self._where) from error
            if sent is None:
                self._client = client
                self.close()
                raise ProtocolError(f"the IMAP server {self._where} has no Sent folder")
            self._client, self._sent = client, sent
        return self._client, self._sent

    @property
    def _where(self) -> str:
        return f"{self._account.imap_host}:{self._account.imap_port}"

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Turn a failure mid-session into a mail error and drop the connection so the next call reconnects."""
        try:
            yield
        except (OSError, IMAPClientError) as error:
            self.close()
            raise imap.as_mail_error(error, self._where) from error

    def in_sent(self, message_id: str) -> bool:
        client, sent = self._open()
        with self._guard():
            client.select_folder(sent)
            return bool(client.search(["HEADER", "Message-ID", message_id]))

    def append(self, raw: bytes, date: datetime) -> None:
        client, sent = self._open()
        with self._guard():
            client.append(sent, raw, flags=[b"\\Seen"], msg_time=date)

    def set_answered(self, folder: str, uidvalidity: int | None, uid: int) -> bool:
        client, _ = self._open()
        with self._guard():
            status = client.select_folder(folder)
            if uidvalidity is not None and int(status.get(b"UIDVALIDITY", uidvalidity)) != uidvalidity:
                log.info(
                    "folder %s was renumbered since the answered message was synced; not flagging", folder
                )
                return False
            client.add_flags([uid], [ANSWERED])
            return True

    def close(self) -> None:
        client, self._client, self._sent = self._client, None, None
        if client is not None:
            try:
                client.logout()
            except (OSError, IMAPClientError):
                log.debug("IMAP logout failed", exc_info=True)


class _Session:
    """The SMTP and IMAP connections of one run, each opened on first use and closed at the end."""

    def __init__(self, account: Account, password: Secret | None) -> None:
        self.account = account
        self.password = password
        self.imap = _Imap(account, password)
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> _Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.imap.close()
        self._close_smtp()

    def smtp_send(self, row: OutboxRow) -> None:
        """Hand the message to the SMTP server; raises PermanentRefusal (5xx) or another MailError (try later)."""
        smtp = self._smtp or self._connect_smtp()
        try:
            refused = send_raw(smtp, self.account, row.recipients, row.raw)
        except MailError:
            self._close_smtp()
            raise
        if refused:
            log.warning("outbox %s: some recipients were refused: %s", row.id, refused)

    def _connect_smtp(self) -> smtplib.SMTP:
        self._smtp = connect_smtp(self.account, self.password)
        return self._smtp

    def _close_smtp(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            close_quietly(smtp)


@contextmanager
def _worker_lock(db: sqlite_utils.Database, wait: float) -> Iterator[None]:
    """Hold the store's outbox lock; the OS releases it when the process dies, so a crash never leaves it stuck."""
    path = _database_file(db)
    if path is None:
        yield
        return
    with open(path.with_name(path.name + ".outbox-lock"), "a+b") as handle:
        deadline = time.monotonic() + wait
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                raise OutboxBusy("another Loket is sending from this outbox; try again when it is done")
            time.sleep(0.1)
        try:
            yield
        finally:
            _unlock(handle)


def _database_file(db: sqlite_utils.Database) -> Path | None:
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file)
    return None


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

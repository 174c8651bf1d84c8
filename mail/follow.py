"""Following a mailbox while the window or ``loket sync`` runs: IDLE on INBOX and the Loket folder, a poll of Sent,
the outbox flushed when due, reconnection with backoff, and waiting politely for another process's sync or a sign-in
made elsewhere. Each pass is ``mail.sync.sync_once``."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import imapclient
import sqlite_utils

from mail.errors import AuthFailed, MailError, SigninRequired
from mail.imap import IDLE_RENEW_SECONDS, drop, imap_call, logout
from mail.sasl import Secret
from mail.sync import SyncProgress, open_session, sync_once
from mail.team_watch import TeamFolderWatch
from store import team_changes
from store.accounts import SIGNIN_REQUIRED, Account, set_last_error, set_state
from store.db import open_db
from store.errors import DiskFull, StoreBusy, SyncRunning
from store.failures import as_store_error
from store.stats.records import keep_figures
from store.sync_lock import SyncLock

log = logging.getLogger(__name__)


StateCallback = Callable[[str, dict[str, Any]], None]
IDLE_SLICE_SECONDS = 0.25  # how soon a stop, or a pass due for the team, ends an IDLE
MAX_BACKOFF_SECONDS = 300.0
LOCK_RETRY_SECONDS = 5.0
SIGNIN_WAIT_SECONDS = 10.0  # how soon a sign-in made elsewhere (``loket account signin``) lets sync resume


def run_forever(
    data_dir: Path, account: Account, password: Secret, stop: threading.Event, on_state: StateCallback
) -> None:
    """Keep the store in step with the mailbox until ``stop`` is set: IDLE on INBOX, a poll of Sent, and
    reconnection with backoff. States: syncing, up_to_date, reconnecting, auth_failed; sync_elsewhere while
    another process syncs this mailbox into this store (this one waits for it); store_problem while the disk is
    full or another program holds the store's write lock (this one tries again)."""
    lock = SyncLock(data_dir, account.id, account.name)
    if not _wait_for_lock(lock, stop, on_state):
        return
    try:
        db = open_db(data_dir)
        try:
            _keep_following(db, data_dir, account, password, stop, on_state)
        finally:
            db.conn.close()
    finally:
        lock.release()


def _keep_following(
    db: sqlite_utils.Database,
    data_dir: Path,
    account: Account,
    password: Secret,
    stop: threading.Event,
    on_state: StateCallback,
) -> None:
    """Follow the mailbox session after session; a lost connection, a full disk or a store locked elsewhere
    is waited out with a growing pause."""
    backoff = 5.0
    while not stop.is_set():
        try:
            _follow_session(db, account, password, stop, on_state)
            backoff = 5.0
        except AuthFailed as error:
            set_last_error(db, account.id, str(error))
            if isinstance(error, SigninRequired):
                set_state(db, account.id, SIGNIN_REQUIRED)
            on_state(
                "signin_required" if isinstance(error, SigninRequired) else "auth_failed",
                {"error": str(error)},
            )
            stop.wait(SIGNIN_WAIT_SECONDS if isinstance(error, SigninRequired) else MAX_BACKOFF_SECONDS)
        except (MailError, sqlite3.Error, OSError) as error:
            problem = error if isinstance(error, MailError) else as_store_error(error, data_dir)
            if not isinstance(problem, MailError | DiskFull | StoreBusy):
                raise
            if isinstance(problem, MailError):
                set_last_error(db, account.id, str(problem))
            state = "reconnecting" if isinstance(problem, MailError) else "store_problem"
            log.warning("sync of %s: %s", account.name, problem)
            info = {"error": str(problem), "seconds": backoff, "disk_full": isinstance(problem, DiskFull)}
            on_state(state, info)
            stop.wait(backoff)
            backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)


def _wait_for_lock(lock: SyncLock, stop: threading.Event, on_state: StateCallback) -> bool:
    """Hold the sync lock, waiting while another process has it; False when told to stop first."""
    while not stop.is_set():
        try:
            lock.acquire()
            return True
        except SyncRunning as error:
            on_state("sync_elsewhere", {"error": str(error), "seconds": LOCK_RETRY_SECONDS})
            stop.wait(LOCK_RETRY_SECONDS)
    return False


def _follow_session(
    db: sqlite_utils.Database,
    account: Account,
    password: Secret,
    stop: threading.Event,
    on_state: StateCallback,
) -> None:
    client = open_session(account, password)
    end_session = logout
    try:
        _follow(db, account, password, client, stop, on_state)
    except MailError:
        end_session = drop
        raise
    finally:
        end_session(client)


def _follow(
    db: sqlite_utils.Database,
    account: Account,
    password: Secret,
    client: imapclient.IMAPClient,
    stop: threading.Event,
    on_state: StateCallback,
) -> None:
    def report(progress: SyncProgress) -> None:
        on_state("syncing", {"folder": progress.folder, "done": progress.done, "total": progress.total})

    on_state("syncing", {})
    sync_once(db, account, password, report, client=client)
    _send_due(db, account, password)
    keep_figures(db)
    on_state("up_to_date", {})
    can_idle = client.has_capability("IDLE")
    watch = _watch_team_folder(db, account, password, stop) if can_idle else None
    try:
        while not stop.is_set():
            imap_call(client.select_folder, "INBOX", readonly=True)
            news = (
                _wait_for_news(client, stop, _team_news(db, account, watch))
                if can_idle
                else stop.wait(IDLE_RENEW_SECONDS)
            )
            if stop.is_set():
                return
            sync_once(db, account, password, report if news else None, client=client)
            _send_due(db, account, password)
            keep_figures(db)  # the statistics view and exports then read stored figures only
            on_state("up_to_date", {})
    finally:
        if watch is not None:
            watch.close()


def _watch_team_folder(
    db: sqlite_utils.Database, account: Account, password: Secret, stop: threading.Event
) -> TeamFolderWatch | None:
    row = db.execute("SELECT name FROM team_folders WHERE account_id = ?", [account.id]).fetchone()
    return TeamFolderWatch(account, password, row[0], stop).start() if row else None


def _team_news(
    db: sqlite_utils.Database, account: Account, watch: TeamFolderWatch | None
) -> Callable[[], bool]:
    """Whether a pass is due for the team: a colleague's change arrived, or one made here (in the window or on the
    command line) since the last pass waits to be pushed. A change the server refused stays queued without waking
    a pass every moment: the next pass for mail, or the poll, tries it again."""
    left_queued = team_changes.newest_queued(db, account.id)

    def due() -> bool:
        if watch is not None and watch.news.is_set():
            watch.news.clear()
            return True
        return team_changes.newest_queued(db, account.id) > left_queued

    return due


def _send_due(db: sqlite_utils.Database, account: Account, password: Secret) -> None:
    """Retry queued replies whose back-off has passed; their errors stay on their outbox rows, not on sync."""
    from mail.send import flush

    try:
        flush(db, account, password, lock_wait=0)
    except MailError as error:
        log.info("outbox not flushed this round: %s", error)


def _wait_for_news(
    client: imapclient.IMAPClient, stop: threading.Event, elsewhere: Callable[[], bool]
) -> bool:
    """IDLE on the selected INBOX until the server reports a change, ``elsewhere`` says a pass is due, the renewal
    is due, or ``stop``."""
    imap_call(client.idle)
    deadline = time.monotonic() + IDLE_RENEW_SECONDS
    news = False
    try:
        while not stop.is_set() and time.monotonic() < deadline and not news:
            responses = imap_call(client.idle_check, timeout=IDLE_SLICE_SECONDS)
            news = (
                any(len(r) > 1 and r[1] in (b"EXISTS", b"EXPUNGE", b"FETCH") for r in responses)
                or elsewhere()
            )
    finally:
        imap_call(client.idle_done)
    return news

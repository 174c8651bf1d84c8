"""Incremental IMAP ingest: new mail since the last UID, changed flags, vanished copies, a changed UIDVALIDITY.

Fetching, parsing and filing overlap: on a large run, worker processes each open their own read-only session on the
folder, fetch batches of ``BODY.PEEK[]`` (never ``\\Seen``, never a flag change on the server) and parse them, while
this thread files the batches, in UID order, each in the same transaction as the folder's resume point (a bulk load
two batches a transaction), so a cut connection or a killed process resumes with no gap and no duplicate.
"""

from __future__ import annotations

import gc
import json
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import imapclient
import sqlite_utils

from mail.errors import MailError, SigninRequired
from mail.imap import ImapLogin, connect, drop, find_sent_folder, imap_call, logout
from mail.ingest_worker import (
    BULK_COLLECTION_THRESHOLD,
    FolderSession,
    fetch_and_prepare,
    fetch_batch,
    prepared,
    release_freed_memory,
    sorted_flags,
    start_worker,
)
from mail.keywords import sync_team_state
from mail.mailbox_secret import rating_secret
from mail.sasl import Secret, fixed
from mail.team_folder import sync_team_folder
from store.accounts import SIGNIN_REQUIRED, Account, set_last_error, set_state
from store.bulk_load import DeferredIndexes, worth_deferring
from store.db import checkpoints_aside, transaction
from store.fetched import FetchedCopy
from store.filing import (
    FolderState,
    KnownRequesters,
    file_batch,
    mark_deleted_on_server,
    same_message,
    update_flags,
)
from store.history import file_history
from store.timeutil import to_db, utcnow
from store.vocabulary import FolderRole

log = logging.getLogger(__name__)

BATCH_SIZE = 500
# A bulk load commits about COMMIT_SHARE times per folder, and never fewer or more copies at once than these.
COMMIT_SHARE = 40
COMMIT_MESSAGES = (1_000, 10_000)
SEARCH_RANGE = 50_000  # UIDs per UID SEARCH: one answer line stays far below imaplib's line limit
UID_LIST_SIZE = 2_000  # UIDs written out in one command: servers refuse lines over 64 KiB (Dovecot, Cyrus)
PARALLEL_THRESHOLD = 1_000  # below this many new messages, parsing in-process beats starting workers

Progress = Callable[["SyncProgress"], None]


@dataclass(frozen=True, slots=True)
class SyncProgress:
    folder: str
    done: int
    total: int


@dataclass(slots=True)
class SyncResult:
    new_messages: int = 0
    flag_changes: int = 0
    vanished: int = 0
    folders: list[str] = field(default_factory=list)
    team_changes_taken: int = 0
    team_changes_pushed: int = 0
    shared_changes_pushed: int = 0  # this desktop's changes APPENDed to the Loket folder
    shared_changes_received: int = 0  # other desktops' changes read from it
    requests_changed_by_team: set[int] = field(default_factory=set)
    inbox: tuple[int, int] | None = None  # (folder id, uidvalidity)
    inbox_touched: set[int] = field(default_factory=set)  # INBOX UIDs new or with changed flags in this pass
    filed_as_history: int = 0  # requests the account's first sync filed as done (store.history)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Collect cycles less often while batches stream through: a batch makes and drops a few hundred thousand
    objects, none of them in a cycle, so at Python's default the collector ran dozens of times a batch and found
    nothing (about 3 % of the CPU of a first sync). Reference counting still frees everything at once."""
    threshold = gc.get_threshold()
    gc.set_threshold(BULK_COLLECTION_THRESHOLD, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


class _Workers:
    """The worker processes of one pass: started when a folder first has a long run of new mail, then shared by
    the other folders, so a first sync pays for starting them once. The thread that starts them also shuts them
    down: Linux ends a worker when the thread that started it ends (``PR_SET_PDEATHSIG``)."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self.count = max(1, min(2, multiprocessing.cpu_count()))

    def pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.count,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=start_worker,
                initargs=(os.getpid(),),
            )
        return self._pool

    @property
    def running(self) -> bool:
        return self._pool is not None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def sync_once(
    db: sqlite_utils.Database,
    account: Account,
    password: Secret,
    progress: Progress | None = None,
    client: imapclient.IMAPClient | None = None,
) -> SyncResult:
    """One full pass over INBOX and the Sent folder; connects unless a session from ``open_session`` is given."""
    result = SyncResult()
    session = client
    end_session = logout
    try:
        session = session or open_session(account, password)
        secret = rating_secret(session, account, utcnow())
        _sync_folders(db, account, password, session, result, progress, secret)
        shared = sync_team_folder(db, session, account.id, account.address)
        result.shared_changes_pushed, result.shared_changes_received = shared.pushed, shared.received
        result.requests_changed_by_team = shared.touched or set()
        if result.inbox is not None:
            result.team_changes_taken, result.team_changes_pushed = sync_team_state(
                db, session, account.id, result.inbox, result.inbox_touched
            )
        set_last_error(db, account.id, None)
        if account.uses_oauth:
            set_state(db, account.id, "ok")
    except MailError as error:
        end_session = drop
        set_last_error(db, account.id, str(error))
        if isinstance(error, SigninRequired):
            set_state(db, account.id, SIGNIN_REQUIRED)
        raise
    finally:
        if client is None and session is not None:
            end_session(session)
    return result


@dataclass(slots=True)
class _Pass:
    """What the folders of one pass share: worker processes, and the indexes a large first sync builds at its end."""

    workers: _Workers
    indexes: DeferredIndexes
    rating_secret: bytes | None = None  # checks the tokens of ratings arriving in INBOX


def _sync_folders(
    db: sqlite_utils.Database,
    account: Account,
    password: Secret,
    session: imapclient.IMAPClient,
    result: SyncResult,
    progress: Progress | None,
    secret: bytes | None = None,
) -> None:
    shared = _Pass(_Workers(), DeferredIndexes(db), secret)
    try:
        for name, role in watched_folders(session):
            sync_folder(db, account, password, session, name, role, result, shared, progress)
        # Once every folder is in, and before the indexes a large first sync set aside are built: filing history
        # moves most requests from the open ones to the resolved ones.
        result.filed_as_history = file_history(db, account.id, utcnow()) or 0
    finally:
        shared.workers.close()
        shared.indexes.restore()


def watched_folders(client: imapclient.IMAPClient) -> list[tuple[str, str]]:
    folders: list[tuple[str, str]] = [("INBOX", FolderRole.INBOX)]
    sent = imap_call(find_sent_folder, client)
    if sent:
        folders.append((sent, FolderRole.SENT))
    return folders


def sync_folder(
    db: sqlite_utils.Database,
    account: Account,
    password: Secret,
    client: imapclient.IMAPClient,
    name: str,
    role: str,
    result: SyncResult,
    shared: _Pass,
    progress: Progress | None = None,
) -> None:
    status = imap_call(client.select_folder, name, readonly=True)
    uidvalidity = int(status[b"UIDVALIDITY"])
    uidnext = int(status.get(b"UIDNEXT", 0)) or None
    modseq = int(status[b"HIGHESTMODSEQ"]) if b"HIGHESTMODSEQ" in status else None
    exists = int(status.get(b"EXISTS", 0))
    row = _folder_row(db, account, name, role)
    folder_id, stored_validity, stored_uidnext, stored_modseq, last_uid = row
    remap_from = None
    if stored_validity is not None and stored_validity != uidvalidity:
        log.warning(
            "%s: UIDVALIDITY changed from %s to %s; re-mapping by content", name, stored_validity, uidvalidity
        )
        remap_from, last_uid = stored_validity, 0
    folder = FolderState(folder_id, role, uidvalidity)

    touched: set[int] = set()
    if remap_from is not None or stored_uidnext is None or uidnext is None or uidnext != stored_uidnext:
        new_uids = _uids_after(client, last_uid, uidnext)
        if new_uids:
            if remap_from is None and worth_deferring(db, len(new_uids)):
                shared.indexes.defer()
            session = FolderSession(ImapLogin.of(account), fixed(password), name, uidvalidity)
            secret = shared.rating_secret if role == FolderRole.INBOX else None
            per_commit = bulk_commit_size(len(new_uids)) if shared.indexes.deferred else BATCH_SIZE
            result.new_messages += _ingest(
                db, client, account, session, shared.workers, folder, new_uids, remap_from, progress, secret,
                per_commit,
            )  # fmt: skip
            touched.update(new_uids)
    if remap_from is not None:
        _retire_old_copies(db, folder_id, remap_from)
    elif last_uid and (stored_modseq is None or modseq is None or modseq != stored_modseq):
        changed = _sync_flags(client, db, folder, last_uid, stored_modseq if modseq else None)
        result.flag_changes += len(changed)
        touched.update(changed)
    if role == FolderRole.INBOX:
        result.inbox, result.inbox_touched = (folder_id, uidvalidity), touched
    result.vanished += _sync_vanished(db, client, folder, exists)
    db.execute(
        "UPDATE folders SET uidvalidity = ?, uidnext = ?, highestmodseq = ?, last_sync = ?, last_error = NULL "
        "WHERE id = ?",
        [uidvalidity, uidnext, modseq, to_db(utcnow()), folder_id],
    )
    result.folders.append(name)


def _folder_row(db: sqlite_utils.Database, account: Account, name: str, role: str) -> tuple[Any, ...]:
    db.execute(
        "INSERT INTO folders (account_id, name, role) VALUES (?, ?, ?) ON CONFLICT (account_id, name) DO NOTHING",
        [account.id, name, role],
    )
    return tuple(
        db.execute(
            "SELECT id, uidvalidity, uidnext, highestmodseq, last_uid FROM folders WHERE account_id = ? AND name = ?",
            [account.id, name],
        ).fetchone()
    )


def bulk_commit_size(new: int) -> int:
    """Copies filed per transaction in a bulk load (its indexes built at the end; anything else commits every
    batch). Message-IDs, references and raw digests are indexed by values spread over the whole store, so every
    commit writes most of those indexes' pages again: fewer, larger commits write less into the WAL and out again.
    A fortieth of the run still shows mail arriving, and keeps progress steady."""
    low, high = COMMIT_MESSAGES
    return max(low, min(high, new // COMMIT_SHARE))


def _uids_after(client: imapclient.IMAPClient, last_uid: int, uidnext: int | None) -> list[int]:
    """UIDs above ``last_uid``, searched in ranges so a huge mailbox never produces one oversized answer line."""
    if uidnext is None:
        return sorted(uid for uid in imap_call(client.search, ["UID", f"{last_uid + 1}:*"]) if uid > last_uid)
    uids: list[int] = []
    for start in range(last_uid + 1, uidnext, SEARCH_RANGE):
        end = min(start + SEARCH_RANGE - 1, uidnext - 1)
        uids.extend(uid for uid in imap_call(client.search, ["UID", f"{start}:{end}"]) if uid >= start)
    return sorted(set(uids))


def _ingest(
    db: sqlite_utils.Database,
    client: imapclient.IMAPClient,
    account: Account,
    session: FolderSession,
    workers: _Workers,
    folder: FolderState,
    uids: list[int],
    remap_from: int | None,
    progress: Progress | None,
    rating_secret: bytes | None = None,
    per_commit: int = BATCH_SIZE,
) -> int:
    done = 0
    name = session.folder
    if progress:
        progress(SyncProgress(name, 0, len(uids)))
    requesters = KnownRequesters()
    with checkpoints_aside(db) as committed, _fewer_collections():
        batches = _prepared_batches(client, session, workers, uids)
        while filed := _file_batches(
            db, account, folder, batches, per_commit, remap_from, requesters, rating_secret
        ):
            committed()
            done += filed
            release_freed_memory()
            if progress:
                progress(SyncProgress(name, done, len(uids)))
    return done


def _file_batches(
    db: sqlite_utils.Database,
    account: Account,
    folder: FolderState,
    batches: Iterator[list[FetchedCopy]],
    per_commit: int,
    remap_from: int | None,
    requesters: KnownRequesters,
    rating_secret: bytes | None,
) -> int:
    """File the next batches in one transaction, each with the folder's resume point, until ``per_commit`` copies
    are in or none are left; returns how many it took."""
    taken = 0
    with transaction(db):
        for batch in batches:
            # After a UIDVALIDITY change, copies found stored already only get their new UID.
            new = (
                [c for c in batch if not _remap(db, folder, remap_from, c)]
                if remap_from is not None
                else batch
            )
            file_batch(db, account, folder, new, requesters, rating_secret)
            db.execute("UPDATE folders SET last_uid = ? WHERE id = ?", [batch[-1].uid, folder.id])
            taken += len(batch)
            if taken >= per_commit:
                break
    return taken


def _prepared_batches(
    client: imapclient.IMAPClient, session: FolderSession, workers: _Workers, uids: list[int]
) -> Iterator[list[FetchedCopy]]:
    """Fetched and parsed batches, in UID order. A short run is fetched and parsed here; a long one by worker
    processes with sessions of their own, while this thread files the batches before."""
    chunks = [uids[start : start + BATCH_SIZE] for start in range(0, len(uids), BATCH_SIZE)]
    if len(uids) < PARALLEL_THRESHOLD:
        yield from _prepared_here(client, chunks)
        return
    # Starting a worker takes longer than a batch: while they start, this thread fetches and parses the first.
    first_here = not workers.running
    pool = workers.pool()
    submitted = chunks[1:] if first_here else chunks
    pending: deque[Future[list[FetchedCopy]]] = deque()
    try:
        for number, chunk in enumerate(submitted, start=1):
            pending.append(pool.submit(fetch_and_prepare, session, chunk))
            if first_here and number == min(workers.count, len(submitted)):
                yield from _prepared_here(client, chunks[:1])
            if len(pending) > workers.count and (copies := pending.popleft().result()):
                yield copies
        while pending:
            if copies := pending.popleft().result():
                yield copies
    finally:
        for future in pending:
            future.cancel()


def _prepared_here(client: imapclient.IMAPClient, chunks: Iterable[list[int]]) -> Iterator[list[FetchedCopy]]:
    """Batches fetched on this thread's own session and parsed in this process."""
    for chunk in chunks:
        if raws := fetch_batch(client, chunk):
            yield [prepared(raw) for raw in raws]


def _flags(data: dict[bytes, Any]) -> tuple[str, ...]:
    names = (f.decode("utf-8", "replace") if isinstance(f, bytes) else str(f) for f in data.get(b"FLAGS", ()))
    return sorted_flags(names)


def _remap(db: sqlite_utils.Database, folder: FolderState, old_validity: int, copy: FetchedCopy) -> bool:
    """After a UIDVALIDITY change: give a stored copy its new UID instead of storing it again."""
    row = db.execute(
        "SELECT id FROM messages WHERE folder_id = ? AND uidvalidity = ? AND raw_sha256 = ? LIMIT 1",
        [folder.id, old_validity, copy.raw_sha256],
    ).fetchone()
    if row is None and copy.parsed.message_id:
        condition, params = same_message(copy.parsed)
        row = db.execute(
            f"SELECT id FROM messages WHERE folder_id = ? AND uidvalidity = ? AND {condition} LIMIT 1",
            [folder.id, old_validity, *params],
        ).fetchone()
    if row is None:
        return False
    db.execute(
        "UPDATE messages SET uidvalidity = ?, uid = ?, deleted_on_server = 0 WHERE id = ?",
        [folder.uidvalidity, copy.uid, row[0]],
    )
    return True


def _retire_old_copies(db: sqlite_utils.Database, folder_id: int, old_validity: int) -> None:
    """Copies of the old UIDVALIDITY that found no new UID are gone from the server; their requests stay."""
    db.execute(
        "UPDATE messages SET deleted_on_server = 1 WHERE folder_id = ? AND uidvalidity = ?",
        [folder_id, old_validity],
    )


def _sync_flags(
    client: imapclient.IMAPClient,
    db: sqlite_utils.Database,
    folder: FolderState,
    up_to_uid: int,
    since_modseq: int | None,
) -> dict[int, tuple[str, ...]]:
    """Flags set elsewhere (another desktop, webmail) on copies stored before this pass (up to ``up_to_uid``):
    only what changed since the last MODSEQ when the server can tell."""
    stored = {
        uid: tuple(json.loads(flags))
        for uid, flags in db.execute(
            "SELECT uid, flags_json FROM messages "
            "WHERE folder_id = ? AND uidvalidity = ? AND uid <= ? AND deleted_on_server = 0",
            [folder.id, folder.uidvalidity, up_to_uid],
        )
    }
    if not stored:
        return {}
    known = sorted(stored)
    modifiers = [f"CHANGEDSINCE {since_modseq}"] if since_modseq else None
    changed: dict[int, tuple[str, ...]] = {}
    for start in range(0, len(known), UID_LIST_SIZE):
        chunk = known[start : start + UID_LIST_SIZE]
        response = imap_call(client.fetch, chunk, [b"FLAGS"], modifiers=modifiers)
        for uid, data in response.items():
            flags = _flags(data)
            if uid in stored and flags != stored[uid]:
                changed[int(uid)] = flags
    if not changed:
        return {}
    with transaction(db):
        update_flags(db, folder, changed)
    return changed


def _sync_vanished(
    db: sqlite_utils.Database, client: imapclient.IMAPClient, folder: FolderState, exists: int
) -> int:
    """Copies deleted on the server: compared only when the server holds fewer messages than we have stored."""
    stored = db.execute(
        "SELECT count(*) FROM messages WHERE folder_id = ? AND uidvalidity = ? AND deleted_on_server = 0",
        [folder.id, folder.uidvalidity],
    ).fetchone()[0]
    if stored <= exists:
        return 0
    on_server: set[int] = set()
    top = db.execute("SELECT last_uid FROM folders WHERE id = ?", [folder.id]).fetchone()[0]
    for start in range(1, top + 1, SEARCH_RANGE):
        on_server.update(imap_call(client.search, ["UID", f"{start}:{start + SEARCH_RANGE - 1}"]))
    gone = [
        row[0]
        for row in db.execute(
            "SELECT uid FROM messages WHERE folder_id = ? AND uidvalidity = ? AND deleted_on_server = 0",
            [folder.id, folder.uidvalidity],
        )
        if row[0] not in on_server
    ]
    with transaction(db):
        mark_deleted_on_server(db, folder, gone)
    return len(gone)


def open_session(account: Account, password: Secret) -> imapclient.IMAPClient:
    """A logged-in client with CONDSTORE enabled where the server has it, so SELECT reports HIGHESTMODSEQ."""
    client = connect(account, password)
    if client.has_capability("CONDSTORE") and client.has_capability("ENABLE"):
        imap_call(client.enable, "CONDSTORE")
    return client

"""The part of ingest that worker processes run: a session of their own, then fetch, parse, hash and compress.

A worker imports this module and what it needs, never the store's SQLite side: starting one took about 250 ms of
imports when it loaded all of ``mail.sync``, and a first sync waits for its workers before its second batch.
The syncing thread uses the same functions for batches it fetches itself.
"""

from __future__ import annotations

import atexit
import ctypes
import gc
import hashlib
import itertools
import multiprocessing
import multiprocessing.process
import os
import signal
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import imapclient

from mail.errors import MailError, ProtocolError
from mail.fetch_response import fetch_messages
from mail.imap import ImapLogin, connect, drop, imap_call, logout
from mail.parse import parse_message
from mail.sasl import Bearer
from store.fetched import FetchedCopy
from store.raw_bytes import pack
from store.timeutil import utcnow

WORKER_NICENESS = 10
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
TRIM_EVERY_BATCHES = 4
# Container allocations between young-generation collections while batches stream through (Python's default: 700).
BULK_COLLECTION_THRESHOLD = 20_000


def _load_libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL("libc.so.6")
    except OSError:
        return None


_LIBC = _load_libc()
_batches_freed = itertools.count(1)


@dataclass(frozen=True, slots=True)
class RawCopy:
    uid: int
    raw: bytes
    internal_date: datetime
    flags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FolderSession:
    """What a worker process needs to open its own session on the folder being synced: fetching (and the parsing
    of IMAP answers that comes with it) is then off the thread that files."""

    login: ImapLogin
    password: str | Bearer  # a token source's current bearer: workers never refresh tokens themselves
    folder: str
    uidvalidity: int


def prepared(copy: RawCopy) -> FetchedCopy:
    """The CPU-heavy part of ingest: parse, hash, compress."""
    raw = copy.raw
    return FetchedCopy(
        copy.uid,
        copy.internal_date,
        copy.flags,
        len(raw),
        hashlib.sha256(raw).hexdigest(),
        pack(raw),
        parse_message(raw, html=False),
    )


_worker_session: tuple[FolderSession, imapclient.IMAPClient] | None = None


def _worker_client(session: FolderSession) -> imapclient.IMAPClient:
    """This worker's session, opened on its first batch and kept for the rest of the pass; a batch of another
    folder of the same mailbox selects that folder on the same connection."""
    global _worker_session
    if _worker_session is not None:
        current, client = _worker_session
        if current == session:
            return client
        _worker_session = None
        if (current.login, current.password) != (session.login, session.password):
            logout(client)
            client = connect(session.login, session.password)
            atexit.register(logout, client)
    else:
        client = connect(session.login, session.password)
        atexit.register(logout, client)
    status = imap_call(client.select_folder, session.folder, readonly=True)
    if int(status[b"UIDVALIDITY"]) != session.uidvalidity:
        logout(client)
        raise ProtocolError(
            f"{session.folder} changed its UIDVALIDITY during the sync; the next pass re-reads it"
        )
    _worker_session = (session, client)
    return client


def fetch_and_prepare(session: FolderSession, uids: list[int]) -> list[FetchedCopy]:
    """One batch fetched and parsed in a worker process."""
    global _worker_session
    client = _worker_client(session)
    try:
        raws = fetch_batch(client, uids)
    except MailError:
        drop(client)  # a silent connection would hold the worker's exit for a LOGOUT nobody answers
        _worker_session = None  # a cut session is opened afresh if this worker gets another batch
        raise
    copies = [prepared(raw) for raw in raws]
    del raws
    release_freed_memory()
    return copies


def start_worker(parent_pid: int) -> None:
    """Workers end with the process that started them, and run at a lower priority: filing, one thread that every
    batch passes through, sets the pace, and with more busy processes than cores it must not wait for a core while
    workers parse batches ahead of it. Like filing (``mail.sync``), they collect cycles less often."""
    end_with_parent(parent_pid)
    if hasattr(os, "nice"):
        os.nice(WORKER_NICENESS)
    gc.set_threshold(BULK_COLLECTION_THRESHOLD, *gc.get_threshold()[1:])


def end_with_parent(parent_pid: int) -> None:
    """A worker whose parent died (killed, crashed, taken by the OOM killer) would wait for batches forever, holding
    memory and an IMAP connection. Linux kills it with its parent (``PR_SET_PDEATHSIG``), after checking that the
    parent did not die before that was set; everywhere a thread waits on the pipe from the parent, whose end the
    system closes when the parent dies however it died, and ends the worker then."""
    if _LIBC is not None:
        _LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent_pid:  # reparented already: the parent died before it could take effect
            os._exit(1)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_after, args=(parent,), name="parent-watch", daemon=True).start()


def _exit_after(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()  # returns when the pipe from the parent reads EOF
    os._exit(1)


def fetch_batch(client: imapclient.IMAPClient, uids: list[int]) -> list[RawCopy]:
    """The copies of these UIDs still on the server, in UID order."""
    response = imap_call(fetch_messages, client, uids)
    batch = []
    for uid in uids:
        fetched = response.get(uid)
        if fetched is None or fetched.raw is None:
            continue  # expunged between SEARCH and FETCH
        raw = fetched.raw
        batch.append(RawCopy(uid, raw, fetched.internal_date or utcnow(), sorted_flags(fetched.flags)))
    return batch


def sorted_flags(flags: Iterable[str]) -> tuple[str, ...]:
    """Sorted flags and keywords; ``\\Recent`` is per session, not a fact about the message, so it is left out."""
    return tuple(sorted(name for name in flags if name != "\\Recent"))


def release_freed_memory() -> None:
    """Give freed batch buffers back to the system every few batches: glibc keeps them per thread arena otherwise,
    and a long first sync would look like it grows with the mailbox. Each trim walks the whole heap (milliseconds),
    and the batches in between reuse what the last one freed."""
    if _LIBC is not None and next(_batches_freed) % TRIM_EVERY_BATCHES == 0:
        _LIBC.malloc_trim(0)

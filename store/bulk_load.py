"""Loading a large run of mail into a store that is small beside it, such as the first sync of a mailbox.

Every filed message inserts and updates request and message rows, and each change is written into every index on
them. Most of those indexes serve the queue views and the statistics, not filing: for a run at least as large as the
store, dropping them first and building them once at the end is several times cheaper than keeping them up to date
row by row. Their definitions are kept in ``deferred_indexes`` in the same transaction that drops them, so a process
killed in between leaves what the next one needs to build them again. The views keep working meanwhile (their
queries do not name these indexes), only slower.
"""

from __future__ import annotations

import logging
import os

import sqlite_utils

from store.db import CACHE_KIB, transaction

log = logging.getLogger(__name__)

MIN_MESSAGES = 5_000  # below this, keeping the indexes up to date costs less than building them again
SORT_THREADS = max(1, min(4, os.cpu_count() or 1))  # helper threads SQLite may sort with while building them
# Read by the views and statistics, never by filing, threading or the due-date rules. The queues name some by INDEXED
# BY only while they are there (store.queues).
DEFERRABLE = (
    "requests_status",
    "requests_received",
    "requests_status_merged",
    "requests_open_timer",
    "requests_open_assignee",
    "requests_list_subject",
    "requests_list_assignee",
    "requests_open_subject",
    "requests_open_assignee_order",
    "messages_request_role",
    "messages_sha",
    "requests_requester",
    "requests_open_received",
    "requests_open_requester",
    "requests_open_timer_counts",
    "requests_resolved_requester",
)


def worth_deferring(db: sqlite_utils.Database, incoming: int) -> bool:
    """A run of at least ``MIN_MESSAGES`` that at least doubles the messages stored."""
    if incoming < MIN_MESSAGES:
        return False
    return incoming >= db.execute("SELECT count(*) FROM messages").fetchone()[0]


# A large ingest inserts Message-IDs, references and raw digests at positions spread over their indexes: a bigger
# page cache for its connection keeps the pages it returns to from being read and written again.
BULK_CACHE_KIB = 65_536


class DeferredIndexes:
    """The deferrable indexes of one large ingest: dropped by ``defer``, built again by ``restore``."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db
        self.deferred = False

    def defer(self) -> None:
        if self.deferred:
            return
        names = ", ".join("?" * len(DEFERRABLE))
        with transaction(self._db):
            rows = self._db.execute(
                f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN ({names})", DEFERRABLE
            ).fetchall()
            for name, sql in rows:
                self._db.execute(
                    "INSERT OR IGNORE INTO deferred_indexes (name, sql, owner_pid) VALUES (?, ?, ?)",
                    [name, sql, os.getpid()],
                )
                self._db.execute(f"DROP INDEX {name}")
        self._db.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        self.deferred = True
        log.info("large ingest: %d indexes are built at its end", len(rows))

    def restore(self) -> None:
        if self.deferred:
            restore_indexes(self._db, os.getpid())
            self._db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self.deferred = False


def restore_indexes(db: sqlite_utils.Database, owner_pid: int | None = None) -> int:
    """Build the indexes that ``owner_pid`` deferred, or (without it) those whose owner is gone; returns how many."""
    rows = db.execute("SELECT name, sql, owner_pid FROM deferred_indexes").fetchall()
    wanted = [
        (name, sql) for name, sql, pid in rows if pid == owner_pid or (owner_pid is None and _gone(pid))
    ]
    if not wanted:
        return 0
    threads = db.execute("PRAGMA threads").fetchone()[0]
    db.execute(f"PRAGMA threads = {SORT_THREADS}")  # an index build sorts on helper threads as well
    try:
        with transaction(db):
            for name, sql in wanted:
                if not _index_exists(db, name):
                    db.execute(sql)
                db.execute("DELETE FROM deferred_indexes WHERE name = ?", [name])
    finally:
        db.execute(f"PRAGMA threads = {threads}")
    return len(wanted)


def _index_exists(db: sqlite_utils.Database, name: str) -> bool:
    return (
        db.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", [name]).fetchone()
        is not None
    )


def _gone(pid: int) -> bool:
    """Whether the process that deferred the indexes has ended. Where that cannot be asked safely (``os.kill``
    ends processes on Windows), it counts as gone: building them early only makes the ingest slower."""
    if pid == os.getpid():
        return False
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False

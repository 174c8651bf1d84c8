"""Opening the store: one SQLite file per data dir, WAL so the GUI reads while a worker writes."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from store import bodies
from store.migrations import MIGRATIONS, migrate

log = logging.getLogger(__name__)

CACHE_KIB = 16_384  # per connection: the hot indexes, not the bodies

DB_NAME = "loket.sqlite"
# How long a writer waits for another process's write lock before it gives up with a sentence (tests shorten it).
BUSY_TIMEOUT_SECONDS = float(os.environ.get("LOKET_BUSY_TIMEOUT", "") or 30)
DEFAULT_AUTOCHECKPOINT_PAGES = 1000  # SQLite's own default
# A WAL this large is checkpointed to its end and started over during a long ingest, and one that grew past it is
# cut back to it when it starts over: the disk holds the store plus at most about this much.
WAL_LIMIT_BYTES = 256 * 2**20
RESTART_WAIT_MS = (
    2_000  # how long the writer waits for readers and the checkpointer to let the WAL start over
)
PAGE_SIZE = 16_384


def db_path(data_dir: Path) -> Path:
    return Path(data_dir) / DB_NAME


def open_db(data_dir: Path | str, updating: Callable[[], None] | None = None) -> sqlite_utils.Database:
    """Open (creating and migrating when needed) the store in ``data_dir``.

    Each thread opens its own connection: sqlite3 connections are not shared across threads here. ``updating`` is
    called before work that takes a while on a large store (a migration, a rebuild of indexes), for a window to say.
    """
    path = db_path(Path(data_dir))
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False)
    # Only a new, empty file takes it: a message row with its bodies and the raw mail fill several 4 KiB pages,
    # and larger pages let ingest write a fifth fewer pages, B-tree cells and overflow links per message.
    conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute(f"PRAGMA journal_size_limit = {WAL_LIMIT_BYTES}")
    bodies.register(conn)
    if updating is not None and 0 < conn.execute("PRAGMA user_version").fetchone()[0] < len(MIGRATIONS):
        updating()  # a new store's schema is made at once; an older store's rows may be rewritten
    migrate(conn)
    db = _database(conn)
    if conn.execute("SELECT 1 FROM deferred_indexes LIMIT 1").fetchone():
        from store.bulk_load import restore_indexes

        if updating is not None:
            updating()
        restore_indexes(db)  # a large ingest that was killed before it built them again
    return db


def _database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """No sqlite-utils plugins: whatever else is installed must not change the store, and looking for plugins
    reads the metadata of every installed package (a thirtieth of a second before the window's first query)."""
    return sqlite_utils.Database(conn, execute_plugins=False)


def open_memory_db() -> sqlite_utils.Database:
    """A throw-away store for pure tests of store rules."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    bodies.register(conn)
    migrate(conn)
    return _database(conn)


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction: everything inside commits together or not at all (nesting joins the outer one)."""
    conn = db.conn
    if conn.in_transaction:
        yield db
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
        conn.execute("COMMIT")
    except BaseException:
        # After some failures (a full disk) SQLite has rolled back already: there is nothing left to undo.
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                log.warning(
                    "rolling back failed; SQLite undoes the transaction when the store is next opened",
                    exc_info=True,
                )
        raise


def _restart_wal(db: sqlite_utils.Database) -> None:
    """Checkpoint the whole WAL and start it over, waiting at most a moment for readers.

    The file is not truncated: the next commits write over it from its start, which costs less than growing it
    again, and ``journal_size_limit`` cuts a WAL that grew past the limit back to it."""
    timeout = db.execute("PRAGMA busy_timeout").fetchone()[0]
    db.execute(f"PRAGMA busy_timeout = {RESTART_WAIT_MS}")
    try:
        busy, _frames, _copied = db.execute("PRAGMA wal_checkpoint(RESTART)").fetchone()
        if busy:
            log.info("a reader keeps an old snapshot: the WAL cannot start over yet")
    except sqlite3.Error:
        log.warning(
            "starting the WAL over during ingest failed", exc_info=True
        )  # the next commit reports a full disk
    finally:
        db.execute(f"PRAGMA busy_timeout = {timeout}")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


@contextmanager
def checkpoints_aside(db: sqlite_utils.Database) -> Iterator[Callable[[], None]]:
    """Copy committed pages from the WAL into the database file on a thread of its own while a long ingest writes.

    Left to itself, SQLite checkpoints in the committing thread once the WAL passes a thousand pages: with batches of
    several megabytes that is every commit, and the ingest waits for the copy and its fsyncs. Inside this block the
    writer never checkpoints; it calls the yielded function after each commit to wake the checkpointer, which
    copies what is committed (PASSIVE: it never blocks the writer or readers). Durability is unchanged.

    A passive checkpoint never lets the WAL start over, since the writer's next batch is already appending to it:
    once it passes ``WAL_LIMIT_BYTES`` the writer itself copies the rest between two batches and starts it over, so a
    first sync of years of mail needs no more disk than the store plus that. A reader that keeps an old snapshot
    (which no reader should) only makes that wait a moment and the WAL grow until it lets go.
    """
    path = db.execute("PRAGMA main.database_list").fetchone()[2]
    if not path:  # an in-memory store has no WAL
        yield lambda: None
        return
    wake, done = threading.Event(), threading.Event()
    wal = Path(f"{path}-wal")
    one_checkpoint = threading.Lock()  # SQLite runs one at a time and refuses a second at once, never waiting

    def checkpoint() -> None:
        conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        try:
            while not done.is_set():
                wake.wait()
                wake.clear()
                try:
                    with one_checkpoint:
                        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
                except sqlite3.Error:
                    # A full disk, say: the writer's next commit reports it to the sync; retry on the next wake.
                    log.warning("checkpoint during ingest failed", exc_info=True)
        finally:
            conn.close()

    def committed() -> None:
        if _size(wal) > WAL_LIMIT_BYTES:
            with one_checkpoint:
                _restart_wal(db)
        wake.set()

    db.execute("PRAGMA wal_autocheckpoint = 0")
    thread = threading.Thread(target=checkpoint, name="store-checkpoint", daemon=True)
    thread.start()
    try:
        yield committed
    finally:
        done.set()
        wake.set()
        thread.join()
        db.execute(f"PRAGMA wal_autocheckpoint = {DEFAULT_AUTOCHECKPOINT_PAGES}")

"""Opening the store: one SQLite file per data dir, WAL so the GUI reads while a worker writes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from store.migrations import migrate

DB_NAME = "loket.sqlite"


def db_path(data_dir: Path) -> Path:
    return Path(data_dir) / DB_NAME


def open_db(data_dir: Path | str) -> sqlite_utils.Database:
    """Open (creating and migrating when needed) the store in ``data_dir``.

    Each thread opens its own connection: sqlite3 connections are not shared across threads here.
    """
    path = db_path(Path(data_dir))
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA cache_size = -16384")  # 16 MiB per connection: the hot indexes, not the bodies
    conn.execute("PRAGMA temp_store = MEMORY")
    migrate(conn)
    return _database(conn)


def _database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """No sqlite-utils plugins: whatever else is installed must not change the store, and looking for plugins
    reads the metadata of every installed package (a thirtieth of a second before the window's first query)."""
    return sqlite_utils.Database(conn, execute_plugins=False)


def open_memory_db() -> sqlite_utils.Database:
    """A throw-away store for pure tests of store rules."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
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
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")

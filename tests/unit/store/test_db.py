"""Opening the store, and the checkpointer a long ingest hands its WAL to."""

from __future__ import annotations

import sqlite3
import time

from store.db import DEFAULT_AUTOCHECKPOINT_PAGES, PAGE_SIZE, checkpoints_aside, db_path, open_db, transaction


def test_a_new_store_gets_large_pages_and_an_old_one_keeps_its_own(tmp_path):
    assert open_db(tmp_path / "new").execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE
    old = tmp_path / "old"
    old.mkdir()
    conn = sqlite3.connect(db_path(old))
    conn.execute("PRAGMA page_size = 4096")
    conn.execute("CREATE TABLE earlier (x)")
    conn.close()
    assert open_db(old).execute("PRAGMA page_size").fetchone()[0] == 4096


def test_commits_inside_are_checkpointed_by_the_other_thread_and_nothing_is_lost(tmp_path):
    db = open_db(tmp_path)
    db.execute("CREATE TABLE filler (data BLOB)")
    with checkpoints_aside(db) as committed:
        assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
        for _ in range(20):
            with transaction(db):
                db.conn.executemany("INSERT INTO filler VALUES (randomblob(4000))", [()] * 100)
            committed()
        # This connection never checkpoints inside: the pages reach the database file only through the other thread.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and db_path(tmp_path).stat().st_size < 4_000_000:
            time.sleep(0.05)
        assert db_path(tmp_path).stat().st_size >= 4_000_000
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == DEFAULT_AUTOCHECKPOINT_PAGES
    assert open_db(tmp_path).execute("SELECT count(*) FROM filler").fetchone()[0] == 2000


def test_a_long_ingest_keeps_the_wal_near_its_limit_however_fast_batches_follow(tmp_path, monkeypatch):
    limit = 2**20
    monkeypatch.setattr("store.db.WAL_LIMIT_BYTES", limit)
    db = open_db(tmp_path)
    db.execute("CREATE TABLE filler (data BLOB)")
    wal = tmp_path / "loket.sqlite-wal"
    peak = 0
    with checkpoints_aside(db) as committed:
        for _ in range(60):  # 24 MB, back to back: the writer never waits for the checkpointer
            with transaction(db):
                db.conn.executemany("INSERT INTO filler VALUES (randomblob(4000))", [()] * 100)
            committed()
            peak = max(peak, wal.stat().st_size)
    assert peak < 8 * limit
    assert open_db(tmp_path).execute("SELECT count(*) FROM filler").fetchone()[0] == 6000

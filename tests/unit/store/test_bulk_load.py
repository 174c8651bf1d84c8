"""Indexes a large ingest drops and builds again: nothing of the schema is lost, even when the loader is killed."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime

from store import bulk_load
from store.bulk_load import DEFERRABLE, DeferredIndexes, restore_indexes, worth_deferring
from store.db import open_db
from store.queues import SORT_COLUMNS, RequestFilter, queue_counts, request_ids
from store.vocabulary import Queue


def _indexes(db) -> dict[str, str]:
    return dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_run_is_worth_deferring_only_when_large_and_at_least_the_size_of_the_store(tmp_path, monkeypatch):
    db = open_db(tmp_path)
    monkeypatch.setattr(bulk_load, "MIN_MESSAGES", 3)
    assert not worth_deferring(db, 2)
    assert worth_deferring(db, 3)
    db.execute(
        "INSERT INTO accounts (name, address, imap_host, imap_port, imap_security, smtp_host, smtp_port, "
        "smtp_security, username, created_at) VALUES ('a', 'a@x', 'h', 1, 'none', 'h', 1, 'none', 'u', '')"
    )
    db.conn.executemany("INSERT INTO raw (sha256, data) VALUES (?, x'')", [(str(n),) for n in range(5)])
    db.conn.executemany(
        "INSERT INTO messages (account_id, direction, role, text_body, raw_sha256, size, flags_json) "
        "VALUES (1, 'in', 'requester', '', ?, 0, '[]')",
        [(str(n),) for n in range(5)],
    )
    assert not worth_deferring(db, 4)
    assert worth_deferring(db, 5)


def test_deferring_drops_only_the_deferrable_indexes_and_restoring_builds_them_as_they_were(tmp_path):
    db = open_db(tmp_path)
    before = _indexes(db)
    indexes = DeferredIndexes(db)
    indexes.defer()
    during = _indexes(db)
    assert set(before) - set(during) == set(DEFERRABLE)
    # The queue views still answer meanwhile: none of their queries names a deferred index.
    now = datetime(2026, 11, 23, 12, tzinfo=UTC)
    for queue in (Queue.OPEN, Queue.RESOLVED, Queue.WAITING, Queue.BREACHING):
        for sort in SORT_COLUMNS:
            for limit in (50, None):
                assert request_ids(db, RequestFilter(queue), now, sort, limit=limit) == []
    assert queue_counts(db, now)
    threads = db.execute("PRAGMA threads").fetchone()[0]
    indexes.restore()
    assert _indexes(db) == before
    assert db.execute("SELECT count(*) FROM deferred_indexes").fetchone()[0] == 0
    assert db.execute("PRAGMA threads").fetchone()[0] == threads  # the sort helpers were for the build only


def test_indexes_of_a_killed_loader_are_built_at_the_next_open(tmp_path):
    db = open_db(tmp_path)
    before = _indexes(db)
    DeferredIndexes(db).defer()
    db.execute("UPDATE deferred_indexes SET owner_pid = ?", [_dead_pid()])
    db.conn.close()
    reopened = open_db(tmp_path)
    assert _indexes(reopened) == before
    assert reopened.execute("SELECT count(*) FROM deferred_indexes").fetchone()[0] == 0


def test_indexes_of_a_loader_still_running_are_left_to_it(tmp_path):
    db = open_db(tmp_path)
    DeferredIndexes(db).defer()
    db.execute("UPDATE deferred_indexes SET owner_pid = ?", [_running_pid()])
    assert restore_indexes(open_db(tmp_path)) == 0
    assert db.execute("SELECT count(*) FROM deferred_indexes").fetchone()[0] == len(DEFERRABLE)


def _running_pid() -> int:
    import os

    return os.getppid()

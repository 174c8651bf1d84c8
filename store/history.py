"""Imported history: on an account's first sync, the requests that went quiet before its cut-off are filed as done.

A department brings years of mail; without this, every request of those years would open in the queue and its
timers would fire. A request whose last message is older than the account's ``history_days`` is resolved at that
last message, with a status event of its own (``HISTORY_ACTOR``, ``"history": true``) that the window and the
statistics recognise. A requester who writes again reopens it like any resolved request.

Every desktop of a team derives the same from the same mail and rule, so nothing of it is shared through the mailbox:
no keyword and no team change is written for it, and a status a colleague set by hand (a team change, a keyword)
still beats it. Filing runs once per account, after the first pass that fetched all its folders, in a few
set-based statements: at 100,000 requests it takes a moment, not a pass over the requests in Python.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

import sqlite_utils

from store.db import transaction
from store.timeutil import to_db

log = logging.getLogger(__name__)

DEFAULT_HISTORY_DAYS = 30
HISTORY_ACTOR = "imported history"
REBUILD_FROM = (
    5_000  # requests filed at once from which their status indexes are built again rather than updated
)

# Requests of the account that the first sync files as history: open, not merged, quiet since before the cut-off,
# and never given a status by a person (during a long first sync someone may already have worked on one).
_QUIET = """
SELECT q.id FROM requests q
WHERE q.account_id = :account AND q.merged_into IS NULL AND q.status != 'resolved'
  AND q.last_activity_at < :cutoff
  AND q.id NOT IN (SELECT e.request_id FROM events e WHERE e.kind = 'status'
                   AND json_extract(e.data_json, '$.by_mail') IS NULL)
"""

_EVENTS = f"""
INSERT INTO events (request_id, at, kind, actor, data_json)
SELECT q.id, q.last_activity_at, 'status', '{HISTORY_ACTOR}',
       json_object('from', q.status, 'to', 'resolved', 'history', json('true'))
FROM requests q JOIN temp.history_filed h ON h.id = q.id
"""

# The state the mailbox's keywords were last agreed on moves along where there is one, so the derived change is
# never taken for this desktop's own and pushed (store.keywords); a keyword a colleague set still differs and wins.
_RESOLVE = """
UPDATE requests SET status = 'resolved', resolved_at = last_activity_at,
    keywords_agreed = CASE WHEN keywords_agreed IS NULL THEN NULL
                           ELSE json_object('assignee', assignee, 'status', 'resolved') END
WHERE id IN (SELECT id FROM temp.history_filed)
"""


def file_history(db: sqlite_utils.Database, account_id: int, now: datetime) -> int | None:
    """On the account's first sync (once its folders are fetched): file the requests quiet for longer than its
    ``history_days`` as done. Returns how many, or None when the account's first sync filed its history before."""
    with transaction(db):
        row = db.execute(
            "SELECT history_days FROM accounts WHERE id = ? AND history_filed_at IS NULL", [account_id]
        ).fetchone()
        if row is None:
            return None
        filed = 0
        if row[0] > 0:
            cutoff = to_db(now - timedelta(days=row[0]))
            db.execute("CREATE TEMP TABLE history_filed (id INTEGER PRIMARY KEY)")
            try:
                db.execute(
                    f"INSERT INTO temp.history_filed (id) {_QUIET}", {"account": account_id, "cutoff": cutoff}
                )
                filed = db.execute("SELECT count(*) FROM temp.history_filed").fetchone()[0]
                db.execute(_EVENTS)
                with _status_indexes_rebuilt(db, filed):
                    db.execute(_RESOLVE)
                db.execute(
                    "DELETE FROM request_figures WHERE request_id IN (SELECT id FROM temp.history_filed)"
                )
            finally:
                db.execute("DROP TABLE temp.history_filed")
        db.execute("UPDATE accounts SET history_filed_at = ? WHERE id = ?", [to_db(now), account_id])
    if filed:
        log.info("first sync: %d request(s) quiet for over %d days filed as history", filed, row[0])
    return filed


@contextmanager
def _status_indexes_rebuilt(db: sqlite_utils.Database, rows: int) -> Iterator[None]:
    """For many rows, the indexes of requests that a new status moves are dropped and built again around the
    update: changing a dozen indexes row by row, at random places larger than the page cache, took over half a
    minute for 100,000 requests; building them again takes a second or two. In the same transaction, so no other
    connection ever sees them missing."""
    if rows < REBUILD_FROM:
        yield
        return
    indexes = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'requests' AND sql IS NOT NULL "
        "AND sql LIKE '%status%'"
    ).fetchall()
    for name, _sql in indexes:
        db.execute(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        db.execute(sql)


def filed_as_history(db: sqlite_utils.Database, request_id: int) -> bool:
    """Whether the request is resolved by the filing of imported history (its latest status change)."""
    row = db.execute(
        "SELECT q.status, json_extract(e.data_json, '$.history') FROM requests q LEFT JOIN events e "
        "ON e.id = (SELECT id FROM events WHERE request_id = q.id AND kind = 'status' ORDER BY at DESC, id DESC "
        "LIMIT 1) WHERE q.id = ?",
        [request_id],
    ).fetchone()
    return row is not None and row[0] == "resolved" and bool(row[1])

"""Dropping a request's kept statistics figures (``request_figures``) when a new event or message joins it.

Changes and deletions of events and messages, and changes of standards and calendars, drop them by trigger
(migrations V5, V6). New events and messages do it here, in the code that writes them, and so do changes of a
request's own columns, each of which records an event: as triggers, they made SQLite keep a statement journal for
every insert and status change, which cost ingest a fifth of its filing time (migrations V15 and V17 removed them).
Filing a batch collects the requests it touched and drops their figures once, at the end of the batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import sqlite_utils

_collected: ContextVar[set[int] | None] = ContextVar("collected", default=None)


def forget_figures(db: sqlite_utils.Database, request_id: int | None) -> None:
    """The request's figures are computed again when next read."""
    if request_id is None:
        return
    collected = _collected.get()
    if collected is not None:
        collected.add(request_id)
    else:
        db.execute("DELETE FROM request_figures WHERE request_id = ?", [request_id])


@contextmanager
def forgetting_at_end(db: sqlite_utils.Database) -> Iterator[None]:
    """Inside, ``forget_figures`` only notes the request; the figures of all noted requests go in one statement
    when the block ends without an error (use it inside the transaction that writes the events)."""
    collected: set[int] = set()
    token = _collected.set(collected)
    try:
        yield
    finally:
        _collected.reset(token)
    if collected:
        db.execute(
            "DELETE FROM request_figures WHERE request_id IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(collected))],
        )

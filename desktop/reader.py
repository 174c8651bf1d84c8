"""A thread that runs the views' store queries and the triage writes off the GUI thread, answering by signal.

It owns its own SQLite connection (WAL lets it read while a sync worker writes). A job submitted again under the
same ``topic`` supersedes the older one, so a fast typist or a burst of sort clicks costs one query, not ten.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
import sqlite_utils
from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop.background import log_failure
from store.db import open_db
from store.failures import as_store_error

log = logging.getLogger(__name__)

Job = Callable[[sqlite_utils.Database], Any]
Done = Callable[[Any], None]


def tune_for_reading(db: sqlite_utils.Database) -> None:
    """A larger page cache: list queries and counts touch the whole requests table."""
    db.execute("PRAGMA cache_size = -32768")
    db.execute("PRAGMA temp_store = MEMORY")


class _Thread(QThread):
    # One tuple (ticket, result, error): a bare None sent through a queued ``object`` argument upsets PySide's
    # reference counting, a tuple that holds it does not.
    answered = Signal(object)
    updating = Signal()
    opened = Signal()
    open_failed = Signal(object)

    def __init__(self, data_dir: Path, jobs: queue.Queue[tuple[int, Job] | None]) -> None:
        super().__init__()
        self._data_dir = data_dir
        self._jobs = jobs

    def run(self) -> None:
        try:
            db = open_db(self._data_dir, updating=self.updating.emit)
        except Exception as error:  # a damaged or unwritable store: the window says so; no job is answered
            log_failure(log, "opening the store failed", error)
            self.open_failed.emit(error)
            return
        tune_for_reading(db)
        self.opened.emit()
        try:
            while (item := self._jobs.get()) is not None:
                ticket, job = item
                try:
                    self.answered.emit((ticket, job(db), None))
                except Exception as error:  # reported to the view that asked, and logged
                    log.exception("store query failed")
                    self.answered.emit((ticket, None, error))
        finally:
            db.conn.close()


class Reader(QObject):
    """Queue store jobs for the thread; ``done`` runs on the GUI thread with the result.

    The thread opens the store first (migrating it when Loket was updated: ``updating``, then ``opened``, or
    ``open_failed`` with the store's error). Jobs submitted before, or before ``start()`` with ``start=False``, wait
    in the queue. A write waits for a sync worker's transaction here, never in the GUI thread.
    """

    failed = Signal(str)
    updating = Signal()
    opened = Signal()
    open_failed = Signal(object)

    def __init__(self, data_dir: Path, parent: QObject | None = None, start: bool = True) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._jobs: queue.Queue[tuple[int, Job] | None] = queue.Queue()
        self._thread = _Thread(data_dir, self._jobs)
        self._thread.answered.connect(self._on_answered)
        self._thread.updating.connect(self.updating)
        self._thread.opened.connect(self.opened)
        self._thread.open_failed.connect(self.open_failed)
        self._lock = threading.Lock()
        self._next = 0
        self._waiting: dict[int, Done] = {}
        self._latest: dict[str, int] = {}
        self._closed = False
        if start:
            self.start()
        # Whoever owns this reader may be deleted without closing it: the thread then still ends cleanly.
        jobs, thread = self._jobs, self._thread
        self.destroyed.connect(lambda: _stop(jobs, thread))

    def submit(self, topic: str, job: Job, done: Done) -> int:
        with self._lock:
            self._next += 1
            ticket = self._next
        self._waiting[ticket] = done
        self._latest[topic] = ticket
        self._jobs.put((ticket, job))
        return ticket

    def is_latest(self, topic: str, ticket: int) -> bool:
        return self._latest.get(topic) == ticket

    def busy(self) -> bool:
        return bool(self._waiting)

    @Slot(object)
    def _on_answered(self, answer: tuple[int, object, object]) -> None:
        ticket, result, error = answer
        done = self._waiting.pop(ticket, None)
        if ticket not in self._latest.values() or done is None:
            return  # superseded by a newer question on the same topic
        if error is not None:
            self.failed.emit(
                str(as_store_error(error, self._data_dir) or error)
            )  # a full disk, a damaged file
            return
        done(result)

    def start(self) -> None:
        if not self._closed:  # a window closed before its store opened starts no more threads
            self._thread.start()

    def close(self) -> None:
        self._closed = True
        _stop(self._jobs, self._thread)


def _stop(jobs: queue.Queue[tuple[int, Job] | None], thread: QThread) -> None:
    if shiboken6.isValid(thread) and thread.isRunning():
        jobs.put(None)
        thread.wait()

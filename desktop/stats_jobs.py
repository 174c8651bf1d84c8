"""Work of the statistics view that runs in the global ``QThreadPool``: computing a period's figures and writing
an export, each with its own store connection, answering the GUI thread through one long-lived bridge."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.background import log_failure
from store.stats.overview import Overview
from store.stats.records import Cancelled, Selection

log = logging.getLogger(__name__)


def compute_overview(data_dir: Path, selection: Selection, stale: Callable[[], bool]) -> Overview:
    """Runs in the pool: its own connection, given up as soon as ``stale()`` says a newer period was asked for."""
    from store.db import open_db
    from store.stats.overview import overview

    db = open_db(data_dir)
    try:
        return overview(db, selection, cancelled=stale)
    finally:
        db.conn.close()


def export_file(
    data_dir: Path,
    path: Path,
    by: str,
    selection: Selection,
    progress: Callable[[int, int], None],
    language: str,
) -> int:
    """Runs in the pool: .xlsx, else CSV; the definitions sheet in the user's language where the store has it."""
    from store.db import open_db
    from store.stats.export import export

    db = open_db(data_dir)
    try:
        fmt = "xlsx" if path.suffix.lower() == ".xlsx" else "csv"
        return export(db, path, fmt, by, selection, progress=progress, language=language)
    finally:
        db.conn.close()


def report_file(data_dir: Path, path: Path, selection: Selection, generated: str) -> Path:
    """Runs in the pool: the period report as a PDF. ``QPdfWriter`` and ``QPainter`` draw off the GUI thread; the
    texts are the installed translations, read-only here."""
    from desktop.report_pdf import write_report
    from store.db import open_db
    from store.stats.report import report_figures

    db = open_db(data_dir)
    try:
        assert selection.first is not None and selection.last is not None
        write_report(report_figures(db, selection.first, selection.last), path, generated)
        return path
    finally:
        db.conn.close()


class Bridge(QObject):
    """Carries answers from the pool's threads to the GUI thread (queued signals), tagged with the job's token.

    One bridge lives as long as the application and is never deleted, so a job finishing while its view closes
    never emits on a destroyed object; a closed view's slots are disconnected by Qt, and a token no view knows is
    ignored.
    """

    done = Signal(object)  # (token, result)
    failed = Signal(object)  # (token, exception)
    progress = Signal(object)  # (token, done, total)


_bridge: Bridge | None = None


def shared_bridge() -> Bridge:
    """The bridge, created by the first view, so it belongs to the GUI thread."""
    global _bridge
    if _bridge is None:
        _bridge = Bridge()
    return _bridge


class Job(QRunnable):
    """One piece of work in the global ``QThreadPool``, answering through the bridge."""

    def __init__(self, token: object, work: Callable[[], Any]) -> None:
        super().__init__()
        self._token = token
        self._work = work

    def run(self) -> None:
        bridge = shared_bridge()
        try:
            result = self._work()
        except Exception as error:  # shown in the view's status line in words
            if not isinstance(error, Cancelled):  # a newer period was asked for: nothing failed
                log_failure(log, "statistics job failed", error)
            bridge.failed.emit((self._token, error))
        else:
            bridge.done.emit((self._token, result))

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)

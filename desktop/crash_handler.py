"""The window's last line of defence: an exception nothing caught (in a slot, a thread, a worker) is logged with its
traceback and the user is told, in a short message, that something went wrong and where the log is.

Without it PySide6 prints the traceback to a stderr nobody sees and the window carries on as if nothing happened.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger(__name__)


class CrashHandler(QObject):
    """Installed as ``sys.excepthook`` (slots and ``QThread.run`` end there too) and ``threading.excepthook``;
    ``report`` is for workers that catch everything themselves. The message is shown on the GUI thread, one at a
    time: a failure that repeats on every timer tick does not bury the window under boxes."""

    crashed = Signal(str)

    def __init__(self, log_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.box: QMessageBox | None = None
        self._previous = (sys.excepthook, threading.excepthook)
        self.crashed.connect(self._show)

    def install(self) -> CrashHandler:
        sys.excepthook = self._on_exception
        threading.excepthook = self._on_thread_exception
        return self

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def report(self, error: BaseException, where: str = "") -> None:
        """Log ``error`` with its traceback and tell the user; safe from any thread."""
        log.critical("unexpected failure%s", f" in {where}" if where else "", exc_info=error)
        self.crashed.emit(f"{type(error).__name__}: {error}")

    def _on_exception(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous[0](kind, error, tb)
            return
        self.report(error.with_traceback(tb))

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        self.report(args.exc_value, f"thread {args.thread.name if args.thread else '?'}")

    @Slot(str)
    def _show(self, summary: str) -> None:
        if self.box is not None and self.box.isVisible():
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Something went wrong"),
            self.tr("Loket ran into an unexpected problem: %1").replace("%1", summary),
            QMessageBox.StandardButton.Ok,
            _window(),
        )
        box.setInformativeText(
            self.tr("The details are in the log file:\n%1").replace("%1", str(self.log_path))
        )
        box.setObjectName("crashMessage")
        box.open()  # not modal to the event loop: the window keeps running
        self.box = box


def _window() -> QWidget | None:
    app = QApplication.instance()
    active = app.activeWindow() if isinstance(app, QApplication) else None
    return active

"""Opening the main window on a store that may first need an update, or may not open at all.

The store opens on the window's store thread; what the command does next waits for ``opened``. A damaged store is
offered for rebuilding; any other failure ends the event loop and is raised for the command's one line on stderr.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.main_window import MainWindow
from desktop.rebuild_dialog import RebuildDialog
from store.errors import StoreDamaged
from store.failures import as_store_error

log = logging.getLogger(__name__)


class Opening(QObject):
    """``window`` on the store in ``data_dir``; ``opened(window)`` once the store is open. With ``rebuild``, a
    damaged store is offered for rebuilding (``refused`` when the user quits instead)."""

    opened = Signal(object)

    def __init__(self, app: QCoreApplication, data_dir: Path, agent: str | None, rebuild: bool) -> None:
        super().__init__()
        self._app, self._data_dir, self._rebuild = app, data_dir, rebuild
        self._me = agent or os.environ.get("LOKET_USER") or None
        self._failure: BaseException | None = None
        self.refused = False
        self.window = self._open()

    def _open(self) -> MainWindow:
        window = MainWindow(self._data_dir, me=self._me)
        window.store_opened.connect(lambda: self.opened.emit(window))
        window.store_failed.connect(lambda error: self._failed(window, error))
        return window

    def _failed(self, window: MainWindow, error: BaseException) -> None:
        damaged = as_store_error(error, self._data_dir)
        if not (self._rebuild and isinstance(damaged, StoreDamaged)):
            self._failure = error
            self._app.exit(1)
            return
        log.warning("%s", damaged)
        if RebuildDialog(self._data_dir, str(damaged), parent=window).exec():
            self.window = self._open()
            self.window.show()
        else:
            self.refused = True
            self._app.exit(1)
        window.close()

    def raise_failure(self) -> None:
        """The failure that ended the event loop, raised where the command reports it."""
        if self._failure is not None:
            raise self._failure

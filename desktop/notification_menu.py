"""View ▸ Notifications: which events notify the desk, and whether closing the window keeps Loket syncing in the
tray. Each choice is a setting, kept at once."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from desktop.settings import KEEP_SYNCING_IN_TRAY, NOTIFY_BREACHING, NOTIFY_NEW_REQUEST, Setting


class NotificationMenu(QMenu):
    def __init__(self, tray_available: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new_request = self._choice(NOTIFY_NEW_REQUEST)
        self.breaching = self._choice(NOTIFY_BREACHING)
        self.addSeparator()
        self.keep_in_tray = self._choice(KEEP_SYNCING_IN_TRAY)
        self.keep_in_tray.setEnabled(tray_available)
        self.retranslate()

    def _choice(self, setting: Setting[bool]) -> QAction:
        action = self.addAction("")
        action.setCheckable(True)
        action.setChecked(setting.get())
        action.toggled.connect(setting.set)
        return action

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Notifications"))
        self.new_request.setText(self.tr("Notify of &new requests"))
        self.breaching.setText(self.tr("Notify of requests about to &breach"))
        self.keep_in_tray.setText(self.tr("&Keep syncing in the tray when the window is closed"))

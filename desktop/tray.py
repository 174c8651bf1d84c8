"""The tray icon: the number of open requests at a glance, a way back to the window, and where notifications
go on platforms without a notification service of their own."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from desktop.app import app_icon

_SIZE = 64


def badge_icon(count: int) -> QIcon:
    """Loket's icon with the count in a dark badge (white on near-black: readable on any panel)."""
    pixmap = app_icon().pixmap(_SIZE, _SIZE)
    if count <= 0:
        return QIcon(pixmap)
    text = str(count) if count < 1000 else "999+"
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(_SIZE // 3)
    font.setBold(True)
    painter.setFont(font)
    width = max(_SIZE // 2, painter.fontMetrics().horizontalAdvance(text) + 10)
    badge = QRect(_SIZE - width, _SIZE - _SIZE // 2, width, _SIZE // 2)
    painter.setBrush(QColor("#111827"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)


class Tray(QObject):
    """``show_window`` and ``quit`` come from the icon's menu (or a click on it)."""

    show_window = Signal()
    quit = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.icon = QSystemTrayIcon(app_icon(), self)
        self.count = 0
        menu = QMenu(window)  # owned by the window: deleted with it, on the GUI thread
        self.open_action = QAction(self.tr("Show Loket"), menu)
        self.open_action.triggered.connect(self.show_window)
        self.quit_action = QAction(self.tr("Quit Loket"), menu)
        self.quit_action.triggered.connect(self.quit)
        menu.addAction(self.open_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self.icon.setContextMenu(menu)
        self.icon.activated.connect(self._activated)
        self.set_open_count(0)
        if self.available():
            self.icon.show()

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def set_open_count(self, count: int) -> None:
        self.count = count
        self.icon.setIcon(badge_icon(count))
        self.icon.setToolTip(self.tr("Loket: %Ln open request(s)", "", count))

    def show_message(self, title: str, body: str) -> None:
        if self.available():
            self.icon.showMessage(title, body, app_icon())

    def retranslate(self) -> None:
        self.open_action.setText(self.tr("Show Loket"))
        self.quit_action.setText(self.tr("Quit Loket"))
        self.set_open_count(self.count)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.show_window.emit()

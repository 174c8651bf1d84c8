"""The window's side of alerts: after each sync batch and each minute it reads a snapshot on the store thread,
asks ``store.alerts`` what is news, and shows it through the platform's notifications (the freedesktop service on
Linux, the tray elsewhere or when the service is missing). The kinds wanted are settings."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Signal

from desktop.notify_bus import BusNotifications, bus_available
from desktop.reader import Reader
from desktop.settings import NOTIFY_BREACHING, NOTIFY_NEW_REQUEST
from desktop.tray import Tray
from store.alerts import NEW_REQUEST, Alert, AlertLog, Snapshot, alert_snapshot, alerts_due

log = logging.getLogger(__name__)


class AlertControl(QObject):
    """``shown(title, body)`` for every notification handed on (tests and the log follow it)."""

    shown = Signal(str, str)

    def __init__(self, reader: Reader, tray: Tray, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._tray = tray
        self._log = AlertLog()
        self._bus = BusNotifications(self) if bus_available() else None
        if self._bus is not None:
            self._bus.failed.connect(lambda title, body: self._tray.show_message(title, body))

    def check(self) -> None:
        """Read a snapshot off the GUI thread; what is news is shown when it comes back."""
        now, newest = datetime.now(UTC), self._log.newest_known
        self._reader.submit("alerts", lambda db: alert_snapshot(db, now, newest), self._snapshot)

    def _snapshot(self, snapshot: Snapshot) -> None:
        if not snapshot.named and self._log.newest_known is not None:
            self.check()  # read for a baseline that another snapshot has set meanwhile: read again with names
            return
        wanted = [kind for kind, on in (("new_request", NOTIFY_NEW_REQUEST), ("breaching", NOTIFY_BREACHING))
                  if on.get()]  # fmt: skip
        for alert in alerts_due(self._log, snapshot, wanted):
            self._show(*self.texts(alert))

    def texts(self, alert: Alert) -> tuple[str, str]:
        """Title and body of a notification: one request by name, a group (or a request the snapshot did not name)
        by count with the first few."""
        if alert.count == 1 and alert.named[0].number is not None:
            mention = alert.named[0]
            if alert.kind == NEW_REQUEST:
                title = self.tr("New request from %1").replace("%1", mention.requester)
            else:
                title = self.tr("Request #%1 is about to breach its standard").replace(
                    "%1", str(mention.number)
                )
            return title, mention.subject
        if alert.kind == NEW_REQUEST:
            title = self.tr("%Ln new request(s)", "", alert.count)
        else:
            title = self.tr("%Ln request(s) about to breach their standard", "", alert.count)
        lines = [f"#{m.number} {m.subject}" for m in alert.named if m.number is not None]
        if alert.count > len(lines):
            lines.append("…")
        return title, "\n".join(lines)

    def _show(self, title: str, body: str) -> None:
        log.info("notification: %s", title)
        if self._bus is not None:
            self._bus.show(title, body)
        else:
            self._tray.show_message(title, body)
        self.shown.emit(title, body)

"""The freedesktop notification service (``org.freedesktop.Notifications`` on the session bus): how Linux desktops
show an application's notifications, in their own style and with their own do-not-disturb.

Calls go out on a pool thread (the bus is another process: never waited for on the GUI thread); one that fails
(no session bus, no service) is reported by ``failed`` so the window can show it through the tray instead.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject, QThreadPool, Signal

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
TIMEOUT_S = 5


def bus_available() -> bool:
    """Linux desktops have the service; elsewhere the tray is the platform's way."""
    return sys.platform.startswith("linux")


class _Outcome(QObject):
    """What one call came to, reported from the pool thread. It has no parent, so a window closed while the call
    runs takes only the connections with it, never an object the pool thread still signals through."""

    failed = Signal(str, str)
    delivered = Signal(int)


class BusNotifications(QObject):
    """``failed(title, body)`` when a notification could not be handed to the service."""

    failed = Signal(str, str)
    delivered = Signal(int)  # the service's id for the notification

    def show(self, title: str, body: str) -> None:
        outcome = _Outcome()
        outcome.failed.connect(self.failed)
        outcome.delivered.connect(self.delivered)
        outcome.failed.connect(outcome.deleteLater)
        outcome.delivered.connect(outcome.deleteLater)
        QThreadPool.globalInstance().start(lambda: _send(outcome, title, body))


def _send(outcome: _Outcome, title: str, body: str) -> None:
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection
    from jeepney.wrappers import DBusErrorResponse, unwrap_msg

    address = DBusAddress(PATH, bus_name=SERVICE, interface=SERVICE)
    call = new_method_call(address, "Notify", "susssasa{sv}i", ("Loket", 0, "", title, body, [], {}, -1))
    try:
        with open_dbus_connection(bus="SESSION") as connection:
            (notification_id,) = unwrap_msg(connection.send_and_get_reply(call, timeout=TIMEOUT_S))
    except (OSError, KeyError, ValueError, TimeoutError, DBusErrorResponse) as error:
        log.info("the notification service did not take a notification: %s", error)
        outcome.failed.emit(title, body)
        return
    except Exception:  # whatever else failed, the tray still shows it and the outcome is let go of
        log.exception("handing a notification to the service failed")
        outcome.failed.emit(title, body)
        return
    outcome.delivered.emit(int(notification_id))

"""A private D-Bus session bus (``dbus-daemon --session``) with a small notification service on it that records
every ``Notify`` call, as a desktop's notification daemon would receive them. Calls with the wrong signature are
refused, as GLib-based daemons refuse them."""

from __future__ import annotations

import shutil
import subprocess
import threading
from dataclasses import dataclass, field

from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

SERVICE = "org.freedesktop.Notifications"
SIGNATURE = "susssasa{sv}i"


def find_dbus_daemon() -> str | None:
    return shutil.which("dbus-daemon")


@dataclass
class Notification:
    app_name: str
    summary: str
    body: str


@dataclass
class NotificationServer:
    """``start()`` runs the bus and the service; ``address`` is the bus for DBUS_SESSION_BUS_ADDRESS."""

    address: str = ""
    received: list[Notification] = field(default_factory=list)
    _daemon: subprocess.Popen[str] | None = None
    _thread: threading.Thread | None = None
    _stop: threading.Event = field(default_factory=threading.Event)

    def start(self) -> None:
        binary = find_dbus_daemon()
        assert binary is not None
        self._daemon = subprocess.Popen(
            [binary, "--session", "--nofork", "--print-address"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self._daemon.stdout is not None
        self.address = self._daemon.stdout.readline().strip()
        connection = open_dbus_connection(self.address)
        connection.send_and_get_reply(message_bus.RequestName(SERVICE), timeout=5)
        self._thread = threading.Thread(target=self._serve, args=(connection,), daemon=True)
        self._thread.start()

    def _serve(self, connection) -> None:  # type: ignore[no-untyped-def]
        with connection:
            while not self._stop.is_set():
                try:
                    message = connection.receive(timeout=0.2)
                except TimeoutError:
                    continue
                header = message.header
                if header.message_type != MessageType.method_call:
                    continue
                member = header.fields.get(HeaderFields.member)
                signature = header.fields.get(HeaderFields.signature)
                if member == "Notify" and signature == SIGNATURE:
                    app_name, _replaces, _icon, summary, body, *_ = message.body
                    self.received.append(Notification(app_name, summary, body))
                    connection.send(new_method_return(message, "u", (len(self.received),)))
                elif member == "GetCapabilities":
                    connection.send(new_method_return(message, "as", (["body"],)))
                else:
                    error = f"{member} with signature {signature!r} is not offered"
                    connection.send(
                        new_error(message, "org.freedesktop.DBus.Error.InvalidArgs", "s", (error,))
                    )

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        if self._daemon is not None:
            self._daemon.terminate()
            self._daemon.wait(5)

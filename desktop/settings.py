"""The window's preferences, each declared once with its key, type and default, read and written through
``QSettings`` (the platform's own place: an ini file on Linux, the registry on Windows).

Only local preferences live here; anything a colleague must see travels through the mailbox, and secrets live in
the keyring.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T", bool, str, QByteArray)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T

    def get(self) -> T:
        value = QSettings().value(self.key, self.default, type=type(self.default))
        return value if isinstance(value, type(self.default)) else self.default

    def set(self, value: T) -> None:
        QSettings().setValue(self.key, value)


NOTIFY_NEW_REQUEST = Setting("notifications/new_request", True)
NOTIFY_BREACHING = Setting("notifications/breaching", True)
KEEP_SYNCING_IN_TRAY = Setting("window/keep_syncing_in_tray", False)
REQUEST_LIST_HEADER = Setting("window/request_list_header", QByteArray())

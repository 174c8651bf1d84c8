"""The window's preferences, each declared once with its key, type and default, read and written through
``QSettings`` (the platform's own place: an ini file on Linux, the registry on Windows).

Only local preferences live here; anything a colleague must see travels through the mailbox, what the command line
shares with the window lives in the store (``store.desk_preferences``), and secrets live in the keyring.
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


LANGUAGE = Setting("ui/language", "")  # empty: follow the system locale
NOTIFY_NEW_REQUEST = Setting("notifications/new_request", True)
NOTIFY_BREACHING = Setting("notifications/breaching", True)
KEEP_SYNCING_IN_TRAY = Setting("window/keep_syncing_in_tray", False)
REQUEST_LIST_HEADER = Setting("window/request_list_header", QByteArray())
HTML_REPLIES = Setting("replies/html", False)  # the compose window's "Also send as HTML", as last chosen


def oauth_client_id(provider: str) -> Setting[str]:
    """Loket's client id registered at an OAuth provider, one per provider; empty until one is entered."""
    return Setting(f"oauth/{provider}/client_id", "")

"""A keyring that lives in the demo's process memory only.

``loket demo`` installs it so that every part of the app that asks the keyring for a password (replying, restarting
a sync, the mailbox dialog) finds the demo's, while nothing the demo does ever reaches the system keyring.
"""

from __future__ import annotations

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class DemoKeyring(KeyringBackend):
    priority = 0  # never chosen by keyring itself: only installed explicitly

    def __init__(self) -> None:
        super().__init__()
        self._items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self._items.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


def use_demo_keyring() -> DemoKeyring:
    """Make this process use a fresh in-memory keyring (and never the system one)."""
    backend = DemoKeyring()
    keyring.set_keyring(backend)
    return backend

"""The "Mailboxes" menu: add a department mailbox, edit or remove one; and the dialog a first start opens.

The list of mailboxes is read in the thread pool each time the menu opens, so it is current and the GUI thread
never waits on the store.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QThreadPool, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from desktop.account_dialog import AccountDialog
from desktop.background import Task
from store.account_settings import AccountSettings

log = logging.getLogger(__name__)


def load_mailboxes(data_dir: Path) -> list[tuple[int, AccountSettings]]:
    """(id, settings) of every mailbox, by name; runs off the GUI thread."""
    from store.account_settings import settings_of
    from store.accounts import list_accounts
    from store.db import open_db

    db = open_db(data_dir)
    try:
        return [(account.id, settings_of(db, account)) for account in list_accounts(db)]
    finally:
        db.conn.close()


class AccountMenu(QMenu):
    """``changed(id)`` after a mailbox was added or edited, ``removed(id)`` after one was removed."""

    changed = Signal(int)
    removed = Signal(int)
    loaded = Signal(object)  # the list of mailboxes, each time it was read

    def __init__(
        self,
        data_dir: Path,
        default_timezone: str = "UTC",
        pool: QThreadPool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._default_timezone = default_timezone
        self.pool = pool
        self._loading: Task | None = None
        self.add_action = self.addAction("")
        self.retranslate()
        self.add_action.triggered.connect(lambda: self.open_dialog(None))
        self.addSeparator()
        self._edit_actions: list[QAction] = []
        self.aboutToShow.connect(self.reload)

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Mailboxes"))
        self.add_action.setText(self.tr("&Add mailbox…"))

    @Slot()
    def reload(self) -> None:
        task = Task(lambda: load_mailboxes(self.data_dir), self)
        task.done.connect(self._fill)
        task.done.connect(self.loaded)
        task.failed.connect(lambda error: log.error("cannot list mailboxes: %s", error))
        self._loading = task
        task.start(self.pool)

    def _fill(self, mailboxes: list[tuple[int, AccountSettings]]) -> None:
        for action in self._edit_actions:
            self.removeAction(action)
        self._edit_actions = []
        for account_id, settings in mailboxes:
            action = self.addAction(
                self.tr("Edit %1…").replace("%1", f"{settings.name} <{settings.address}>")
            )
            action.triggered.connect(lambda _checked=False, e=(account_id, settings): self.open_dialog(e))
            self._edit_actions.append(action)

    def open_dialog(self, existing: tuple[int, AccountSettings] | None) -> AccountDialog:
        dialog = AccountDialog(
            self.data_dir, existing, self._default_timezone, self.pool, self.parentWidget()
        )
        dialog.saved.connect(self.changed)
        dialog.removed.connect(self.removed)
        dialog.open()
        return dialog


def offer_first_mailbox(menu: AccountMenu) -> None:
    """On a first start (no mailbox in the store yet) open the dialog to add one; the check runs in the pool."""
    task = Task(lambda: load_mailboxes(menu.data_dir), menu)
    task.done.connect(lambda mailboxes: None if mailboxes else menu.open_dialog(None))
    task.done.connect(menu.loaded)
    task.failed.connect(lambda error: log.error("cannot list mailboxes: %s", error))
    task.start(menu.pool)

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
from store.accounts import AccountSettings

log = logging.getLogger(__name__)


def load_mailboxes(data_dir: Path) -> list[tuple[int, AccountSettings]]:
    """(id, settings) of every mailbox, by name; runs off the GUI thread."""
    from store.accounts import list_accounts, settings_of
    from store.db import open_db

    db = open_db(data_dir)
    try:
        return [(account.id, settings_of(db, account)) for account in list_accounts(db)]
    finally:
        db.conn.close()


def load_policies(data_dir: Path) -> dict[int, tuple[bool, bool]]:
    """Mailbox id → (rating links in resolved replies, per-person figures); runs off the GUI thread."""
    from store.db import open_db

    db = open_db(data_dir)
    try:
        rows = db.execute("SELECT id, rating_links, per_person_figures FROM accounts")
        return {row[0]: (bool(row[1]), bool(row[2])) for row in rows}
    finally:
        db.conn.close()


def save_policy(data_dir: Path, account_id: int, policy: str, on: bool) -> None:
    from store.accounts import set_per_person_figures, set_rating_links
    from store.db import open_db

    db = open_db(data_dir)
    try:
        (set_rating_links if policy == "rating_links" else set_per_person_figures)(db, account_id, on)
    finally:
        db.conn.close()


class AccountMenu(QMenu):
    """``changed(id)`` after a mailbox was added or edited, ``removed(id)`` after one was removed."""

    changed = Signal(int)
    removed = Signal(int)
    loaded = Signal(object)  # the list of mailboxes, each time it was read
    policy_saved = Signal(int)  # a mailbox's rating links or per-person figures were switched

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
        self.policy_actions: dict[tuple[int, str], QAction] = {}
        self.aboutToShow.connect(self.reload)

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Mailboxes"))
        self.add_action.setText(self.tr("&Add mailbox…"))

    @Slot()
    def reload(self) -> None:
        task = Task(lambda: (load_mailboxes(self.data_dir), load_policies(self.data_dir)), self)
        task.done.connect(lambda both: self._fill(*both))
        task.done.connect(lambda both: self.loaded.emit(both[0]))
        task.failed.connect(lambda error: log.error("cannot list mailboxes: %s", error))
        self._loading = task
        task.start(self.pool)

    def _fill(
        self, mailboxes: list[tuple[int, AccountSettings]], policies: dict[int, tuple[bool, bool]]
    ) -> None:
        for action in self._edit_actions:
            self.removeAction(action)
        self._edit_actions = []
        self.policy_actions = {}
        for account_id, settings in mailboxes:
            action = self.addAction(
                self.tr("Edit %1…").replace("%1", f"{settings.name} <{settings.address}>")
            )
            action.triggered.connect(lambda _checked=False, e=(account_id, settings): self.open_dialog(e))
            self._edit_actions.append(action)
        for account_id, settings in mailboxes:
            self._edit_actions.append(self.addSeparator())
            ratings, per_person = policies.get(account_id, (True, True))
            for policy, on, text, tip in (
                (
                    "rating_links",
                    ratings,
                    self.tr("Rating links in resolved replies (%1)"),
                    self.tr("A reply that resolves a request ends with links to rate the answer from 1 to 5"),
                ),
                (
                    "per_person_figures",
                    per_person,
                    self.tr("Per-person figures (%1)"),
                    self.tr(
                        "Off where the works council has not agreed to monitoring individual performance"
                    ),
                ),
            ):
                action = self.addAction(text.replace("%1", settings.name))
                action.setCheckable(True)
                action.setChecked(on)
                action.setToolTip(tip)
                action.toggled.connect(
                    lambda checked, key=(account_id, policy): self._save_policy(key[0], key[1], checked)
                )
                self.policy_actions[(account_id, policy)] = action
                self._edit_actions.append(action)
        self.setToolTipsVisible(True)

    def _save_policy(self, account_id: int, policy: str, on: bool) -> None:
        task = Task(lambda: save_policy(self.data_dir, account_id, policy, on), self)
        task.done.connect(lambda _result: self.policy_saved.emit(account_id))
        task.failed.connect(lambda error: log.error("cannot change a mailbox setting: %s", error))
        task.start(self.pool)

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

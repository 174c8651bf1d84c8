"""The window's side of background sync: one worker per mailbox, their health in words in the status bar, and the
buttons that ask for a password when the server refused the stored one (or none is stored), or sign an OAuth 2.0
mailbox in again in the browser when its provider asks for that.

Workers are never waited for on the GUI thread: a worker told to stop is kept until its ``finished`` signal, so a
worker stuck on a silent server neither freezes the window nor is destroyed while it runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QProgressBar, QPushButton, QStatusBar, QWidget

from desktop.background import Task
from desktop.reader import Reader
from desktop.sync_worker import SyncHealth, SyncWorker
from store.accounts import Account, get_account_by_id, list_accounts

log = logging.getLogger(__name__)

STORED_INTERVAL_MS = 500


class SyncControl(QObject):
    """``stored`` fires when a worker wrote new mail or changes: batches arrive fast during a first sync, so the
    first is told at once, later ones at most twice a second, and once more after the last."""

    stored = Signal()

    def __init__(self, data_dir: Path, reader: Reader, status_bar: QStatusBar, window: QWidget) -> None:
        super().__init__(window)
        self._data_dir = data_dir
        self._reader = reader
        self._window = window
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(STORED_INTERVAL_MS)
        self._quiet.timeout.connect(self._tell_if_stored)
        self._stored_since = False
        self.workers: dict[str, SyncWorker] = {}
        self._stopping: list[SyncWorker] = []
        self._health: dict[str, SyncHealth] = {}
        self.label = QLabel()
        self.label.setObjectName("syncHealth")
        self.fix_password = QPushButton(self.tr("Enter password…"))
        self.fix_password.setObjectName("fixPassword")
        self.fix_password.clicked.connect(self.ask_password)
        self.fix_password.hide()
        self.sign_in = QPushButton(self.tr("Sign in again…"))
        self.sign_in.setObjectName("signInAgain")
        self.sign_in.clicked.connect(self.sign_in_again)
        self.sign_in.hide()
        self.progress = QProgressBar()  # a first sync of a large mailbox: how far it is, besides the words
        self.progress.setObjectName("syncProgress")
        self.progress.setMaximumWidth(200)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.progress.hide()
        status_bar.addWidget(self.label, 1)
        status_bar.addPermanentWidget(self.progress)
        status_bar.addPermanentWidget(self.fix_password)
        status_bar.addPermanentWidget(self.sign_in)

    def start(self, account: Account, password: str | None = None) -> None:
        """A worker for ``account``; ``password`` bypasses the keyring (the demo and tests)."""
        self.stop(account.id)
        worker = SyncWorker(self._data_dir, account, password)
        worker.health.connect(self.on_health)
        worker.stored.connect(self._on_stored)
        self.workers[account.name] = worker
        self.label.setText(self.tr("%1: connecting…").replace("%1", account.name))
        worker.start()

    def start_all(self, accounts: list[Account] | None = None, password: str | None = None) -> None:
        """A worker for each of ``accounts``, or for every account of the store (read on the store thread)."""
        if accounts is None:
            self._reader.submit("accounts", list_accounts, lambda found: self.start_all(found, password))
            return
        for account in accounts:
            self.start(account, password)

    def restart(self, account_id: int) -> None:
        """The account's worker starts afresh with its settings as stored now (added or edited)."""

        def restart(account: Account | None) -> None:
            if account is not None:
                self.stop(account_id, lambda: self.start(account))

        self._reader.submit(f"account-{account_id}", lambda db: get_account_by_id(db, account_id), restart)

    def _on_stored(self) -> None:
        if self._quiet.isActive():
            self._stored_since = True
            return
        self.stored.emit()
        self._quiet.start()

    def _tell_if_stored(self) -> None:
        if self._stored_since:
            self._stored_since = False
            self.stored.emit()
            self._quiet.start()

    def stop(self, account_id: int, then: Callable[[], None] | None = None) -> None:
        """Tell the account's worker to stop; it is let go of (and ``then`` runs) once it has finished."""
        for name, worker in list(self.workers.items()):
            if worker.account.id != account_id:
                continue
            del self.workers[name]
            self._health.pop(name, None)
            if not worker.isRunning():
                self._finished(worker, then)
                return
            self._stopping.append(worker)
            worker.finished.connect(lambda w=worker: self._finished(w, then))
            worker.stop()
            return
        if then is not None:
            then()

    def _finished(self, worker: SyncWorker, then: Callable[[], None] | None) -> None:
        if worker in self._stopping:
            self._stopping.remove(worker)
        if then is not None:
            then()

    def restart_all(self) -> None:
        """Sync now: every worker starts afresh once it has let go of its connection."""
        for worker in list(self.workers.values()):
            account, password = worker.account, worker.password
            log.info("sync of %s restarted by hand", account.name)
            self.stop(account.id, lambda a=account, p=password: self.start(a, p))

    def on_health(self, health: SyncHealth) -> None:
        self._health[health.account] = health
        self.label.setText("   ·   ".join(h.text for h in self._health.values()))
        counting = [h for h in self._health.values() if h.total]
        self.progress.setVisible(bool(counting))
        if counting:
            self.progress.setRange(0, sum(h.total for h in counting))
            self.progress.setValue(sum(h.done for h in counting))
            self.progress.setAccessibleDescription(self.label.text())
        self.fix_password.setVisible(any(h.needs_password for h in self._health.values()))
        self.sign_in.setVisible(any(h.needs_signin for h in self._health.values()))

    def sign_in_again(self) -> None:
        """Sign the first account that needs it in again, in the system browser and off the GUI thread; its sync
        then starts afresh."""
        name = next((h.account for h in self._health.values() if h.needs_signin), None)
        worker = None if name is None else self.workers.get(name)
        if worker is None:
            return
        account = worker.account
        self.sign_in.setEnabled(False)
        self.label.setText(self.tr("%1: signing in, continue in the browser…").replace("%1", account.name))
        task = Task(lambda: sign_in_again(self._data_dir, account), self)
        task.done.connect(lambda _: self._signed_in(account))
        task.failed.connect(lambda error: self._sign_in_failed(account, error))
        task.start()

    def _signed_in(self, account: Account) -> None:
        self.sign_in.setEnabled(True)
        self.start(account)

    def _sign_in_failed(self, account: Account, error: BaseException) -> None:
        self.sign_in.setEnabled(True)
        self.label.setText(
            self.tr("%1: not signed in (%2)").replace("%1", account.name).replace("%2", str(error))
        )

    def ask_password(self) -> None:
        """Ask for the password of the first account that needs one, store it in the keyring, sync again."""
        name = next((h.account for h in self._health.values() if h.needs_password), None)
        worker = None if name is None else self.workers.get(name)
        if worker is None:
            return
        password, ok = QInputDialog.getText(
            self._window,
            self.tr("Password"),
            self.tr("Password for %1:").replace("%1", name or ""),
            QLineEdit.EchoMode.Password,
        )
        if not ok or not password:
            return
        account = worker.account

        def store_password(_db: object) -> None:
            from mail.credentials import set_password

            set_password(account, password)  # the keyring may be slow: on the store thread, not here

        self._reader.submit(f"password-{name}", store_password, lambda _: self.start(account, password))

    def running(self) -> bool:
        return any(w.isRunning() for w in [*self.workers.values(), *self._stopping])

    def stop_all(self, wait_ms: int) -> None:
        """On closing the window: stop every worker and give each ``wait_ms`` to finish."""
        self._quiet.stop()
        workers = [*self.workers.values(), *self._stopping]
        for worker in workers:
            worker.stop()
        for worker in workers:
            worker.wait(wait_ms)


def sign_in_again(data_dir: Path, account: Account) -> None:
    """The browser sign-in, then the account's state back to ``ok`` (run off the GUI thread)."""
    from mail.oauth_tokens import sign_in
    from store.accounts import set_state
    from store.db import open_db

    sign_in(account, device_code=False, announce=lambda _uri, _code: None)
    db = open_db(data_dir)
    try:
        set_state(db, account.id, "ok")
    finally:
        db.conn.close()

"""One thread per mailbox account running the continuous sync, reporting its health to the window by signal.

The thread reads the password from the keyring and runs ``mail.follow.run_forever`` with its own SQLite connection;
the GUI thread never touches the network, so a server that accepts and never answers cannot freeze the window.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QThread, Signal

from desktop.background import log_failure
from desktop.i18n import tr
from store.accounts import Account
from store.failures import as_store_error

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SyncHealth:
    """What the status bar says about one account; ``needs_password`` / ``needs_signin`` show the button to fix it."""

    account: str
    state: str  # connecting, syncing, up_to_date, reconnecting, sync_elsewhere, store_problem, auth_failed,
    # signin_required, stopped
    text: str
    needs_password: bool = False
    needs_signin: bool = False
    done: int = 0  # messages of the folder being fetched, while a sync counts them
    total: int = 0


class SyncWorker(QThread):
    health = Signal(object)  # SyncHealth
    stored = Signal()  # new mail or changes were written: views refresh

    def __init__(self, data_dir: Path, account: Account, password: str | None = None) -> None:
        super().__init__()
        self.account = account
        self._data_dir = data_dir
        self.password = password
        self._stop = threading.Event()
        self._started: float | None = None
        self._folder: str | None = None
        self.setObjectName(f"sync-{account.name}")

    def stop(self) -> None:
        self._stop.set()

    def run(self) -> None:
        from mail import credentials, follow
        from mail.errors import MailError, NoPassword

        self._report("connecting", {})
        try:
            password = self.password if self.password is not None else credentials.secret_for(self.account)
            follow.run_forever(self._data_dir, self.account, password, self._stop, self._report)
        except NoPassword as error:
            log.warning("sync of %s cannot start: %s", self.account.name, error)
            self._report(
                "signin_required" if self.account.uses_oauth else "no_password", {"error": str(error)}
            )
        except MailError as error:
            log_failure(log, f"sync of {self.account.name} stopped", error)
            self._report("auth_failed", {"error": str(error)})
        except Exception as error:  # the status bar must say the sync stopped, whatever stopped it
            foreseen = as_store_error(error, self._data_dir)
            if foreseen is None:
                sys.excepthook(
                    type(error), error, error.__traceback__
                )  # the crash handler: logged, user told
            else:
                log.warning("sync of %s stopped: %s", self.account.name, foreseen, exc_info=error)
            self._report("failed", {"error": str(foreseen or error)})
        else:
            self._report("stopped", {})

    def _report(self, state: str, info: dict[str, Any]) -> None:
        self.health.emit(describe(self.account.name, state, info, self._progress_started(state, info)))
        if state in ("syncing", "up_to_date") and (info.get("done") or state == "up_to_date"):
            self.stored.emit()

    def _progress_started(self, state: str, info: dict[str, Any]) -> float | None:
        """When the folder being fetched started: the Sent folder after the inbox has a pace of its own."""
        if info.get("folder") != self._folder:
            self._folder, self._started = info.get("folder"), None
        if state == "syncing" and info.get("done"):
            if self._started is None:
                self._started = time.monotonic() - 0.001
            return self._started
        if state != "syncing":
            self._started = None
        return None


def describe(account: str, state: str, info: dict[str, Any], started: float | None = None) -> SyncHealth:
    """Sync states in words: "up to date", "reconnecting in 30 s", "1,200 of 5,000 messages, 2 min left"."""
    locale = QLocale()
    if state == "syncing" and info.get("total"):
        done, total = int(info.get("done", 0)), int(info["total"])
        text = tr("%1: %2 of %3 messages").replace("%1", account)
        text = text.replace("%2", locale.toString(done)).replace("%3", locale.toString(total))
        if started is not None and 0 < done < total:
            left = (time.monotonic() - started) / done * (total - done)
            text += ", " + tr("%1 left").replace("%1", _seconds_text(left))
        return SyncHealth(account, state, text, done=done, total=total)
    if state == "syncing":
        return SyncHealth(account, state, tr("%1: checking for new mail…").replace("%1", account))
    if state == "connecting":
        return SyncHealth(account, state, tr("%1: connecting…").replace("%1", account))
    if state == "up_to_date":
        return SyncHealth(account, state, tr("%1: up to date").replace("%1", account))
    if state == "reconnecting":
        seconds = _seconds_text(float(info.get("seconds", 30)))
        text = (
            tr("%1: cannot reach the server, reconnecting in %2")
            .replace("%1", account)
            .replace("%2", seconds)
        )
        return SyncHealth(account, state, text)
    if state == "sync_elsewhere":
        return SyncHealth(
            account,
            state,
            tr("%1: another Loket is syncing this mailbox; waiting for it").replace("%1", account),
        )
    if state == "store_problem":
        seconds = _seconds_text(float(info.get("seconds", 30)))
        text = (
            tr("%1: the disk is full; free some space, syncing again in %2")
            if info.get("disk_full")
            else tr("%1: another program holds the store's lock; trying again in %2")
        )
        return SyncHealth(account, state, text.replace("%1", account).replace("%2", seconds))
    if state == "no_password":
        return SyncHealth(
            account, state, tr("%1: no password stored").replace("%1", account), needs_password=True
        )
    if state == "signin_required":
        return SyncHealth(account, state, tr("%1: sign in again").replace("%1", account), needs_signin=True)
    if state == "auth_failed":
        return SyncHealth(
            account, state, tr("%1: wrong password").replace("%1", account), needs_password=True
        )
    if state == "failed":
        error = str(info.get("error", ""))
        return SyncHealth(
            account, state, tr("%1: sync stopped (%2)").replace("%1", account).replace("%2", error)
        )
    return SyncHealth(account, state, tr("%1: not syncing").replace("%1", account))


def _seconds_text(seconds: float) -> str:
    locale = QLocale()
    if seconds < 90:
        return tr("%1 s").replace("%1", locale.toString(round(seconds)))
    return tr("%1 min").replace("%1", locale.toString(round(seconds / 60)))

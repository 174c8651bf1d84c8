"""``loket rebuild`` and the window's rebuild: set the damaged store aside, start a new one with what only this
desktop knew (``store.rebuild``), fill it from the mailbox by a full sync, then carry over the requests' hand-made
changes, the requests entered by hand and the unsent replies.

Nothing is deleted: the damaged file stays next to the new one under a name that says when it was set aside.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from mail.credentials import secret_for
from mail.errors import MailError
from mail.sync import Progress, sync_once
from store.accounts import list_accounts
from store.db import db_path, open_db
from store.errors import StoreError
from store.rebuild import carry_requests, carry_settings, open_damaged, set_aside
from store.sync_lock import SyncLock
from store.timeutil import utcnow

ACTOR = "loket rebuild"  # who made a change the damaged store kept without its event


@dataclass(slots=True)
class RebuildReport:
    aside: Path
    carried: Counter[str] = field(default_factory=Counter)
    synced: dict[str, int] = field(default_factory=dict)  # account name: messages fetched
    not_synced: dict[str, str] = field(default_factory=dict)  # account name: why, in a sentence


def rebuild_store(data_dir: Path, progress: Progress | None = None) -> RebuildReport:
    """Rebuild the store in ``data_dir``; raises ``StoreError`` when there is none, or a sync of it is running."""
    path = db_path(data_dir)
    if not path.exists():
        raise StoreError(f"there is no store at {path} to rebuild")
    with ExitStack() as held:
        for account_id, name in _account_names(path):
            held.enter_context(
                SyncLock(data_dir, account_id, name)
            )  # no sync may write while the store changes
        now = utcnow()
        report = RebuildReport(set_aside(data_dir, now))
        damaged = open_damaged(report.aside)
        held.callback(damaged.close)
        db = open_db(data_dir)
        held.callback(db.conn.close)
        carry_settings(damaged, db, report.carried)
        for account in list_accounts(db):
            try:
                report.synced[account.name] = sync_once(
                    db, account, secret_for(account), progress
                ).new_messages
            except MailError as error:
                report.not_synced[account.name] = str(error)
        carry_requests(damaged, db, ACTOR, now, report.carried)
    return report


def _account_names(path: Path) -> list[tuple[int, str]]:
    """The accounts the damaged store still names, to hold their sync locks; none when it does not read."""
    damaged = open_damaged(path)
    try:
        return [(int(row[0]), str(row[1])) for row in damaged.execute("SELECT id, name FROM accounts")]
    except sqlite3.Error:
        return []
    finally:
        damaged.close()

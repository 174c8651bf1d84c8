"""The store's health in numbers, for ``loket status`` and the status bar."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from store.accounts import list_accounts
from store.vocabulary import OutboxState, RequestStatus

# In the order ``status --json`` has always shown them.
OUTBOX_STATES = (OutboxState.QUEUED, OutboxState.SENDING, OutboxState.FAILED, OutboxState.SENT)


def status_report(db: sqlite_utils.Database) -> dict[str, Any]:
    """The ``status --json`` document of DESIGN.md; keys may be added, never removed."""
    accounts = []
    for account in list_accounts(db):
        folders = [
            {
                "name": name,
                "role": role,
                "messages": count,
                "uidvalidity": uidvalidity,
                "last_sync": last_sync,
                "last_error": last_error,
            }
            for name, role, uidvalidity, last_sync, last_error, count in db.execute(
                "SELECT f.name, f.role, f.uidvalidity, f.last_sync, f.last_error, "
                "(SELECT count(*) FROM messages m WHERE m.folder_id = f.id AND m.deleted_on_server = 0) "
                "FROM folders f WHERE f.account_id = ? ORDER BY f.role, f.name",
                [account.id],
            )
        ]
        last_error = db.execute("SELECT last_error FROM accounts WHERE id = ?", [account.id]).fetchone()[0]
        accounts.append(
            {
                "name": account.name,
                "address": account.address,
                "folders": folders,
                "last_error": last_error,
                "auth": account.auth,
                "state": account.state,
            }
        )
    requests = dict.fromkeys(RequestStatus, 0)
    for status, count in db.execute(
        "SELECT status, count(*) FROM requests WHERE merged_into IS NULL GROUP BY status"
    ):
        requests[status] = count
    outbox = dict.fromkeys(OUTBOX_STATES, 0)
    for state, count in db.execute("SELECT state, count(*) FROM outbox GROUP BY state"):
        outbox[state] = count
    messages, problems, automatic, unfiled = db.execute(
        "SELECT count(*), count(parse_problems), sum(auto_kind != 'none'), sum(request_id IS NULL) FROM messages"
    ).fetchone()
    return {
        "accounts": accounts,
        "messages": messages,
        "parse_problems": problems,
        "automatic_messages": automatic or 0,
        "unfiled_messages": unfiled or 0,
        "requests": requests,
        "outbox": outbox,
    }

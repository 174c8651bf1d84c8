"""The ``accounts`` table: adding, reading, changing and removing mailboxes, each with the calendar its timers
run on, and the per-mailbox switches (per-person figures, rating links)."""

from __future__ import annotations

import json
import secrets
from typing import TYPE_CHECKING, Any

import sqlite_utils

from store.accounts.checks import check_history_days, check_settings
from store.accounts.model import (
    ACCOUNT_COLUMNS,
    Account,
    AccountError,
    AccountSettings,
    OAuthSetup,
    mailbox_values,
    oauth_columns,
)
from store.db import transaction
from store.history import DEFAULT_HISTORY_DAYS
from store.timeutil import to_db, utcnow

if TYPE_CHECKING:
    from store.standards.business_time import Calendar

DEFAULT_HOURS = {str(day): [["09:00", "17:00"]] for day in range(5)}


def add_account(db: sqlite_utils.Database, settings: AccountSettings) -> Account:
    """Create an account with its default calendar (Mon–Fri 09:00–17:00 in its zone); with ``settings.oauth`` it
    signs in with OAuth 2.0 instead of a password."""
    holidays = check_settings(settings)
    if db.execute("SELECT 1 FROM accounts WHERE name = ?", [settings.name]).fetchone():
        raise AccountError(f"name: an account called {settings.name!r} exists already")
    with transaction(db):
        calendar_id = (
            db.table("calendars")
            .insert(
                {
                    "name": settings.name,
                    "tz": settings.timezone,
                    "hours_json": json.dumps(DEFAULT_HOURS),
                    "holidays": holidays,
                    "closed_days_json": "[]",
                }
            )
            .last_pk
        )
        account_id = (
            db.table("accounts")
            .insert(
                {
                    **_typed_columns(settings),
                    "calendar_id": calendar_id,
                    "created_at": to_db(utcnow()),
                    "secret_id": secrets.token_hex(16),
                }
            )
            .last_pk
        )
    account = get_account_by_id(db, int(account_id or 0))
    assert account is not None
    return account


def _typed_columns(settings: AccountSettings) -> dict[str, Any]:
    """The account row's columns the desk types (all of ``Mailbox`` but its state, the history cut-off) and its
    sign-in columns."""
    values = mailbox_values(settings)
    del values["state"]
    return {
        **values,
        "address": settings.address.strip().lower(),
        "history_days": settings.history_days,
        **oauth_columns(settings.oauth),
    }


_COLUMNS = ", ".join(ACCOUNT_COLUMNS)


def _account(row: tuple | None) -> Account | None:
    return None if row is None else Account(**dict(zip(ACCOUNT_COLUMNS, row, strict=True)))


def get_account_by_id(db: sqlite_utils.Database, account_id: int) -> Account | None:
    return _account(db.execute(f"SELECT {_COLUMNS} FROM accounts WHERE id = ?", [account_id]).fetchone())


def list_accounts(db: sqlite_utils.Database) -> list[Account]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM accounts ORDER BY name")
    return [Account(**dict(zip(ACCOUNT_COLUMNS, row, strict=True))) for row in rows]


def get_account(db: sqlite_utils.Database, name: str | None = None) -> Account:
    """The named account, or the only one; raises ``AccountError`` with a sentence otherwise."""
    if name is not None:
        account = _account(db.execute(f"SELECT {_COLUMNS} FROM accounts WHERE name = ?", [name]).fetchone())
        if account is None:
            raise AccountError(f"no account called {name!r}")
        return account
    accounts = list_accounts(db)
    if not accounts:
        raise AccountError("no account yet: add one with 'loket account add'")
    if len(accounts) > 1:
        names = ", ".join(a.name for a in accounts)
        raise AccountError(f"several accounts ({names}): name the one you mean")
    return accounts[0]


class UnsentReplies(AccountError):
    """The account's outbox still holds replies that never reached the server (or its Sent folder)."""

    def __init__(self, name: str, states: dict[str, int]) -> None:
        self.count = sum(states.values())
        parts = ", ".join(f"{number} {state}" for state, number in states.items())
        super().__init__(
            f"account {name!r} has {self.count} unsent repl{'y' if self.count == 1 else 'ies'} in its outbox "
            f"({parts}) that removing it would lose"
        )


def unsent_replies(db: sqlite_utils.Database, account_id: int) -> dict[str, int]:
    """Outbox rows by state that exist only in this store: queued, sending (not yet in Sent) or failed."""
    rows = db.execute(
        "SELECT state, COUNT(*) FROM outbox WHERE account_id = ? AND state != 'sent' GROUP BY state ORDER BY state",
        [account_id],
    )
    return {state: int(number) for state, number in rows}


def remove_account(db: sqlite_utils.Database, account_id: int, *, discard_unsent: bool = False) -> None:
    """Forget the account and everything stored of it (the server keeps its mail); refused with
    ``UnsentReplies`` while its outbox holds replies only this store has, unless ``discard_unsent``."""
    with transaction(db):
        if not discard_unsent:
            unsent = unsent_replies(db, account_id)
            if unsent:
                row = db.execute("SELECT name FROM accounts WHERE id = ?", [account_id]).fetchone()
                raise UnsentReplies(row[0] if row else str(account_id), unsent)
        db.execute("DELETE FROM accounts WHERE id = ?", [account_id])


def set_last_error(db: sqlite_utils.Database, account_id: int, error: str | None) -> None:
    db.execute("UPDATE accounts SET last_error = ? WHERE id = ?", [error, account_id])


def set_state(db: sqlite_utils.Database, account_id: int, state: str) -> None:
    """``ok``, or ``signin_required`` when the provider refused the account's refresh token."""
    db.execute("UPDATE accounts SET state = ? WHERE id = ?", [state, account_id])


def account_timezone(db: sqlite_utils.Database, account: Account) -> str:
    return _zone_and_holidays(db, account)[0]


def _zone_and_holidays(db: sqlite_utils.Database, account: Account) -> tuple[str, str | None]:
    """The zone and holiday region of the account's calendar; UTC and none if its calendar is gone."""
    row = db.execute("SELECT tz, holidays FROM calendars WHERE id = ?", [account.calendar_id]).fetchone()
    return (row[0], row[1]) if row else ("UTC", None)


def account_calendar(db: sqlite_utils.Database, account: Account) -> Calendar:
    from store.standards.calendars import load_calendar

    assert account.calendar_id is not None
    return load_calendar(db, account.calendar_id)


PER_PERSON_OFF = (
    "per-person figures are switched off for this mailbox (monitoring individual performance needs the works "
    "council's consent)"
)


def per_person_figures(db: sqlite_utils.Database) -> bool:
    """False when any mailbox has per-person figures switched off: the report, the statistics view and the export
    by agent then leave them out and say why (``PER_PERSON_OFF``)."""
    return not db.execute("SELECT 1 FROM accounts WHERE per_person_figures = 0").fetchone()


def set_per_person_figures(db: sqlite_utils.Database, account_id: int, allowed: bool) -> None:
    with transaction(db):
        db.execute("UPDATE accounts SET per_person_figures = ? WHERE id = ?", [int(allowed), account_id])


def rating_links_on(db: sqlite_utils.Database, account_id: int) -> bool:
    """Whether a reply that resolves a request ends with rating links (on unless switched off)."""
    row = db.execute("SELECT rating_links FROM accounts WHERE id = ?", [account_id]).fetchone()
    return bool(row[0]) if row else False


def set_rating_links(db: sqlite_utils.Database, account_id: int, on: bool) -> None:
    with transaction(db):
        db.execute("UPDATE accounts SET rating_links = ? WHERE id = ?", [int(on), account_id])


def settings_of(db: sqlite_utils.Database, account: Account) -> AccountSettings:
    timezone, holidays = _zone_and_holidays(db, account)
    return AccountSettings(
        **mailbox_values(account),
        timezone=timezone,
        holidays=holidays,
        oauth=_setup_of(account),
        history_days=history_days(db, account.id),
    )


def _setup_of(account: Account) -> OAuthSetup | None:
    if not account.uses_oauth:
        return None
    return OAuthSetup(
        account.oauth_provider or "",
        account.oauth_client_id or "",
        account.oauth_issuer,
        account.oauth_tenant,
        account.login_user,
    )


def update_account(db: sqlite_utils.Database, account_id: int, settings: AccountSettings) -> Account:
    """Change an existing account; raises ``AccountError`` naming the field that cannot work."""
    account = get_account_by_id(db, account_id)
    if account is None:
        raise AccountError(f"no account with id {account_id}")
    holidays = check_settings(settings)
    clash = db.execute(
        "SELECT 1 FROM accounts WHERE name = ? AND id != ?", [settings.name, account_id]
    ).fetchone()
    if clash:
        raise AccountError(f"name: an account called {settings.name!r} exists already")
    with transaction(db):
        columns = _typed_columns(settings)
        db.execute(
            f"UPDATE accounts SET {', '.join(f'{column} = ?' for column in columns)} WHERE id = ?",
            [*columns.values(), account_id],
        )
        db.execute(
            "UPDATE calendars SET tz = ?, holidays = ? WHERE id = ?",
            [settings.timezone, holidays, account.calendar_id],
        )
    updated = get_account_by_id(db, account_id)
    assert updated is not None
    return updated


def history_days(db: sqlite_utils.Database, account_id: int) -> int:
    """Requests quiet for longer than this many days are filed as done on the account's first sync."""
    row = db.execute("SELECT history_days FROM accounts WHERE id = ?", [account_id]).fetchone()
    return DEFAULT_HISTORY_DAYS if row is None else int(row[0])


def set_history_days(db: sqlite_utils.Database, account_id: int, days: int) -> None:
    """The cut-off for the account's next first sync, which a rebuild of the store is (its first has run)."""
    with transaction(db):
        db.execute(
            "UPDATE accounts SET history_days = ? WHERE id = ?", [check_history_days(days), account_id]
        )

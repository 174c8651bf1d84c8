"""An account's settings as one plain value, for the dialog that adds and edits mailboxes.

Creating goes through ``store.accounts.add_account``; editing changes the account row and its calendar's zone and
holidays together, with the same validation, so a desk can fix a wrong port without losing its requests.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

import sqlite_utils

from store.accounts import (
    Account,
    AccountError,
    OAuthSetup,
    add_account,
    check_history_days,
    check_holidays,
    check_oauth,
    get_account_by_id,
    history_days,
    oauth_columns,
    validate_connection,
    validate_identity,
)
from store.db import transaction
from store.history import DEFAULT_HISTORY_DAYS


@dataclass(frozen=True, slots=True)
class AccountSettings:
    name: str
    address: str
    display_name: str
    imap_host: str
    imap_port: int
    imap_security: str
    smtp_host: str
    smtp_port: int
    smtp_security: str
    username: str
    timezone: str
    holidays: str | None
    oauth: OAuthSetup | None = None  # None: a password
    history_days: int = (
        DEFAULT_HISTORY_DAYS  # the first sync files requests quiet for longer as done; 0: none
    )
    state: str = "ok"  # read only: ``signin_required`` when the provider refused the sign-in

    def _values(self) -> dict[str, Any]:
        """The plain fields, as ``add_account`` takes them (``asdict`` would turn ``oauth`` into a dict)."""
        return {field.name: getattr(self, field.name) for field in fields(self)}

    def as_account(self, account_id: int = 0) -> Account:
        """The settings as an ``Account`` (not stored), e.g. to test a connection before saving."""
        values = self._values()
        del values["timezone"], values["holidays"], values["oauth"], values["history_days"]
        return Account(id=account_id, calendar_id=None, signature="", **values, **oauth_columns(self.oauth))


def settings_of(db: sqlite_utils.Database, account: Account) -> AccountSettings:
    row = db.execute("SELECT tz, holidays FROM calendars WHERE id = ?", [account.calendar_id]).fetchone()
    timezone, holidays = row if row else ("UTC", None)
    return AccountSettings(
        name=account.name,
        address=account.address,
        display_name=account.display_name,
        imap_host=account.imap_host,
        imap_port=account.imap_port,
        imap_security=account.imap_security,
        smtp_host=account.smtp_host,
        smtp_port=account.smtp_port,
        smtp_security=account.smtp_security,
        username=account.username,
        timezone=timezone,
        holidays=holidays,
        oauth=_setup_of(account),
        history_days=history_days(db, account.id),
        state=account.state,
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


def create_account(db: sqlite_utils.Database, settings: AccountSettings) -> Account:
    values = settings._values()
    values["holidays"] = values["holidays"] or None
    del values["state"]
    return add_account(db, **values)


def update_account(db: sqlite_utils.Database, account_id: int, settings: AccountSettings) -> Account:
    """Change an existing account; raises ``AccountError`` naming the field that cannot work."""
    account = get_account_by_id(db, account_id)
    if account is None:
        raise AccountError(f"no account with id {account_id}")
    validate_identity(settings.name, settings.display_name, settings.username)
    validate_connection(
        settings.address,
        {
            "IMAP": (settings.imap_host, settings.imap_port, settings.imap_security),
            "SMTP": (settings.smtp_host, settings.smtp_port, settings.smtp_security),
        },
        settings.timezone,
    )
    if settings.holidays:
        check_holidays(settings.holidays)
    check_history_days(settings.history_days)
    if settings.oauth is not None:
        check_oauth(settings.oauth)
    clash = db.execute(
        "SELECT 1 FROM accounts WHERE name = ? AND id != ?", [settings.name, account_id]
    ).fetchone()
    if clash:
        raise AccountError(f"name: an account called {settings.name!r} exists already")
    with transaction(db):
        db.execute(
            "UPDATE accounts SET name = ?, address = ?, display_name = ?, imap_host = ?, imap_port = ?, "
            "imap_security = ?, smtp_host = ?, smtp_port = ?, smtp_security = ?, username = ?, history_days = ? "
            "WHERE id = ?",
            [
                settings.name,
                settings.address.strip().lower(),
                settings.display_name,
                settings.imap_host,
                settings.imap_port,
                settings.imap_security,
                settings.smtp_host,
                settings.smtp_port,
                settings.smtp_security,
                settings.username,
                settings.history_days,
                account_id,
            ],
        )
        oauth = oauth_columns(settings.oauth)
        db.execute(
            f"UPDATE accounts SET {', '.join(f'{column} = ?' for column in oauth)} WHERE id = ?",
            [*oauth.values(), account_id],
        )
        db.execute(
            "UPDATE calendars SET tz = ?, holidays = ? WHERE id = ?",
            [settings.timezone, settings.holidays or None, account.calendar_id],
        )
    updated = get_account_by_id(db, account_id)
    assert updated is not None
    return updated

"""Department mailboxes: where Loket reads and sends mail, and the calendar their timers run on.

No secret is ever stored here: passwords live in the system keyring (``mail.credentials``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlite_utils

from store.db import transaction
from store.timeutil import to_db, utcnow

if TYPE_CHECKING:
    from store.standards import Calendar

SECURITIES = ("ssl", "starttls", "none")
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1", "ip6-localhost")
DEFAULT_HOURS = {str(day): [["09:00", "17:00"]] for day in range(5)}


class AccountError(ValueError):
    """An account setting that cannot work; the message names the field."""


@dataclass(frozen=True, slots=True)
class Account:
    id: int
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
    calendar_id: int | None
    signature: str

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2] or "localhost"


def is_loopback(host: str) -> bool:
    return host.lower() in LOOPBACK_HOSTS or host.startswith("127.")


def validate_connection(address: str, hosts: dict[str, tuple[str, int, str]], timezone: str) -> None:
    if "@" not in address or address.startswith("@") or address.endswith("@"):
        raise AccountError(f"address: {address!r} is not an e-mail address")
    for label, (host, port, security) in hosts.items():
        if not host:
            raise AccountError(f"{label} host: missing")
        if not 0 < port < 65536:
            raise AccountError(f"{label} port: {port} is not a TCP port")
        if security not in SECURITIES:
            raise AccountError(f"{label} security: {security!r} is not one of {', '.join(SECURITIES)}")
        if security == "none" and not is_loopback(host):
            raise AccountError(
                f"{label} security: 'none' sends the password in clear text and is only allowed on loopback, "
                f"not on {host}"
            )
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise AccountError(f"timezone: {timezone!r} is not a known time zone") from error


def add_account(
    db: sqlite_utils.Database,
    *,
    name: str,
    address: str,
    imap_host: str,
    imap_port: int,
    imap_security: str,
    smtp_host: str,
    smtp_port: int,
    smtp_security: str,
    username: str,
    timezone: str,
    holidays: str | None = None,
    display_name: str = "",
) -> Account:
    """Create an account with its default calendar (Mon–Fri 09:00–17:00 in ``timezone``)."""
    validate_connection(
        address,
        {"IMAP": (imap_host, imap_port, imap_security), "SMTP": (smtp_host, smtp_port, smtp_security)},
        timezone,
    )
    if holidays:
        holidays = check_holidays(holidays)
    if db.execute("SELECT 1 FROM accounts WHERE name = ?", [name]).fetchone():
        raise AccountError(f"name: an account called {name!r} exists already")
    with transaction(db):
        calendar_id = (
            db.table("calendars")
            .insert(
                {
                    "name": name,
                    "tz": timezone,
                    "hours_json": json.dumps(DEFAULT_HOURS),
                    "holidays": holidays or None,
                    "closed_days_json": "[]",
                }
            )
            .last_pk
        )
        account_id = (
            db.table("accounts")
            .insert(
                {
                    "name": name,
                    "address": address.strip().lower(),
                    "display_name": display_name,
                    "imap_host": imap_host,
                    "imap_port": imap_port,
                    "imap_security": imap_security,
                    "smtp_host": smtp_host,
                    "smtp_port": smtp_port,
                    "smtp_security": smtp_security,
                    "username": username,
                    "calendar_id": calendar_id,
                    "created_at": to_db(utcnow()),
                }
            )
            .last_pk
        )
    account = get_account_by_id(db, int(account_id or 0))
    assert account is not None
    return account


def check_holidays(code: str) -> str:
    """The holiday region normalised (``de-by`` → ``DE-BY``); ``AccountError`` naming the field otherwise."""
    from store.standards import CalendarError, check_holiday_code

    try:
        return check_holiday_code(code)
    except CalendarError as error:
        raise AccountError(str(error)) from error


_COLUMNS = (
    "id, name, address, display_name, imap_host, imap_port, imap_security, smtp_host, smtp_port, "
    "smtp_security, username, calendar_id, signature"
)


def _account(row: tuple | None) -> Account | None:
    return None if row is None else Account(*row)


def get_account_by_id(db: sqlite_utils.Database, account_id: int) -> Account | None:
    return _account(db.execute(f"SELECT {_COLUMNS} FROM accounts WHERE id = ?", [account_id]).fetchone())


def list_accounts(db: sqlite_utils.Database) -> list[Account]:
    return [Account(*row) for row in db.execute(f"SELECT {_COLUMNS} FROM accounts ORDER BY name")]


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


def remove_account(db: sqlite_utils.Database, account_id: int) -> None:
    with transaction(db):
        db.execute("DELETE FROM accounts WHERE id = ?", [account_id])


def set_last_error(db: sqlite_utils.Database, account_id: int, error: str | None) -> None:
    db.execute("UPDATE accounts SET last_error = ? WHERE id = ?", [error, account_id])


def account_timezone(db: sqlite_utils.Database, account: Account) -> str:
    row = db.execute("SELECT tz FROM calendars WHERE id = ?", [account.calendar_id]).fetchone()
    return row[0] if row else "UTC"


def account_calendar(db: sqlite_utils.Database, account: Account) -> Calendar:
    from store.standards import calendar_from_row

    row = db.execute(
        "SELECT tz, hours_json, holidays, closed_days_json FROM calendars WHERE id = ?", [account.calendar_id]
    ).fetchone()
    return calendar_from_row(*row)


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

"""Department mailboxes: where Loket reads and sends mail, and the calendar their timers run on.

No secret is ever stored here: passwords and OAuth 2.0 refresh tokens live in the system keyring
(``mail.credentials``), under the account's own random ``secret_id``.
"""

from __future__ import annotations

import json
import re
import secrets
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlite_utils

from store.db import transaction
from store.errors import StoreError
from store.timeutil import to_db, utcnow

if TYPE_CHECKING:
    from store.standards.business_time import Calendar

SECURITIES = ("ssl", "starttls", "none")
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1", "ip6-localhost")
DEFAULT_HOURS = {str(day): [["09:00", "17:00"]] for day in range(5)}
OAUTH_PROVIDERS = ("microsoft", "google", "oidc")
OAUTH_COLUMNS = ("oauth_provider", "oauth_issuer", "oauth_client_id", "oauth_tenant", "login_user")
SIGNIN_REQUIRED = "signin_required"


class AccountError(StoreError, ValueError):
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
    secret_id: str = ""
    auth: str = "password"
    oauth_provider: str | None = None
    oauth_issuer: str | None = None
    oauth_client_id: str | None = None
    oauth_tenant: str | None = None
    login_user: str | None = None
    state: str = "ok"

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2] or "localhost"

    @property
    def uses_oauth(self) -> bool:
        return self.auth == "oauth2"


@dataclass(frozen=True, slots=True)
class OAuthSetup:
    """Where an OAuth 2.0 account signs in: the provider, its issuer (``oidc``), Loket's client id registered there,
    the tenant (Microsoft), and who signs in when the address is a shared mailbox."""

    provider: str
    client_id: str
    issuer: str | None = None
    tenant: str | None = None
    login_user: str | None = None


def check_oauth(setup: OAuthSetup) -> None:
    if setup.provider not in OAUTH_PROVIDERS:
        raise AccountError(f"OAuth provider: {setup.provider!r} is not one of {', '.join(OAUTH_PROVIDERS)}")
    if not setup.client_id.strip():
        raise AccountError(
            "OAuth client id: missing (the id under which Loket is registered at the provider)"
        )
    if setup.provider == "oidc" and not setup.issuer:
        raise AccountError("OAuth issuer: missing (the OpenID Connect issuer URL)")
    if setup.issuer:
        check_issuer(setup.issuer)


def check_issuer(url: str) -> None:
    """An issuer must be https://, except on loopback (local identity servers and tests)."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme == "http" and parts.hostname and is_loopback(parts.hostname):
        return
    raise AccountError(f"OAuth issuer: {url!r} must be an https:// URL (http:// only on loopback)")


def is_loopback(host: str) -> bool:
    return host.lower() in LOOPBACK_HOSTS or host.startswith("127.")


# What an address may hold, plainly (RFC 5322 dot-atoms in ASCII: mail headers and SMTP without SMTPUTF8 carry
# nothing else): one @, a local part of letters, digits and !#$%&'*+-/=?^_`{|}~, a domain of letters, digits and
# hyphens in dot-separated labels (an international domain in its xn-- form).
_LOCAL_PART = re.compile(r"[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]+")
_DOMAIN_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?")
_NAME_FORBIDDEN = "/\\"


def _control_character(text: str) -> str | None:
    """The first control or line-separating character in ``text`` (``\\n``, ``\\r``, NUL ...), shown escaped."""
    for character in text:
        if unicodedata.category(character) in ("Cc", "Zl", "Zp"):
            return repr(character)[1:-1]
    return None


def check_address(address: str) -> None:
    """Refuse an address a reply could not be sent from: its From header and Message-ID would break."""
    control = _control_character(address)
    if control:
        raise AccountError(f"address: {address!r} holds a control character ({control}); type it on one line")
    local, _at, domain = address.strip().partition("@")
    if (
        not _LOCAL_PART.fullmatch(local)
        or local.startswith(".")
        or local.endswith(".")
        or ".." in local
        or not all(_DOMAIN_LABEL.fullmatch(label) for label in domain.split("."))
    ):
        raise AccountError(
            f"address: {address.strip()!r} is not an e-mail address: it needs exactly one @ between a name and a "
            "domain, in plain ASCII letters, digits and dots (an international domain in its xn-- form)"
        )


def validate_identity(name: str, display_name: str, username: str) -> None:
    """Names that end up in headers, logins, keyring entries and one-line listings: no line breaks or control
    characters, and an account name without slashes."""
    if not name.strip():
        raise AccountError("name: missing; give the mailbox a short name such as 'facilities'")
    if any(character in name for character in _NAME_FORBIDDEN):
        raise AccountError(f"name: {name!r} holds a slash; choose a name without / or \\")
    for label, value in (("name", name), ("display name", display_name), ("username", username)):
        control = _control_character(value)
        if control:
            raise AccountError(
                f"{label}: {value!r} holds a control character ({control}); type it on one line"
            )
    if not username.strip():
        raise AccountError("username: missing; it is the login of the mailbox, often its address")


def validate_connection(address: str, hosts: dict[str, tuple[str, int, str]], timezone: str) -> None:
    check_address(address)
    for label, (host, port, security) in hosts.items():
        if not host:
            raise AccountError(f"{label} host: missing")
        if any(character.isspace() for character in host) or _control_character(host):
            raise AccountError(f"{label} host: {host!r} holds a space or control character")
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
    oauth: OAuthSetup | None = None,
) -> Account:
    """Create an account with its default calendar (Mon–Fri 09:00–17:00 in ``timezone``); with ``oauth`` it signs
    in with OAuth 2.0 instead of a password."""
    validate_identity(name, display_name, username)
    validate_connection(
        address,
        {"IMAP": (imap_host, imap_port, imap_security), "SMTP": (smtp_host, smtp_port, smtp_security)},
        timezone,
    )
    if oauth is not None:
        check_oauth(oauth)
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
                    "secret_id": secrets.token_hex(16),
                    **oauth_columns(oauth),
                }
            )
            .last_pk
        )
    account = get_account_by_id(db, int(account_id or 0))
    assert account is not None
    return account


def oauth_columns(oauth: OAuthSetup | None) -> dict[str, Any]:
    """The account row's sign-in columns for ``oauth`` (None: a password)."""
    if oauth is None:
        return {"auth": "password", **dict.fromkeys(OAUTH_COLUMNS)}
    return {
        "auth": "oauth2",
        "oauth_provider": oauth.provider,
        "oauth_issuer": oauth.issuer or None,
        "oauth_client_id": oauth.client_id.strip(),
        "oauth_tenant": oauth.tenant or None,
        "login_user": oauth.login_user or None,
    }


def check_holidays(code: str) -> str:
    """The holiday region normalised (``de-by`` → ``DE-BY``); ``AccountError`` naming the field otherwise."""
    from store.standards.business_time import CalendarError, check_holiday_code

    try:
        return check_holiday_code(code)
    except CalendarError as error:
        raise AccountError(str(error)) from error


_COLUMNS = (
    "id, name, address, display_name, imap_host, imap_port, imap_security, smtp_host, smtp_port, "
    "smtp_security, username, calendar_id, signature, secret_id, auth, oauth_provider, oauth_issuer, "
    "oauth_client_id, oauth_tenant, login_user, state"
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
    row = db.execute("SELECT tz FROM calendars WHERE id = ?", [account.calendar_id]).fetchone()
    return row[0] if row else "UTC"


def account_calendar(db: sqlite_utils.Database, account: Account) -> Calendar:
    from store.standards.business_time import calendar_from_row

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

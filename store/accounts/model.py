"""An account as plain values: the mailbox row (``Account``), what the desk types to add or change one
(``AccountSettings``) and the OAuth 2.0 sign-in it may use. No secret is ever among them."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from store.errors import StoreError
from store.history import DEFAULT_HISTORY_DAYS

SECURITIES = ("ssl", "starttls", "none")
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1", "ip6-localhost")
OAUTH_PROVIDERS = ("microsoft", "google", "oidc")
OAUTH_COLUMNS = ("oauth_provider", "oauth_issuer", "oauth_client_id", "oauth_tenant", "login_user")
SIGNIN_REQUIRED = "signin_required"


class AccountError(StoreError, ValueError):
    """An account setting that cannot work; the message names the field."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Servers:
    """Where a mailbox's mail is read (IMAP) and sent (SMTP), and how each connection is secured."""

    imap_host: str
    imap_port: int
    imap_security: str
    smtp_host: str
    smtp_port: int
    smtp_security: str

    def hosts(self) -> dict[str, tuple[str, int, str]]:
        """(host, port, security) by protocol, as the checks name them."""
        return {
            "IMAP": (self.imap_host, self.imap_port, self.imap_security),
            "SMTP": (self.smtp_host, self.smtp_port, self.smtp_security),
        }


SERVER_FIELDS = tuple(field.name for field in fields(Servers))


@dataclass(frozen=True, slots=True, kw_only=True)
class Mailbox(Servers):
    """The fields an account row and the account dialog share, declared once: its name, address and servers."""

    name: str
    address: str
    display_name: str = ""
    username: str
    state: str = (
        "ok"  # ``signin_required`` when the provider refused the sign-in; Loket sets it, nobody types it
    )


def mailbox_values(mailbox: Mailbox) -> dict[str, Any]:
    """The shared fields of an account or its settings, to build the other from (``asdict`` would copy deeply)."""
    return {field.name: getattr(mailbox, field.name) for field in fields(Mailbox)}


@dataclass(frozen=True, slots=True, kw_only=True)
class Account(Mailbox):
    """A stored mailbox: its row in ``accounts``."""

    id: int
    calendar_id: int | None
    signature: str = ""
    secret_id: str = ""
    auth: str = "password"
    oauth_provider: str | None = None
    oauth_issuer: str | None = None
    oauth_client_id: str | None = None
    oauth_tenant: str | None = None
    login_user: str | None = None

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2] or "localhost"

    @property
    def uses_oauth(self) -> bool:
        return self.auth == "oauth2"


ACCOUNT_COLUMNS = tuple(field.name for field in fields(Account))


@dataclass(frozen=True, slots=True)
class OAuthSetup:
    """Where an OAuth 2.0 account signs in: the provider, its issuer (``oidc``), Loket's client id registered there,
    the tenant (Microsoft), and who signs in when the address is a shared mailbox."""

    provider: str
    client_id: str
    issuer: str | None = None
    tenant: str | None = None
    login_user: str | None = None


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


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountSettings(Mailbox):
    """A mailbox as the desk adds or changes it: the shared fields, its calendar's zone and holidays, and how it
    signs in."""

    timezone: str
    holidays: str | None = None
    oauth: OAuthSetup | None = None  # None: a password
    history_days: int = (
        DEFAULT_HISTORY_DAYS  # the first sync files requests quiet for longer as done; 0: none
    )

    def as_account(self, account_id: int = 0) -> Account:
        """The settings as an ``Account`` (not stored), e.g. to test a connection before saving."""
        return Account(id=account_id, calendar_id=None, **mailbox_values(self), **oauth_columns(self.oauth))

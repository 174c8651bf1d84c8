"""The checks an account passes before it is stored: addresses, names, servers, zone, holidays and sign-in, each
refused with ``AccountError`` and a sentence naming the field."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from store.accounts.model import (
    LOOPBACK_HOSTS,
    OAUTH_PROVIDERS,
    SECURITIES,
    AccountError,
    AccountSettings,
    OAuthSetup,
)


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
    from store.standards.business_time import CalendarError, zone_named

    try:
        zone_named(timezone)
    except CalendarError as error:
        raise AccountError(f"timezone: {timezone!r} is not a known time zone") from error


def check_holidays(code: str) -> str:
    """The holiday region normalised (``de-by`` → ``DE-BY``); ``AccountError`` naming the field otherwise."""
    from store.standards.business_time import CalendarError, check_holiday_code

    try:
        return check_holiday_code(code)
    except CalendarError as error:
        raise AccountError(str(error)) from error


def check_history_days(days: int) -> int:
    if days < 0:
        raise AccountError(f"history days: {days} is negative; 0 keeps every request open")
    return days


def check_settings(settings: AccountSettings) -> str | None:
    """Every check an added or changed account passes, in the order of the form; returns its holiday region
    normalised (None without one)."""
    validate_identity(settings.name, settings.display_name, settings.username)
    validate_connection(settings.address, settings.hosts(), settings.timezone)
    check_history_days(settings.history_days)
    if settings.oauth is not None:
        check_oauth(settings.oauth)
    return check_holidays(settings.holidays) if settings.holidays else None

"""Secrets in the system keyring, one entry per account and kind; never in SQLite, settings or logs.

An entry is named by the account's random ``secret_id``, so two accounts never share one, even with the same login
on the same server. Entries written before that were named ``username@imap-host``: such an entry is still read and
copied to the account's own name once; the old entry stays, since another store may still be reading it.
"""

from __future__ import annotations

import contextlib

import keyring
import keyring.errors

from mail.errors import NoPassword
from mail.sasl import Secret
from store.accounts import Account

SERVICE = "loket"
PASSWORD = "password"
REFRESH_TOKEN = "refresh-token"


def _key(account: Account, kind: str) -> str:
    if not account.secret_id:
        raise ValueError("an account that is not stored has no keyring entry")
    return f"{kind}:{account.secret_id}"


def _legacy_key(account: Account) -> str:
    return f"{account.username}@{account.imap_host}"


def _write(account: Account, kind: str, secret: str) -> None:
    try:
        keyring.set_password(SERVICE, _key(account, kind), secret)
    except keyring.errors.KeyringError as error:
        raise NoPassword(
            f"the system keyring refused to store the {kind.replace('-', ' ')}: {error}"
        ) from error


def _read(key: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, key)
    except keyring.errors.KeyringError as error:
        raise NoPassword(f"the system keyring could not be read: {error}") from error


def _delete(key: str) -> None:
    with contextlib.suppress(keyring.errors.PasswordDeleteError):
        keyring.delete_password(SERVICE, key)


def set_password(account: Account, password: str) -> None:
    _write(account, PASSWORD, password)


def get_password(account: Account) -> str:
    password = _read(_key(account, PASSWORD))
    if password is None:
        password = _read(_legacy_key(account))
        if password is not None:
            set_password(account, password)
    if password is None:
        raise NoPassword(f"no password stored for account {account.name!r}: enter it again")
    return password


def secret_for(account: Account) -> Secret:
    """What the account logs in with: its password, or (OAuth 2.0) where its fresh access tokens come from."""
    if account.uses_oauth:
        from mail.oauth_tokens import OAuthLogin

        return OAuthLogin(account)
    return get_password(account)


def set_refresh_token(account: Account, token: str) -> None:
    _write(account, REFRESH_TOKEN, token)


def get_refresh_token(account: Account) -> str | None:
    """The account's refresh token, or None when it never signed in (or its sign-in was removed)."""
    return _read(_key(account, REFRESH_TOKEN))


def delete_password(account: Account) -> None:
    """Remove every secret of this account (its password or its refresh token), and nothing of another's."""
    for kind in (PASSWORD, REFRESH_TOKEN):
        _delete(_key(account, kind))

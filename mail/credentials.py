"""Passwords in the system keyring, keyed by account; never in SQLite, settings or logs."""

from __future__ import annotations

import contextlib

import keyring
import keyring.errors

from mail.errors import NoPassword
from store.accounts import Account

SERVICE = "loket"


def _key(account: Account) -> str:
    return f"{account.username}@{account.imap_host}"


def set_password(account: Account, password: str) -> None:
    try:
        keyring.set_password(SERVICE, _key(account), password)
    except keyring.errors.KeyringError as error:
        raise NoPassword(f"the system keyring refused to store the password: {error}") from error


def get_password(account: Account) -> str:
    try:
        password = keyring.get_password(SERVICE, _key(account))
    except keyring.errors.KeyringError as error:
        raise NoPassword(f"the system keyring could not be read: {error}") from error
    if password is None:
        raise NoPassword(f"no password stored for account {account.name!r}: add the account again")
    return password


def delete_password(account: Account) -> None:
    with contextlib.suppress(keyring.errors.PasswordDeleteError):
        keyring.delete_password(SERVICE, _key(account))

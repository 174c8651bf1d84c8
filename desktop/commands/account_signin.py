"""Signing an OAuth 2.0 account in from the command line: the browser with a loopback redirect, or a device code
shown as one line on stderr (over SSH, on a machine without a browser)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from desktop.commands import CliError, named_account

if TYPE_CHECKING:
    from store.accounts import Account


def add_sign_in_arguments(parser: argparse.ArgumentParser) -> None:
    how = parser.add_mutually_exclusive_group()
    how.add_argument(
        "--device-code",
        dest="device_code",
        action="store_true",
        default=None,
        help="sign in on another device with a code (the default without a display)",
    )
    how.add_argument(
        "--browser", dest="device_code", action="store_false", help="sign in with this machine's web browser"
    )


def add_oauth_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--auth", choices=("password", "oauth2"), default="password")
    parser.add_argument("--oauth-provider", choices=("microsoft", "google", "oidc"))
    parser.add_argument("--oauth-issuer", help="OpenID Connect issuer URL (--oauth-provider oidc)")
    parser.add_argument("--oauth-client-id", help="the id under which Loket is registered at the provider")
    parser.add_argument("--oauth-tenant", help="Microsoft Entra tenant (default: organizations)")
    parser.add_argument("--login-user", help="who signs in, when the address is a shared mailbox")
    add_sign_in_arguments(parser)


def has_display() -> bool:
    return sys.platform in ("win32", "darwin") or bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def _announce(uri: str, code: str) -> None:
    print(f"To sign in, open {uri} and enter the code {code}", file=sys.stderr, flush=True)


def sign_in(account: Account, device_code: bool | None) -> None:
    """Run the sign-in; ``MailError`` says what went wrong."""
    from mail.oauth_tokens import sign_in as run

    run(account, device_code=not has_display() if device_code is None else device_code, announce=_announce)


def signin_account(args: argparse.Namespace) -> int:
    from mail.errors import MailError
    from store.accounts import set_last_error, set_state
    from store.db import open_db

    db = open_db(args.data_dir)
    account = named_account(db, args.name)
    if not account.uses_oauth:
        raise CliError(f"account {account.name!r} signs in with a password, not OAuth 2.0", exit_code=2)
    try:
        sign_in(account, args.device_code)
    except MailError as error:
        raise CliError(f"{error}; account {account.name} is not signed in") from error
    set_state(db, account.id, "ok")
    set_last_error(db, account.id, None)
    print(f"signed in account {account.name} <{account.address}>")
    return 0

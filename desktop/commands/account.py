"""``loket account add|list|remove``: the department mailboxes Loket reads."""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING

from desktop.commands import CliError
from desktop.commands.account_signin import add_oauth_arguments, add_sign_in_arguments, signin_account

if TYPE_CHECKING:
    from store.accounts import OAuthSetup


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("account", help="add, list or remove a department mailbox")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a mailbox; the password is read from stdin into the keyring")
    add.add_argument("name")
    add.add_argument("--address", required=True)
    add.add_argument("--display-name", default="")
    add.add_argument("--imap-host", required=True)
    add.add_argument("--imap-port", type=int, required=True)
    add.add_argument("--smtp-host", required=True)
    add.add_argument("--smtp-port", type=int, required=True)
    add.add_argument("--username", help="the login (not needed with --auth oauth2)")
    add.add_argument("--security", choices=("ssl", "starttls", "none"), required=True)
    add.add_argument("--smtp-security", choices=("ssl", "starttls", "none"), default=None)
    add.add_argument(
        "--timezone", default=None, help="IANA zone of the desk's opening hours (default: this machine's)"
    )
    add.add_argument("--holidays", default=None, help="public holidays: NL, DE-BY, IT ...")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add.add_argument("--no-check", action="store_true", help="do not log in to the IMAP server before saving")
    add_oauth_arguments(add)
    add.set_defaults(func=add_account)

    signin = actions.add_parser("signin", help="sign an OAuth 2.0 mailbox in again")
    signin.add_argument("name")
    add_sign_in_arguments(signin)
    signin.set_defaults(func=signin_account)

    listing = actions.add_parser("list", help="list mailboxes")
    listing.set_defaults(func=list_accounts)

    remove = actions.add_parser(
        "remove", help="remove a mailbox and its local store (the server keeps its mail)"
    )
    remove.add_argument("name")
    remove.set_defaults(func=remove_account)


def local_timezone() -> str:
    """The machine's IANA zone name, or UTC when it cannot be told."""
    import os
    from pathlib import Path

    if os.environ.get("TZ", "").count("/"):
        return os.environ["TZ"].lstrip(":")
    try:
        target = Path("/etc/localtime").resolve()
        if "zoneinfo" in target.parts:
            return "/".join(target.parts[target.parts.index("zoneinfo") + 1 :])
    except OSError:
        pass
    try:
        return Path("/etc/timezone").read_text(encoding="utf-8").strip() or "UTC"
    except OSError:
        return time.tzname[0] if "/" in time.tzname[0] else "UTC"


def add_account(args: argparse.Namespace) -> int:
    from desktop.commands.account_signin import sign_in
    from mail.credentials import delete_password, secret_for, set_password
    from mail.errors import MailError
    from mail.imap import connect
    from store.accounts import Account, AccountError, get_account, remove_account
    from store.accounts import add_account as store_add
    from store.db import open_db

    oauth = _oauth_setup(args)
    if oauth is None:
        if not args.username:
            raise CliError("--username is required (or --auth oauth2)", exit_code=2)
        if not args.password_stdin:
            raise CliError("the password is read from standard input: pass --password-stdin", exit_code=2)
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise CliError("no password on standard input", exit_code=2)
    db = open_db(args.data_dir)
    try:
        account: Account = store_add(
            db,
            name=args.name,
            address=args.address,
            display_name=args.display_name,
            imap_host=args.imap_host,
            imap_port=args.imap_port,
            imap_security=args.security,
            smtp_host=args.smtp_host,
            smtp_port=args.smtp_port,
            smtp_security=args.smtp_security or args.security,
            username=args.username or args.address,
            timezone=args.timezone or local_timezone(),
            holidays=args.holidays,
            oauth=oauth,
        )
    except AccountError as error:
        raise CliError(str(error), exit_code=2) from error
    try:
        if oauth is not None:
            sign_in(account, args.device_code)
            if not args.no_check:
                connect(account, secret_for(account)).logout()
        else:
            if not args.no_check:
                connect(account, password).logout()
            set_password(account, password)
    except MailError as error:
        remove_account(db, account.id)
        delete_password(account)
        raise CliError(f"{error}; the account was not added") from error
    print(f"added account {get_account(db, args.name).name} <{account.address}>")
    return 0


def _oauth_setup(args: argparse.Namespace) -> OAuthSetup | None:
    from store.accounts import OAuthSetup

    if args.auth != "oauth2":
        return None
    if not args.oauth_provider:
        raise CliError("--auth oauth2 needs --oauth-provider microsoft, google or oidc", exit_code=2)
    return OAuthSetup(
        provider=args.oauth_provider,
        client_id=args.oauth_client_id or "",
        issuer=args.oauth_issuer,
        tenant=args.oauth_tenant,
        login_user=args.login_user,
    )


def list_accounts(args: argparse.Namespace) -> int:
    from store.accounts import list_accounts as store_list
    from store.db import open_db

    for account in store_list(open_db(args.data_dir)):
        print(
            f"{account.name}\t{account.address}\timap {account.imap_security}://{account.imap_host}:"
            f"{account.imap_port}\tsmtp {account.smtp_security}://{account.smtp_host}:{account.smtp_port}"
        )
    return 0


def remove_account(args: argparse.Namespace) -> int:
    from mail.credentials import delete_password
    from store.accounts import AccountError, get_account
    from store.accounts import remove_account as store_remove
    from store.db import open_db

    db = open_db(args.data_dir)
    try:
        account = get_account(db, args.name)
    except AccountError as error:
        raise CliError(str(error), exit_code=2) from error
    store_remove(db, account.id)
    delete_password(account)
    print(f"removed account {account.name}")
    return 0

"""``loket account add|list|remove``: the department mailboxes Loket reads."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from desktop.commands import CliError, named_account
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
    add.add_argument(
        "--history-days",
        type=_days,
        default=30,
        metavar="N",
        help="on the first sync, file requests quiet for over N days as done (default 30; 0 keeps all open)",
    )
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

    setting = actions.add_parser("set", help="change a mailbox's settings")
    setting.add_argument("name")
    setting.add_argument(
        "--per-person-figures",
        choices=("on", "off"),
        help="off: reports, the statistics view and the export leave out figures per colleague",
    )
    setting.add_argument(
        "--rating-links",
        choices=("on", "off"),
        help="on (the default): a reply that resolves a request ends with links to rate the answer",
    )
    setting.add_argument(
        "--history-days",
        type=_days,
        metavar="N",
        help="the cut-off a rebuild of the store files history by (the first sync has used it already)",
    )
    setting.set_defaults(func=set_account)

    remove = actions.add_parser(
        "remove", help="remove a mailbox and its local store (the server keeps its mail)"
    )
    remove.add_argument("name")
    remove.add_argument(
        "--discard-unsent",
        action="store_true",
        help="remove it even though its outbox holds replies that were never sent (they are lost)",
    )
    remove.set_defaults(func=remove_account)


def _days(text: str) -> int:
    """A whole number of days, 0 or more; anything else is a usage error naming the option."""
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days, 0 or more")
    return int(text)


def add_account(args: argparse.Namespace) -> int:
    from desktop.commands.account_signin import sign_in
    from mail.credentials import delete_password, secret_for, set_password
    from mail.errors import MailError
    from mail.imap import connect
    from store.accounts import Account, AccountError, AccountSettings, get_account, remove_account
    from store.accounts import add_account as store_add
    from store.db import open_db
    from store.timeutil import machine_zone

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
            AccountSettings(
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
                timezone=args.timezone or machine_zone(),
                holidays=args.holidays,
                oauth=oauth,
                history_days=args.history_days,
            ),
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
    from store.accounts import UnsentReplies
    from store.accounts import remove_account as store_remove
    from store.db import open_db

    db = open_db(args.data_dir)
    account = named_account(db, args.name)
    try:
        store_remove(db, account.id, discard_unsent=args.discard_unsent)
    except UnsentReplies as error:
        raise CliError(
            f"{error}: send them first ('loket outbox list' shows them, 'loket outbox flush' sends the queued "
            "ones, a refused one is corrected in the window's outbox) or pass --discard-unsent to lose them; "
            "nothing was removed"
        ) from error
    delete_password(account)
    print(f"removed account {account.name}")
    return 0


def set_account(args: argparse.Namespace) -> int:
    from store.accounts import (
        AccountError,
        get_account,
        set_history_days,
        set_per_person_figures,
        set_rating_links,
    )
    from store.db import open_db

    if args.per_person_figures is None and args.rating_links is None and args.history_days is None:
        raise CliError("name a setting to change: --per-person-figures, --rating-links or --history-days", 2)
    db = open_db(args.data_dir)
    try:
        account = get_account(db, args.name)
    except AccountError as error:
        raise CliError(str(error), 1) from error
    if args.per_person_figures is not None:
        set_per_person_figures(db, account.id, args.per_person_figures == "on")
        print(f"per-person figures {args.per_person_figures} for {account.name}")
    if args.rating_links is not None:
        set_rating_links(db, account.id, args.rating_links == "on")
        print(f"rating links {args.rating_links} for {account.name}")
    if args.history_days is not None:
        set_history_days(db, account.id, args.history_days)
        print(f"history days {args.history_days} for {account.name}")
    return 0

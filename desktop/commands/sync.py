"""``loket sync [NAME] [--once]``: headless ingest, for servers, scripts and the first import of a large mailbox."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from typing import Any

from desktop.commands import CliError, named_account


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sync", help="fetch new mail into the store (IDLE until stopped, or --once)"
    )
    parser.add_argument("name", nargs="?", help="account name (default: the only account)")
    parser.add_argument("--once", action="store_true", help="one full pass over INBOX and Sent, then exit")
    parser.set_defaults(func=run_sync)


def run_sync(args: argparse.Namespace) -> int:
    from mail.credentials import secret_for
    from mail.errors import MailError
    from mail.follow import run_forever
    from mail.sync import SyncProgress, sync_once
    from store.db import open_db
    from store.sync_lock import SyncLock

    db = open_db(args.data_dir)
    account = named_account(db, args.name)
    try:
        password = secret_for(account)
    except MailError as error:
        raise CliError(str(error)) from error
    show_progress = sys.stderr.isatty()

    def progress(step: SyncProgress) -> None:
        if show_progress:
            print(f"\r{step.folder}: {step.done} of {step.total}", end="", file=sys.stderr, flush=True)

    if args.once:
        try:
            with SyncLock(args.data_dir, account.id, account.name):
                result = sync_once(db, account, password, progress)
        except MailError as error:
            raise CliError(str(error)) from error
        if show_progress:
            print(file=sys.stderr)
        print(
            f"{result.new_messages} new, {result.flag_changes} flag changes, {result.vanished} gone on the server"
        )
        if filed := result.filed_as_history:
            print(
                f"{filed} older request{'' if filed == 1 else 's'} filed as history (resolved, nothing sent)"
            )
        return 0

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())

    def on_state(state: str, info: dict[str, Any]) -> None:
        if state == "up_to_date":
            print("up to date", flush=True)
        elif state == "sync_elsewhere":
            raise CliError(str(info.get("error")))
        elif state in ("reconnecting", "auth_failed", "signin_required", "store_problem"):
            print(f"{state}: {info.get('error')}", file=sys.stderr, flush=True)

    try:
        run_forever(args.data_dir, account, password, stop, on_state)
    except KeyboardInterrupt:
        stop.set()
    return 0

"""``loket reply NUMBER --body-file F [--status ...]``: answer a request from a script, queued then sent at once."""

from __future__ import annotations

import argparse
import getpass
from typing import TYPE_CHECKING

from desktop.commands import CliError, read_body_file
from store.vocabulary import STATUSES_AFTER_REPLY, OutboxState, RequestStatus

if TYPE_CHECKING:
    import sqlite_utils

    from store.accounts import Account

# Plain values, not members: argparse's usage errors show each choice's repr.
STATUSES = [status.value for status in STATUSES_AFTER_REPLY]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("reply", help="reply to a request's requester (queued, then sent at once)")
    parser.add_argument(
        "number", type=int, metavar="NUMBER", help="the request's number, as in its [#NUMBER] subject tag"
    )
    parser.add_argument("--body-file", required=True, metavar="F", help="UTF-8 text of the reply")
    parser.add_argument(
        "--status",
        choices=STATUSES,
        default=RequestStatus.WAITING.value,
        help="the request's status after sending",
    )
    parser.set_defaults(func=run_reply)


def run_reply(args: argparse.Namespace) -> int:
    from mail.reply import ReplyError, queue_request_reply, request_facts
    from store.accounts import get_account_by_id
    from store.db import open_db
    from store.numbers import request_numbered
    from store.timeutil import utcnow

    body = read_body_file(args.body_file)
    if not body.strip():
        raise CliError(f"the body file {args.body_file} holds no text: nothing was sent", exit_code=2)
    db = open_db(args.data_dir)
    request_id = request_numbered(db, args.number)
    if request_id is None:
        raise CliError(f"no request #{args.number}", exit_code=2)
    try:
        facts = request_facts(db, request_id)
        account = get_account_by_id(db, facts.account_id)
        if account is None:
            raise ReplyError(f"request #{facts.number} has no account")
        outbox_id, _ = queue_request_reply(
            db,
            account,
            request_id,
            body,
            now=utcnow(),
            actor=getpass.getuser(),
            status_after=args.status,
        )
    except ReplyError as error:
        raise CliError(str(error), exit_code=2) from error
    return send_queued(db, account, outbox_id)


def send_queued(db: sqlite_utils.Database, account: Account, outbox_id: int) -> int:
    """Send what is due for the account now; succeed only when this reply is sent and filed."""
    from mail.credentials import secret_for
    from mail.errors import MailError
    from mail.send import flush
    from store.outbox import get_row, note_error

    try:
        flush(db, account, secret_for(account))
    except MailError as error:
        note_error(db, outbox_id, str(error))
        raise CliError(f"the reply is queued in the outbox, not sent: {error}") from error
    row = get_row(db, outbox_id)
    assert row is not None
    if row.state == OutboxState.SENT:
        print(f"sent {row.message_id}")
        return 0
    reason = row.last_error or "unknown reason"
    if row.state == OutboxState.SENDING:
        raise CliError(
            f"the reply was sent but is not yet filed in Sent ({reason}); 'loket outbox flush' finishes it"
        )
    if row.state == OutboxState.FAILED:
        raise CliError(f"the server refused the reply: {reason}")
    raise CliError(f"the reply is queued in the outbox, not sent: {reason}")

"""``loket outbox {list,flush}``: what waits to be sent, and sending it now regardless of back-off."""

from __future__ import annotations

import argparse

from desktop.commands import CliError
from store.vocabulary import OutboxState


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("outbox", help="list or send the replies waiting in the outbox")
    actions = parser.add_subparsers(dest="outbox_action", metavar="ACTION", required=True)
    actions.add_parser("list", help="every outbox row with its state and last error").set_defaults(
        func=run_list
    )
    actions.add_parser(
        "flush", help="try every queued or interrupted reply now; exit 0 only when none is left"
    ).set_defaults(func=run_flush)


def run_list(args: argparse.Namespace) -> int:
    from store.db import open_db
    from store.outbox import list_outbox

    db = open_db(args.data_dir)
    subjects = dict(
        db.execute(
            "SELECT o.id, m.subject FROM outbox o JOIN messages m "
            "ON m.account_id = o.account_id AND m.message_id = o.message_id AND m.direction = 'out'"
        ).fetchall()
    )
    print("id\tstate\tattempts\trequest\tnext_attempt\tsubject\tlast_error")
    for row in list_outbox(db):
        fields = (
            row.id,
            row.state,
            row.attempts,
            row.request_number or "",
            row.next_attempt_at or "",
            subjects.get(row.id, ""),
            row.last_error or "",
        )
        print("\t".join(" ".join(str(field).split()) for field in fields))
    return 0


def run_flush(args: argparse.Namespace) -> int:
    from mail.credentials import secret_for
    from mail.send import flush_all
    from store.db import open_db
    from store.outbox import counts

    db = open_db(args.data_dir)
    problems = flush_all(db, secret_for)
    states = counts(db)
    left = states[OutboxState.QUEUED] + states[OutboxState.SENDING]
    if left:
        reason = problems[0] if problems else "no reason recorded"
        raise CliError(f"{left} repl{'y' if left == 1 else 'ies'} still queued or sending ({reason})")
    print(f"outbox empty: {states[OutboxState.SENT]} sent, {states[OutboxState.FAILED]} failed (left alone)")
    return 0

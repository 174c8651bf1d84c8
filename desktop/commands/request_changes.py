"""``loket [--as AGENT] request set|note|new``: change requests from a script as a person at the desk would.

Each change is recorded here and shared with the team through the mailbox's Loket folder at once; when the server
cannot be reached it stays queued (nothing is lost), the command exits 1, and the next sync pushes it.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop.commands import CliError, read_body_file
from store.vocabulary import HAND_CHANNELS, Channel, Priority, RequestStatus

if TYPE_CHECKING:
    import sqlite_utils

# Plain values, not members: argparse's usage errors show each choice's repr.
PRIORITIES = [priority.value for priority in Priority]
STATUSES = [status.value for status in RequestStatus]
CHANNELS = [channel.value for channel in HAND_CHANNELS]


def add_as_option(parser: argparse.ArgumentParser) -> None:
    """``--as`` after the sub-command too; it leaves a ``--as`` given before ``request`` alone when absent."""
    parser.add_argument("--as", dest="agent", metavar="AGENT", default=argparse.SUPPRESS, help="who acts")


def add_change_commands(commands: argparse._SubParsersAction) -> None:
    set_parser = commands.add_parser("set", help="set status, assignee, priority, category or standard")
    set_parser.add_argument("number", type=int, metavar="NUMBER", help="the request's number")
    set_parser.add_argument("--status", choices=STATUSES)
    who = set_parser.add_mutually_exclusive_group()
    who.add_argument("--assignee", metavar="NAME")
    who.add_argument("--unassign", action="store_true", help="assign the request to nobody")
    set_parser.add_argument("--priority", choices=PRIORITIES)
    set_parser.add_argument("--category", metavar="TEXT", help="an empty text clears the category")
    standard = set_parser.add_mutually_exclusive_group()
    standard.add_argument(
        "--standard",
        metavar="NAME",
        help='give the request this service standard by hand ("": the rules choose)',
    )
    standard.add_argument(
        "--no-standard", action="store_true", help="let the rules choose the standard again"
    )
    set_parser.set_defaults(func=run_set)

    note = commands.add_parser("note", help="add an internal note (never mailed)")
    note.add_argument("number", type=int, metavar="NUMBER", help="the request's number")
    note.add_argument("--text", required=True)
    note.set_defaults(func=run_note)

    new = commands.add_parser("new", help="enter a request made by phone or at the desk; prints its number")
    new.add_argument("--requester", required=True, metavar="ADDR")
    new.add_argument("--name", default="", metavar="NAME")
    new.add_argument("--subject", required=True, metavar="S")
    new.add_argument("--body-file", required=True, metavar="F", help="UTF-8 text: what was asked")
    new.add_argument("--channel", choices=CHANNELS, default=Channel.PHONE.value)
    new.set_defaults(func=run_new)
    for parser in (set_parser, note, new):
        add_as_option(parser)


def _changes(args: argparse.Namespace) -> list[tuple[str, str | None]]:
    changes: list[tuple[str, str | None]] = []
    if args.status:
        changes.append(("status", args.status))
    if args.unassign or args.assignee is not None:
        changes.append(("assignee", None if args.unassign else args.assignee))
    if args.priority:
        changes.append(("priority", args.priority))
    if args.category is not None:
        changes.append(("category", args.category))
    if args.no_standard or args.standard is not None:
        changes.append(("chosen_standard", None if args.no_standard else args.standard.strip() or None))
    if not changes:
        raise CliError(
            "request set: name at least one of --status, --assignee, --unassign, --priority, --category, "
            "--standard, --no-standard",
            2,
        )
    return changes


def run_set(args: argparse.Namespace) -> int:
    changes = _changes(args)

    def change(db: sqlite_utils.Database, actor: str, at: datetime) -> int:
        from store import team_changes

        for field, value in changes:
            team_changes.set_field(db, args.request_id, field, value, actor, at)
        return args.request_id

    _act(args, change)
    return 0


def run_note(args: argparse.Namespace) -> int:
    def change(db: sqlite_utils.Database, actor: str, at: datetime) -> int:
        from store import team_changes

        team_changes.add_note(db, args.request_id, args.text, actor, at)
        return args.request_id

    _act(args, change)
    return 0


def run_new(args: argparse.Namespace) -> int:
    text = read_body_file(args.body_file)

    def change(db: sqlite_utils.Database, actor: str, at: datetime) -> int:
        from store import team_changes

        account = db.execute("SELECT id FROM accounts ORDER BY id LIMIT 1").fetchone()
        if account is None:
            raise CliError("no account yet: add one with 'loket account add'", exit_code=2)
        return team_changes.create_manual(
            db,
            account_id=account[0],
            requester_address=args.requester,
            requester_name=args.name,
            subject=args.subject,
            text=text,
            channel=args.channel,
            actor=actor,
            at=at,
        )

    _act(args, change, announce=True)
    return 0


def _act(args: argparse.Namespace, change: Any, *, announce: bool = False) -> None:
    """Make the change under the acting name, then share it; a bad value (an unknown number too) is a usage error
    (2). ``announce`` prints the request's number first, also when sharing then fails: the request exists here
    already."""
    from store.agent import agent_name
    from store.db import open_db
    from store.numbers import number_of, request_numbered
    from store.timeutil import utcnow

    db = open_db(args.data_dir)
    if getattr(args, "number", None) is not None:
        args.request_id = request_numbered(db, args.number)  # an old number still finds its request
        if args.request_id is None:
            raise CliError(f"no request #{args.number}", exit_code=2)
    actor = getattr(args, "agent", None) or agent_name(db)
    try:
        request_id = int(change(db, actor, utcnow()))
    except ValueError as error:  # the store's rule errors say which field and why
        raise CliError(str(error), exit_code=2) from error
    if announce:
        print(number_of(db, request_id), flush=True)
    _share(db, request_id)


def _share(db: sqlite_utils.Database, request_id: int) -> None:
    from mail.credentials import secret_for
    from mail.errors import MailError
    from mail.team_folder import share_queued
    from store.accounts import get_account_by_id

    row = db.execute("SELECT account_id FROM requests WHERE id = ?", [request_id]).fetchone()
    account = get_account_by_id(db, row[0]) if row else None
    if account is None:
        return
    try:
        share_queued(db, account, secret_for(account))
    except MailError as error:
        raise CliError(f"the change is made here and kept until the next sync shares it: {error}") from error

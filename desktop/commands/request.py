"""``loket request ...``: the requests and one request's conversation as the window shows them (list, show), and
the same changes the window makes (set, note, new: ``desktop.commands.request_changes``).

Each sub-command has its own parser and function, registered in ``register``.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from desktop.commands import CliError
from desktop.commands.request_changes import add_as_option, add_change_commands
from store.vocabulary import Queue

# The command line's queues: "all_open" is the sidebar's "open"; the timer queues are the window's alone.
QUEUES = [
    "all_open",
    *(queue.value for queue in Queue if queue not in (Queue.OPEN, Queue.BREACHING, Queue.BREACHED)),
]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("request", help="list, show and change requests as the team sees them")
    actions = parser.add_subparsers(dest="request_action", metavar="ACTION", required=True)
    _register_list(actions)
    _register_show(actions)
    add_change_commands(actions)


def _register_list(actions: argparse._SubParsersAction) -> None:
    parser = actions.add_parser("list", help="the requests of a queue, or those a search finds")
    parser.add_argument("--queue", choices=QUEUES, default="all_open")
    parser.add_argument("--search", default="", metavar="TEXT", help="what the window's search box finds")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    add_as_option(parser)  # whose requests "mine" lists
    parser.set_defaults(func=run_list)


def _register_show(actions: argparse._SubParsersAction) -> None:
    parser = actions.add_parser("show", help="one request: its facts, notes, history and messages")
    parser.add_argument(
        "number", type=int, metavar="NUMBER", help="the request's number, as in its [#NUMBER] subject tag"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run_show)


def run_list(args: argparse.Namespace) -> int:
    from store.agent import agent_name
    from store.db import open_db
    from store.request_report import list_requests
    from store.timeutil import utcnow

    db = open_db(args.data_dir)
    me = getattr(args, "agent", None) or agent_name(db)
    found = list_requests(db, utcnow(), args.queue, args.search, me)
    if args.json:
        print(json.dumps(found, indent=2, ensure_ascii=False))
        return 0
    for request in found:
        print(
            f"#{request['id']}\t{request['status']}\t{request['assignee'] or '-'}\t{request['requester']}\t"
            f"{request['subject']}"
        )
    return 0


def run_show(args: argparse.Namespace) -> int:
    from store.db import open_db
    from store.numbers import request_numbered
    from store.request_report import show_request

    db = open_db(args.data_dir)
    request_id = request_numbered(db, args.number)  # an old number still finds its request
    report = None if request_id is None else show_request(db, request_id)
    if report is None:
        raise CliError(f"no request #{args.number}")
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    print(_as_text(report))
    return 0


def _as_text(report: dict[str, Any]) -> str:
    lines = [
        f"#{report['id']} {report['subject']}",
        f"requester: {report['requester']}  status: {report['status']}  assignee: {report['assignee'] or '-'}  "
        f"priority: {report['priority']}",
    ]
    for message in report["messages"]:
        lines += [
            "",
            f"--- {message['date']}  {message['from']}  ({message['role']})",
            message["text"].rstrip(),
        ]
        lines += [
            f"[{item['filename']}, {item['content_type']}, {item['size']} bytes]"
            for item in message["attachments"]
        ]
    for note in report["notes"]:
        lines += ["", f"--- note by {note['author']} at {note['at']}", note["text"]]
    return "\n".join(lines)

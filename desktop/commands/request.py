"""``loket request ...``: a request's life from a script, the same changes the window makes."""

from __future__ import annotations

import argparse

from desktop.commands.request_changes import add_change_commands


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("request", help="show and change requests as the team sees them")
    commands = parser.add_subparsers(dest="request_command", metavar="SUBCOMMAND", required=True)
    add_change_commands(commands)

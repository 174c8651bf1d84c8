"""``loket requesters``: departments of requesters from an address book, domain rules, or one at a time."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("requesters", help="requesters and their departments")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    importing = actions.add_parser("import", help="read a CSV address book (address,name,department)")
    importing.add_argument("file", type=Path, metavar="FILE")
    importing.set_defaults(func=import_file)

    listing = actions.add_parser("list", help="every requester with their department")
    listing.set_defaults(func=list_requesters)

    setting = actions.add_parser("set", help="place one requester in a department")
    setting.add_argument("address")
    setting.add_argument(
        "--department", required=True, help="the department; '' leaves it to the domain rules"
    )
    setting.add_argument("--name", help="the display name")
    setting.set_defaults(func=set_one)

    domain = actions.add_parser("domain", help="departments by address domain")
    rules = domain.add_subparsers(dest="rule_action", metavar="ACTION", required=True)
    adding = rules.add_parser("add", help="requesters at DOMAIN belong to DEPARTMENT unless set otherwise")
    adding.add_argument("domain")
    adding.add_argument("department")
    adding.set_defaults(func=add_rule)
    removing = rules.add_parser("remove", help="forget the rule for DOMAIN")
    removing.add_argument("domain")
    removing.set_defaults(func=remove_rule)
    rules.add_parser("list", help="every domain rule").set_defaults(func=list_rules)


def _call(action: Callable[..., T], *args: object) -> T:
    """Run a directory function, turning its refusal into the CLI's one-line failure."""
    from desktop.commands import CliError
    from store.directory import DirectoryError

    try:
        return action(*args)
    except DirectoryError as error:
        raise CliError(str(error), 1) from error


def import_file(args: argparse.Namespace) -> int:
    from store.db import open_db
    from store.directory import import_address_book, read_address_book

    entries = _call(read_address_book, args.file)
    summary = import_address_book(open_db(args.data_dir), entries)
    print(
        f"{summary.created + summary.updated} requester(s) imported: {summary.created} new, {summary.updated} updated"
    )
    return 0


def list_requesters(args: argparse.Namespace) -> int:
    from store.db import open_db
    from store.directory import requesters

    for address, name, department in requesters(open_db(args.data_dir)):
        print(f"{address}\t{name}\t{department}")
    return 0


def set_one(args: argparse.Namespace) -> int:
    from store.db import open_db
    from store.directory import set_requester_department

    _call(set_requester_department, open_db(args.data_dir), args.address, args.department or None, args.name)
    return 0


def add_rule(args: argparse.Namespace) -> int:
    from store.db import open_db
    from store.directory import add_domain_rule

    _call(add_domain_rule, open_db(args.data_dir), args.domain, args.department)
    return 0


def remove_rule(args: argparse.Namespace) -> int:
    from desktop.commands import CliError
    from store.db import open_db
    from store.directory import remove_domain_rule

    if not _call(remove_domain_rule, open_db(args.data_dir), args.domain):
        raise CliError(f"no rule for the domain {args.domain}", 1)
    return 0


def list_rules(args: argparse.Namespace) -> int:
    from store.db import open_db
    from store.directory import domain_rules

    for domain, department in domain_rules(open_db(args.data_dir)):
        print(f"{domain}\t{department}")
    return 0

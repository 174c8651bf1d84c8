"""``loket standard``: the service standards the desk holds requests to (list, add, edit, remove).

Targets are written like ``4h``, ``3d`` (working days of the standard's calendar) or ``90m``. A bad value is a
usage error (exit 2) with a sentence naming the option; nothing is stored then.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

    from store.accounts import Account
    from store.standards.business_time import Calendar
    from store.standards.rules import Standard

CRITERIA_OPTIONS = ("department", "requester", "category", "channel", "priority")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "standard", help="service standards: targets for first response and resolution"
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="every standard with its targets and what it applies to")
    listing.add_argument("--account", help="only this account's standards")
    listing.set_defaults(func=list_command)

    adding = actions.add_parser("add", help="a new standard")
    adding.add_argument("name")
    adding.add_argument("--first-response", required=True, metavar="DURATION", help="e.g. 4h, 90m, 1d")
    _options(adding)
    adding.set_defaults(func=add_command)

    editing = actions.add_parser(
        "edit", help="change a standard ('' clears a criterion or the resolution target)"
    )
    editing.add_argument("name")
    editing.add_argument("--first-response", metavar="DURATION")
    editing.add_argument("--rename", metavar="NAME", help="a new name")
    _options(editing)
    editing.set_defaults(func=edit_command)

    removing = actions.add_parser("remove", help="delete a standard; its requests fall back to the next best")
    removing.add_argument("name")
    removing.add_argument("--account", help="the account the standard belongs to")
    removing.set_defaults(func=remove_command)


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--resolution", metavar="DURATION", help="e.g. 3d (3 working days), 8h")
    parser.add_argument(
        "--warning", type=float, metavar="PCT", help="warn at this share of a target (default 75)"
    )
    for name in CRITERIA_OPTIONS:
        hint = " (email, phone or desk)" if name == "channel" else ""
        parser.add_argument(f"--{name}", help=f"applies only to requests with this {name}{hint}")
    parser.add_argument("--account", help="the account (needed when there are several)")
    parser.add_argument("--timezone", help="a calendar of its own: time zone, e.g. Europe/Berlin")
    parser.add_argument("--holidays", help="a calendar of its own: public holidays, e.g. NL, DE-BY, IT")
    parser.add_argument(
        "--hours", help="a calendar of its own: e.g. 'mon-fri 08:00-18:00; sat 09:00-12:00' or 24/7"
    )
    parser.add_argument(
        "--closed-days", metavar="DATES", help="a calendar of its own: closed dates, comma-separated"
    )


@contextmanager
def _refusals() -> Iterator[None]:
    """Turn a refused value into the CLI's one-line usage error (exit 2)."""
    from desktop.commands import CliError
    from store.accounts import AccountError
    from store.standards.business_time import CalendarError
    from store.standards.durations import DurationError
    from store.standards.rules import StandardError

    try:
        yield
    except (StandardError, DurationError, CalendarError) as error:
        raise CliError(str(error), 2) from error
    except AccountError as error:
        raise CliError(str(error), 1) from error


def _open(args: argparse.Namespace) -> tuple[sqlite_utils.Database, Account]:
    from store.accounts import get_account
    from store.db import open_db

    db = open_db(args.data_dir)
    return db, get_account(db, args.account)


def _calendar(db: sqlite_utils.Database, calendar_id: int) -> Calendar:
    from store.standards.calendars import load_calendar

    return load_calendar(db, calendar_id)


def _own_calendar(db: sqlite_utils.Database, args: argparse.Namespace, base_id: int, name: str) -> int | None:
    """A calendar for the standard when any calendar option is given: the base calendar with those changed."""
    from store.standards.calendars import parse_hours_text
    from store.standards.rules import StandardError, add_calendar

    if not any((args.timezone, args.holidays, args.hours, args.closed_days)):
        return None
    base = _calendar(db, base_id)
    hours = parse_hours_text(args.hours) if args.hours else dict(enumerate(base.hours))
    if args.closed_days:
        try:
            closed = [
                date.fromisoformat(text.strip()) for text in args.closed_days.split(",") if text.strip()
            ]
        except ValueError as error:
            raise StandardError(
                f"closed days: {args.closed_days!r} holds something that is not a date"
            ) from error
    else:
        closed = list(base.closed_days)
    return add_calendar(
        db, f"standard {name}", args.timezone or base.tz, hours, args.holidays or base.holidays, closed
    )


def _minutes(text: str, calendar: Calendar, option: str) -> float:
    from store.standards.durations import parse_duration

    return parse_duration(text, calendar.working_day_minutes, option)


def add_command(args: argparse.Namespace) -> int:
    from store.standards.rules import DEFAULT_WARNING_PCT, Standard, add_standard

    with _refusals():
        db, account = _open(args)

        def apply() -> None:
            calendar_id = _own_calendar(db, args, account.calendar_id or 0, args.name)
            calendar = _calendar(db, calendar_id or account.calendar_id or 0)
            resolution = _minutes(args.resolution, calendar, "--resolution") if args.resolution else None
            standard = Standard(
                None,
                account.id,
                args.name,
                _minutes(args.first_response, calendar, "--first-response"),
                resolution,
                DEFAULT_WARNING_PCT if args.warning is None else args.warning,
                **{name: getattr(args, name) for name in CRITERIA_OPTIONS},
                calendar_id=calendar_id,
            )
            add_standard(db, standard)

        _atomically(db, apply)
    print(f"standard {args.name!r} added")
    return 0


def _atomically(db: sqlite_utils.Database, action: Callable[[], None]) -> None:
    """A standard and its own calendar are stored together or not at all."""
    from store.db import transaction

    with transaction(db):
        action()


def edit_command(args: argparse.Namespace) -> int:
    from store.standards.rules import edit_standard, find_standard

    with _refusals():
        db, account = _open(args)
        current = find_standard(db, args.name, account.id)
        changes: dict[str, Any] = {}

        def apply() -> None:
            calendar_id = _own_calendar(db, args, current.calendar_id or account.calendar_id or 0, args.name)
            if calendar_id is not None:
                changes["calendar_id"] = calendar_id
            calendar = _calendar(db, calendar_id or current.calendar_id or account.calendar_id or 0)
            if args.first_response is not None:
                changes["first_response_min"] = _minutes(args.first_response, calendar, "--first-response")
            if args.resolution is not None:
                resolution = args.resolution.strip()
                changes["resolution_min"] = (
                    _minutes(resolution, calendar, "--resolution") if resolution else None
                )
            if args.warning is not None:
                changes["warning_pct"] = args.warning
            if args.rename:
                changes["name"] = args.rename
            for name in CRITERIA_OPTIONS:
                value = getattr(args, name)
                if value is not None:
                    changes[name] = value.strip() or None
            assert current.id is not None
            edit_standard(db, current.id, changes)

        _atomically(db, apply)
    print(f"standard {args.name!r} changed" if changes else f"standard {args.name!r} unchanged")
    return 0


def remove_command(args: argparse.Namespace) -> int:
    from store.standards.rules import find_standard, remove_standard

    with _refusals():
        db, account = _open(args)
        current = find_standard(db, args.name, account.id)
        assert current.id is not None
        remove_standard(db, current.id)
    print(f"standard {args.name!r} removed")
    return 0


def _describe(db: sqlite_utils.Database, standard: Standard, account: Account | None) -> str:
    from store.standards.durations import format_duration

    calendar_id = standard.calendar_id or (account.calendar_id if account else None)
    day = _calendar(db, calendar_id).working_day_minutes if calendar_id else 480
    scope = (
        ", ".join(f"{n}={getattr(standard, n)}" for n in CRITERIA_OPTIONS if getattr(standard, n))
        or "default"
    )
    resolution = format_duration(standard.resolution_min, day) if standard.resolution_min else "-"
    calendar = "own calendar" if standard.calendar_id else "account calendar"
    return "\t".join(
        (
            standard.name,
            account.name if account else "(all)",
            scope,
            format_duration(standard.first_response_min, day),
            resolution,
            f"{standard.warning_pct:g}%",
            calendar,
        )
    )


def list_command(args: argparse.Namespace) -> int:
    from store.accounts import get_account_by_id
    from store.standards.rules import list_standards

    with _refusals():
        if args.account:
            db, account = _open(args)
            standards = list_standards(db, account.id)
        else:
            from store.db import open_db

            db = open_db(args.data_dir)
            standards = list_standards(db)
        print("name\taccount\tapplies to\tfirst response\tresolution\twarning\tcalendar")
        for standard in standards:
            owner = get_account_by_id(db, standard.account_id) if standard.account_id else None
            print(_describe(db, standard, owner))
    return 0

"""``loket export``: response figures as CSV or XLSX (DESIGN.md columns), for a period of received dates."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

# Kept here rather than imported from the store so ``loket --help`` starts without loading it (a test checks they
# match ``store.stats.export.FORMATS`` and ``store.stats.figures.GROUPINGS``).
FORMATS = ("csv", "xlsx")
GROUPINGS = ("request", "requester", "department", "agent", "month")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("export", help="response figures as CSV or XLSX")
    parser.add_argument("--format", required=True, choices=FORMATS, help="file format")
    parser.add_argument("--from", dest="date_from", type=_date, metavar="DATE", help="first received date")
    parser.add_argument(
        "--to", dest="date_to", type=_date, metavar="DATE", help="last received date (inclusive)"
    )
    parser.add_argument(
        "--by", default="request", choices=GROUPINGS, help="one row per request (default) or group"
    )
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help="where to write")
    parser.set_defaults(func=run_export)


def _progress(done: int, total: int) -> None:
    print(f"\rexporting: {done}/{total} requests", end="", file=sys.stderr, flush=True)


def run_export(args: argparse.Namespace) -> int:
    from desktop.commands import CliError
    from store.db import open_db
    from store.stats.export import ExportError, export
    from store.stats.records import PeriodError, Selection

    try:
        selection = Selection(args.date_from, args.date_to)
    except PeriodError as error:
        raise CliError(f"--from/--to: {error}", 2) from error
    progress = _progress if sys.stderr.isatty() else None
    try:
        count = export(open_db(args.data_dir), args.output, args.format, args.by, selection, progress)
    except ExportError as error:
        raise CliError(str(error), 1) from error
    finally:
        if progress is not None:
            print(file=sys.stderr)
    print(f"{count} row(s) written to {args.output}")
    return 0

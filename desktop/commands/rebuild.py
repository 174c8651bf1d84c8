"""``loket rebuild``: set a damaged store aside (it is kept), rebuild the store from the mailbox, and carry over what
only this desktop had, as far as the damaged file still reads."""

from __future__ import annotations

import argparse
import sys

from desktop.commands import CliError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "rebuild", help="set a damaged store aside and rebuild it from the mailbox (nothing is deleted)"
    )
    parser.set_defaults(func=run_rebuild)


def run_rebuild(args: argparse.Namespace) -> int:
    from mail.rebuild import rebuild_store
    from mail.sync import SyncProgress

    def progress(step: SyncProgress) -> None:
        if sys.stderr.isatty():
            print(f"\r{step.folder}: {step.done} of {step.total}", end="", file=sys.stderr, flush=True)

    report = rebuild_store(args.data_dir, progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"the damaged store is kept as {report.aside}")
    for name, count in report.synced.items():
        print(f"{name}: {count} messages fetched from the mailbox")
    for what, count in sorted(report.carried.items()):
        print(f"carried over: {what} {count}")
    if not report.synced and not report.not_synced:
        raise CliError(
            f"no account could be read from the damaged store (kept as {report.aside}): add the account again with "
            "'loket account add', then run 'loket sync'"
        )
    if report.not_synced:
        name, error = next(iter(report.not_synced.items()))
        raise CliError(
            f"the store was rebuilt, but {name} could not be synced ({error}): run 'loket sync' to finish"
        )
    return 0

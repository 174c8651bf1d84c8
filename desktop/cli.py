"""The ``loket`` command line: argument parsing and dispatch.

Headless commands (account, sync, status, export, reply, outbox, ...) never import Qt, so they start fast and run
with no display; only the commands that open a window import ``desktop.app``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop.commands import COMMAND_MODULES, CliError, default_data_dir

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="loket", description="A desktop helpdesk for internal requests.")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--data-dir", type=Path, default=None, help="where the store lives")
    parser.add_argument("--screenshot", metavar="FILE", type=Path, help="paint the window, save a PNG, exit")
    parser.add_argument(
        "--as", dest="agent", metavar="AGENT", help="who acts (default: this desktop's agent name)"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        importlib.import_module(f"desktop.commands.{module_name}").register(subparsers)
    return parser


def setup_logging(data_dir: Path) -> None:
    """Logs go to a file in the data dir: stderr is reserved for the one-line reason of a failure."""
    data_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(data_dir / "loket.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # Sync fetches and parses in spawned worker processes; a bundle must let them run the worker, not the CLI.
        import multiprocessing

        multiprocessing.freeze_support()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        from importlib.metadata import PackageNotFoundError, version

        try:
            print(f"loket {version('loket')}")
        except PackageNotFoundError:
            print("loket (unknown version)")
        return 0
    args.data_dir = args.data_dir or default_data_dir()
    if getattr(args, "func", None) is None:
        from desktop.commands.window import run_window

        args.func = run_window
    if args.command != "demo":
        setup_logging(args.data_dir)
    try:
        return int(args.func(args) or 0)
    except CliError as error:
        print(f"loket: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the CLI promises one line on stderr, never a traceback
        log.exception("unexpected failure")
        print(f"loket: unexpected failure: {error} (details in the log file)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

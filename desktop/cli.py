"""The ``loket`` command line: argument parsing and dispatch.

Headless commands (account, sync, status, export, reply, outbox, ...) never import Qt, so they start fast and run
with no display; only the commands that open a window import ``desktop.app``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import logging.handlers
import sys
import unicodedata
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


LOG_NAME = "loket.log"
LOG_BYTES = 5_000_000  # per file; with its backups the log never takes more than about 20 MB
LOG_BACKUPS = 3


class _LogFile(logging.handlers.RotatingFileHandler):
    """The log file, rotated by size. A record it cannot write (a full disk) is dropped without a word: stderr is
    for the one-line reason of the failure, which says so, not for the logging module's own tracebacks."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def setup_logging(data_dir: Path) -> Path:
    """Logs go to a file in the data dir: stderr is reserved for the one-line reason of a failure."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / LOG_NAME
    handler = _LogFile(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def one_line(text: str) -> str:
    """The reason as one line on stderr, whatever a path or a server's answer in it holds: control characters (a
    newline in a folder name) are written as escapes."""
    return "".join(c if c == " " or unicodedata.category(c)[0] not in "CZ" else repr(c)[1:-1] for c in text)


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
    from store.failures import as_store_error, check_data_dir

    try:
        if args.command != "demo":
            check_data_dir(args.data_dir)
            setup_logging(args.data_dir)
        return int(args.func(args) or 0)
    except CliError as error:
        print(f"loket: {one_line(str(error))}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the CLI promises one line on stderr, never a traceback
        foreseen = as_store_error(error, args.data_dir)
        if foreseen is not None:
            log.info("%s", foreseen, exc_info=error)  # info: never reaches stderr without a log file
            print(f"loket: {one_line(str(foreseen))}", file=sys.stderr)
            return 1
        log.exception("unexpected failure")
        print(f"loket: unexpected failure: {one_line(str(error))} (details in the log file)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

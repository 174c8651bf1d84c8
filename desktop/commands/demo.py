"""``loket demo [--screenshot FILE]``: Loket on an embedded, seeded demo mailbox that needs nothing installed.

The demo password lives in memory only (no keyring), and the store is a throw-away directory unless ``--data-dir``
names one, so the demo never touches a real desk's store.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.commands import CliError, default_data_dir

if TYPE_CHECKING:
    from store.accounts import Account

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="the app on an embedded demo mailbox (nothing to install)",
        description="Loket on an in-process IMAP and SMTP server seeded with a few dozen requests. The store is "
        "a temporary directory, removed on exit, unless --data-dir names one; the demo uses no keyring.",
    )
    parser.add_argument(
        "--screenshot",
        dest="demo_screenshot",
        metavar="FILE",
        type=Path,
        help="paint the window, save a PNG, exit",
    )
    parser.add_argument(
        "--no-window", action="store_true", help="sync once and print the open requests in the terminal"
    )
    parser.set_defaults(func=run_demo)


@contextmanager
def _data_dir(args: argparse.Namespace) -> Iterator[Path]:
    """The store's directory: the one given with ``--data-dir``, else a temporary one removed afterwards."""
    if args.data_dir != default_data_dir():
        yield Path(args.data_dir)
        return
    path = Path(tempfile.mkdtemp(prefix="loket-demo-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def run_demo(args: argparse.Namespace) -> int:
    from desktop.cli import setup_logging
    from mail.credentials import set_password

    try:
        from desktop.demo.servers import DemoServers
    except ImportError as error:  # the demo's servers are an extra: a plain install has no use for them
        raise CliError(
            f"the demo needs Loket's demo extra ({str(error.name).split('.')[0]} is missing): pip install 'loket[demo]'"
        ) from error
    from desktop.demo.keyring_backend import use_demo_keyring
    from desktop.demo.store_setup import prepare_demo
    from store.db import open_db
    from store.timeutil import utcnow

    if args.demo_screenshot is None:
        args.demo_screenshot = getattr(args, "screenshot", None)
    with _data_dir(args) as data_dir:
        setup_logging(data_dir)
        try:
            servers = DemoServers().start()
        except (OSError, RuntimeError) as error:
            raise CliError(f"the demo mailbox could not start: {error}") from error
        try:
            db = open_db(data_dir)
            account = prepare_demo(db, servers, utcnow())
            db.conn.close()
            use_demo_keyring()  # replies and the mailbox dialog ask the keyring: keep it all in this process
            set_password(account, servers.password)
            return _show(args, data_dir, account, servers.password)
        finally:
            servers.stop()


def _show(args: argparse.Namespace, data_dir: Path, account: Account, password: str) -> int:
    """The main window on the demo store, syncing in the background with the password held in memory."""
    from desktop.commands.window import install_crash_handler, no_display, qt_messages_to_log, run_window

    if args.no_window or (args.demo_screenshot is None and no_display()):
        if not args.no_window:
            print("No display to open the window on: the demo's requests, in the terminal instead.")
        return _print_requests(data_dir, account, password)

    if args.demo_screenshot is not None:
        # A screenshot shows synced rows: one pass first, then the window paints what the store holds.
        _sync(data_dir, account, password)
        return run_window(argparse.Namespace(data_dir=data_dir, screenshot=args.demo_screenshot))
    import sys

    from PySide6.QtCore import QCoreApplication

    from desktop.app import create_app
    from desktop.main_window import MainWindow

    qt_messages_to_log()
    app = create_app(sys.argv[:1])
    install_crash_handler(app, data_dir)
    window = MainWindow(data_dir)
    window.setWindowTitle(QCoreApplication.translate("MainWindow", "Loket – demo mailbox"))
    window.show()
    window.start_sync([account], password=password)
    _quit_on_interrupt(app)
    return int(app.exec())


def _quit_on_interrupt(app: object) -> None:
    """Ctrl+C in the terminal that started the demo closes the window (which stops sync) instead of being lost
    inside Qt's event loop, where Python only sees signals when it runs some code."""
    import signal

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    signal.signal(signal.SIGINT, lambda *_: app.closeAllWindows())
    ticker = QTimer(app)
    ticker.timeout.connect(lambda: None)
    ticker.start(250)


def _sync(data_dir: Path, account: Account, password: str) -> int:
    from mail.errors import MailError
    from mail.sync import sync_once
    from store.db import open_db

    db = open_db(data_dir)
    try:
        return sync_once(db, account, password).new_messages
    except MailError as error:
        raise CliError(str(error)) from error
    finally:
        db.conn.close()


def _print_requests(data_dir: Path, account: Account, password: str) -> int:
    """Without a window: one sync, then the open requests as a table in the terminal."""
    from zoneinfo import ZoneInfo

    from store.accounts import account_timezone
    from store.db import open_db
    from store.queues import RequestFilter, request_ids, request_rows
    from store.timeutil import utcnow
    from store.vocabulary import Queue

    synced = _sync(data_dir, account, password)
    db = open_db(data_dir)
    zone = ZoneInfo(account_timezone(db, account))
    now = utcnow()
    rows = request_rows(db, request_ids(db, RequestFilter(Queue.OPEN), now))
    print(f"{synced} messages synced from the demo mailbox into {data_dir}; {len(rows)} open requests")
    print(f"{'#':>6}  {'received':16}  {'timer':9}  {'requester':24}  {'department':20}  subject")
    for row in rows:
        received = row.received_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        print(
            f"{row.number:>6}  {received:16}  {row.timer_state(now):9}  {row.requester[:24]:24}  "
            f"{row.department[:20]:20}  {row.subject}"
        )
    return 0

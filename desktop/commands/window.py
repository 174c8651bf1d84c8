"""``loket`` without a sub-command: the desktop window; ``--screenshot FILE`` paints it once, saves a PNG and exits.

The screenshot waits for the store's rows to be painted (never for the network: no sync starts) and prints the
seconds from the start of the command to that first paint, which the README's screenshots and the benchmark use.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.commands import CliError

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from desktop.main_window import MainWindow

log = logging.getLogger(__name__)

SCREENSHOT_SIZE = (1400, 860)
SCREENSHOT_TIMEOUT_MS = 60_000


def no_display() -> bool:
    """Linux with neither X11 nor Wayland and no Qt platform chosen: Qt would abort instead of opening a window."""
    return sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    )


def run_window(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    if no_display():
        if getattr(args, "screenshot", None) is None:
            raise CliError(
                "there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); "
                "the headless commands work, and 'loket demo --no-window' shows the demo in the terminal"
            )
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    from desktop.agent_name import ask_agent_name
    from desktop.app import create_app

    qt_messages_to_log()
    app = create_app(sys.argv[:1])
    install_crash_handler(app, Path(args.data_dir))
    window = _open_window(Path(args.data_dir), getattr(args, "agent", None))
    if window is None:
        return 1
    screenshot: Path | None = getattr(args, "screenshot", None)
    if screenshot is not None:
        return _screenshot(app, window, screenshot, started)
    window.show()
    if window.has_accounts():
        window.start_sync()
        if window.needs_agent_name:
            ask_agent_name(window)
    elif window.needs_agent_name:
        ask_agent_name(window, then=window.ask_for_first_account)
    else:
        window.ask_for_first_account()
    code = app.exec()
    if window.sync_running():
        # A sync blocked on a server that never answers cannot be interrupted; the store is consistent (every
        # batch is its own transaction), so leaving without it is safe.
        log.warning("leaving while a sync is still waiting for its server")
        logging.shutdown()
        os._exit(code)
    return code


def _open_window(data_dir: Path, agent: str | None) -> MainWindow | None:
    """The main window on the store; when the store is damaged, the offer to rebuild it first (None: the user
    chose to quit)."""
    from desktop.main_window import MainWindow
    from desktop.rebuild_dialog import RebuildDialog
    from store.errors import StoreDamaged
    from store.failures import as_store_error

    me = agent or os.environ.get("LOKET_USER") or None
    try:
        return MainWindow(data_dir, me=me)
    except Exception as error:
        damaged = as_store_error(error, data_dir)
        if not isinstance(damaged, StoreDamaged):
            raise
        log.warning("%s", damaged)
        if not RebuildDialog(data_dir, str(damaged)).exec():
            return None
    return MainWindow(data_dir, me=me)


def install_crash_handler(app: QObject, data_dir: Path) -> None:
    """An exception nothing caught is logged with its traceback, and the user told where the log is."""
    from desktop.cli import LOG_NAME
    from desktop.crash_handler import CrashHandler

    CrashHandler(data_dir / LOG_NAME, app).install()


def qt_messages_to_log() -> None:
    """Qt's own warnings go to the log file: stderr is kept for the one-line reason of a failure."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO}
    qt_log = logging.getLogger("qt")

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        qt_log.log(levels.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def _screenshot(app: object, window: object, target: Path, started: float) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.main_window import MainWindow

    assert isinstance(app, QApplication) and isinstance(window, MainWindow)
    outcome: dict[str, float | str] = {}

    def painted() -> None:
        outcome["seconds"] = time.perf_counter() - started
        image = window.grab()
        if not image.save(str(target), "PNG"):
            outcome["error"] = f"cannot write {target}"
        app.quit()

    def too_slow() -> None:
        outcome["error"] = "the window did not finish painting within a minute"
        app.quit()

    window.first_page_painted.connect(lambda: QTimer.singleShot(0, painted))
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, too_slow)
    app.exec()
    window.close()
    if "error" in outcome:
        raise CliError(str(outcome["error"]))
    print(f"{outcome['seconds']:.3f}")
    return 0

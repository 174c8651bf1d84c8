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
    from desktop.window_opening import Opening

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
    from desktop.app import create_app

    qt_messages_to_log()
    app = create_app(sys.argv[:1])
    install_crash_handler(app, Path(args.data_dir))
    from desktop.window_opening import Opening

    screenshot: Path | None = getattr(args, "screenshot", None)
    opening = Opening(app, Path(args.data_dir), getattr(args, "agent", None), rebuild=screenshot is None)
    if screenshot is not None:
        return _screenshot(app, opening, screenshot, started)
    opening.opened.connect(_first_steps)
    opening.window.show()
    code = app.exec()
    opening.raise_failure()
    if opening.refused:
        return 1
    window = opening.window
    if window.sync_running():
        # A sync blocked on a server that never answers cannot be interrupted; the store is consistent (every
        # batch is its own transaction), so leaving without it is safe.
        log.warning("leaving while a sync is still waiting for its server")
        logging.shutdown()
        os._exit(code)
    return code


def _first_steps(window: MainWindow) -> None:
    """Once the store is open: sync the mailboxes, or ask for the first one, and the user's name at the first start."""
    from desktop.agent_name import ask_agent_name

    if window.has_accounts():
        window.start_sync()
        if window.needs_agent_name:
            ask_agent_name(window)
    elif window.needs_agent_name:
        ask_agent_name(window, then=window.ask_for_first_account)
    else:
        window.ask_for_first_account()


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


def _screenshot(app: object, opening: Opening, target: Path, started: float) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    window = opening.window
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
    opening.raise_failure()
    if "error" in outcome:
        raise CliError(str(outcome["error"]))
    print(f"{outcome['seconds']:.3f}")
    return 0

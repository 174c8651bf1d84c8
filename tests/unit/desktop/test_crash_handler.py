"""An exception nothing caught, in a slot, a thread or the window's sync worker, is logged with its traceback and
the user is told where the log is; the log file rotates instead of growing without bound."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from desktop import cli
from desktop.crash_handler import CrashHandler

pytestmark = [
    pytest.mark.qt_no_exception_capture,  # the handler under test takes the exceptions, not pytest-qt
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


class _Emitter(QObject):
    fired = Signal()


class _BrokenWorker(QThread):
    def run(self) -> None:
        raise LookupError("a bug in a worker")


@pytest.fixture
def logged(tmp_path):
    root = logging.getLogger()
    before = list(root.handlers)
    path = cli.setup_logging(tmp_path)
    yield path
    for handler in root.handlers[len(before) :]:
        handler.close()
        root.removeHandler(handler)


def _close_box(handler: CrashHandler) -> None:
    assert handler.box is not None
    handler.box.close()


def test_an_exception_in_a_slot_or_a_thread_is_logged_and_the_user_told_where_the_log_is(
    qtbot, logged, artifacts
):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(700, 400)
    window.show()
    handler = CrashHandler(logged).install()
    try:
        emitter = _Emitter()

        def broken_slot() -> None:
            raise RuntimeError("a bug in a slot")

        emitter.fired.connect(broken_slot)
        QTimer.singleShot(0, emitter.fired.emit)
        qtbot.waitUntil(lambda: handler.box is not None and handler.box.isVisible(), timeout=5000)
        assert window.isVisible()  # the window keeps running
        box = handler.box
        assert "a bug in a slot" in box.text() and str(logged) in box.informativeText()
        box.grab().save(str(artifacts / "crash_message.png"))
        _close_box(handler)
        thread = threading.Thread(target=lambda: 1 / 0, name="helper")
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: handler.box is not box and handler.box.isVisible(), timeout=5000)
        assert "ZeroDivisionError" in handler.box.text()
        _close_box(handler)
        box = handler.box
        worker = _BrokenWorker()
        worker.start()
        qtbot.waitUntil(lambda: handler.box is not box and handler.box.isVisible(), timeout=5000)
        worker.wait()
        assert "a bug in a worker" in handler.box.text()
        _close_box(handler)
    finally:
        handler.uninstall()
    for handler_ in logging.getLogger().handlers:
        handler_.flush()
    text = logged.read_text()
    assert text.count("Traceback (most recent call last)") == 3
    assert "RuntimeError: a bug in a slot" in text and "in thread helper" in text


def test_the_log_file_rotates_and_keeps_a_bounded_size(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "LOG_BYTES", 20_000)
    root = logging.getLogger()
    before = list(root.handlers)
    path = cli.setup_logging(tmp_path)
    try:
        for number in range(2_000):
            logging.getLogger("loket.test").info("line %d %s", number, "x" * 100)
    finally:
        for handler in root.handlers[len(before) :]:
            handler.close()
            root.removeHandler(handler)
    files = sorted(tmp_path.glob("loket.log*"))
    assert [f.name for f in files] == ["loket.log", "loket.log.1", "loket.log.2", "loket.log.3"]
    assert all(f.stat().st_size <= 20_000 for f in files)
    assert "line 1999" in path.read_text()

"""The window opens its store on the store thread: an older store is updated there while the window says so, and a
store that cannot be opened is reported, never a frozen or half-built window."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtGui import QImage
from seed import ME

from desktop.app import create_app
from desktop.main_window import MainWindow
from store.db import db_path, open_db
from store.errors import StoreDamaged
from store.failures import as_store_error
from store.migrations import MIGRATIONS

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _store_one_version_behind(data_dir):
    """A store as the Loket before this one left it: every migration but the newest."""
    data_dir.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db_path(data_dir), isolation_level=None)
    for number, step in enumerate(MIGRATIONS[:-1], start=1):
        if callable(step):
            step(conn)
        else:
            conn.executescript(step)
        conn.execute(f"PRAGMA user_version = {number}")
    conn.close()


def test_an_older_store_is_updated_off_the_gui_thread_while_the_window_says_so(
    qtbot, owned, tmp_path, artifacts
):
    data_dir = tmp_path / "store"
    _store_one_version_behind(data_dir)
    create_app()
    window = owned(MainWindow(data_dir, me=ME))
    window.resize(1000, 640)
    seen: list[QImage] = []
    window.reader.updating.connect(lambda: seen.append(window.grab().toImage()))
    with qtbot.waitSignal(window.first_page_painted, timeout=10_000):
        window.show()
    assert len(seen) == 1, "the update was announced once"
    seen[0].save(str(artifacts / "updating_the_store.png"))
    assert window.frames.currentWidget() is window.pages  # the requests once it is done
    db = open_db(data_dir)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_an_up_to_date_store_opens_without_the_update_page(qtbot, owned, tmp_path):
    open_db(tmp_path).conn.close()
    create_app()
    window = owned(MainWindow(tmp_path))
    with qtbot.waitSignal(window.store_opened, timeout=10_000):
        pass  # opened on the store thread; the answer arrives in the event loop
    assert window.frames.currentWidget() is window.pages
    assert window.me and window.needs_agent_name and not window.has_accounts()


def test_a_damaged_store_is_reported_by_the_window(qtbot, owned, tmp_path):
    db_path(tmp_path).write_bytes(b"this is no database, whatever its name says" * 200)
    create_app()
    window = owned(MainWindow(tmp_path, me=ME))
    with qtbot.waitSignal(window.store_failed, timeout=10_000) as failed:
        pass
    assert isinstance(as_store_error(failed.args[0], tmp_path), StoreDamaged)


def test_a_window_closed_before_its_store_opened_leaves_no_thread_running(qtbot, tmp_path):
    create_app()
    window = MainWindow(tmp_path, me=ME)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.reader.opened, timeout=10_000):
        window.close()  # before the store thread's "opened" reaches the window, which then arrives
    readers = (window.reader, window.count_reader, window.calendar_reader)
    assert not any(reader._thread.isRunning() for reader in readers)

"""Fixtures for the desktop tests, unit and integration alike: a data dir with a seeded store, windows closed and
deleted on the GUI thread, and a place to save screens to look at."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from desktop.account_dialog import AccountDialog
from desktop.app import create_app
from desktop.i18n import install_translations
from desktop.main_window import MainWindow
from store.db import open_db
from tests.unit.desktop.seed import ME, Seeded, seed

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@pytest.fixture
def in_language(qtbot) -> Iterator[Callable[[str], object]]:
    """Switch the interface to a language; the one the other tests run in comes back afterwards."""
    app = create_app()
    saved = QLocale()

    def switch(language: str) -> object:
        return install_translations(app, language)

    yield switch
    QLocale.setDefault(saved)
    install_translations(app)


@pytest.fixture
def seeded_dir(tmp_path: Path) -> Iterator[tuple[Path, Seeded]]:
    """A data dir whose store holds 120 requests, about half of them open."""
    db = open_db(tmp_path)
    seeded = seed(db, 120, now=datetime.now(UTC), open_share=0.5)
    db.conn.close()
    yield tmp_path, seeded


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def owned() -> Iterator[Callable[[QWidget], QWidget]]:
    """``owned(widget)``: the widget is closed and deleted at the end of the test, here on the GUI thread. A window
    left to Python's cycle collector would be deleted on whichever thread collects next (a store thread), and
    Qt's timers do not survive that."""
    widgets: list[QWidget] = []

    def own(widget: QWidget) -> QWidget:
        widgets.append(widget)
        return widget

    yield own
    for widget in reversed(widgets):
        if shiboken6.isValid(widget):
            widget.close()
            shiboken6.delete(widget)


@pytest.fixture
def open_window(qtbot, owned) -> Callable[..., MainWindow]:
    """``open_window(data_dir, width, height)``: the main window shown with its first page painted; every window
    opened is closed and deleted at the end."""

    def open_(data_dir: Path, width: int = 1280, height: int = 800) -> MainWindow:
        create_app()
        window = owned(MainWindow(data_dir, me=ME))
        window.resize(width, height)
        with qtbot.waitSignal(window.first_page_painted, timeout=10_000):
            window.show()
        return window

    return open_


def shown_account_dialog(qtbot, data_dir: Path, **kwargs) -> AccountDialog:
    """The Mailboxes dialog on ``data_dir``, shown, with Amsterdam as the machine's zone."""
    dialog = AccountDialog(data_dir, default_timezone="Europe/Amsterdam", **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog

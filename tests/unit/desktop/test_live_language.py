"""View ▸ Language applies at once: menus, the list's headers and rows, the request's buttons and the search box
change language in the running window, and no shortcut is left twice."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QToolButton

from desktop.app import create_app
from desktop.i18n import install_translations
from desktop.language_menu import LanguageMenu
from desktop.request_model import COLUMNS

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(open_window, seeded_dir):
    saved_locale = QLocale()
    yield open_window(seeded_dir[0])
    QLocale.setDefault(saved_locale)
    install_translations(create_app())


def choose(window, language):
    menu = window.findChild(LanguageMenu)
    action = next(a for a in menu.actions() if a.data() == language)
    action.trigger()


def texts(window):
    return {
        "menus": [a.text() for a in window.menuBar().actions()],
        "subject": window.requests.headerData(COLUMNS.index("subject"), Qt.Orientation.Horizontal),
        "status": window.requests.data(window.requests.index(0, COLUMNS.index("status"))),
        "buttons": [b.text() for b in window.request_view.findChildren(QToolButton) if b.isVisibleTo(window)],
        "search": window.search.placeholderText(),
    }


def test_choosing_a_language_applies_it_at_once(qtbot, window, artifacts):
    english = texts(window)
    assert english["menus"][0] == "&File" and english["subject"] == "Subject"
    choose(window, "de")
    qtbot.waitUntil(lambda: texts(window)["menus"][0] == "&Datei" and bool(texts(window)["buttons"]))
    german = texts(window)
    assert german["subject"] == "Betreff"
    assert german["status"] in ("Neu", "Offen", "Wartet", "Kollege")
    assert "Antworten" in german["buttons"]
    assert german["search"] == QCoreApplication.translate(
        "MainWindow", "Search subject, text and requester (Ctrl+F)"
    )
    assert german["search"] != english["search"]
    shortcuts = Counter(a.shortcut().toString() for a in window.actions() if not a.shortcut().isEmpty())
    assert [keys for keys, count in shortcuts.items() if count > 1] == []
    window.grab().save(str(artifacts / "language_switched_de.png"))

    choose(window, "en")
    qtbot.waitUntil(lambda: texts(window) == english)

"""The window in Dutch, German and Italian: no menu, button, label, header, placeholder or tooltip left in English,
and a screenshot per language in ``tests/artifacts`` to look at (German is long: nothing may be cut off)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)
from seed import ME

from desktop.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

I18N = Path(__file__).resolve().parents[3] / "resources" / "i18n"
# Texts that read the same in every language: the product, protocol names, shortcuts and a statistic's name.
SAME_EVERYWHERE = {
    "Loket",
    "SSL/TLS",
    "STARTTLS",
    "P90",
    "Cc:",
    "Status",
    "Median",
    "Normal",
    "Password",
    "Automatisch",
}


def english_left_over(language: str) -> set[str]:
    """Source texts whose translation differs from the English, mnemonics removed: seeing one means English."""
    root = ET.parse(I18N / f"loket_{language}.ts").getroot()
    english, same_somewhere = set(), set()
    for message in root.iter("message"):
        source = (message.findtext("source") or "").replace("&", "")
        translation = message.find("translation")
        assert translation is not None
        forms = [form.text or "" for form in translation.findall("numerusform")] or [translation.text or ""]
        if all(form.replace("&", "") != source for form in forms) and source not in SAME_EVERYWHERE:
            english.add(source.strip())
        else:  # e.g. Dutch "Open" for a status, "Openen" for a link: seeing "Open" is the status, translated
            same_somewhere.add(source.strip())
    return english - same_somewhere


def menu_texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        yield action.text()
        yield action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
        if action.menu() is not None:
            yield from menu_texts(action.menu())


def header_texts(model: QAbstractItemModel | None) -> Iterator[str]:
    if model is None:
        return
    if isinstance(model, QAbstractListModel):  # one column, no header
        return
    for section in range(model.columnCount()):
        yield str(model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")


def visible_texts(root: QWidget) -> Iterator[str]:
    """What a user reads on the window's chrome (not the requests' own data)."""
    yield root.windowTitle()
    for widget in [root, *root.findChildren(QWidget)]:
        yield widget.toolTip()
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield widget.text()
        elif isinstance(widget, QLineEdit):
            yield widget.placeholderText()
        elif isinstance(widget, QComboBox):
            yield from (widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QTabBar):
            yield from (widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView):
            yield from header_texts(widget.model())
        for action in widget.actions():
            yield action.text()
    for menu in root.findChildren(QMenu):
        yield from menu_texts(menu)


def clashing_mnemonics(root: QWidget) -> list[str]:
    """Menus (the menu bar included) where two entries share an Alt+letter."""
    clashes = []
    menus: list[QWidget] = [root.menuBar(), *root.findChildren(QMenu)]
    for menu in menus:
        letters = [
            text[text.index("&") + 1].lower()
            for text in (action.text() for action in menu.actions())
            if "&" in text and not text.endswith("&")
        ]
        name = menu.title() if isinstance(menu, QMenu) else "menu bar"
        clashes += [f"{name}: {letter}" for letter in sorted(set(letters)) if letters.count(letter) > 1]
    return clashes


def untranslated(root: QWidget, language: str) -> list[str]:
    english = english_left_over(language)
    return sorted({text for text in visible_texts(root) if text.replace("&", "").strip() in english})


@pytest.mark.parametrize("language", ["nl", "de", "it"])
def test_window_shows_no_english_in_the_language(qtbot, seeded_dir, artifacts, in_language, language):
    from desktop.account_dialog import AccountDialog
    from desktop.compose import ComposeDialog
    from desktop.standards_dialog import StandardsDialog
    from desktop.stats_view import StatsView
    from desktop.sync_worker import describe
    from desktop.triage import ManualRequestDialog

    in_language(language)
    data_dir, _ = seeded_dir
    window = MainWindow(data_dir, me=ME)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    with qtbot.waitSignal(window.first_page_painted, timeout=10_000):
        window.show()
    qtbot.waitUntil(lambda: window.menus.account_menu is not None, timeout=5_000)
    assert QApplication.translate("MainWindow", "&Edit") != "&Edit"
    qtbot.waitUntil(lambda: window.request_view.request_id() is not None, timeout=5_000)
    qtbot.wait(300)  # the request's details arrive from the store thread after its id
    assert untranslated(window, language) == []
    window.grab().save(str(artifacts / f"main_window_{language}.png"))
    assert clashing_mnemonics(window) == []

    window.menus.show_stats.trigger()
    stats = window.findChild(StatsView)
    qtbot.waitUntil(lambda: stats.overview is not None, timeout=10_000)
    assert untranslated(window, language) == []
    window.grab().save(str(artifacts / f"statistics_{language}.png"))
    window.menus.show_requests.trigger()

    window.menus.reply_actions[0].trigger()
    compose = next(iter(window.findChildren(ComposeDialog)))
    with qtbot.waitSignal(compose.ready, timeout=5_000):
        pass  # the draft is read on a store thread
    assert untranslated(compose, language) == []
    compose.grab().save(str(artifacts / f"compose_{language}.png"))
    compose.close()

    manual = ManualRequestDialog(window)
    qtbot.addWidget(manual)
    manual.show()
    assert untranslated(manual, language) == []
    manual.grab().save(str(artifacts / f"new_request_by_hand_{language}.png"))
    manual.close()

    dialog = AccountDialog(data_dir, default_timezone="Europe/Amsterdam", parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert untranslated(dialog, language) == []
    dialog.grab().save(str(artifacts / f"account_dialog_{language}.png"))
    qtbot.keyClicks(dialog.form.field("address"), "servicedesk@contoso.onmicrosoft.com")
    assert untranslated(dialog, language) == []
    dialog.grab().save(str(artifacts / f"account_dialog_microsoft_{language}.png"))
    dialog.close()
    window.sync.on_health(describe("desk", "signin_required", {"error": "refused"}))
    assert untranslated(window.statusBar(), language) == []
    window.statusBar().grab().save(str(artifacts / f"status_bar_sign_in_again_{language}.png"))

    standards = StandardsDialog(data_dir, parent=window)
    qtbot.addWidget(standards)
    with qtbot.waitSignal(standards.loaded, timeout=10_000):
        standards.show()
    standards.list.setCurrentRow(0)
    assert untranslated(standards, language) == []
    standards.grab().save(str(artifacts / f"standards_dialog_{language}.png"))
    standards.close()
    window.close()

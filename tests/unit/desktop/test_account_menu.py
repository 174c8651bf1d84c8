"""The Mailboxes menu lists the store's mailboxes when it opens and edits the one chosen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow

from desktop.account_dialog import AccountDialog
from desktop.account_menu import AccountMenu, offer_first_mailbox
from store.db import open_db
from tests.accounts import loopback_account

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _store_with_mailbox(path):
    db = open_db(path)
    loopback_account(
        db,
        "facilities",
        "facilitair@horizon-group.example",
        imap_port=1143,
        smtp_port=1025,
        username="facilitair",
        holidays="NL",
    )
    db.conn.close()


def test_opening_the_menu_lists_each_mailbox_and_editing_fills_the_dialog(qtbot, tmp_path):
    _store_with_mailbox(tmp_path)
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = AccountMenu(tmp_path, parent=window)
    window.menuBar().addMenu(menu)
    menu.reload()
    qtbot.waitUntil(lambda: any("facilities" in a.text() for a in menu.actions()), timeout=10_000)
    edit = next(a for a in menu.actions() if "facilities" in a.text())
    assert "facilitair@horizon-group.example" in edit.text()
    edit.trigger()
    dialog = window.findChild(AccountDialog)
    assert dialog is not None
    values = dialog.form.values()
    assert (values["imap_port"], values["holidays"], values["timezone"]) == (1143, "NL", "Europe/Amsterdam")
    assert dialog.remove_button is not None
    dialog.close()


def test_add_opens_an_empty_dialog_with_the_default_zone(qtbot, tmp_path):
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = AccountMenu(tmp_path, default_timezone="Europe/Rome", parent=window)
    dialog = menu.open_dialog(None)
    assert dialog.form.values()["address"] == ""
    assert dialog.form.values()["timezone"] == "Europe/Rome"
    assert dialog.remove_button is None
    dialog.close()


def test_a_first_start_without_mailboxes_opens_the_add_dialog(qtbot, tmp_path):
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = AccountMenu(tmp_path, parent=window)
    offer_first_mailbox(menu)
    qtbot.waitUntil(lambda: window.findChild(AccountDialog) is not None, timeout=10_000)
    window.findChild(AccountDialog).close()


def test_a_start_with_a_mailbox_opens_no_dialog(qtbot, tmp_path):
    _store_with_mailbox(tmp_path)
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = AccountMenu(tmp_path, parent=window)
    with qtbot.waitSignal(menu.loaded, timeout=10_000):
        offer_first_mailbox(menu)
    assert window.findChild(AccountDialog) is None


def test_a_mailboxs_rating_links_and_per_person_figures_are_switched_from_the_menu(
    qtbot, tmp_path, artifacts
):
    from store.accounts import per_person_figures, rating_links_on

    _store_with_mailbox(tmp_path)
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = AccountMenu(tmp_path, parent=window)
    window.menuBar().addMenu(menu)
    menu.reload()
    qtbot.waitUntil(lambda: bool(menu.policy_actions), timeout=10_000)
    ratings = menu.policy_actions[(1, "rating_links")]
    people = menu.policy_actions[(1, "per_person_figures")]
    assert ratings.isChecked() and people.isChecked()
    assert people.text() == "Per-person figures (facilities)"
    with qtbot.waitSignal(menu.policy_saved, timeout=10_000):
        people.setChecked(False)
    db = open_db(tmp_path)
    assert not per_person_figures(db) and rating_links_on(db, 1)
    menu.reload()
    qtbot.waitUntil(lambda: not menu.policy_actions[(1, "per_person_figures")].isChecked(), timeout=10_000)
    menu.adjustSize()
    menu.grab().save(str(artifacts / "mailboxes_menu_policies.png"))

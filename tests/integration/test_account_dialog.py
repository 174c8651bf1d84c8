"""The mailbox dialog against the demo's servers: a connection test off the GUI thread that says what is wrong, and
saving, editing and removing with the password in the keyring only."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop.account_dialog import AccountDialog
from desktop.demo.servers import DemoServers
from mail.credentials import get_password
from store.accounts import get_account, list_accounts, settings_of
from store.db import open_db
from tests.desktop_fixtures import shown_account_dialog

WAIT_MS = 20_000
pytestmark = [
    pytest.mark.integration,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture(scope="module")
def demo():
    with DemoServers() as servers:
        yield servers


@pytest.fixture
def test_keyring(tmp_path, monkeypatch):
    monkeypatch.setenv("LOKET_TEST_KEYRING", str(tmp_path / "keyring.json"))
    from tests.file_keyring import FileKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield
    keyring.set_keyring(previous)


def _fill_for(dialog: AccountDialog, demo: DemoServers, password: str) -> None:
    dialog.form.set_values(
        {
            "address": demo.address,
            "display_name": "Servicedesk",
            "name": "desk",
            "username": demo.user,
            "password": password,
            "imap_host": demo.host,
            "imap_port": demo.imap_port,
            "imap_security": "none",
            "smtp_host": demo.host,
            "smtp_port": demo.smtp_port,
            "smtp_security": "none",
        }
    )


def _edit_saved(qtbot, data_dir: Path, demo: DemoServers):
    """Save the demo mailbox through one dialog, then open it for editing in another."""
    first = shown_account_dialog(qtbot, data_dir)
    _fill_for(first, demo, demo.password)
    with qtbot.waitSignal(first.saved, timeout=WAIT_MS) as saved:
        first.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    db = open_db(data_dir)
    account = get_account(db, "desk")
    return (
        db,
        account,
        shown_account_dialog(qtbot, data_dir, existing=(saved.args[0], settings_of(db, account))),
    )


def _status(dialog: AccountDialog) -> str:
    return dialog.status_label.text()


def test_connection_test_succeeds_against_a_real_server(qtbot, tmp_path, demo):
    dialog = shown_account_dialog(qtbot, tmp_path)
    _fill_for(dialog, demo, demo.password)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _status(dialog).startswith("Connected"), timeout=WAIT_MS)
    assert dialog.test_button.isEnabled()


def test_connection_test_says_the_password_was_refused(qtbot, tmp_path, demo, artifacts):
    dialog = shown_account_dialog(qtbot, tmp_path)
    _fill_for(dialog, demo, "wrong")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "refused the user name or password" in _status(dialog), timeout=WAIT_MS)
    dialog.grab().save(str(artifacts / "account_dialog_wrong_password.png"))


def test_connection_test_says_the_host_is_unreachable_and_the_window_stays_responsive(qtbot, tmp_path, demo):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    dialog = shown_account_dialog(qtbot, tmp_path)
    _fill_for(dialog, demo, demo.password)
    dialog.form.set_values({"imap_port": closed_port})
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert not dialog.test_button.isEnabled()  # the test runs in the pool; the click returned at once
    qtbot.waitUntil(lambda: "cannot be reached" in _status(dialog), timeout=WAIT_MS)


def test_saving_stores_the_account_and_puts_the_password_in_the_keyring_only(
    qtbot, tmp_path, demo, test_keyring
):
    dialog = shown_account_dialog(qtbot, tmp_path)
    _fill_for(dialog, demo, demo.password)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    db = open_db(tmp_path)
    account = get_account(db, "desk")
    assert account.imap_port == demo.imap_port
    assert get_password(account) == demo.password
    assert demo.password.encode() not in (tmp_path / "loket.sqlite").read_bytes()


def test_an_invalid_setting_is_named_and_nothing_is_saved(qtbot, tmp_path, demo, test_keyring):
    dialog = shown_account_dialog(qtbot, tmp_path)
    _fill_for(dialog, demo, demo.password)
    dialog.form.set_values({"imap_host": "mail.example.com"})  # 'none' security off loopback
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: "A setting cannot work" in _status(dialog), timeout=WAIT_MS)
    assert list_accounts(open_db(tmp_path)) == []


def test_editing_changes_the_port_and_keeps_the_password(qtbot, tmp_path, demo, test_keyring, artifacts):
    first = shown_account_dialog(qtbot, tmp_path)
    _fill_for(first, demo, demo.password)
    with qtbot.waitSignal(first.saved, timeout=WAIT_MS) as saved:
        first.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    account_id = saved.args[0]
    db = open_db(tmp_path)
    existing = settings_of(db, get_account(db, "desk"))
    dialog = shown_account_dialog(qtbot, tmp_path, existing=(account_id, existing))
    assert dialog.form.values()["imap_port"] == demo.imap_port
    dialog.grab().save(str(artifacts / "account_dialog_edit.png"))
    dialog.form.set_values({"smtp_port": 2525, "holidays": "DE-BY"})
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    account = get_account(db, "desk")
    assert account.smtp_port == 2525
    assert settings_of(db, account).holidays == "DE-BY"
    assert get_password(account) == demo.password


def test_removing_asks_first_then_drops_account_and_password(
    qtbot, tmp_path, demo, test_keyring, monkeypatch
):
    db, account, dialog = _edit_saved(qtbot, tmp_path, demo)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert dialog.remove_button is not None
    with qtbot.waitSignal(dialog.removed, timeout=WAIT_MS):
        dialog.remove_button.click()
    assert list_accounts(db) == []
    assert keyring.get_password("loket", f"{account.username}@{account.imap_host}") is None


def test_removing_a_mailbox_with_unsent_replies_asks_again_and_keeps_them_unless_told(
    qtbot, tmp_path, demo, test_keyring, monkeypatch, artifacts
):
    db, account, dialog = _edit_saved(qtbot, tmp_path, demo)
    db.execute(
        "INSERT INTO outbox (account_id, message_id, raw, recipients_json, state, created_at) "
        "VALUES (?, '<r1@example.org>', x'00', '[]', 'failed', '2026-03-02T09:00:00+00:00')",
        [account.id],
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    warnings: list[str] = []

    def keep(_parent, _title, text, *_args):
        warnings.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "warning", keep)
    assert dialog.remove_button is not None
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: "Nothing was removed" in _status(dialog), timeout=WAIT_MS)
    dialog.grab().save(str(artifacts / "account_dialog_unsent.png"))
    assert "1 reply" in warnings[0] and "never reached the server" in warnings[0]
    assert [a.name for a in list_accounts(db)] == ["desk"]
    assert db.execute("SELECT state FROM outbox").fetchall() == [("failed",)]
    assert get_password(account) == demo.password

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.removed, timeout=WAIT_MS):
        dialog.remove_button.click()
    assert list_accounts(db) == []
    assert db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("address", "desk@example.org\r\nBcc: all@example.org", "control character"),
        ("address", "desk@@example.org", "exactly one @"),
        ("name", "desk/2", "slash"),
        ("display_name", "Servicedesk\nX-Evil: 1", "control character"),
    ],
)
def test_an_address_or_name_that_cannot_work_is_named_in_the_dialog_and_nothing_is_saved(
    qtbot, tmp_path, demo, test_keyring, artifacts, field, value, said
):
    dialog = shown_account_dialog(qtbot, tmp_path)
    _fill_for(dialog, demo, demo.password)
    dialog.form.set_values({field: value})
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: "A setting cannot work" in _status(dialog), timeout=WAIT_MS)
    assert said in _status(dialog)
    if field == "address":
        dialog.grab().save(str(artifacts / "account_dialog_bad_address.png"))
    assert list_accounts(open_db(tmp_path)) == []


def test_connection_test_says_tls_on_a_plain_port_looks_like_a_wrong_port_or_security_setting(
    qtbot, tmp_path, demo
):
    dialog = shown_account_dialog(qtbot, tmp_path)
    _fill_for(dialog, demo, demo.password)
    dialog.form.set_values({"imap_security": "ssl"})  # the demo server speaks plain IMAP
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "security setting looks wrong" in _status(dialog), timeout=WAIT_MS)


def test_connection_test_says_the_imap_port_answers_like_an_smtp_server(qtbot, tmp_path, demo, artifacts):
    dialog = shown_account_dialog(qtbot, tmp_path)
    _fill_for(dialog, demo, demo.password)
    dialog.form.set_values({"imap_port": demo.smtp_port})
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "answers like an SMTP server, not IMAP" in _status(dialog), timeout=WAIT_MS)
    assert "port or the security setting looks wrong" in _status(dialog)
    dialog.grab().save(str(artifacts / "account_dialog_smtp_on_imap_port.png"))


def test_a_server_that_never_answers_leaves_the_dialog_responsive_and_closable(
    qtbot, tmp_path, demo, monkeypatch
):
    monkeypatch.setattr("desktop.account_dialog.TEST_TIMEOUT_SECONDS", 1.5)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)  # the kernel accepts the connection; nobody ever says a word
        dialog = shown_account_dialog(qtbot, tmp_path)
        _fill_for(dialog, demo, demo.password)
        dialog.form.set_values({"imap_port": silent.getsockname()[1]})
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        started = time.monotonic()
        timer = QTimer(dialog)
        timer.setSingleShot(True)
        with qtbot.waitSignal(timer.timeout, timeout=1000):
            timer.start(10)
        # The login hangs for 1.5 s: a GUI thread blocked by it could not turn the 10 ms timer in a second.
        assert time.monotonic() - started < 1.0
        qtbot.waitUntil(lambda: "cannot be reached" in _status(dialog), timeout=WAIT_MS)
        second = shown_account_dialog(qtbot, tmp_path)
        _fill_for(second, demo, demo.password)
        second.form.set_values({"imap_port": silent.getsockname()[1]})
        qtbot.mouseClick(second.test_button, Qt.MouseButton.LeftButton)
        second.close()
        second.deleteLater()
        QThreadPool.globalInstance().waitForDone(
            10_000
        )  # the late answer finds no dialog, and nothing breaks


def test_the_history_cut_off_is_thirty_days_for_a_new_mailbox_and_saved_and_edited_like_any_setting(
    qtbot, tmp_path, demo, test_keyring
):
    dialog = shown_account_dialog(qtbot, tmp_path)
    assert dialog.form.values()["history_days"] == 30
    _fill_for(dialog, demo, demo.password)
    dialog.form.set_values({"history_days": 90})
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    db = open_db(tmp_path)
    existing = settings_of(db, get_account(db, "desk"))
    assert existing.history_days == 90
    edit = shown_account_dialog(qtbot, tmp_path, existing=(saved.args[0], existing))
    assert edit.form.values()["history_days"] == 90
    edit.form.set_values({"history_days": 0})
    assert edit.form.field("history_days").text() == edit.tr("never: keep all open")
    with qtbot.waitSignal(edit.saved, timeout=WAIT_MS):
        edit.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert settings_of(db, get_account(db, "desk")).history_days == 0


@pytest.mark.parametrize("language", ["en", "nl", "de", "it"])
def test_the_history_field_reads_in_each_language(qtbot, tmp_path, artifacts, in_language, language):
    from PySide6.QtWidgets import QFormLayout

    in_language(language)
    dialog = shown_account_dialog(qtbot, tmp_path)
    layout = dialog.form.layout()
    assert isinstance(layout, QFormLayout)
    label = layout.labelForField(dialog.form.field("history_days")).text()
    assert (label == "&File as history after (days):") == (language == "en")
    dialog.grab().save(str(artifacts / f"account_dialog_history_{language}.png"))

"""The Mailboxes dialog with an OAuth 2.0 provider: chosen from the address or by hand, signed in through the
system browser (a stand-in that follows the redirect) off the GUI thread, the connection tested with the token, the
sign-in kept in the keyring only when the account is saved."""

from __future__ import annotations

import subprocess
import sys
import threading
import urllib.request
import webbrowser

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.account_dialog import AccountDialog
from mail.credentials import get_refresh_token
from store.accounts import (
    SIGNIN_REQUIRED,
    OAuthSetup,
    get_account,
    set_state,
    settings_of,
)
from store.db import open_db
from tests.accounts import loopback_account
from tests.desktop_fixtures import shown_account_dialog

pytestmark = [
    pytest.mark.integration,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]
WAIT_MS = 20_000


@pytest.fixture
def stand_in_browser(monkeypatch):
    """``webbrowser.open`` that follows the sign-in page's redirect back to Loket, as a browser would."""
    opened: list[str] = []

    def follow(url: str, *_args, **_kwargs) -> bool:
        opened.append(url)
        threading.Thread(target=lambda: urllib.request.urlopen(url, timeout=30).read(), daemon=True).start()
        return True

    monkeypatch.setattr(webbrowser, "open", follow)
    return opened


def test_a_microsoft_or_google_address_offers_their_sign_in(qtbot, tmp_path, artifacts):
    dialog = shown_account_dialog(qtbot, tmp_path)
    qtbot.keyClicks(dialog.form.field("address"), "servicedesk@contoso.onmicrosoft.com")
    assert dialog.form.values()["auth"] == "microsoft"
    assert dialog.sign_in_button.isVisible() and not dialog.form.field("password").isVisible()
    assert dialog.sign_in_button.text() == "Sign in with Microsoft…"
    dialog.grab().save(str(artifacts / "account_dialog_microsoft.png"))

    dialog.form.field("address").clear()
    qtbot.keyClicks(dialog.form.field("address"), "desk@gmail.com")
    assert dialog.sign_in_button.text() == "Sign in with Google…"
    dialog.form.field("address").clear()
    qtbot.keyClicks(dialog.form.field("address"), "desk@ziggo.nl")
    assert dialog.form.values()["auth"] == "password" and dialog.form.field("password").isVisible()


def test_signing_in_in_the_browser_tests_the_connection_and_saving_keeps_the_sign_in(
    qtbot, tmp_path, artifacts, oauth_server, oauth_dovecot, person, bearer_smtp, stand_in_browser
):
    dialog = shown_account_dialog(qtbot, tmp_path)
    qtbot.keyClicks(dialog.form.field("address"), f"{person.username}@example.org")
    combo = dialog.form.field("auth")
    combo.setCurrentIndex(combo.findData("oidc"))
    combo.activated.emit(combo.currentIndex())
    dialog.form.set_values(
        {
            "name": "desk",
            "oauth_issuer": oauth_server.issuer,
            "oauth_client_id": oauth_server.client_id,
            "imap_host": "127.0.0.1",
            "imap_port": oauth_dovecot.port,
            "imap_security": "none",
            "smtp_host": "127.0.0.1",
            "smtp_port": bearer_smtp.port,
            "smtp_security": "none",
        }
    )
    assert dialog.form.field("oauth_issuer").isVisible()
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status_label.text().startswith("Connected"), timeout=WAIT_MS)
    assert stand_in_browser and "code_challenge_method=S256" in stand_in_browser[0]
    assert dialog.sign_in_button.text() == "Sign in again with your provider…"
    dialog.grab().save(str(artifacts / "account_dialog_signed_in.png"))

    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    account = get_account(open_db(tmp_path), "desk")
    assert (account.auth, account.oauth_provider, account.username) == ("oauth2", "oidc", account.address)
    assert get_refresh_token(account) is not None


def test_a_declined_sign_in_says_so_and_saves_nothing(
    qtbot, tmp_path, oauth_server, oauth_dovecot, person, stand_in_browser
):
    oauth_server.deny = True
    dialog = shown_account_dialog(qtbot, tmp_path)
    qtbot.keyClicks(dialog.form.field("address"), f"{person.username}@example.org")
    combo = dialog.form.field("auth")
    combo.setCurrentIndex(combo.findData("oidc"))
    combo.activated.emit(combo.currentIndex())
    dialog.form.set_values({"oauth_issuer": oauth_server.issuer, "oauth_client_id": oauth_server.client_id})
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "declined" in dialog.status_label.text(), timeout=WAIT_MS)
    assert dialog.status_label.text().startswith("The sign-in did not succeed, or the server refused it.")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.status_label.text().startswith("Sign in first")


def test_a_mailbox_whose_sign_in_was_refused_is_signed_in_again_from_the_dialog(
    qtbot, tmp_path, artifacts, oauth_server, oauth_dovecot, person, bearer_smtp, stand_in_browser
):
    db = open_db(tmp_path)
    account = oauth_account(db, oauth_server, person, oauth_dovecot.port, bearer_smtp.port)
    set_state(db, account.id, SIGNIN_REQUIRED)
    dialog = AccountDialog(tmp_path, existing=(account.id, settings_of(db, get_account(db, "desk"))))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.status_label.text() == "The provider asks you to sign in again."
    assert dialog.sign_in_button.text() == "Sign in again with your provider…"
    dialog.grab().save(str(artifacts / "account_dialog_sign_in_again.png"))

    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status_label.text().startswith("Connected"), timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert get_account(db, "desk").state == "ok"
    assert get_refresh_token(account) is not None


def test_the_window_offers_to_sign_in_again_and_sync_then_resumes(
    qtbot, tmp_path, oauth_server, oauth_dovecot, person, stand_in_browser
):
    from desktop.app import create_app
    from desktop.main_window import MainWindow

    db = open_db(tmp_path)
    account = oauth_account(db, oauth_server, person, oauth_dovecot.port, 25)
    create_app()
    window = MainWindow(tmp_path, me="Anna")
    qtbot.addWidget(window)
    window.show()
    window.start_sync([account])
    try:
        qtbot.waitUntil(window.sync.sign_in.isVisible, timeout=WAIT_MS)
        assert window.sync.label.text() == "desk: sign in again"
        qtbot.mouseClick(window.sync.sign_in, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "up to date" in window.sync.label.text(), timeout=WAIT_MS)
        assert not window.sync.sign_in.isVisible() and stand_in_browser
        assert get_account(db, "desk").state == "ok"
    finally:
        window.stop_sync(wait_ms=10_000)
        window.close()


def test_opening_the_window_leaves_the_oauth_library_unloaded_until_a_sign_in():
    """authlib and requests take most of a second to import: the window's first paint must not wait for them."""
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, desktop.main_window; print(sorted({m.split('.')[0] for m in sys.modules} & {'authlib', 'requests'}))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert loaded.stdout.strip() == "[]"


def oauth_account(db, oauth_server, person, imap_port: int, smtp_port: int):
    """The person's mailbox on loopback servers, signing in at the test's identity server (no sign-in yet)."""
    address = f"{person.username}@example.org"
    oauth = OAuthSetup("oidc", oauth_server.client_id, issuer=oauth_server.issuer)
    return loopback_account(
        db, "desk", address, imap_port=imap_port, smtp_port=smtp_port, username=address, oauth=oauth
    )

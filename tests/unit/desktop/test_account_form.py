"""The mailbox dialog's form: servers, zone and holidays filled in from the address, never over what the user
typed."""

from __future__ import annotations

import pytest

from tests.desktop_fixtures import shown_account_dialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_typing_a_known_address_fills_in_servers_zone_and_holidays(qtbot, tmp_path, artifacts):
    dialog = shown_account_dialog(qtbot, tmp_path)
    qtbot.keyClicks(dialog.form.field("address"), "helpdesk@ziggo.nl")
    values = dialog.form.values()
    assert (values["imap_host"], values["imap_port"], values["imap_security"]) == (
        "imap.ziggo.nl",
        993,
        "ssl",
    )
    assert (values["smtp_host"], values["smtp_port"], values["smtp_security"]) == (
        "smtp.ziggo.nl",
        587,
        "starttls",
    )
    assert values["username"] == "helpdesk@ziggo.nl"
    assert (values["timezone"], values["holidays"]) == ("Europe/Amsterdam", "NL")
    assert "Ziggo" in dialog.provider_label.text()
    dialog.grab().save(str(artifacts / "account_dialog_add.png"))


def test_servers_the_user_typed_are_not_overwritten_by_the_address(qtbot, tmp_path):
    dialog = shown_account_dialog(qtbot, tmp_path)
    qtbot.keyClicks(dialog.form.field("address"), "desk@gmx.de")
    host = dialog.form.field("imap_host")
    host.clear()
    qtbot.keyClicks(host, "mail.firma.de")
    qtbot.keyClicks(dialog.form.field("address"), "x")
    assert dialog.form.values()["imap_host"] == "mail.firma.de"

"""The window offers to rebuild a damaged store: asked first, rebuilt off the GUI thread, the outcome said."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.rebuild_dialog import RebuildDialog
from mail.credentials import set_password
from store.db import open_db
from tests.accounts import loopback_account
from tests.desk_cli import damage_table, seed_inbox

pytestmark = [
    pytest.mark.integration,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def test_the_window_offers_to_rebuild_a_damaged_store_and_rebuilds_it_from_the_mailbox(
    qtbot, dovecot, mailbox, tmp_path, artifacts
):
    seed_inbox(dovecot, mailbox, 4)
    db = open_db(tmp_path)
    account = loopback_account(db, "facilities", imap_port=dovecot.port, username=mailbox.username)
    set_password(account, mailbox.password)
    db.conn.close()
    store = tmp_path / "loket.sqlite"
    damage_table(store, "messages")
    dialog = RebuildDialog(tmp_path, f"the store {store} is damaged (database disk image is malformed)")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.grab().save(str(artifacts / "rebuild_dialog_offer.png"))
    assert dialog.rebuild_button.isVisible() and dialog.quit_button.isVisible()
    qtbot.mouseClick(dialog.rebuild_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.open_button.isVisible() or "rebuilt" in dialog.status_label.text(), timeout=60_000
    )
    dialog.grab().save(str(artifacts / "rebuild_dialog_done.png"))
    text = dialog.status_label.text()
    assert "4 messages fetched from the mailbox" in text and "damaged file is kept as" in text
    assert list(tmp_path.glob("loket.sqlite.damaged-*"))

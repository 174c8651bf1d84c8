"""The outbox view: a refused reply shows the server's reason, and is corrected and sent again from there."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from test_compose_dialog import make_store

from desktop.outbox_view import OutboxView
from mail.reply import queue_request_reply
from mail.send import flush
from store.accounts import get_account
from store.db import open_db

pytestmark = [
    pytest.mark.integration,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def views(qtbot):
    """Views a test made, deleted at the end so their store threads stop with them."""
    made: list[OutboxView] = []
    yield made
    gone: list[int] = []
    for view in made:
        view.destroyed.connect(lambda *_: gone.append(1))
        view.deleteLater()
    qtbot.waitUntil(lambda: len(gone) == len(made))


def test_a_refused_reply_is_shown_corrected_and_sent_again(
    qtbot, views, tmp_path, dovecot, mailbox, smtp_server, artifacts
):
    request_id = make_store(tmp_path, smtp_server.port, dovecot.port, mailbox.username)
    db = open_db(tmp_path)
    account = get_account(db)
    queue_request_reply(db, account, request_id, "Komt goed.", now=datetime.now(UTC), actor="eva")
    smtp_server.refuse(550)
    assert flush(db, account, mailbox.password).failed == [1]
    smtp_server.accept()

    view = OutboxView(tmp_path, passwords={account.id: mailbox.password})
    views.append(view)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
    view.resize(1000, 300)
    model = view.model
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "Refused"
    assert "550 5.7.1 Message refused" in model.index(0, 6).data()
    assert model.index(0, 2).data() == "Anna de Vries <anna@example.org>"
    assert not view.correct_button.isEnabled()
    view.table.selectRow(0)
    assert view.correct_button.isEnabled()
    view.grab().save(str(artifacts / "outbox_refused.png"))

    entry = view.selected()
    assert entry is not None
    with qtbot.waitSignal(view.changed, timeout=30_000):
        view.revise(entry, "Bram <bram@example.org>", "", "Komt morgen.\n")
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.index(0, 0).data() == "Sent", timeout=10_000)
    [received] = smtp_server.messages
    assert received.rcpt_tos == ("bram@example.org",)
    assert b"Komt morgen." in received.raw
    assert view.state_label.text() == "Nothing is waiting to be sent."

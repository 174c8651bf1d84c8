"""The compose window: prefilled recipients, quote and signature, templates, attachments by drag and drop, the
check for anything newer before sending, and a real send."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from desktop.compose import SIZE_WARNING_BYTES, ComposeDialog
from store.db import open_db
from store.timeutil import to_db
from tests.accounts import loopback_account

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
RECEIVED = datetime.now(UTC) - timedelta(hours=3)
NUMBER = 482913  # the request's number, unlike its row in the store


def make_store(data_dir: Path, smtp_port: int = 1, imap_port: int = 1, username: str = "desk") -> int:
    """An account with a signature and one request (numbered ``NUMBER``) opened by Anna's message; returns the
    request's id."""
    db = open_db(data_dir)
    account = loopback_account(
        db,
        "desk",
        "facilities@example.org",
        display_name="Facilitaire Dienst",
        imap_port=imap_port,
        smtp_port=smtp_port,
        username=username,
    )
    db.execute("UPDATE accounts SET signature = 'Facilitaire Dienst\nGebouw 2'")
    db.execute("INSERT INTO requesters (address, name) VALUES ('anna@example.org', 'Anna de Vries')")
    request_id = db.execute(
        "INSERT INTO requests (number, account_id, requester_id, subject, status, received_at, last_activity_at) "
        "VALUES (?, ?, 1, 'Stoel kapot', 'open', ?, ?) RETURNING id",
        [NUMBER, account.id, to_db(RECEIVED), to_db(RECEIVED)],
    ).fetchone()[0]
    db.execute(
        "INSERT INTO messages (account_id, message_id, subject, from_addr, from_name, to_json, cc_json, date, "
        "internal_date, direction, text_body, snippet, request_id) VALUES (?, '<a1@example.org>', 'Stoel kapot', "
        "'anna@example.org', 'Anna de Vries', ?, ?, ?, ?, 'in', 'Mijn stoel is kapot.', 'Mijn stoel', ?)",
        [
            account.id,
            '[["", "facilities@example.org"]]',
            '[["Bram", "bram@example.org"]]',
            to_db(RECEIVED),
            to_db(RECEIVED),
            request_id,
        ],
    )
    db.conn.close()
    return int(request_id)


@pytest.fixture
def dialogs():
    """Every window a test opened, closed at the end so its store thread stops before the window goes."""
    opened: list[ComposeDialog] = []
    yield opened
    for dialog in opened:
        dialog.close()


def open_dialog(qtbot, dialogs, data_dir: Path, request_id: int, mode: str = "reply") -> ComposeDialog:
    dialog = ComposeDialog(data_dir, request_id, mode, agent="Eva")
    qtbot.addWidget(dialog)
    dialogs.append(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=10_000):
        dialog.show()
    return dialog


def outbox_rows(data_dir: Path, columns: str = "state, status_after") -> list[tuple]:
    db = open_db(data_dir)
    try:
        return db.execute(f"SELECT {columns} FROM outbox").fetchall()
    finally:
        db.conn.close()


def test_reply_window_is_prefilled_and_takes_templates_and_dropped_files(qtbot, dialogs, tmp_path, artifacts):
    request_id = make_store(tmp_path)
    dialog = open_dialog(qtbot, dialogs, tmp_path, request_id)
    assert dialog.to_edit.text() == "Anna de Vries <anna@example.org>"
    assert dialog.subject_label.text() == f"Re: [#{NUMBER}] Stoel kapot"
    assert dialog.windowTitle().endswith(f"#{NUMBER}")
    assert dialog.status_after() == "waiting"
    text = dialog.body_edit.toPlainText()
    assert (
        text.index("-- \nFacilitaire Dienst")
        < text.index("Anna de Vries")
        < text.index("> Mijn stoel is kapot.")
    )

    english = dialog.language_box.findData("en")
    dialog.language_box.setCurrentIndex(english)
    index = next(
        i for i in range(dialog.template_box.count()) if dialog.template_box.itemText(i) == "Acknowledgement"
    )
    dialog.template_box.setCurrentIndex(index)
    dialog.template_box.activated.emit(index)
    text = dialog.body_edit.toPlainText()
    assert text.startswith(
        f"Dear Anna,\n\nThank you for your message. We have registered it as request {NUMBER}"
    )
    assert "within {standard.first_response}." in text, "no standard: the placeholder stays visible"
    assert "Kind regards,\nEva\n\n-- \nFacilitaire Dienst" in text

    files = [tmp_path / "plattegrond 2e verdieping.pdf", tmp_path / "foto stoel.jpg"]
    for path in files:
        path.write_bytes(b"x" * 2048)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in files])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    dialog.dropEvent(drop)
    qtbot.waitUntil(lambda: dialog.attachment_list.count() == 2)
    assert dialog.attachment_paths() == [str(p) for p in files]
    assert "large" not in dialog.size_label.text()
    dialog.grab().save(str(artifacts / "compose_reply.png"))


def test_a_reply_of_white_space_above_the_quote_is_not_sent(qtbot, dialogs, tmp_path, artifacts):
    request_id = make_store(tmp_path)
    dialog = open_dialog(qtbot, dialogs, tmp_path, request_id)
    dialog.body_edit.moveCursor(dialog.body_edit.textCursor().MoveOperation.Start)
    dialog.body_edit.insertPlainText("  \n\t\n")
    dialog.send_button.click()
    assert "empty reply" in dialog.state_label.text()
    assert dialog.send_button.isEnabled()
    dialog.grab().save(str(artifacts / "compose_empty_reply.png"))
    qtbot.wait(300)  # a send that slipped through would be queued by now
    assert outbox_rows(tmp_path) == []


def test_large_attachments_are_flagged_before_sending(qtbot, dialogs, tmp_path):
    request_id = make_store(tmp_path)
    dialog = open_dialog(qtbot, dialogs, tmp_path, request_id)
    big = tmp_path / "scan.tiff"
    with big.open("wb") as handle:
        handle.truncate(SIZE_WARNING_BYTES + 1)
    dialog.add_files([str(big)])
    qtbot.waitUntil(lambda: dialog.attachment_list.count() == 1)
    assert "large" in dialog.size_label.text()


def test_an_unfilled_placeholder_is_marked_and_asked_about_before_sending(
    qtbot, dialogs, tmp_path, artifacts, monkeypatch
):
    request_id = make_store(tmp_path)
    dialog = open_dialog(qtbot, dialogs, tmp_path, request_id)
    dialog.body_edit.setPlainText(
        "We answer within {standard.first_response}.\n\n" + dialog.body_edit.toPlainText()
    )
    assert dialog.unfilled() == ["standard.first_response"]
    assert dialog.placeholder_label.isVisible()
    assert "{standard.first_response}" in dialog.placeholder_label.text()
    block = dialog.body_edit.document().firstBlock()
    marked = [
        r
        for r in block.layout().formats()
        if r.format.underlineStyle() != r.format.underlineStyle().NoUnderline
    ]
    assert [(r.start, r.length) for r in marked] == [
        (len("We answer within "), len("{standard.first_response}"))
    ]
    dialog.grab().save(str(artifacts / "compose_placeholder.png"))

    asked: list[str] = []

    def refuse(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", refuse)
    dialog.send_button.click()
    assert len(asked) == 1 and "{standard.first_response}" in asked[0]
    assert dialog.send_button.isEnabled() and outbox_rows(tmp_path) == []

    dialog.body_edit.setPlainText(
        dialog.body_edit.toPlainText().replace("{standard.first_response}", "a day")
    )
    assert not dialog.unfilled() and not dialog.placeholder_label.isVisible()


def test_something_newer_is_shown_instead_of_sending_blind(qtbot, dialogs, tmp_path, artifacts):
    request_id = make_store(tmp_path)
    dialog = open_dialog(qtbot, dialogs, tmp_path, request_id)
    dialog.body_edit.setPlainText("Wij komen morgen.")
    db = open_db(tmp_path)
    newer = db.execute(
        "INSERT INTO messages (account_id, message_id, subject, from_addr, from_name, date, internal_date, "
        "direction, text_body, snippet, request_id) VALUES (1, '<a2@example.org>', 'Re: Stoel kapot', "
        "'anna@example.org', 'Anna de Vries', ?, ?, 'in', 'Laat maar, hij doet het weer.', "
        "'Laat maar, hij doet het weer.', ?)",
        [to_db(datetime.now(UTC)), to_db(datetime.now(UTC)), request_id],
    ).lastrowid
    db.conn.close()
    dialog.send_button.click()
    qtbot.waitUntil(dialog.newer_shown)
    assert "Laat maar, hij doet het weer." in dialog.newer_label.text()
    assert outbox_rows(tmp_path) == []
    dialog.grab().save(str(artifacts / "compose_newer.png"))

    with qtbot.waitSignal(dialog.finished_sending, timeout=20_000) as sent:
        dialog.send_button.click()
    _, state, error = sent.args
    assert state == "queued" and "no password" in error  # nothing in the keyring: kept in the outbox
    assert outbox_rows(tmp_path) == [("queued", "waiting")]
    assert outbox_rows(tmp_path, "answers_message_id") == [(newer,)], "the reply answers what was read last"


def test_forward_waits_on_the_colleague_and_needs_an_address(qtbot, dialogs, tmp_path):
    request_id = make_store(tmp_path)
    dialog = open_dialog(qtbot, dialogs, tmp_path, request_id, "forward")
    assert dialog.to_edit.text() == ""
    assert dialog.status_after() == "waiting_colleague"
    assert dialog.subject_label.text() == f"Fwd: [#{NUMBER}] Stoel kapot"
    assert "Forwarded message" in dialog.body_edit.toPlainText()
    dialog.send_button.click()
    assert "recipient" in dialog.state_label.text()
    assert outbox_rows(tmp_path) == []


def test_reply_all_copies_the_other_recipients(qtbot, dialogs, tmp_path):
    request_id = make_store(tmp_path)
    dialog = open_dialog(qtbot, dialogs, tmp_path, request_id, "reply_all")
    assert dialog.to_edit.text() == "Anna de Vries <anna@example.org>"
    assert dialog.cc_edit.text() == "Bram <bram@example.org>"


def test_the_html_choice_is_remembered_for_the_next_reply(qtbot, dialogs, tmp_path):
    request_id = make_store(tmp_path)
    first = open_dialog(qtbot, dialogs, tmp_path, request_id)
    assert not first.html_box.isChecked()
    first.html_box.setChecked(True)
    first.reject()
    assert open_dialog(qtbot, dialogs, tmp_path, request_id).html_box.isChecked()


@pytest.mark.integration
def test_send_delivers_and_closes_the_window(qtbot, dialogs, tmp_path, dovecot, mailbox, smtp_server):
    request_id = make_store(tmp_path, smtp_server.port, dovecot.port, mailbox.username)
    dialog = ComposeDialog(
        tmp_path, request_id, "reply", agent="Eva", password=mailbox.password
    )  # as the demo
    qtbot.addWidget(dialog)
    dialogs.append(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=10_000):
        dialog.show()
    dialog.body_edit.moveCursor(dialog.body_edit.textCursor().MoveOperation.Start)
    dialog.body_edit.insertPlainText("Wij komen morgen langs.")
    dialog.set_status_after("resolved")
    dialog.html_box.setChecked(True)
    with qtbot.waitSignal(dialog.finished_sending, timeout=30_000) as sent:
        dialog.send_button.click()
    assert sent.args[1] == "sent", sent.args[2]
    assert not dialog.isVisible()
    [received] = smtp_server.messages
    assert b"Wij komen morgen langs." in received.raw
    assert f"Subject: Re: [#{NUMBER}] Stoel kapot".encode() in received.raw
    assert b"Content-Type: text/html" in received.raw
    assert outbox_rows(tmp_path) == [("sent", "resolved")]


def test_the_team_sees_a_reply_being_written_until_the_window_closes(qtbot, dialogs, tmp_path):
    from store.team_changes import replying_now

    request_id = make_store(tmp_path)
    db = open_db(tmp_path)
    db.execute("UPDATE requests SET first_message_id = (SELECT id FROM messages) WHERE id = ?", [request_id])
    dialog = open_dialog(qtbot, dialogs, tmp_path, request_id)
    qtbot.waitUntil(lambda: [name for name, _ in replying_now(db, request_id, datetime.now(UTC))] == ["Eva"])
    dialog.reject()  # discarded
    assert replying_now(db, request_id, datetime.now(UTC)) == []
    assert db.execute("SELECT count(*) FROM team_changes WHERE pushed = 0").fetchone()[0] == 2

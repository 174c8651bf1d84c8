"""A request filed by a sync shows its bodies (kept compressed) and its attachments (read from the raw mail) in the
request view, as one written before does."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage

import pytest

from desktop.app import create_app
from desktop.main_window import MainWindow
from desktop.request_view import write_attachment
from mail.ingest_worker import RawCopy, prepared
from store.accounts import list_accounts
from store.bodies import unpack_bodies
from store.db import open_db
from store.filing import FolderState, file_batch

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 20


def _file_synced_request(data_dir) -> int:
    db = open_db(data_dir)
    account = list_accounts(db)[0]
    message = EmailMessage()
    message["From"] = "Femke Bakker <femke@example.nl>"
    message["To"] = account.address
    message["Subject"] = "Lekkage bij het raam in kamer 12"
    message["Message-ID"] = "<lekkage-12@example.nl>"
    message["Date"] = "Mon, 02 Mar 2026 09:00:00 +0000"
    message.set_content("Goedemorgen, bij het raam in kamer 12 lekt het sinds vannacht.")
    message.add_alternative(
        "<p>Goedemorgen, bij het raam in <b>kamer 12</b> lekt het sinds vannacht.</p>", "html"
    )
    message.add_attachment(PDF, maintype="application", subtype="pdf", filename="plattegrond.pdf")
    folder = db.execute(
        "SELECT id FROM folders WHERE account_id = ? AND role = 'inbox'", [account.id]
    ).fetchone()
    folder_id = (
        folder[0]
        if folder
        else db["folders"].insert({"account_id": account.id, "name": "INBOX", "role": "inbox"}).last_pk
    )
    copy = prepared(RawCopy(90_001, bytes(message), datetime.now(UTC), ()))
    (row,) = file_batch(db, account, FolderState(folder_id, "inbox", 1), [copy])
    request_id = db.execute("SELECT request_id FROM messages WHERE id = ?", [row]).fetchone()[0]
    db.conn.close()
    return request_id


def test_a_synced_request_shows_its_bodies_and_saves_its_attachment(qtbot, seeded_dir, artifacts, tmp_path):
    data_dir, _ = seeded_dir
    request_id = _file_synced_request(data_dir)
    create_app()
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    with qtbot.waitSignal(window.first_page_painted, timeout=10_000):
        window.show()
    with qtbot.waitSignal(window.request_view.loaded, timeout=5000):
        window.request_view.show_request(request_id)
    shown = window.request_view.conversation.toPlainText()
    assert "lekt het sinds vannacht" in shown and "plattegrond.pdf" in shown
    (item,) = window.request_view.messages()  # the HTML, read from the raw mail now it is shown
    assert "<b>kamer 12</b>" in (item.html or "")
    number = window.request_view.request_number()
    assert number != request_id  # numbered by its message, as on every desktop; the row is this store's own
    assert f"Request #{number} ·" in window.request_view.heading.text()
    window.request_view.grab().save(str(artifacts / "request_view_synced_bodies.png"))
    window.close()
    db = open_db(data_dir)
    assert db.execute("SELECT number FROM requests WHERE id = ?", [request_id]).fetchone()[0] == number
    (bodies,) = db.execute("SELECT bodies FROM messages WHERE request_id = ?", [request_id]).fetchone()
    assert unpack_bodies(bodies).html is None and unpack_bodies(bodies).html_in_raw
    attachment = db.execute(
        "SELECT a.id FROM attachments a JOIN messages m ON m.id = a.message_id WHERE m.request_id = ?",
        [request_id],
    ).fetchone()[0]
    assert write_attachment(db, attachment, tmp_path / "plattegrond.pdf").read_bytes() == PDF
    db.conn.close()

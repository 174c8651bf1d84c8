"""A received message's attachments are kept once, in its raw mail, and read from there when opened or saved."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from email.message import EmailMessage

from mail.attachment_bytes import attachment_bytes
from mail.ingest_worker import RawCopy, prepared
from store.db import open_memory_db
from store.filing import FolderState, file_batch
from tests.accounts import loopback_account

DESK = "facilities@example.org"
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40
PHOTO = b"\xff\xd8\xff\xe0" + bytes(reversed(range(256))) * 30


def _raw() -> bytes:
    message = EmailMessage()
    message["From"] = "Jan <jan@example.org>"
    message["To"] = DESK
    message["Subject"] = "Stoel kapot"
    message["Message-ID"] = "<a@example.org>"
    message["Date"] = "Mon, 02 Mar 2026 09:00:00 +0000"
    message.set_content("Zie de bijlagen.")
    message.add_attachment(PDF, maintype="application", subtype="pdf", filename="offerte.pdf")
    message.add_attachment(PHOTO, maintype="image", subtype="jpeg", filename="stoel.jpg")
    return bytes(message)


def _filed():
    db = open_memory_db()
    account = loopback_account(db, "facilities", DESK)
    folder = db["folders"].insert({"account_id": account.id, "name": "INBOX", "role": "inbox"}).last_pk
    copy = prepared(RawCopy(1, _raw(), datetime(2026, 3, 2, 9, tzinfo=UTC), ()))
    file_batch(db, account, FolderState(folder, "inbox", 1), [copy])
    return db, [row[0] for row in db.execute("SELECT id FROM attachments ORDER BY id")]


def test_a_received_attachment_is_stored_once_and_read_from_the_raw_mail():
    db, (pdf, photo) = _filed()
    assert db.execute("SELECT count(*) FROM blobs").fetchone()[0] == 0
    assert attachment_bytes(db, pdf) == PDF
    assert attachment_bytes(db, photo) == PHOTO


def test_a_stored_copy_is_read_first_and_a_changed_parser_still_finds_the_attachment_by_position():
    db, (pdf, photo) = _filed()
    db.execute("UPDATE attachments SET sha256 = 'read differently before' WHERE id = ?", [photo])
    assert attachment_bytes(db, photo) == PHOTO
    kept = b"the bytes a reply was sent with"
    digest = hashlib.sha256(kept).hexdigest()
    db.execute("INSERT INTO blobs (sha256, data) VALUES (?, ?)", [digest, kept])
    db.execute("UPDATE attachments SET sha256 = ? WHERE id = ?", [digest, pdf])
    assert attachment_bytes(db, pdf) == kept


def test_an_attachment_nothing_holds_is_none():
    db, (pdf, _photo) = _filed()
    db.execute("UPDATE messages SET raw_sha256 = NULL")
    assert attachment_bytes(db, pdf) is None
    assert attachment_bytes(db, 999) is None

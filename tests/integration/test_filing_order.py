"""Filing mail synced from a real Dovecot into requests: a Message-ID alone never merges two messages, and the
order in which folders are synced never changes the requests, statuses or waits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mail.sync import sync_once
from store.db import open_db
from tests.accounts import loopback_account
from tests.mailgen import build

pytestmark = pytest.mark.integration
DESK = "facilities@example.org"
MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def desk(dovecot, mailbox, tmp_path):
    db = open_db(tmp_path)
    account = loopback_account(
        db, "facilities", DESK, imap_port=dovecot.port, smtp_port=2525, username=mailbox.username
    )
    return db, account, mailbox


def test_unrelated_messages_sharing_a_message_id_open_requests_of_their_own(dovecot, desk):
    db, account, box = desk
    fixed_id = "<scan@printer.local>"
    scanned = build(
        "Scanner 3e verdieping <scanner@example.org>", subject="Scan", message_id=fixed_id, date=MONDAY
    )
    form = build(
        "Webformulier <forms@example.org>", subject="Parkeerkaart aanvraag", message_id=fixed_id, date=MONDAY
    )
    dovecot.append(box, "INBOX", scanned, internal_date=MONDAY)
    dovecot.append(box, "INBOX", form, internal_date=MONDAY + timedelta(minutes=5))
    dovecot.append(box, "INBOX", scanned, internal_date=MONDAY + timedelta(minutes=6))  # delivered twice
    sync_once(db, account, box.password)
    rows = db.execute(
        "SELECT m.from_addr, m.role, q.subject, r.address FROM messages m JOIN requests q ON q.id = m.request_id "
        "JOIN requesters r ON r.id = q.requester_id ORDER BY m.uid"
    ).fetchall()
    assert rows == [
        ("scanner@example.org", "requester", "Scan", "scanner@example.org"),
        ("forms@example.org", "requester", "Parkeerkaart aanvraag", "forms@example.org"),
        ("scanner@example.org", "requester", "Scan", "scanner@example.org"),
    ]
    assert db.execute("SELECT COUNT(*) FROM requests").fetchone()[0] == 2
    kinds = db.execute("SELECT kind FROM events WHERE kind = 'colleague_answered'").fetchall()
    assert kinds == [], "nobody answered anybody"

    before = db.execute("SELECT id, from_addr, raw_sha256 FROM messages ORDER BY id").fetchall()
    dovecot.reset_uidvalidity(box, "INBOX")
    sync_once(db, account, box.password)
    after = db.execute(
        "SELECT id, from_addr, raw_sha256 FROM messages WHERE deleted_on_server = 0 ORDER BY id"
    ).fetchall()
    assert after == before, "a new UIDVALIDITY maps each copy back onto its own row, not onto a namesake"

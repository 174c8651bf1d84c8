"""Filing mail synced from a real Dovecot into requests: a Message-ID alone never merges two messages, and the
order in which folders are synced never changes the requests, statuses or waits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mail.ingest_worker import RawCopy, prepared
from mail.sync import sync_once
from store import lifecycle
from store.db import open_db, transaction
from store.filing import FolderState, file_copy
from store.raw_bytes import unpack
from store.timeutil import from_db
from tests.accounts import loopback_account
from tests.mailgen import build

pytestmark = pytest.mark.integration
DESK = "facilities@example.org"
MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


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


def file_in_order(db, account, copies):
    """File the synced copies again, one by one in the order given, into another store."""
    folders = {
        role: FolderState(
            db["folders"].insert({"account_id": account.id, "name": role, "role": role}).last_pk, role, 1
        )
        for role in ("inbox", "sent")
    }
    for uid, (role, packed, internal_date) in enumerate(copies, start=1):
        copy = prepared(RawCopy(uid, unpack(packed), from_db(internal_date), ()))
        with transaction(db):
            file_copy(db, account, folders[role], copy)


def waits_and_statuses(db):
    """Per request (by its first Message-ID): the status periods and the time waited on each department."""
    found = {}
    for request_id, received_at, first in db.execute(
        "SELECT q.id, q.received_at, m.message_id FROM requests q JOIN messages m ON m.id = q.first_message_id "
        "WHERE q.merged_into IS NULL"
    ).fetchall():
        periods = lifecycle.status_periods(from_db(received_at), lifecycle.load_events(db, request_id))
        found[first] = (
            [(p.status, p.start, p.end, p.department) for p in periods],
            lifecycle.colleague_wait_seconds(periods, MONDAY + timedelta(days=7)),
        )
    return found


def test_a_first_sync_filing_inbox_before_sent_keeps_the_wait_on_a_colleagues_department(
    dovecot, mailbox, tmp_path
):
    asked, forwarded, answered, replied = (MONDAY + timedelta(minutes=m) for m in (0, 30, 150, 160))
    question = build(
        "Jan de Vries <jan@example.org>", DESK, "Laptop traag", message_id="<q@example.org>", date=asked
    )
    forward = build(
        DESK, "Servicedesk ICT <ict@ict.example.org>", "Fwd: Laptop traag", message_id="<f@example.org>",
        in_reply_to="<q@example.org>", references=["<q@example.org>"], date=forwarded,
    )  # fmt: skip
    answer = build(
        "Servicedesk ICT <ict@ict.example.org>", DESK, "RE: Fwd: Laptop traag", message_id="<c@ict.example.org>",
        in_reply_to="<f@example.org>", references=["<q@example.org>", "<f@example.org>"], date=answered,
    )  # fmt: skip
    reply = build(
        DESK, "jan@example.org", "Re: Laptop traag", message_id="<r@example.org>",
        in_reply_to="<q@example.org>", references=["<q@example.org>"], date=replied,
    )  # fmt: skip
    dovecot.append(mailbox, "INBOX", question, internal_date=asked)
    dovecot.append(mailbox, "INBOX", answer, internal_date=answered)
    dovecot.append(mailbox, "Sent", forward, internal_date=forwarded)
    dovecot.append(mailbox, "Sent", reply, internal_date=replied)

    synced = open_db(tmp_path / "synced")
    account = loopback_account(synced, "facilities", DESK, imap_port=dovecot.port, username=mailbox.username)
    sync_once(synced, account, mailbox.password)  # INBOX first, then Sent, as every first sync
    assert [name for (name,) in synced.execute("SELECT name FROM folders ORDER BY id")] == ["INBOX", "Sent"]

    in_date_order = open_db(tmp_path / "dated")
    dated_account = loopback_account(in_date_order, "facilities", DESK, imap_port=dovecot.port)
    copies = sorted(
        synced.execute("SELECT f.role, r.data, m.internal_date FROM messages m JOIN folders f ON f.id = m.folder_id "
                       "JOIN raw r ON r.sha256 = m.raw_sha256").fetchall(),
        key=lambda row: row[2],
    )  # fmt: skip
    file_in_order(in_date_order, dated_account, copies)

    found = waits_and_statuses(synced)
    assert found == waits_and_statuses(in_date_order)
    periods, waits = found["<q@example.org>"]
    assert [p[0] for p in periods] == ["new", "waiting_colleague", "open", "waiting"]
    assert waits == {"ict.example.org": 120 * 60.0}, "we waited two hours on the ICT department"
    status = synced.execute("SELECT status FROM requests").fetchall()
    assert status == [("waiting",)]

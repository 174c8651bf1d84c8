"""The durable outbox: one transaction per queued reply, and the state machine a crash can resume from."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mail.compose import Draft, Original, build_message
from store import outbox
from store.accounts import Account
from store.db import open_memory_db
from store.numbers import NEXT_NUMBER
from store.records import Address, AttachmentData
from store.timeutil import to_db
from tests.accounts import loopback_account

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
ANNA = Address("Anna", "anna@example.org")


@pytest.fixture
def db():
    return open_memory_db()


@pytest.fixture
def account(db) -> Account:
    return loopback_account(db, "desk", "desk@example.org")


def make_request(db, account: Account, status: str = "new", number: int | None = None) -> tuple[int, int]:
    """A request opened by one incoming message, numbered ``number`` or the next free number; returns (request id,
    message row id)."""
    db.execute("INSERT INTO requesters (address, name) VALUES (?, ?)", [ANNA.address, ANNA.name])
    received = to_db(NOW - timedelta(hours=2))
    request_id = db.execute(
        "INSERT INTO requests (number, account_id, requester_id, subject, status, received_at, last_activity_at) "
        f"VALUES (coalesce(?, {NEXT_NUMBER}), ?, 1, 'Stoel kapot', ?, ?, ?) RETURNING id",
        [number, account.id, status, received, received],
    ).fetchone()[0]
    message_row = db.execute(
        "INSERT INTO messages (account_id, message_id, subject, from_addr, date, direction, request_id) "
        "VALUES (?, '<m1@example.org>', 'Stoel kapot', ?, ?, 'in', ?)",
        [account.id, ANNA.address, received, request_id],
    ).lastrowid
    return int(request_id), int(message_row)


def queue(db, account, request_id, answered, status_after="waiting", **draft):
    original = Original("<m1@example.org>", "Stoel kapot", ANNA, NOW - timedelta(hours=2), "kapot")
    outgoing = build_message(account, Draft("reply", "Komt goed.", request_id, **draft), original, now=NOW)
    ids = outbox.queue_reply(
        db, outgoing, status_after=status_after, answers_message_id=answered, actor="Eva"
    )
    return outgoing, ids


def test_queueing_writes_row_and_message_together_and_the_reply_counts_once_accepted(db, account):
    request_id, answered = make_request(db, account)
    outgoing, (outbox_id, message_row) = queue(db, account, request_id, answered)
    row = outbox.get_row(db, outbox_id)
    assert row is not None
    assert (row.state, row.attempts, row.raw, row.message_id) == (
        "queued",
        0,
        outgoing.raw,
        outgoing.message_id,
    )
    assert row.recipients == ("anna@example.org",)
    assert row.answers_message_id == answered
    message = db.execute(
        "SELECT folder_id, direction, role, request_id, message_id, snippet FROM messages WHERE id = ?",
        [message_row],
    ).fetchone()
    assert message == (None, "out", "desk", request_id, outgoing.message_id, "Komt goed.")

    def state() -> tuple[str, str | None, list[str]]:
        status, first_response = db.execute(
            "SELECT status, first_response_at FROM requests WHERE id = ?", [request_id]
        ).fetchone()
        events = db.execute("SELECT kind, actor FROM events WHERE request_id = ? ORDER BY id", [request_id])
        return status, first_response, [f"{kind} by {actor}" for kind, actor in events if kind != "received"]

    assert state() == ("new", None, []), "queued is not sent: nobody was answered yet"
    assert outbox.mark_sending(db, outbox_id)
    outbox.mark_accepted(db, outbox_id, NOW + timedelta(minutes=5))
    assert state() == ("waiting", to_db(NOW), ["replied by Eva", "status by Eva"]), "counted from its Date"
    outbox.mark_accepted(db, outbox_id, NOW + timedelta(minutes=6))
    assert len(state()[2]) == 2, "accepted twice still counts once"


def test_a_failure_inside_queueing_leaves_nothing_behind(db, account):
    request_id, answered = make_request(db, account)
    with pytest.raises(ValueError):
        queue(db, account, request_id, answered, status_after="bogus")
    assert db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM messages WHERE direction = 'out'").fetchone()[0] == 0


def test_queued_reply_keeps_its_attachments_and_is_searchable(db, account):
    request_id, answered = make_request(db, account)
    attachment = AttachmentData("plattegrond é.pdf", "application/pdf", b"%PDF")
    _, (_, message_row) = queue(db, account, request_id, answered, attachments=(attachment,))
    assert db.execute(
        "SELECT filename, size FROM attachments WHERE message_id = ?", [message_row]
    ).fetchall() == [("plattegrond é.pdf", 4)]
    assert db.execute("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'komt'").fetchall() == [
        (message_row,)
    ]
    refs = db.execute("SELECT ref FROM message_refs WHERE message_id = ?", [message_row]).fetchall()
    assert refs == [("<m1@example.org>",)]


def test_state_machine_queued_sending_sent(db, account):
    request_id, answered = make_request(db, account)
    _, (outbox_id, _) = queue(db, account, request_id, answered)
    assert outbox.mark_sending(db, outbox_id)
    outbox.mark_accepted(db, outbox_id, NOW)
    outbox.mark_sent(db, outbox_id, NOW)
    row = outbox.get_row(db, outbox_id)
    assert row is not None
    assert (row.state, row.attempts, row.smtp_accepted_at, row.sent_at) == ("sent", 1, to_db(NOW), to_db(NOW))
    assert not outbox.mark_sending(db, outbox_id), "a sent row is never claimed again"
    assert outbox.counts(db) == {"queued": 0, "sending": 0, "sent": 1, "failed": 0}


def test_temporary_failures_back_off_and_come_due_again(db, account):
    request_id, answered = make_request(db, account)
    _, (outbox_id, _) = queue(db, account, request_id, answered)
    assert [r.id for r in outbox.due_rows(db, NOW)] == [outbox_id]
    outbox.mark_sending(db, outbox_id)
    next_at = outbox.mark_retry(db, outbox_id, "451 try later", NOW)
    assert next_at == NOW + outbox.BACKOFF_BASE
    row = outbox.get_row(db, outbox_id)
    assert row is not None and (row.state, row.last_error) == ("queued", "451 try later")
    assert outbox.due_rows(db, NOW) == []
    assert [r.id for r in outbox.due_rows(db, NOW, ignore_backoff=True)] == [outbox_id]
    assert [r.id for r in outbox.due_rows(db, next_at)] == [outbox_id]
    outbox.mark_sending(db, outbox_id)
    assert outbox.mark_retry(db, outbox_id, "again", NOW) == NOW + 2 * outbox.BACKOFF_BASE


def test_interrupted_rows_are_always_due(db, account):
    request_id, answered = make_request(db, account)
    _, (outbox_id, _) = queue(db, account, request_id, answered)
    outbox.mark_sending(db, outbox_id)
    assert [r.id for r in outbox.due_rows(db, NOW - timedelta(days=1))] == [outbox_id]
    assert outbox.pending_count(db) == 1


def test_permanent_failure_is_kept_with_its_reason_and_can_be_sent_again(db, account):
    request_id, answered = make_request(db, account)
    _, (outbox_id, _) = queue(db, account, request_id, answered)
    outbox.mark_sending(db, outbox_id)
    outbox.mark_failed(db, outbox_id, "550 mailbox unknown")
    row = outbox.get_row(db, outbox_id)
    assert row is not None and (row.state, row.last_error) == ("failed", "550 mailbox unknown")
    assert outbox.due_rows(db, NOW, ignore_backoff=True) == []
    assert outbox.pending_count(db) == 0
    assert outbox.requeue(db, outbox_id)
    row = outbox.get_row(db, outbox_id)
    assert row is not None and row.state == "queued"
    assert not outbox.requeue(db, outbox_id), "only failed rows are re-queued"


def test_a_refused_reply_can_be_corrected_and_sent_again(db, account):
    request_id, answered = make_request(db, account)
    outgoing, (outbox_id, message_row) = queue(db, account, request_id, answered)
    outbox.mark_sending(db, outbox_id)
    outbox.mark_failed(db, outbox_id, "550 no such user")
    bram = Address("Bram", "bram@example.org")
    assert outbox.revise_failed(db, outbox_id, b"fixed", [bram], [], "Komt morgen.")
    row = outbox.get_row(db, outbox_id)
    assert row is not None
    assert (row.state, row.raw, row.recipients, row.last_error) == (
        "queued",
        b"fixed",
        ("bram@example.org",),
        None,
    )
    assert row.message_id == outgoing.message_id
    shown = db.execute("SELECT text_body, to_json FROM messages WHERE id = ?", [message_row]).fetchone()
    assert shown == ("Komt morgen.", '[["Bram", "bram@example.org"]]')
    assert not outbox.revise_failed(db, outbox_id, b"again", [bram], [], "x"), "only failed rows are revised"


def test_list_outbox_filters_by_state(db, account):
    request_id, answered = make_request(db, account)
    _, (first, _) = queue(db, account, request_id, answered)
    _, (second, _) = queue(db, account, request_id, answered)
    outbox.mark_sending(db, second)
    outbox.mark_failed(db, second, "550")
    assert [r.id for r in outbox.list_outbox(db)] == [first, second]
    assert [r.id for r in outbox.list_outbox(db, ("failed",))] == [second]
    assert json.loads(db.execute("SELECT recipients_json FROM outbox").fetchone()[0]) == ["anna@example.org"]


def test_an_outbox_row_names_its_request_by_number_and_links_it_by_row(db, account):
    request_id, answered = make_request(db, account, number=482913)
    _, (outbox_id, _) = queue(db, account, request_id, answered)
    assert request_id != 482913
    [listed] = outbox.list_outbox(db)
    assert (listed.request_id, listed.request_number) == (request_id, 482913)
    assert outbox.get_row(db, outbox_id) == listed
    assert outbox.due_rows(db, NOW) == [listed]


@given(st.integers(min_value=0, max_value=10_000))
def test_backoff_grows_and_is_capped(attempts):
    delay = outbox.backoff(attempts)
    assert timedelta(0) <= delay <= outbox.BACKOFF_CAP
    assert outbox.backoff(attempts + 1) >= delay

"""Triage in the store: a request entered by hand, two requests merged into one, a message split off into its own,
each one transaction with its events, and refused with a sentence naming the field when it cannot be."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from store.db import open_db
from store.triage import TriageError, create_manual, merge, split
from tests.filed import desk_data_dir, file_raw
from tests.mailgen import build

AT = datetime(2026, 3, 3, 11, 0, tzinfo=UTC)


@pytest.fixture
def desk(tmp_path):
    data_dir = desk_data_dir(tmp_path)
    db = open_db(data_dir)
    yield data_dir, db
    db.conn.close()


def _events(db, request_id, kind):
    rows = db.execute("SELECT data_json FROM events WHERE request_id = ? AND kind = ?", [request_id, kind])
    return [json.loads(row[0]) for row in rows]


def test_a_request_entered_by_hand_keeps_what_was_said_as_its_first_note(desk):
    _, db = desk
    account_id = db.execute("SELECT id FROM accounts").fetchone()[0]
    request_id = create_manual(
        db, account_id=account_id, requester_address=" Piet@Example.org ", requester_name="Piet",
        subject=" Lekkage ", text="Kwam langs aan de balie.", channel="desk", actor="Anna", at=AT,
    )  # fmt: skip
    row = db.execute(
        "SELECT r.subject, r.status, r.channel, q.address, q.name FROM requests r "
        "JOIN requesters q ON q.id = r.requester_id WHERE r.id = ?",
        [request_id],
    ).fetchone()
    assert row == ("Lekkage", "new", "desk", "piet@example.org", "Piet")
    assert _events(db, request_id, "received") == [{"channel": "desk"}]
    assert _events(db, request_id, "note") == [{"text": "Kwam langs aan de balie."}]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"channel": "fax"}, "channel"),
        ({"subject": "  "}, "subject"),
        ({"requester_address": "piet"}, "requester"),
    ],
)
def test_a_request_by_hand_without_what_it_needs_is_refused_and_nothing_is_written(desk, changes, field):
    _, db = desk
    account_id = db.execute("SELECT id FROM accounts").fetchone()[0]
    values = {"requester_address": "piet@example.org", "requester_name": "", "subject": "Lekkage", "text": "",
              "channel": "phone", **changes}  # fmt: skip
    with pytest.raises(TriageError, match=f"^{field}: "):
        create_manual(db, account_id=account_id, actor="Anna", at=AT, **values)
    assert db.execute("SELECT count(*) FROM requests").fetchone()[0] == 0


def test_merging_moves_the_messages_and_keeps_the_earliest_arrival(desk):
    data_dir, db = desk
    first = file_raw(data_dir, build(subject="Printer kapot", message_id="<a@example.org>"))
    second = file_raw(
        data_dir, build(subject="Printer doet het nog steeds niet", message_id="<b@example.org>")
    )
    moved = [row[0] for row in db.execute("SELECT id FROM messages WHERE request_id = ?", [second])]
    merge(db, second, first, "Anna", AT)
    assert db.execute("SELECT merged_into FROM requests WHERE id = ?", [second]).fetchone()[0] == first
    assert db.execute("SELECT count(*) FROM messages WHERE request_id = ?", [first]).fetchone()[0] == 2
    assert _events(db, first, "merged") == [{"source": second, "messages": moved}]
    assert _events(db, second, "merged") == [{"into": first, "messages": moved}]
    second_number = db.execute("SELECT number FROM requests WHERE id = ?", [second]).fetchone()[0]
    assert second_number != second  # filed from mail: the message's key numbers it
    with pytest.raises(TriageError, match=f"^merge: request #{second_number} was merged already$"):
        merge(db, second, first, "Anna", AT)
    with pytest.raises(TriageError, match="into itself"):
        merge(db, first, first, "Anna", AT)
    with pytest.raises(TriageError, match=r"^merge: there is no request to merge$"):
        merge(db, 999, first, "Anna", AT)
    with pytest.raises(TriageError, match=r"^merge: there is no request to merge into$"):
        merge(db, first, 999, "Anna", AT)


def test_a_message_split_off_opens_a_request_from_its_sender_but_a_request_keeps_its_last_message(desk):
    data_dir, db = desk
    first = file_raw(data_dir, build(subject="Stoel kapot", message_id="<c@example.org>"))
    reply = build(sender="Bram <bram@example.org>", subject="Re: Stoel kapot", message_id="<d@example.org>",
                  in_reply_to="<c@example.org>", references=["<c@example.org>"])  # fmt: skip
    assert file_raw(data_dir, reply) == first
    message = db.execute("SELECT id FROM messages WHERE message_id = '<d@example.org>'").fetchone()[0]
    new = split(db, message, "Anna", AT)
    row = db.execute(
        "SELECT q.address, r.first_message_id, r.status FROM requests r JOIN requesters q ON q.id = r.requester_id "
        "WHERE r.id = ?",
        [new],
    ).fetchone()
    assert row == ("bram@example.org", message, "new")
    assert _events(db, first, "split") == [{"into": new, "message": message}]
    assert _events(db, new, "split") == [{"source": first, "message": message}]
    only = db.execute("SELECT id FROM messages WHERE message_id = '<c@example.org>'").fetchone()[0]
    with pytest.raises(TriageError, match="only one"):
        split(db, only, "Anna", AT)

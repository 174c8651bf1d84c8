"""Status transitions are events, and the request columns follow them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlite_utils
from hypothesis import given, settings
from hypothesis import strategies as st

from store import lifecycle
from store.db import open_memory_db
from store.timeutil import to_db
from store.vocabulary import RequestStatus
from tests.request_rows import insert_request, request_row

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def make_request(db: sqlite_utils.Database, status: str = "new", received: datetime = T0) -> int:
    if not db.execute("SELECT 1 FROM accounts").fetchone():
        db["accounts"].insert(
            {
                "id": 1,
                "name": "desk",
                "address": "desk@example.org",
                "imap_host": "localhost",
                "imap_port": 143,
                "imap_security": "none",
                "smtp_host": "localhost",
                "smtp_port": 25,
                "smtp_security": "none",
                "username": "desk",
                "created_at": to_db(T0),
            }
        )
    return int(
        insert_request(
            db,
            {
                "account_id": 1,
                "subject": "Broken chair",
                "status": status,
                "received_at": to_db(received),
                "last_activity_at": to_db(received),
            },
        )
    )


def kinds(db: sqlite_utils.Database, request_id: int) -> list[str]:
    return [e.kind for e in lifecycle.load_events(db, request_id)]


@pytest.fixture
def db() -> sqlite_utils.Database:
    return open_memory_db()


def test_desk_reply_moves_new_request_to_waiting_and_stops_first_response(db):
    rid = make_request(db)
    lifecycle.record_desk_reply(db, rid, None, T0 + timedelta(hours=1), "anna")
    row = request_row(db, rid)
    assert row["status"] == "waiting"
    assert row["first_response_at"] == to_db(T0 + timedelta(hours=1))
    assert kinds(db, rid) == ["replied", "status"]


def test_earliest_reply_later_than_arrival_is_the_first_response(db):
    rid = make_request(db)
    lifecycle.record_desk_reply(db, rid, None, T0 + timedelta(hours=3), "anna")
    lifecycle.record_desk_reply(
        db, rid, None, T0 + timedelta(hours=2), "bert"
    )  # synced later, written earlier
    lifecycle.record_desk_reply(
        db, rid, None, T0 - timedelta(hours=1), "bert"
    )  # before arrival: not an answer
    assert request_row(db, rid)["first_response_at"] == to_db(T0 + timedelta(hours=2))


def test_reply_with_status_after_resolves_and_sets_resolved_at(db):
    rid = make_request(db)
    lifecycle.record_desk_reply(db, rid, None, T0 + timedelta(hours=1), "anna", "resolved")
    row = request_row(db, rid)
    assert row["status"] == "resolved"
    assert row["resolved_at"] == to_db(T0 + timedelta(hours=1))


def test_requester_message_reopens_waiting_and_resolved_requests(db):
    for status in ("waiting", "resolved"):
        rid = make_request(db, status)
        lifecycle.record_incoming(db, rid, None, T0 + timedelta(hours=1), "requester")
        row = request_row(db, rid)
        assert row["status"] == "open"
        assert row["resolved_at"] is None
        status_event = lifecycle.load_events(db, rid)[-1]
        assert (status_event.kind, status_event.actor) == ("status", "requester")


def test_automatic_mail_never_changes_status_or_activity(db):
    rid = make_request(db, "waiting")
    lifecycle.record_incoming(db, rid, None, T0 + timedelta(hours=1), "auto")
    row = request_row(db, rid)
    assert row["status"] == "waiting"
    assert row["last_activity_at"] == to_db(T0)
    assert kinds(db, rid) == ["auto_received"]


def test_colleague_answer_ends_the_wait_on_their_department(db):
    rid = make_request(db, "open")
    lifecycle.set_status(
        db, rid, "waiting_colleague", "anna", T0 + timedelta(hours=1), department="Facilities"
    )
    lifecycle.record_incoming(db, rid, None, T0 + timedelta(hours=4), "colleague")
    assert request_row(db, rid)["status"] == "open"
    periods = lifecycle.status_periods(T0, lifecycle.load_events(db, rid))
    waits = lifecycle.colleague_wait_seconds(periods, T0 + timedelta(days=1))
    assert waits == {"Facilities": 3 * 3600}


def test_waiting_colleague_records_department_in_event(db):
    rid = make_request(db, "open")
    lifecycle.record_desk_reply(
        db, rid, None, T0 + timedelta(hours=1), "anna", "waiting_colleague", department="IT"
    )
    event = lifecycle.load_events(db, rid)[-1]
    assert event.data == {"from": "open", "to": "waiting_colleague", "department": "IT", "by_mail": True}


def test_unknown_status_and_role_are_refused_with_the_field_named(db):
    rid = make_request(db)
    with pytest.raises(lifecycle.LifecycleError, match="status"):
        lifecycle.set_status(db, rid, "closed", "anna", T0)
    with pytest.raises(lifecycle.LifecycleError, match="role"):
        lifecycle.record_incoming(db, rid, 1, T0, "robot")
    assert kinds(db, rid) == []


def test_assignee_priority_category_and_note_are_events_with_actor(db):
    rid = make_request(db)
    at = T0 + timedelta(minutes=5)
    lifecycle.set_assignee(db, rid, "anna", "bert", at)
    lifecycle.set_priority(db, rid, "high", "bert", at)
    lifecycle.set_category(db, rid, "furniture", "bert", at)
    lifecycle.add_note(db, rid, "called them back", "bert", at)
    events = lifecycle.load_events(db, rid)
    assert [e.kind for e in events] == ["assignee", "priority", "category", "note"]
    assert {e.actor for e in events} == {"bert"}
    row = request_row(db, rid)
    assert (row["assignee"], row["priority"], row["category"]) == ("anna", "high", "furniture")


def test_failed_transition_leaves_nothing_behind(db):
    rid = make_request(db)
    with pytest.raises(lifecycle.LifecycleError):
        lifecycle.set_status(db, rid, "open", "anna", T0, department="IT")
    assert kinds(db, rid) == []
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == 0


ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["requester", "colleague", "auto", "reply", "set"]),
        st.sampled_from(list(RequestStatus)),
        st.integers(min_value=1, max_value=600),
    ),
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(ACTIONS)
def test_status_column_always_equals_the_replay_of_status_events(actions):
    db = open_memory_db()
    rid = make_request(db)
    at = T0
    for action, status, minutes in actions:
        at += timedelta(minutes=minutes)
        if action == "reply":
            lifecycle.record_desk_reply(db, rid, None, at, "anna")
        elif action == "set":
            department = "IT" if status == "waiting_colleague" else None
            lifecycle.set_status(db, rid, status, "anna", at, department=department)
        else:
            lifecycle.record_incoming(db, rid, None, at, action)
    periods = lifecycle.status_periods(T0, lifecycle.load_events(db, rid))
    row = request_row(db, rid)
    assert periods[-1].status == row["status"]
    assert (row["resolved_at"] is not None) == (row["status"] == "resolved")


def test_asking_another_department_while_waiting_on_a_colleague_switches_the_wait(db):
    rid = make_request(db, "open")
    lifecycle.set_status(db, rid, "waiting_colleague", "anna", T0 + timedelta(hours=1), department="IT")
    lifecycle.record_desk_reply(
        db, rid, None, T0 + timedelta(hours=2), "anna", "waiting_colleague", department="Facilities"
    )
    periods = lifecycle.status_periods(T0, lifecycle.load_events(db, rid))
    waits = lifecycle.colleague_wait_seconds(periods, T0 + timedelta(hours=5))
    assert waits == {"IT": 3600, "Facilities": 3 * 3600}

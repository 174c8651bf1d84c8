"""The first sync files requests that went quiet before the account's cut-off as done, once, and only those."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta

import pytest
import sqlite_utils

from store import lifecycle
from store.accounts import AccountError, set_history_days
from store.db import open_memory_db, transaction
from store.history import DEFAULT_HISTORY_DAYS, HISTORY_ACTOR, file_history
from store.stats.records import Selection, StatsSource
from store.timeutil import to_db
from store.vocabulary import RequestStatus
from tests.accounts import loopback_account
from tests.request_rows import insert_request, request_row

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
OLD = NOW - timedelta(days=200)
RECENT = NOW - timedelta(days=3)


@pytest.fixture
def db() -> sqlite_utils.Database:
    database = open_memory_db()
    loopback_account(database, history_days=DEFAULT_HISTORY_DAYS)
    return database


def request(db: sqlite_utils.Database, received: datetime, *, replied_after: timedelta | None = None) -> int:
    """A request opened by mail at ``received``, answered by the desk ``replied_after`` later when given."""
    request_id = int(
        insert_request(
            db,
            {
                "account_id": 1,
                "subject": "Broken chair",
                "received_at": to_db(received),
                "last_activity_at": to_db(received),
            },
        )
    )
    lifecycle.record_opening(db, request_id, None, received)
    if replied_after is not None:
        message = db["messages"].insert(
            {"account_id": 1, "direction": "out", "role": "desk", "date": to_db(received + replied_after),
             "request_id": request_id}
        )  # fmt: skip
        lifecycle.record_desk_reply(db, request_id, message.last_pk, received + replied_after, "anna")
    return request_id


def row(db: sqlite_utils.Database, request_id: int) -> dict:
    return request_row(db, request_id)


def test_requests_quiet_before_the_cut_off_are_resolved_at_their_last_message_and_recent_ones_stay_open(db):
    unanswered = request(db, OLD)
    answered = request(db, OLD, replied_after=timedelta(hours=2))
    recent = request(db, RECENT)
    assert file_history(db, 1, NOW) == 2
    assert row(db, unanswered)["status"] == row(db, answered)["status"] == RequestStatus.RESOLVED
    assert row(db, answered)["resolved_at"] == to_db(OLD + timedelta(hours=2))
    assert row(db, recent)["status"] == "new"
    last = lifecycle.load_events(db, answered)[-1]
    assert (last.kind, last.actor, last.at) == ("status", HISTORY_ACTOR, OLD + timedelta(hours=2))
    assert last.data == {"from": "waiting", "to": "resolved", "history": True}


def test_history_is_filed_once_so_later_syncs_never_file_new_mail_as_history(db):
    assert file_history(db, 1, NOW) == 0
    late = request(db, OLD)  # old mail that a later pass brings (moved into INBOX, say)
    assert file_history(db, 1, NOW + timedelta(days=1)) is None
    assert row(db, late)["status"] == "new"


def test_zero_days_keeps_everything_open(db):
    set_history_days(db, 1, 0)
    old = request(db, OLD)
    assert file_history(db, 1, NOW) == 0
    assert row(db, old)["status"] == "new"
    assert file_history(db, 1, NOW) is None


def test_a_negative_cut_off_is_refused_with_the_field_named(db):
    with pytest.raises(AccountError, match="history days"):
        set_history_days(db, 1, -1)


def test_a_request_someone_gave_a_status_by_hand_during_the_first_sync_keeps_it(db):
    worked_on = request(db, OLD)
    lifecycle.set_status(db, worked_on, "open", "anna", NOW - timedelta(hours=1))
    db.execute("UPDATE requests SET last_activity_at = ? WHERE id = ?", [to_db(OLD), worked_on])
    assert file_history(db, 1, NOW) == 0
    assert row(db, worked_on)["status"] == "open"


def test_a_requester_who_writes_again_reopens_a_request_filed_as_history(db):
    old = request(db, OLD, replied_after=timedelta(hours=1))
    file_history(db, 1, NOW)
    lifecycle.record_incoming(db, old, None, NOW + timedelta(hours=1), "requester")
    assert row(db, old)["status"] == "open"
    assert row(db, old)["resolved_at"] is None


def test_the_state_agreed_with_the_mailbox_moves_along_so_nothing_is_pushed_for_it(db):
    agreed, first_look = request(db, OLD), request(db, OLD)
    db.execute(
        "UPDATE requests SET keywords_agreed = json_object('assignee', NULL, 'status', 'new') WHERE id = ?",
        [agreed],
    )
    file_history(db, 1, NOW)
    assert json.loads(row(db, agreed)["keywords_agreed"]) == {"assignee": None, "status": "resolved"}
    assert (
        row(db, first_look)["keywords_agreed"] is None
    )  # looked at first with the keywords: theirs would win


def test_history_counts_in_its_period_with_its_first_response_and_without_a_resolution_time(db):
    answered = request(db, OLD, replied_after=timedelta(hours=2))
    unanswered = request(db, OLD + timedelta(minutes=5))
    resolved_by_hand = request(db, OLD + timedelta(minutes=10), replied_after=timedelta(hours=1))
    lifecycle.set_status(db, resolved_by_hand, "resolved", "anna", OLD + timedelta(hours=3))
    file_history(db, 1, NOW)
    figures = {f.request_id: f for f in StatsSource(db, Selection(OLD.date(), OLD.date())).rows()}
    assert set(figures) == {answered, unanswered, resolved_by_hand}
    assert figures[answered].first_response_calendar_min == 120.0
    assert figures[answered].resolved_at is not None
    assert figures[answered].resolution_business_min is None
    assert (
        figures[unanswered].first_response_at is None and figures[unanswered].resolution_business_min is None
    )
    assert figures[resolved_by_hand].resolution_business_min is not None


def test_a_request_filed_as_history_and_reopened_then_resolved_by_hand_has_a_resolution_time_again(db):
    old = request(db, OLD, replied_after=timedelta(hours=1))
    file_history(db, 1, NOW)
    lifecycle.record_incoming(db, old, None, NOW + timedelta(hours=1), "requester")
    lifecycle.set_status(db, old, "resolved", "anna", NOW + timedelta(hours=2))
    (figures,) = StatsSource(db, Selection(OLD.date(), OLD.date())).rows()
    assert figures.resolution_business_min is not None


def test_a_hundred_thousand_requests_are_filed_in_set_based_statements(db):
    """Filing is a few statements over the requests, not a pass in Python, and the indexes a new status moves are
    built again instead of updated row by row: at 100,000 it takes seconds at most."""
    with transaction(db):
        db.conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
            "INSERT INTO requests (id, number, account_id, subject, received_at, last_activity_at) "
            "SELECT i, i, 1, 'Chair ' || i, ?, ? FROM n",
            [to_db(OLD), to_db(OLD)],
        )
    indexes = (
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'requests' ORDER BY name"
    )
    before = db.execute(indexes).fetchall()
    started = time.perf_counter()
    assert file_history(db, 1, NOW) == 100_000
    seconds = time.perf_counter() - started
    assert db.execute("SELECT count(*) FROM requests WHERE status != 'resolved'").fetchone()[0] == 0
    assert db.execute(indexes).fetchall() == before  # built again around the update, every one as it was
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert seconds < 20, f"filing 100,000 requests took {seconds:.1f} s"


def test_timers_of_history_never_breach_or_warn_and_the_queues_hold_only_what_is_open(db):
    from store.queues import RequestFilter, request_ids
    from store.standards.rules import Standard, add_standard

    old, recent = request(db, OLD), request(db, NOW - timedelta(hours=30))
    add_standard(db, Standard(None, 1, "Snel", first_response_min=60), NOW)
    assert set(request_ids(db, RequestFilter("breached"), NOW)) == {old, recent}
    file_history(db, 1, NOW)
    for queue in ("breached", "breaching", "open"):
        assert old not in request_ids(db, RequestFilter(queue), NOW)
    assert request_ids(db, RequestFilter("breached"), NOW) == [recent]

"""Every desktop that knows the same changes ends with the same request, whatever order they arrived in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store import team_changes
from store.db import open_memory_db
from store.team_changes import Change, TeamChangeError
from tests.accounts import loopback_account

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
KEY = "<phoned@request.loket>"
NEW = Change(
    "0new",
    KEY,
    "new",
    {
        "requester_address": "piet@example.org",
        "requester_name": "Piet",
        "subject": "Sleutel",
        "channel": "phone",
    },
    "Anna",
    T0,
)


def desk():
    db = open_memory_db()
    loopback_account(db)
    return db


def state(db):
    return db.execute(
        "SELECT status, assignee, priority, category, (SELECT count(*) FROM events WHERE kind = 'note') "
        "FROM requests"
    ).fetchall()


def history(db):
    return sorted(
        db.execute("SELECT actor, kind, json_extract(data_json, '$.to') FROM events WHERE kind != 'standard'")
    )


CHANGES = [
    Change(f"c{number}", KEY, field, value, actor, T0 + timedelta(seconds=second))
    for number, (field, value, actor, second) in enumerate(
        [
            ("status", "open", "Anna", 1),
            ("status", "waiting", "Ben", 1),  # the same instant: the change id decides
            ("priority", "high", "Ben", 2),
            ("priority", "low", "Anna", 3),
            ("assignee", "Ben", "Ben", 2),
            ("note", "eerst bellen", "Anna", 2),
            ("category", "Sleutels", "Ben", 5),
        ]
    )
]


@settings(max_examples=30, deadline=None)
@given(st.permutations(CHANGES), st.integers(min_value=0, max_value=len(CHANGES)))
def test_desktops_that_receive_the_same_changes_in_any_order_and_batches_end_alike(order, cut):
    reference, shuffled = desk(), desk()
    team_changes.receive(reference, 1, [NEW, *CHANGES])
    team_changes.receive(shuffled, 1, order[:cut])  # these wait until the request they name is known
    team_changes.receive(shuffled, 1, [*order[cut:], NEW, *order[:cut]])
    assert state(shuffled) == state(reference) == [("waiting", "Ben", "low", "Sleutels", 1)]
    assert history(shuffled) == history(reference)
    assert ("Anna", "status", "open") in history(shuffled)


def test_a_change_made_here_follows_every_change_this_desktop_knows_even_with_a_clock_behind():
    db = desk()
    team_changes.receive(db, 1, [NEW, CHANGES[2]])
    request = team_changes.find_request(db, 1, KEY)
    team_changes.set_field(db, request, "priority", "urgent", "Eva", T0 - timedelta(hours=1))
    assert state(db)[0][2] == "urgent"
    (queued,) = team_changes.queued(db, 1)
    assert queued.at > CHANGES[2].at and queued.value == "urgent"


def test_a_change_is_applied_once_however_often_it_is_read():
    db = desk()
    for _ in range(3):
        team_changes.receive(db, 1, [NEW, CHANGES[5]])
    assert state(db)[0][4] == 1


def test_a_change_that_cannot_be_applied_is_skipped_and_holds_up_nothing():
    db = desk()
    broken = Change("0bad", "<other@request.loket>", "new", {"requester_address": "nobody"}, "X", T0)
    assert team_changes.receive(db, 1, [broken, NEW, CHANGES[0]])[0] == 3
    assert state(db)[0][0] == "open"
    assert db.execute("SELECT count(*) FROM team_changes WHERE applied = 0").fetchone()[0] == 0


@pytest.mark.parametrize("text", ["", "{}", '{"change": "x", "request": "k", "field": "colour", "at": "x"}'])
def test_what_is_not_a_change_is_refused_with_a_reason(text):
    with pytest.raises(TeamChangeError):
        Change.from_json(text)


def test_a_change_reads_back_as_it_was_written():
    assert Change.from_json(CHANGES[3].to_json()) == CHANGES[3]


def test_a_reply_being_written_shows_until_it_is_sent_or_discarded_or_fifteen_minutes_pass_silently():
    db = desk()
    team_changes.receive(db, 1, [NEW])
    request = team_changes.find_request(db, 1, KEY)
    team_changes.mark_replying(db, request, "Anna", T0, replying=True)
    team_changes.mark_replying(db, request, "Ben", T0, replying=True)
    assert [name for name, _ in team_changes.replying_now(db, request, T0 + timedelta(minutes=1))] == [
        "Anna",
        "Ben",
    ]
    team_changes.mark_replying(db, request, "Ben", T0 + timedelta(minutes=2), replying=False)
    assert [name for name, _ in team_changes.replying_now(db, request, T0 + timedelta(minutes=3))] == ["Anna"]
    assert team_changes.replying_now(db, request, T0 + timedelta(minutes=16)) == []
    team_changes.mark_replying(db, request, "Anna", T0 + timedelta(minutes=14), replying=True)  # still typing
    assert [name for name, _ in team_changes.replying_now(db, request, T0 + timedelta(minutes=16))] == [
        "Anna"
    ]
    assert db.execute("SELECT count(*) FROM events WHERE kind = 'replying'").fetchone()[0] == 0

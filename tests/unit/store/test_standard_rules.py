"""Which standard covers a request, the due dates it gives, and refusals that change nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta

import pytest
import sqlite_utils
from hypothesis import given, settings
from hypothesis import strategies as st

from store import lifecycle
from store.db import open_memory_db
from store.numbers import NEXT_NUMBER
from store.standards.business_time import MONDAY_TO_FRIDAY_9_TO_17, Calendar, CalendarError, due_at
from store.standards.calendars import parse_hours_text
from store.standards.rules import (
    Standard,
    StandardError,
    add_calendar,
    add_standard,
    apply_standard,
    edit_standard,
    recompute_due_dates,
    remove_standard,
    standard_for_request,
)
from store.timeutil import to_db

MONDAY_10 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # 10:00 in Amsterdam
NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def make_store() -> sqlite_utils.Database:
    db = open_memory_db()
    calendar_id = add_calendar(db, "desk", "Europe/Amsterdam", MONDAY_TO_FRIDAY_9_TO_17, "NL")
    db.execute(
        "INSERT INTO accounts (id, name, address, imap_host, imap_port, imap_security, smtp_host, smtp_port, "
        "smtp_security, username, calendar_id, created_at) VALUES (1, 'desk', 'desk@example.org', 'localhost', "
        "143, 'none', 'localhost', 25, 'none', 'desk', ?, ?)",
        [calendar_id, to_db(NOW)],
    )
    db.execute("INSERT INTO departments (id, name) VALUES (1, 'Finance'), (2, 'IT')")
    db.execute(
        "INSERT INTO requesters (id, address, department_id) VALUES (1, 'ann@example.org', 1), "
        "(2, 'bob@example.org', 2), (3, 'cy@example.org', NULL)"
    )
    return db


def make_request(
    db, requester_id=1, category=None, priority="normal", received=MONDAY_10, channel="email"
) -> int:
    cursor = db.execute(
        "INSERT INTO requests (number, account_id, requester_id, category, priority, received_at, last_activity_at, "
        f"channel) VALUES ({NEXT_NUMBER}, 1, ?, ?, ?, ?, ?, ?) RETURNING id",
        [requester_id, category, priority, to_db(received), to_db(received), channel],
    )
    return int(cursor.fetchone()[0])


def row(db, request_id):
    values = db.execute(
        "SELECT standard_id, first_response_due, resolution_due FROM requests WHERE id = ?", [request_id]
    ).fetchone()
    return dict(zip(("standard_id", "first_response_due", "resolution_due"), values, strict=True))


def standard(name, **kwargs) -> Standard:
    kwargs.setdefault("first_response_min", 240)
    kwargs.setdefault("resolution_min", 3 * 480)
    return Standard(None, 1, name, **kwargs)


def test_most_specific_standard_wins_and_account_default_covers_the_rest():
    db = make_store()
    default = add_standard(db, standard("default"), NOW)
    finance = add_standard(db, standard("finance", department="Finance"), NOW)
    urgent = add_standard(db, standard("urgent", priority="urgent", first_response_min=60), NOW)
    ann = add_standard(db, standard("ann", requester="Ann@Example.org"), NOW)
    assert standard_for_request(db, make_request(db, 3)) == default
    assert standard_for_request(db, make_request(db, 2, priority="urgent")) == urgent
    assert standard_for_request(db, make_request(db, 1, priority="urgent")) == ann
    db.execute("DELETE FROM standards WHERE id = ?", [ann.id])
    assert standard_for_request(db, make_request(db, 1, priority="urgent")) == finance


def test_applying_a_standard_sets_due_dates_and_records_the_change():
    db = make_store()
    default = add_standard(db, standard("default"), NOW)
    request_id = make_request(db)
    assert apply_standard(db, request_id, NOW) == default
    calendar = Calendar("Europe/Amsterdam", holidays="NL")
    values = row(db, request_id)
    assert values["standard_id"] == default.id
    assert values["first_response_due"] == to_db(due_at(MONDAY_10, 240, calendar))
    assert values["resolution_due"] == to_db(due_at(MONDAY_10, 1440, calendar))
    events = lifecycle.load_events(db, request_id)
    assert [(e.kind, e.data["name"]) for e in events] == [("standard", "default")]


def test_editing_a_standard_recomputes_due_dates_of_open_requests_only():
    db = make_store()
    default = add_standard(db, standard("default"), NOW)
    open_id, resolved_id = make_request(db), make_request(db)
    for request_id in (open_id, resolved_id):
        apply_standard(db, request_id, NOW)
    lifecycle.set_status(db, resolved_id, "resolved", "anna", NOW)
    before = row(db, resolved_id)
    edit_standard(db, default.id, {"first_response_min": 60}, NOW)
    assert row(db, open_id)["first_response_due"] == to_db(MONDAY_10 + timedelta(hours=1))
    assert row(db, resolved_id) == before


def test_waiting_on_the_requester_pushes_the_due_date_out():
    db = make_store()
    add_standard(db, standard("default"), NOW)
    request_id = make_request(db)
    apply_standard(db, request_id, NOW)
    lifecycle.set_status(db, request_id, "waiting", "anna", MONDAY_10 + timedelta(hours=1))
    lifecycle.set_status(db, request_id, "open", "ann", MONDAY_10 + timedelta(hours=3))
    recompute_due_dates(db, None, NOW)
    assert row(db, request_id)["first_response_due"] == to_db(MONDAY_10 + timedelta(hours=6))


def test_a_new_more_specific_standard_moves_open_requests_with_an_event():
    db = make_store()
    add_standard(db, standard("default"), NOW)
    request_id = make_request(db, 2)
    apply_standard(db, request_id, NOW)
    it = add_standard(db, standard("it", department="IT", first_response_min=30), NOW)
    assert row(db, request_id)["standard_id"] == it.id
    assert row(db, request_id)["first_response_due"] == to_db(MONDAY_10 + timedelta(minutes=30))
    assert [e.data["name"] for e in lifecycle.load_events(db, request_id)] == ["default", "it"]
    remove_standard(db, it.id, NOW)
    assert [e.data["name"] for e in lifecycle.load_events(db, request_id)] == ["default", "it", "default"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"first_response_min": 0}, "first response: the target must be more than zero"),
        ({"first_response_min": -5}, "first response"),
        ({"resolution_min": 0}, "resolution"),
        ({"warning_pct": 100}, "warning"),
        ({"name": " "}, "name"),
        ({"calendar_id": 99}, "calendar"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_edits_are_refused_with_the_field_named_and_nothing_changes(changes, field):
    db = make_store()
    default = add_standard(db, standard("default"), NOW)
    request_id = make_request(db)
    apply_standard(db, request_id, NOW)
    before = (db.execute("SELECT * FROM standards").fetchall(), row(db, request_id))
    with pytest.raises(StandardError, match=field):
        edit_standard(db, default.id, changes, NOW)
    assert (db.execute("SELECT * FROM standards").fetchall(), row(db, request_id)) == before


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"tz": "Mars/Olympus"}, "time zone"),
        ({"holidays": "ZZ"}, "holidays"),
        ({"hours": {0: ((time(17), time(9)),)}}, "opening hours: Monday"),
        ({"hours": {1: ((time(9), time(13)), (time(12), time(17)))}}, "overlaps"),
    ],
)
def test_bad_calendars_are_refused_with_the_field_named_and_nothing_stored(kwargs, field):
    db = make_store()
    values = {"tz": "Europe/Amsterdam", "hours": MONDAY_TO_FRIDAY_9_TO_17, **kwargs}
    with pytest.raises(StandardError, match=field):
        add_calendar(db, "bad", values["tz"], values["hours"], values.get("holidays"))
    assert db.execute("SELECT count(*) FROM calendars").fetchone()[0] == 1


def test_duplicate_name_is_refused():
    db = make_store()
    add_standard(db, standard("default"), NOW)
    with pytest.raises(StandardError, match=r"name: .* exists already"):
        add_standard(db, standard("default", category="x"), NOW)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "department": st.sampled_from([None, "Finance", "IT"]),
                "requester": st.sampled_from([None, "ann@example.org", "cy@example.org"]),
                "category": st.sampled_from([None, "chairs"]),
                "priority": st.sampled_from([None, "urgent", "normal"]),
            }
        ),
        max_size=6,
    ),
    st.sampled_from([1, 2, 3]),
    st.sampled_from([None, "chairs"]),
    st.sampled_from(["urgent", "normal"]),
)
def test_chosen_standard_fits_and_no_fitting_standard_is_more_specific(
    criteria, requester, category, priority
):
    db = make_store()
    for index, values in enumerate(criteria):
        add_standard(db, standard(f"s{index}", **values), NOW)
    request_id = make_request(db, requester, category, priority)
    chosen = standard_for_request(db, request_id)
    facts = {
        "requester": ["ann@example.org", "bob@example.org", "cy@example.org"][requester - 1],
        "department": {1: "Finance", 2: "IT", 3: None}[requester],
        "category": category,
        "priority": priority,
    }
    fitting = [values for values in criteria if all(v is None or v == facts[k] for k, v in values.items())]
    if not fitting:
        assert chosen is None
        return
    assert chosen is not None and chosen.applies_to(facts)
    assert chosen.specificity() == max(standard("x", **values).specificity() for values in fitting)
    assert json.dumps(facts)  # facts are plain values


def test_a_channel_standard_covers_calls_and_counts_as_specific_as_a_category():
    db = make_store()
    mail = add_standard(db, standard("e-mail", first_response_min=240), NOW)
    calls = add_standard(db, standard("calls", channel="Phone", first_response_min=60), NOW)
    chairs = add_standard(db, standard("chairs", category="chairs", first_response_min=120), NOW)
    finance = add_standard(db, standard("finance", department="Finance", first_response_min=30), NOW)
    assert calls.channel == "phone"
    assert standard_for_request(db, make_request(db, 2, channel="phone")) == calls
    assert standard_for_request(db, make_request(db, 2, channel="desk")) == mail
    assert standard_for_request(db, make_request(db, 2)) == mail
    # A tie between a channel and a category goes to the older standard, as any tie does.
    assert standard_for_request(db, make_request(db, 2, category="chairs", channel="phone")) == calls
    # A department outweighs a channel and a category together.
    both = add_standard(db, standard("chair calls", category="chairs", channel="phone"), NOW)
    assert standard_for_request(db, make_request(db, 2, category="chairs", channel="phone")) == both
    assert standard_for_request(db, make_request(db, 1, category="chairs", channel="phone")) == finance
    assert chairs.channel is None


def test_a_call_entered_by_hand_gets_the_phone_standard_and_its_due_date():
    from store.triage import create_manual

    db = make_store()
    add_standard(db, standard("e-mail", first_response_min=240), NOW)
    calls = add_standard(db, standard("calls", channel="phone", first_response_min=60), NOW)
    request_id = create_manual(
        db,
        account_id=1,
        requester_address="bob@example.org",
        requester_name="Bob",
        subject="Printer",
        text="jammed",
        channel="phone",
        actor="anna",
        at=MONDAY_10,
    )
    assert row(db, request_id)["standard_id"] == calls.id
    assert row(db, request_id)["first_response_due"] == to_db(MONDAY_10 + timedelta(hours=1))


def test_an_unknown_channel_is_refused_naming_the_field():
    db = make_store()
    with pytest.raises(StandardError, match=r"^channel: 'fax'"):
        add_standard(db, standard("fax", channel="fax"), NOW)
    assert db.execute("SELECT count(*) FROM standards").fetchone()[0] == 0


def test_requester_answer_after_a_wait_moves_the_stored_due_date_out():
    db = make_store()
    add_standard(db, standard("default"), NOW)
    request_id = make_request(db)
    apply_standard(db, request_id, NOW)
    lifecycle.set_status(db, request_id, "waiting", "anna", MONDAY_10 + timedelta(hours=1))
    lifecycle.record_incoming(db, request_id, None, MONDAY_10 + timedelta(hours=2), "requester")
    assert row(db, request_id)["first_response_due"] == to_db(MONDAY_10 + timedelta(hours=5))


def test_changing_the_category_brings_the_category_standard():
    db = make_store()
    add_standard(db, standard("default"), NOW)
    chairs = add_standard(db, standard("chairs", category="chairs", first_response_min=30), NOW)
    request_id = make_request(db)
    apply_standard(db, request_id, NOW)
    lifecycle.set_category(db, request_id, "chairs", "anna", NOW)
    assert row(db, request_id)["standard_id"] == chairs.id
    assert row(db, request_id)["first_response_due"] == to_db(MONDAY_10 + timedelta(minutes=30))


def test_opening_hours_typed_by_people():
    hours = parse_hours_text("mon-fri 08:30-12:00,13:00-17:00; sat 09:00-24:00")
    assert hours[0] == [(time(8, 30), time(12)), (time(13), time(17))]
    assert hours[5] == [(time(9), time(0))]
    assert 6 not in hours
    assert parse_hours_text("24/7")[6] == [(time(0), time(0))]
    for bad, sentence in (
        ("fri-mon 09:00-17:00", "backwards"),
        ("mon", "no hours"),
        ("xyz 09:00-10:00", "weekday"),
    ):
        with pytest.raises(CalendarError, match=sentence):
            parse_hours_text(bad)


def test_editing_what_a_standard_applies_to_moves_open_requests():
    db = make_store()
    default = add_standard(db, standard("default"), NOW)
    narrow = add_standard(db, standard("narrow", department="IT", first_response_min=30), NOW)
    request_id = make_request(db, 1)  # Finance
    apply_standard(db, request_id, NOW)
    assert row(db, request_id)["standard_id"] == default.id
    edit_standard(db, narrow.id, {"department": "Finance"}, NOW)
    assert row(db, request_id)["standard_id"] == narrow.id
    assert row(db, request_id)["first_response_due"] == to_db(MONDAY_10 + timedelta(minutes=30))


def test_the_warning_starts_at_the_standards_share_of_the_target_in_working_time():
    db = make_store()
    add_standard(db, standard("default", warning_pct=75), NOW)
    friday_16 = datetime(
        2026, 11, 27, 15, 0, tzinfo=UTC
    )  # 16:00 in Amsterdam, one working hour left that day
    request_id = make_request(db, received=friday_16)
    apply_standard(db, request_id, NOW)
    first_warn, first_due, resolution_warn = db.execute(
        "SELECT first_response_warn, first_response_due, resolution_warn FROM requests WHERE id = ?",
        [request_id],
    ).fetchone()
    calendar = Calendar("Europe/Amsterdam", holidays="NL")
    # 3 of 4 working hours: Friday 16–17 and Monday 9–11, not three quarters of the weekend in between.
    assert (
        first_warn
        == to_db(due_at(friday_16, 180, calendar))
        == to_db(datetime(2026, 11, 30, 10, 0, tzinfo=UTC))
    )
    assert first_due == to_db(due_at(friday_16, 240, calendar))
    assert resolution_warn == to_db(due_at(friday_16, 0.75 * 1440, calendar))

"""Timers: states, pauses while waiting on the requester, and the export's figures."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store import lifecycle
from store.lifecycle import Event
from store.standards.business_time import Calendar, business_minutes_between
from store.standards.rules import Standard, add_standard, apply_standard
from store.standards.timers import (
    compute_timers,
    first_response_business_min,
    load_timers,
    resolution_business_min,
    waiting_pauses,
    within_standard,
)
from tests.unit.store.test_standard_rules import make_request, make_store

AMS = ZoneInfo("Europe/Amsterdam")
CALENDAR = Calendar("Europe/Amsterdam", holidays="NL")
STANDARD = Standard(1, 1, "default", first_response_min=240, resolution_min=3 * 480)
RECEIVED = datetime(2026, 11, 23, 9, tzinfo=AMS)  # a Monday


def status(at: datetime, old: str, new: str, department: str | None = None) -> Event:
    data = {"from": old, "to": new}
    if department:
        data["department"] = department
    return Event(at, "status", "anna", None, data)


@pytest.mark.parametrize(
    ("hours", "state"),
    [(1, "on_time"), (2.9, "on_time"), (3, "warning"), (3.5, "warning"), (4, "breached"), (26, "breached")],
)
def test_running_first_response_timer_goes_from_on_time_to_warning_to_breached(hours, state):
    now = RECEIVED + timedelta(hours=hours)
    timers = compute_timers(RECEIVED, None, None, [], CALENDAR, STANDARD, now)
    assert timers.first_response is not None
    assert timers.first_response.state == state
    assert timers.first_response.due == RECEIVED + timedelta(hours=4)
    assert timers.first_response.warning_at == RECEIVED + timedelta(hours=3)


def test_stopped_timers_are_met_or_met_late():
    now = RECEIVED + timedelta(days=10)
    on_time = compute_timers(RECEIVED, RECEIVED + timedelta(hours=2), None, [], CALENDAR, STANDARD, now)
    late = compute_timers(
        RECEIVED, RECEIVED + timedelta(hours=5), RECEIVED + timedelta(days=1), [], CALENDAR, STANDARD, now
    )
    assert on_time.first_response.state == "met"
    assert late.first_response.state == "met_late"
    assert late.resolution.state == "met"
    assert late.resolution.used_min == 480


def test_waiting_on_the_requester_pauses_and_waiting_on_a_colleague_does_not():
    events = [
        status(RECEIVED + timedelta(hours=1), "new", "waiting"),
        status(RECEIVED + timedelta(hours=3), "waiting", "open"),
        status(RECEIVED + timedelta(hours=4), "open", "waiting_colleague", "Facilities"),
    ]
    now = RECEIVED + timedelta(hours=6)
    timers = compute_timers(RECEIVED, None, None, events, CALENDAR, STANDARD, now)
    assert timers.first_response.used_min == 6 * 60 - 2 * 60
    assert timers.first_response.due == RECEIVED + timedelta(hours=6)
    assert timers.paused == [(RECEIVED + timedelta(hours=1), RECEIVED + timedelta(hours=3))]
    assert timers.colleague_wait_seconds == {"Facilities": 2 * 3600}


def test_an_ongoing_wait_pauses_up_to_now():
    events = [status(RECEIVED + timedelta(hours=1), "new", "waiting")]
    now = RECEIVED + timedelta(hours=5)
    timers = compute_timers(RECEIVED, None, None, events, CALENDAR, STANDARD, now)
    assert timers.first_response.used_min == 60
    assert timers.first_response.state == "on_time"


def test_explanation_names_the_counted_hours_and_the_state():
    timers = compute_timers(
        RECEIVED, None, None, [], CALENDAR, STANDARD, RECEIVED + timedelta(hours=1), explain=True
    )
    timer = timers.first_response
    counted = [
        (step.start.time(), step.end.time()) for step in timer.explanation.steps if step.kind == "counted"
    ]
    assert counted[0] == (time(9), time(13))
    assert timer.explanation.due == timer.due
    assert (timer.used_min, timer.state) == (60, "on_time")


def test_no_standard_means_no_timers_and_an_empty_verdict():
    timers = compute_timers(RECEIVED, None, None, [], CALENDAR, None, RECEIVED)
    assert (timers.first_response, timers.resolution) == (None, None)
    assert within_standard(10, 10, None) == ""


@pytest.mark.parametrize(
    ("first", "resolution", "verdict"),
    [
        (100, 400, "yes"),
        (300, 400, "no"),
        (100, 2000, "no"),
        (None, None, ""),
        (100, None, ""),
        (300, None, "no"),
    ],
)
def test_within_standard_verdict(first, resolution, verdict):
    assert within_standard(first, resolution, STANDARD) == verdict


def test_export_figures_exclude_waiting_time():
    pauses = [(RECEIVED + timedelta(hours=1), RECEIVED + timedelta(hours=2))]
    assert first_response_business_min(RECEIVED, RECEIVED + timedelta(hours=3), CALENDAR, pauses) == 120
    assert first_response_business_min(RECEIVED, None, CALENDAR) is None
    assert resolution_business_min(RECEIVED, RECEIVED + timedelta(days=1), CALENDAR) == 480


def test_loaded_timers_follow_the_stored_request():
    db = make_store()
    add_standard(db, Standard(None, 1, "default", 240, 1440), RECEIVED)
    request_id = make_request(db, received=RECEIVED.astimezone(UTC))
    apply_standard(db, request_id, RECEIVED)
    lifecycle.record_desk_reply(db, request_id, None, RECEIVED + timedelta(hours=2), "anna")
    timers = load_timers(db, request_id, RECEIVED + timedelta(hours=3))
    assert timers.first_response.state == "met"
    assert timers.resolution.state == "on_time"
    assert timers.paused == [(RECEIVED + timedelta(hours=2), RECEIVED + timedelta(hours=3))]
    assert load_timers(db, 999, RECEIVED) is None


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 3000), st.sampled_from(["open", "waiting", "waiting_colleague"])), max_size=6
    ),
    st.integers(0, 20_000),
)
def test_used_minutes_equal_business_minutes_outside_the_waits(changes, now_minutes):
    events, at, old = [], RECEIVED, "new"
    for minutes, new in changes:
        at += timedelta(minutes=minutes)
        events.append(status(at, old, new))
        old = new
    now = RECEIVED + timedelta(minutes=now_minutes)
    timers = compute_timers(RECEIVED, None, None, events, CALENDAR, STANDARD, now)
    pauses = waiting_pauses(RECEIVED, events, now)
    waited = sum(
        business_minutes_between(max(s, RECEIVED), min(e, now), CALENDAR) for s, e in pauses if s < now
    )
    total = business_minutes_between(RECEIVED, now, CALENDAR)
    assert timers.first_response.used_min == pytest.approx(total - waited)
    assert timers.first_response.state in ("on_time", "warning", "breached")

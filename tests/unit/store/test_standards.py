"""Business minutes and due instants, checked against a brute-force oracle that steps through time.

The oracle looks at each step of real time on its own (its local wall-clock time, its local date, holidays, pauses)
and shares no code with the implementation. It steps by one minute, or by a quarter of an hour for long spans whose
every boundary is a whole quarter hour (European DST changes happen on the hour), so months stay affordable.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays as holidays_package
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from store.standards.business_time import (
    ALWAYS_OPEN,
    MONDAY_TO_FRIDAY_9_TO_17,
    Calendar,
    CalendarError,
    business_minutes_between,
    due_at,
)
from store.standards.calendars import calendar_from_row, hours_to_json
from store.standards.due_batches import dues_at_micros, dues_for_starts, to_micros
from store.standards.explanation import explain_due

AMS = ZoneInfo("Europe/Amsterdam")
ZONES = {"Europe/Amsterdam": "NL", "Europe/Berlin": "DE-BY", "Europe/Rome": "IT"}

# Days that make business time interesting: DST changes, holidays (some on weekends), Christmas.
ANCHORS = [
    date(2026, 3, 29),  # spring forward (EU)
    date(2026, 10, 25),  # fall back
    date(2025, 3, 30),
    date(2025, 10, 26),
    date(2027, 3, 28),
    date(2026, 4, 27),  # Koningsdag, a Monday
    date(2025, 4, 26),  # Koningsdag moved to Saturday (27 April 2025 is a Sunday)
    date(2026, 5, 25),  # Pinkstermaandag / Pfingstmontag
    date(2026, 10, 3),  # Tag der Deutschen Einheit, a Saturday
    date(2025, 10, 3),  # ... and a Friday
    date(2026, 6, 2),  # Festa della Repubblica, a Tuesday
    date(2024, 12, 25),  # Christmas
    date(2027, 12, 25),  # Christmas on a Saturday
    date(2026, 11, 23),  # an ordinary week
]

PRESET_HOURS = {
    "weekdays": MONDAY_TO_FRIDAY_9_TO_17,
    "split": {d: ((time(8, 30), time(12)), (time(13), time(17, 15))) for d in range(5)},
    "saturday mornings": {**MONDAY_TO_FRIDAY_9_TO_17, 5: ((time(9), time(12)),)},
    "24/7": ALWAYS_OPEN,
    "night around DST": {6: ((time(1), time(4)),), 0: ((time(0), time(2, 30)), (time(22), time(0)))},
}


class Oracle:
    """Steps through real time and asks, for each step, whether its local minute is open."""

    def __init__(self, tz, hours, holiday_code, closed_days, step_minutes):
        self.zone = ZoneInfo(tz)
        self.hours = hours
        self.closed = set(closed_days)
        self.step = timedelta(minutes=step_minutes)
        self.holidays = None
        if holiday_code:
            country, _, subdivision = holiday_code.partition("-")
            self.holidays = holidays_package.country_holidays(country, subdiv=subdivision or None)

    def is_open(self, instant: datetime, paused) -> bool:
        local = instant.astimezone(self.zone)
        day, wall = local.date(), local.time().replace(tzinfo=None)
        if day in self.closed or (self.holidays is not None and day in self.holidays):
            return False
        if any(begin <= instant < end for begin, end in paused):
            return False
        return any(s <= wall and (e == time(0) or wall < e) for s, e in self.hours.get(day.weekday(), ()))

    def _steps(self, start: datetime):
        """Step boundaries aligned to the step length in UTC, beginning at or before ``start``."""
        utc = start.astimezone(UTC)
        aligned = utc.replace(second=0, microsecond=0)
        aligned -= timedelta(minutes=aligned.minute % (self.step.seconds // 60))
        while True:
            yield aligned
            aligned += self.step

    def between(self, start, end, paused=()) -> float:
        start, end = start.astimezone(UTC), end.astimezone(UTC)
        total = timedelta(0)
        for moment in self._steps(start):
            if moment >= end:
                break
            if self.is_open(moment, paused):
                total += min(end, moment + self.step) - max(start, moment)
        return max(total, timedelta(0)).total_seconds() / 60

    def due(self, start, minutes, paused=()) -> datetime:
        if minutes == 0:
            return start
        need = timedelta(minutes=minutes)
        start = start.astimezone(UTC)
        for moment in self._steps(start):
            if self.is_open(moment, paused):
                begin = max(start, moment)
                piece = moment + self.step - begin
                if piece >= need:
                    return begin + need
                need -= piece
        raise AssertionError("unreachable")


@st.composite
def week_hours(draw, granularity: int):
    """Random opening hours: up to three intervals a day on a grid of ``granularity`` minutes."""
    choice = draw(st.sampled_from([*PRESET_HOURS, "random"]))
    if choice != "random":
        return PRESET_HOURS[choice]
    hours = {}
    for day in range(7):
        count = draw(st.integers(0, 3))
        points = sorted(
            draw(st.sets(st.integers(0, 24 * 60 // granularity), min_size=2 * count, max_size=2 * count))
        )
        spans = []
        for begin, end in zip(points[::2], points[1::2], strict=True):
            to_time = lambda p: time(0) if p * granularity == 24 * 60 else time(*divmod(p * granularity, 60))  # noqa: E731
            spans.append((to_time(begin), to_time(end)))
        hours[day] = tuple(spans)
    assume(any(hours.values()))
    return hours


@st.composite
def scenario(draw, max_span_minutes: int, granularity: int):
    tz = draw(st.sampled_from(list(ZONES)))
    holiday_code = draw(st.sampled_from([ZONES[tz], None]))
    hours = draw(week_hours(granularity))
    anchor = draw(st.sampled_from(ANCHORS))
    closed = draw(st.sets(st.sampled_from([anchor + timedelta(days=d) for d in range(-2, 5)]), max_size=2))
    zone = ZoneInfo(tz)
    base = datetime.combine(anchor, time(0), tzinfo=zone).astimezone(UTC)
    start = base + timedelta(minutes=granularity * draw(st.integers(-3 * 96, 3 * 96)))
    span = timedelta(minutes=granularity * draw(st.integers(0, max_span_minutes // granularity)))
    pauses = []
    for _ in range(draw(st.integers(0, 3))):
        offset = timedelta(minutes=granularity * draw(st.integers(-10, max_span_minutes // granularity)))
        length = timedelta(minutes=granularity * draw(st.integers(0, 3 * 24 * 60 // granularity)))
        pauses.append((start + offset, start + offset + length))
    as_zone = draw(st.sampled_from([UTC, zone]))
    return tz, hours, holiday_code, sorted(closed), start.astimezone(as_zone), span, pauses


def plus(moment: datetime, delta: timedelta) -> datetime:
    """Real elapsed time added: Python adds a timedelta to a zoned datetime on the wall clock."""
    return moment.astimezone(UTC) + delta


def _calendar(tz, hours, holiday_code, closed):
    return Calendar(tz, hours, holiday_code, closed)


@settings(max_examples=150, deadline=None)
@given(scenario(max_span_minutes=4 * 24 * 60, granularity=1))
def test_business_minutes_match_minute_stepping_oracle(case):
    tz, hours, code, closed, start, span, pauses = case
    oracle = Oracle(tz, hours, code, closed, 1)
    calendar = _calendar(tz, hours, code, closed)
    end = plus(start, span)
    expected = oracle.between(start, end, pauses)
    assert business_minutes_between(start, end, calendar, pauses) == pytest.approx(expected, abs=1e-6)


@settings(max_examples=60, deadline=None)
@given(scenario(max_span_minutes=75 * 24 * 60, granularity=15))
def test_business_minutes_over_months_match_quarter_hour_oracle(case):
    tz, hours, code, closed, start, span, pauses = case
    oracle = Oracle(tz, hours, code, closed, 15)
    calendar = _calendar(tz, hours, code, closed)
    end = plus(start, span)
    expected = oracle.between(start, end, pauses)
    assert business_minutes_between(start, end, calendar, pauses) == pytest.approx(expected, abs=1e-6)


@settings(max_examples=150, deadline=None)
@given(
    scenario(max_span_minutes=3 * 24 * 60, granularity=1),
    st.integers(0, 3 * 8 * 60),
    st.sampled_from([0, 0.25, 0.5]),
)
def test_due_at_matches_minute_stepping_oracle(case, whole, fraction):
    tz, hours, code, closed, start, _, pauses = case
    minutes = whole + fraction if whole else whole
    oracle = Oracle(tz, hours, code, closed, 1)
    calendar = _calendar(tz, hours, code, closed)
    due = due_at(start, minutes, calendar, pauses)
    # Compared in UTC: Python never calls an ambiguous (DST-repeated) local time equal to a time in another zone.
    assert due.astimezone(UTC) == oracle.due(start, minutes, pauses).astimezone(UTC)
    assert due.tzinfo == calendar.zone


@settings(max_examples=40, deadline=None)
@given(scenario(max_span_minutes=60 * 24 * 60, granularity=15), st.integers(1, 30 * 8))
def test_due_at_over_weeks_matches_quarter_hour_oracle(case, quarters):
    tz, hours, code, closed, start, _, pauses = case
    oracle = Oracle(tz, hours, code, closed, 15)
    calendar = _calendar(tz, hours, code, closed)
    due = due_at(start, quarters * 15, calendar, pauses)
    assert due.astimezone(UTC) == oracle.due(start, quarters * 15, pauses).astimezone(UTC)


@settings(max_examples=200, deadline=None)
@given(
    scenario(max_span_minutes=90 * 24 * 60, granularity=1),
    st.floats(0, 20_000, allow_nan=False),
    st.integers(0, 10**6),
)
def test_due_at_is_the_earliest_instant_reaching_the_target(case, minutes, micro):
    tz, hours, code, closed, start, _, pauses = case
    start = plus(start, timedelta(microseconds=micro))
    calendar = _calendar(tz, hours, code, closed)
    due = due_at(start, minutes, calendar, pauses)
    assert business_minutes_between(start, due, calendar, pauses) >= minutes - 1e-9
    if minutes > 0:
        just_before = plus(due, timedelta(microseconds=-1))
        assert business_minutes_between(start, just_before, calendar, pauses) < minutes


@settings(max_examples=150, deadline=None)
@given(scenario(max_span_minutes=120 * 24 * 60, granularity=1), st.integers(0, 120 * 24 * 60))
def test_business_minutes_add_up_over_a_split_span(case, cut):
    tz, hours, code, closed, start, span, pauses = case
    calendar = _calendar(tz, hours, code, closed)
    middle, end = plus(start, min(span, timedelta(minutes=cut))), plus(start, span)
    whole = business_minutes_between(start, end, calendar, pauses)
    parts = business_minutes_between(start, middle, calendar, pauses) + business_minutes_between(
        middle, end, calendar, pauses
    )
    assert whole == pytest.approx(parts, abs=1e-6)


def ams(*args: int) -> datetime:
    return datetime(*args, tzinfo=AMS)


def test_spring_forward_day_has_23_hours_and_fall_back_day_25_on_a_24_7_desk():
    calendar = Calendar("Europe/Amsterdam", ALWAYS_OPEN)
    assert business_minutes_between(ams(2026, 3, 29), ams(2026, 3, 30), calendar) == 23 * 60
    assert business_minutes_between(ams(2026, 10, 25), ams(2026, 10, 26), calendar) == 25 * 60


def test_opening_hour_that_is_skipped_or_repeated_by_dst_counts_real_time():
    calendar = Calendar("Europe/Amsterdam", {6: ((time(2), time(3)),)})
    assert business_minutes_between(ams(2026, 3, 29), ams(2026, 3, 30), calendar) == 0
    assert business_minutes_between(ams(2026, 10, 25), ams(2026, 10, 26), calendar) == 120


def test_koningsdag_is_skipped_and_named_in_the_explanation():
    calendar = Calendar("Europe/Amsterdam", holidays="NL")
    start = ams(2026, 4, 24, 15)  # Friday before King's Day (Monday 27 April 2026)
    assert due_at(start, 240, calendar) == ams(2026, 4, 28, 11)
    explanation = explain_due(start, 240, calendar)
    assert explanation.due == ams(2026, 4, 28, 11)
    assert explanation.target_min == 240 and explanation.tz == "Europe/Amsterdam"
    assert [(step.day, step.closed_because, step.holiday) for step in explanation.closed_days] == [
        (date(2026, 4, 25), "no_hours", ""),
        (date(2026, 4, 26), "no_hours", ""),
        (date(2026, 4, 27), "holiday", "King's Day"),
    ]


def test_pinkstermaandag_tag_der_deutschen_einheit_and_festa_della_repubblica_are_closed():
    for tz, code, day in (
        ("Europe/Amsterdam", "NL", date(2026, 5, 25)),
        ("Europe/Berlin", "DE-BY", date(2025, 10, 3)),
        ("Europe/Rome", "IT", date(2026, 6, 2)),
    ):
        zone = ZoneInfo(tz)
        begin = datetime.combine(day, time(0), tzinfo=zone)
        assert business_minutes_between(begin, begin + timedelta(days=1), Calendar(tz, holidays=code)) == 0
        assert business_minutes_between(begin, begin + timedelta(days=1), Calendar(tz)) == 480


def test_holiday_on_a_weekend_changes_nothing():
    zone = ZoneInfo("Europe/Berlin")
    begin = datetime(2026, 9, 28, tzinfo=zone)  # the week of Saturday 3 October 2026
    week = (begin, begin + timedelta(days=7))
    assert business_minutes_between(*week, Calendar("Europe/Berlin", holidays="DE-BY")) == 5 * 480


def test_closed_days_and_pauses_are_not_counted():
    calendar = Calendar("Europe/Amsterdam", closed_days=[date(2026, 11, 24)])
    paused = [(ams(2026, 11, 25, 10), ams(2026, 11, 25, 12))]
    minutes = business_minutes_between(ams(2026, 11, 23), ams(2026, 11, 26), calendar, paused)
    assert minutes == 480 + 0 + 360
    explanation = explain_due(ams(2026, 11, 23, 9), 480 + 360, calendar, paused)
    assert explanation.due == ams(2026, 11, 25, 17)
    assert [(step.day, step.closed_because) for step in explanation.closed_days] == [
        (date(2026, 11, 24), "closed_day")
    ]
    paused = [step for step in explanation.steps if step.kind == "paused"]
    assert [(step.start, step.end, step.minutes) for step in paused] == [
        (ams(2026, 11, 25, 10), ams(2026, 11, 25, 12), 120)
    ]
    assert explanation.paused_min == 120


def test_fractional_minutes_fall_between_whole_minutes():
    calendar = Calendar("Europe/Amsterdam")
    assert due_at(ams(2026, 11, 23, 9), 1.5, calendar) == ams(2026, 11, 23, 9, 1, 30)


def test_zero_minutes_is_due_at_start_in_the_calendar_zone():
    start = datetime(2026, 11, 28, 12, tzinfo=UTC)  # a Saturday, closed
    due = due_at(start, 0, Calendar("Europe/Amsterdam"))
    assert due == start
    assert due.tzinfo == AMS


def test_end_before_start_counts_nothing():
    assert business_minutes_between(ams(2026, 11, 24), ams(2026, 11, 23), Calendar("Europe/Amsterdam")) == 0


@pytest.mark.parametrize(
    "call",
    [
        lambda c: business_minutes_between(datetime(2026, 1, 1), ams(2026, 1, 2), c),
        lambda c: business_minutes_between(ams(2026, 1, 1), datetime(2026, 1, 2), c),
        lambda c: due_at(datetime(2026, 1, 1), 10, c),
        lambda c: due_at(ams(2026, 1, 1), 10, c, [(datetime(2026, 1, 1), ams(2026, 1, 2))]),
        lambda c: business_minutes_between(
            ams(2026, 1, 2), ams(2026, 1, 1), c, [(ams(2026, 1, 1), datetime(2026, 2, 1))]
        ),
    ],
)
def test_naive_datetimes_are_refused(call):
    with pytest.raises(ValueError, match="naive"):
        call(Calendar("Europe/Amsterdam"))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"tz": "Europe/Amsterdan"}, "time zone"),
        ({"tz": "Europe/Amsterdam", "holidays": "XX"}, "holidays"),
        ({"tz": "Europe/Berlin", "holidays": "DE-ZZ"}, "holidays"),
        (
            {"tz": "Europe/Amsterdam", "hours": {0: ((time(17), time(9)),)}},
            "opening hours: Monday .* ends before",
        ),
        (
            {"tz": "Europe/Amsterdam", "hours": {2: ((time(9), time(12)), (time(11), time(13)))}},
            "opening hours: Wednesday .* overlaps",
        ),
        ({"tz": "Europe/Amsterdam", "hours": {}}, "opening hours: the calendar is never open"),
        ({"tz": "Europe/Amsterdam", "hours": {7: ((time(9), time(17)),)}}, "opening hours"),
    ],
)
def test_bad_calendar_settings_are_refused_with_the_field_named(kwargs, field):
    with pytest.raises(CalendarError, match=field):
        Calendar(**kwargs)


def test_negative_minutes_are_refused():
    with pytest.raises(ValueError, match="minutes"):
        due_at(ams(2026, 1, 1), -1, Calendar("Europe/Amsterdam"))


def test_calendar_round_trips_through_its_table_row():
    hours = {0: ((time(8), time(12)), (time(13), time(0))), 5: ((time(9), time(12)),)}
    calendar = Calendar("Europe/Rome", hours, "IT", [date(2026, 12, 24)])
    again = calendar_from_row("Europe/Rome", hours_to_json(calendar.hours), "IT", '["2026-12-24"]')
    assert again == calendar


def test_working_day_is_the_typical_weekday_opening_time():
    assert Calendar("Europe/Amsterdam").working_day_minutes == 480
    assert Calendar("Europe/Amsterdam", ALWAYS_OPEN).working_day_minutes == 1440
    assert Calendar("Europe/Amsterdam", PRESET_HOURS["saturday mornings"]).working_day_minutes == 480
    assert Calendar("Europe/Amsterdam", {5: ((time(9), time(12)),)}).working_day_minutes == 180


@settings(max_examples=80, deadline=None)
@given(scenario(max_span_minutes=10 * 24 * 60, granularity=1), st.integers(0, 5 * 8 * 60))
def test_explanation_counts_exactly_the_target_and_reaches_the_due_instant(case, minutes):
    tz, hours, code, closed, start, _, pauses = case
    calendar = _calendar(tz, hours, code, closed)
    explanation = explain_due(start, minutes, calendar, pauses)
    counted = sum(step.minutes for step in explanation.steps if step.kind == "counted")
    assert counted == pytest.approx(minutes, abs=1e-6)
    assert explanation.due.astimezone(UTC) == due_at(start, minutes, calendar, pauses).astimezone(UTC)
    assert all(step.closed_because for step in explanation.closed_days)
    assert all(step.holiday for step in explanation.closed_days if step.closed_because == "holiday")


@settings(max_examples=60, deadline=None)
@given(
    scenario(max_span_minutes=10 * 24 * 60, granularity=1),
    st.lists(st.floats(0, 30_000), min_size=1, max_size=3),
)
def test_several_dues_from_one_start_equal_one_at_a_time(case, targets):
    tz, hours, code, closed, start, _, pauses = case
    calendar = _calendar(tz, hours, code, closed)
    begin = to_micros(start)
    for paused in ([], sorted((to_micros(a), to_micros(b)) for a, b in pauses if b > a)[:1]):
        expected = [
            to_micros(due_at(start, t, calendar, [(_from(a), _from(b)) for a, b in paused])) for t in targets
        ]
        assert dues_at_micros(begin, targets, calendar, paused) == expected


@settings(max_examples=60, deadline=None)
@given(
    st.lists(scenario(max_span_minutes=10 * 24 * 60, granularity=1), min_size=1, max_size=6),
    st.lists(st.floats(0, 30_000), min_size=1, max_size=4),
)
def test_dues_for_many_starts_equal_one_start_at_a_time(cases, targets):
    tz, hours, code, closed, *_ = cases[0]
    calendar = _calendar(tz, hours, code, closed)
    starts = [to_micros(case[4]) for case in cases]
    expected = [dues_at_micros(start, targets, calendar, []) for start in starts]
    assert dues_for_starts(starts, targets, _calendar(tz, hours, code, closed)) == expected


def _from(micros: int) -> datetime:
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=micros)

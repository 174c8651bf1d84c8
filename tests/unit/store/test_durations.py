"""Targets written as 4h, 3d, 90m: a day is a working day of the calendar."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.standards.durations import DurationError, format_duration, parse_duration


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("4h", 240), ("3d", 1440), ("90m", 90), ("1h30m", 90), ("1d 2h", 600), ("1.5h", 90), ("2D", 960)],
)
def test_durations_are_read_in_working_days_hours_and_minutes(text, minutes):
    assert parse_duration(text, 480) == minutes


def test_a_day_on_a_24_7_desk_is_24_hours():
    assert parse_duration("3d", 1440) == 3 * 1440


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("0h", "zero"),
        ("-4h", "negative"),
        ("", "empty"),
        ("4 hours", "not a duration"),
        ("30m1h", "reorders"),
    ],
)
def test_zero_negative_and_unreadable_durations_are_refused_with_a_sentence(text, reason):
    with pytest.raises(DurationError, match=f"first response: .*{reason}"):
        parse_duration(text, 480, "first response")


@given(st.integers(1, 100_000), st.sampled_from([480, 450, 1440, 180]))
def test_formatting_then_parsing_gives_the_same_minutes(minutes, day):
    assert parse_duration(format_duration(minutes, day), day) == minutes

"""Targets written as 4h, 3d, 90m: a day is a working day of the calendar."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.standards.durations import (
    DurationError,
    duration_in_words,
    format_duration,
    parse_duration,
    split_duration,
)


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


def test_a_day_is_the_calendars_working_day_when_written_back():
    assert format_duration(1440, 1440) == "1d"
    assert format_duration(1440, 480) == "3d"
    assert format_duration(600, 480) == "1d2h"
    assert format_duration(90.5, 480) == "1h30.5m"
    assert split_duration(1440, 1440) == (1, 0, 0)
    assert split_duration(1530, 480) == (3, 1, 30)
    assert split_duration(-5, 480) == (0, 0, 0)


def test_durations_in_words_count_the_calendars_working_days():
    assert duration_in_words(1440, 1440, "en") == "1 business day"
    assert duration_in_words(1440, 480, "en") == "3 business days"
    assert duration_in_words(480, 480, "en") == "1 business day"
    assert duration_in_words(480, 1440, "en") == "8 business hours"
    assert duration_in_words(960, 480, "de") == "2 Arbeitstagen"
    assert duration_in_words(240, 480, "nl") == "4 werkuren"
    assert duration_in_words(60, 480, "it") == "1 ora lavorativa"
    assert duration_in_words(45, 480, "en") == "45 minutes"
    assert duration_in_words(450, 450, "xx") == "1 business day", "an unknown language falls back to English"

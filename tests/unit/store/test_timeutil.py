"""Instants are stored as UTC text, whatever zone they came in."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.timeutil import to_db

ZONES = [
    UTC,
    timezone(timedelta(hours=2)),
    timezone(timedelta(0)),
    timezone(timedelta(hours=-9, minutes=-30)),
]


@given(st.datetimes(timezones=st.sampled_from(ZONES)))
def test_an_instant_is_stored_as_the_same_utc_text_whatever_its_zone(moment):
    assert to_db(moment) == moment.astimezone(UTC).isoformat()


def test_a_naive_datetime_is_refused():
    with pytest.raises(ValueError):
        to_db(datetime(2026, 3, 2, 9, 15))

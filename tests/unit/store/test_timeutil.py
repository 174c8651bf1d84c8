"""Instants are stored as UTC text, whatever zone they came in."""

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import tzlocal
from hypothesis import given
from hypothesis import strategies as st

from store.timeutil import machine_zone, to_db

ZONES = [
    UTC,
    timezone(timedelta(hours=2)),
    timezone(timedelta(0)),
    timezone(timedelta(hours=-9, minutes=-30)),
    ZoneInfo("Europe/Amsterdam"),
]


@given(st.datetimes(timezones=st.sampled_from(ZONES)))
def test_an_instant_is_stored_as_the_same_utc_text_whatever_its_zone(moment):
    assert to_db(moment) == moment.astimezone(UTC).isoformat()


def test_a_naive_datetime_is_refused():
    with pytest.raises(ValueError):
        to_db(datetime(2026, 3, 2, 9, 15))


def test_the_two_readings_of_an_hour_that_occurs_twice_are_two_instants():
    first = datetime(2026, 10, 25, 2, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
    for moment in (
        first,
        first.replace(fold=1),
        first.astimezone(UTC),
        first.replace(fold=1).astimezone(UTC),
    ):
        to_db(moment)  # whatever was asked before must not change the answers below
    assert to_db(first) == "2026-10-25T00:30:00+00:00"
    assert to_db(first.replace(fold=1)) == "2026-10-25T01:30:00+00:00"


@pytest.mark.parametrize("zone", ["Europe/Rome", "America/Argentina/Buenos_Aires"])
def test_the_machine_zone_is_the_iana_name_the_system_gives(monkeypatch, zone):
    monkeypatch.setenv("TZ", zone)
    tzlocal.reload_localzone()  # tzlocal reads the machine's setting once per process
    try:
        assert machine_zone() == zone
    finally:
        monkeypatch.undo()
        tzlocal.reload_localzone()

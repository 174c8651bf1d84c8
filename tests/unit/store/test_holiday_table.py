"""Public holidays kept in the store: computed once, read back without the ``holidays`` package, never in the way."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime

import holidays
import pytest

from store.db import open_db
from store.standards import business_time as standards
from store.standards import holiday_table
from store.standards.business_time import Calendar, CalendarError, business_minutes_between


@pytest.fixture
def forgetful(monkeypatch):
    """A process that has computed no holidays yet."""
    monkeypatch.setattr(standards, "_HOLIDAYS", {})
    monkeypatch.setattr(standards, "_KNOWN_REGIONS", set())


def _no_package(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("the holidays package was asked")

    monkeypatch.setattr(holidays, "country_holidays", refuse)


def test_stored_holidays_count_without_the_package(tmp_path, forgetful, monkeypatch):
    db = open_db(tmp_path)
    holiday_table.load_holidays(db, ["nl", "DE-BY"], [2026])
    stored = {row[0] for row in db.execute("SELECT region FROM public_holidays WHERE year = 2026")}
    assert stored == {"NL", "DE-BY"}

    monkeypatch.setattr(standards, "_HOLIDAYS", {})
    monkeypatch.setattr(standards, "_KNOWN_REGIONS", set())
    _no_package(monkeypatch)
    holiday_table.load_holidays(db, ["NL"], [2026])
    calendar = Calendar("Europe/Amsterdam", holidays="NL")
    assert calendar.holiday_name(date(2026, 4, 27)) == "King's Day"
    # Friday 24 April 09:00 to Tuesday 28 April 09:00: Friday's 8 hours, then Koningsdag on Monday.
    start, end = datetime(2026, 4, 24, 7, tzinfo=UTC), datetime(2026, 4, 28, 7, tzinfo=UTC)
    assert business_minutes_between(start, end, calendar) == 8 * 60


def test_holidays_of_another_package_version_are_computed_again(tmp_path, forgetful, monkeypatch):
    db = open_db(tmp_path)
    db.execute("INSERT INTO public_holidays VALUES ('NL', 2026, 'ancient', '{\"2026-03-03\": \"Made up\"}')")
    holiday_table.load_holidays(db, ["NL"], [2026])
    assert date(2026, 3, 3) not in standards.public_holidays("NL", 2026)
    source = db.execute("SELECT source FROM public_holidays WHERE region = 'NL'").fetchone()[0]
    assert source == holiday_table.package_version()


def test_an_unknown_region_is_left_for_the_calendar_to_refuse(tmp_path, forgetful):
    db = open_db(tmp_path)
    holiday_table.load_holidays(db, ["XX"], [2026])
    assert db.execute("SELECT count(*) FROM public_holidays").fetchone()[0] == 0
    with pytest.raises(CalendarError, match="not a known holiday country"):
        Calendar("Europe/Amsterdam", holidays="XX")


def test_a_busy_store_skips_the_write_and_still_knows_the_holidays(tmp_path, forgetful):
    db = open_db(tmp_path)
    writer = sqlite3.connect(tmp_path / "loket.sqlite", isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        holiday_table.load_holidays(db, ["IT"], [2026])
    finally:
        writer.execute("ROLLBACK")
    assert db.execute("SELECT count(*) FROM public_holidays").fetchone()[0] == 0
    assert date(2026, 6, 2) in standards.public_holidays("IT", 2026)  # Festa della Repubblica
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 30000

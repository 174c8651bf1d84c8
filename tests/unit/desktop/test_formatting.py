"""Durations and timers as the window shows them: a day is the working day of the request's calendar."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale

from desktop.formatting import Calendars, duration, read_timer
from store.db import open_memory_db
from store.queues import RequestRow
from tests.accounts import loopback_account

MONDAY_9 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # 09:00 in Amsterdam
ALWAYS_OPEN = json.dumps({str(day): [["00:00", "24:00"]] for day in range(7)})
OFFICE = json.dumps({str(day): [["09:00", "17:00"]] for day in range(5)})


@pytest.fixture
def english(qapp):
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


def _calendars(hours: str) -> tuple[Calendars, int]:
    db = open_memory_db()
    account = loopback_account(db)
    db.execute("UPDATE calendars SET hours_json = ? WHERE id = ?", [hours, account.calendar_id])
    assert account.calendar_id is not None
    return Calendars(db), account.calendar_id


def _row(calendar_id: int, due: datetime) -> RequestRow:
    return RequestRow(
        1, 100001, "Anna", "anna@example.org", "", "Chair", "open", "normal", None, None,
        MONDAY_9, due, None, False, 1, calendar_id, 1440.0,
    )  # fmt: skip


def test_durations_count_days_of_the_length_given(english):
    assert duration(1440, 1440) == "1 d"
    assert duration(1440, 480) == "3 d"
    assert duration(600, 480) == "1 d 2 h"
    assert duration(75, 480) == "1 h 15 min"
    assert duration(12.4, 480) == "12 min"


def test_a_24_7_desks_timer_shows_a_one_day_target_as_one_day(english):
    calendars, calendar_id = _calendars(ALWAYS_OPEN)
    reading = read_timer(_row(calendar_id, MONDAY_9 + timedelta(days=1)), MONDAY_9, calendars)
    assert reading.minutes_left == 1440
    assert reading.text() == "1 d"


def test_an_office_desks_timer_counts_days_of_eight_hours(english):
    calendars, calendar_id = _calendars(OFFICE)
    reading = read_timer(_row(calendar_id, MONDAY_9 + timedelta(days=2, hours=8)), MONDAY_9, calendars)
    assert reading.minutes_left == 1440
    assert reading.text() == "3 d"
    overdue = read_timer(_row(calendar_id, MONDAY_9), MONDAY_9 + timedelta(hours=2), calendars)
    assert overdue.text() == "−2 h"


def test_numbers_follow_the_locale(qapp):
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        assert duration(1234 * 1440, 1440).startswith("1.234")
    finally:
        QLocale.setDefault(before)

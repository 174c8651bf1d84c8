"""The timer's explanation in the user's language: the store's facts with QLocale dates in the desk's zone."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale

from desktop.due_explanation import explanation_lines, timer_tooltip
from desktop.formatting import Calendars, read_timer
from store.db import open_memory_db
from store.queues import RequestRow
from store.standards.business_time import Calendar
from store.standards.explanation import explain_due
from tests.accounts import loopback_account

AMS = ZoneInfo("Europe/Amsterdam")
FRIDAY_15 = datetime(2026, 4, 24, 15, tzinfo=AMS)  # the Friday before King's Day (Monday 27 April 2026)


@pytest.fixture
def locale_of(qapp):
    before = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(before)


def test_the_explanation_names_the_target_the_days_skipped_and_the_counted_hours(locale_of):
    locale_of("en_GB")
    lines = explanation_lines(explain_due(FRIDAY_15, 240, Calendar("Europe/Amsterdam", holidays="NL")))
    assert lines == [
        "4 h of working time from Fri 24/04/2026 15:00 falls due Tue 28/04/2026 11:00 (Europe/Amsterdam).",
        "Fri 24/04/2026: counted 15:00–17:00 (2 h)",
        "Sat 25/04/2026: no opening hours",
        "Sun 26/04/2026: no opening hours",
        "Mon 27/04/2026: closed, public holiday King's Day",
        "Tue 28/04/2026: counted 09:00–11:00 (2 h)",
    ]


def test_pauses_and_closed_days_are_said_and_days_are_the_calendars_working_days(locale_of):
    locale_of("en_GB")
    calendar = Calendar("Europe/Amsterdam", closed_days=[date(2026, 11, 24)])
    monday_9 = datetime(2026, 11, 23, 9, tzinfo=AMS)
    paused = [(datetime(2026, 11, 25, 10, tzinfo=AMS), datetime(2026, 11, 25, 12, tzinfo=AMS))]
    lines = explanation_lines(explain_due(monday_9, 480 + 360, calendar, paused))
    assert lines[0].startswith("1 d 6 h of working time")
    assert "Tue 24/11/2026: closed day" in lines
    assert "Wed 25/11/2026: paused 10:00–12:00, 2 h of opening time not counted" in lines


def test_times_are_the_desks_wall_clock_in_the_users_date_format(locale_of):
    locale_of("de_DE")
    rome = Calendar("Europe/Rome", {day: ((time(8), time(12)),) for day in range(5)})
    start = datetime(2026, 11, 23, 6, tzinfo=ZoneInfo("UTC"))  # 07:00 in Rome, before opening
    lines = explanation_lines(explain_due(start, 60, rome))
    assert "Mo. 23.11.26 07:00" in lines[0] and "(Europe/Rome)" in lines[0]
    assert lines[1] == "Mo. 23.11.26: counted 08:00–09:00 (1 h)"


def test_the_tooltip_gives_the_due_time_on_the_desks_clock_whatever_the_machines_zone(locale_of):
    locale_of("en_GB")
    db = open_memory_db()
    account = loopback_account(db, holidays="NL")
    calendars = Calendars(db)
    due = datetime(2026, 4, 28, 11, tzinfo=AMS)
    row = RequestRow(
        1, 100001, "Anna", "anna@example.org", "", "Chair", "open", "normal", None, None,
        FRIDAY_15, due, None, False, 1, account.calendar_id, 240.0,
    )  # fmt: skip
    tooltip = timer_tooltip(row, read_timer(row, due + timedelta(hours=3), calendars), calendars)
    lines = tooltip.splitlines()
    assert lines[:2] == ["Due Tue 28/04/2026 11:00 (first response)", "Overdue by 3 h of working time"]
    assert lines[2].startswith("4 h of working time from Fri 24/04/2026 15:00")
    assert lines[-1] == "Tue 28/04/2026: counted 09:00–11:00 (2 h)"


def test_the_explanation_is_said_in_german_with_german_dates(qapp):
    from desktop.i18n import install_translations

    saved = QLocale()
    install_translations(qapp, "de")
    try:
        lines = explanation_lines(explain_due(FRIDAY_15, 240, Calendar("Europe/Amsterdam", holidays="NL")))
    finally:
        QLocale.setDefault(saved)
        install_translations(qapp)
    assert lines[0] == "4 h Arbeitszeit ab Fr. 24.04.26 15:00: fällig Di. 28.04.26 11:00 (Europe/Amsterdam)."
    assert lines[1] == "Fr. 24.04.26: gezählt 15:00–17:00 (2 h)"
    assert lines[2] == "Sa. 25.04.26: keine Öffnungszeiten"
    assert lines[4].startswith("Mo. 27.04.26: geschlossen, Feiertag ")

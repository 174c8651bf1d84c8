"""Holiday names in the calendar settings come from ``holidays`` in the interface language where it has them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale

from desktop.account_dialog import AccountDialog
from desktop.holiday_names import holiday_names


def test_names_are_in_the_interface_language_when_the_country_has_it():
    assert (date(2026, 1, 1), "Nieuwjaarsdag") in holiday_names("NL", "nl", 2026)
    assert (date(2026, 1, 1), "Capodanno") in holiday_names("IT", "it", 2026)
    assert (date(2026, 1, 6), "Heilige Drei Könige") in holiday_names("DE-BY", "de", 2026)
    assert (date(2026, 1, 1), "New Year's Day") in holiday_names("GB", "en", 2026)


def test_a_country_without_the_language_names_its_days_in_its_own():
    assert (date(2026, 1, 1), "Neujahr") in holiday_names("DE", "it", 2026)


def test_an_unknown_code_has_no_holidays():
    assert holiday_names("XX", "nl", 2026) == []
    assert holiday_names("DE-XX", "nl", 2026) == []


def test_the_holiday_choice_lists_the_days_by_name(qtbot, tmp_path):
    saved = QLocale()
    QLocale.setDefault(QLocale("nl_NL"))
    try:
        dialog = AccountDialog(tmp_path, default_timezone="Europe/Amsterdam")
        qtbot.addWidget(dialog)
        combo = dialog.form.field("holidays")
        combo.setCurrentText("NL")
        assert "Koningsdag" in combo.toolTip()
        combo.setCurrentText("")
        assert combo.toolTip() == ""
    finally:
        QLocale.setDefault(saved)

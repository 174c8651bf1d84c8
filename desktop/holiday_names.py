"""The public holidays a calendar closes on, named in the interface language by ``holidays`` where it can.

The account dialog's holiday choice is a code (``DE-BY``); its tooltip lists this year's days by name so the user
sees what the code means. A country without names in the user's language shows its own language's names.
"""

from __future__ import annotations

import logging
from datetime import date

import holidays
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QComboBox

log = logging.getLogger(__name__)

_LANGUAGE_CODES = {"en": ("en_GB", "en_US"), "nl": ("nl",), "de": ("de",), "it": ("it",)}


def holiday_names(code: str, language: str, year: int) -> list[tuple[date, str]]:
    """Days and names of the holidays of ``code`` ("NL", "DE-BY") in ``year``; [] for an unknown code."""
    country, _, subdivision = code.strip().upper().partition("-")
    try:
        table = holidays.country_holidays(country, subdiv=subdivision or None, years=year)
    except NotImplementedError:
        return []
    supported = set(table.supported_languages)
    wanted = next(
        (c for c in _LANGUAGE_CODES.get(language, (language,)) if c in supported), table.default_language
    )
    named = holidays.country_holidays(country, subdiv=subdivision or None, years=year, language=wanted)
    return sorted(named.items())


def show_holiday_names(combo: QComboBox) -> None:
    """Keep the combo's tooltip listing the chosen calendar's holidays of this year, in the user's language."""

    def update(code: str) -> None:
        locale = QLocale()
        today = date.today()
        days = holiday_names(code, locale.name().split("_")[0], today.year) if code else []
        lines = [
            f"{locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)}  {name}"
            for day, name in days
        ]
        combo.setToolTip("\n".join(lines))

    combo.currentTextChanged.connect(update)
    update(combo.currentText())

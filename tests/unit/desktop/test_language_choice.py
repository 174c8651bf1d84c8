"""The interface language follows the system unless one is chosen in the settings; the choice is used at start."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desktop.app import create_app
from desktop.i18n import choose_language, chosen_language, install_translations
from desktop.language_menu import LanguageMenu
from desktop.settings import LANGUAGE


@pytest.fixture
def app() -> Iterator[QCoreApplication]:
    """The application, with the settings' choice and the locale put back afterwards."""
    application = create_app()
    saved_locale, saved_choice = QLocale(), LANGUAGE.get()
    yield application
    LANGUAGE.set(saved_choice)
    QLocale.setDefault(saved_locale)
    install_translations(application)


def test_the_system_language_is_used_without_a_choice(app):
    choose_language("")
    QLocale.setDefault(QLocale("nl_BE"))
    locale = install_translations(app)
    assert locale.name() == "nl_BE"  # Belgian formats kept, Dutch texts
    assert QCoreApplication.translate("MainWindow", "&File") == "&Bestand"


def test_a_chosen_language_overrides_the_system(app):
    QLocale.setDefault(QLocale("nl_NL"))
    choose_language("it")
    assert chosen_language() == "it"
    locale = install_translations(app)
    assert locale.language() == QLocale.Language.Italian
    assert QCoreApplication.translate("MainWindow", "&Edit") == "&Modifica"
    assert QLocale().toString(12345.5, "f", 1) == "12.345,5"


def test_english_needs_only_its_plural_forms(app):
    install_translations(app, "en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert QCoreApplication.translate("MainWindow", "%Ln request(s)", None, 1) == "1 request"
    assert QCoreApplication.translate("MainWindow", "%Ln request(s)", None, 30) == "30 requests"


def test_an_unknown_choice_means_the_system_language(app):
    LANGUAGE.set("xx")
    assert chosen_language() == ""


def test_the_language_menu_stores_the_choice(app, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.StandardButton.Ok)
    menu = LanguageMenu()
    qtbot.addWidget(menu)
    german = next(action for action in menu.actions() if action.text() == "Deutsch")
    german.trigger()
    assert chosen_language() == "de"
    assert german.isChecked()

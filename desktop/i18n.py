"""The interface language: the system locale unless the user chose one in the settings, and the catalogues for it.

Catalogues are ``resources/i18n/loket_<language>.qm``, compiled from the ``.ts`` sources by ``make translations``
and read through ``importlib.resources`` so a checkout, an install and the bundle find them alike.
"""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.settings import LANGUAGE

log = logging.getLogger(__name__)

LANGUAGES = ("en", "nl", "de", "it")  # English is the source language: its catalogue holds only plural forms
_CATALOGUES: list[bytes] = []  # Qt reads a catalogue in place: its bytes must outlive the translator
_INSTALLED: list[QTranslator] = []


def tr(text: str) -> str:
    """Strings outside a widget class; ``lupdate`` files bare ``tr()`` calls under the empty context."""
    return QCoreApplication.translate("", text)


def chosen_language() -> str:
    """The language picked in the settings, or "" to follow the system."""
    value = LANGUAGE.get()
    return value if value in LANGUAGES else ""


def choose_language(language: str) -> None:
    LANGUAGE.set(language if language in LANGUAGES else "")


def catalogue_bytes(language: str) -> bytes | None:
    catalogue = resources.files("resources").joinpath("i18n", f"loket_{language}.qm")
    return catalogue.read_bytes() if catalogue.is_file() else None


def install_translations(app: QCoreApplication, language: str = "", switching: bool = False) -> QLocale:
    """Use ``language`` (else the settings' choice, else the system's) for Qt's strings, ours, dates and numbers.
    ``switching`` back to the system's language while running restores the system's locale too."""
    remove_translations(app)
    language = language or chosen_language()
    if switching and not language:
        system = QLocale.system()
        if system.language() != QLocale.Language.C:
            QLocale.setDefault(system)
    if language and QLocale().name().split("_")[0] != language:
        QLocale.setDefault(QLocale(language))  # a Swiss German system choosing German keeps its own formats
    locale = QLocale()
    qt_translator = QTranslator(app)
    if qt_translator.load(
        locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        _install(app, qt_translator)
    base = locale.name().split("_")[0]
    data = catalogue_bytes(base)
    if data is None:
        log.info("no catalogue for %s: the interface stays in English", base)
        return locale
    translator = QTranslator(app)
    if translator.load(data):
        _CATALOGUES.append(data)
        _install(app, translator)
    else:
        log.warning("the catalogue for %s cannot be read", base)
    return locale


def remove_translations(app: QCoreApplication) -> None:
    """Back to the English source texts (the locale for dates and numbers is left as it is)."""
    for translator in _INSTALLED:
        app.removeTranslator(translator)
    _INSTALLED.clear()


def _install(app: QCoreApplication, translator: QTranslator) -> None:
    app.installTranslator(translator)
    _INSTALLED.append(translator)

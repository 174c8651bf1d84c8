"""View ▸ Language: the system's language or one chosen here, kept in the settings and applied at once: the new
catalogue is installed, and every window sets its texts again on the ``LanguageChange`` that follows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from desktop.i18n import LANGUAGES, choose_language, chosen_language, install_translations

# Each language named in itself, as people look for their own.
NATIVE_NAMES = {"en": "English", "nl": "Nederlands", "de": "Deutsch", "it": "Italiano"}


class LanguageMenu(QMenu):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("&Language"), parent)
        group = QActionGroup(self)
        current = chosen_language()
        for code, name in (("", self.tr("System language")), *((c, NATIVE_NAMES[c]) for c in LANGUAGES)):
            action = QAction(name, group)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            self.addAction(action)
        group.triggered.connect(self._chosen)

    def _chosen(self, action: QAction) -> None:
        language = str(action.data() or "")
        choose_language(language)
        app = QCoreApplication.instance()
        if app is not None:
            install_translations(app, language, switching=True)

"""The Qt application: one ``QApplication`` with Loket's name, style sheet, icon and translations.

Resources come through ``importlib.resources`` so the app finds them installed, in a bundle or in a checkout alike.
"""

from __future__ import annotations

import logging
import sys
from importlib import resources

from PySide6.QtCore import QLocale
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from desktop.i18n import install_translations

log = logging.getLogger(__name__)

APP_NAME = "Loket"


def resource_bytes(*parts: str) -> bytes:
    return resources.files("resources").joinpath(*parts).read_bytes()


def app_icon() -> QIcon:
    pixmap = QPixmap()
    pixmap.loadFromData(resource_bytes("icons", "loket.svg"), "SVG")
    return QIcon(pixmap)


def create_app(argv: list[str] | None = None) -> QApplication:
    """The running ``QApplication`` (created on first call) with Loket's look."""
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication(argv if argv is not None else sys.argv)
    )
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setStyle("Fusion")
    if QLocale().language() == QLocale.Language.C:
        # No locale configured (a bare container or CI): English reads better than the C locale's numeric dates.
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    app.setWindowIcon(app_icon())
    app.setStyleSheet(resource_bytes("style.qss").decode("utf-8"))
    install_translations(app)
    return app

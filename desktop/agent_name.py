"""Who works at this desktop: asked at the first start, changeable from the File menu.

The name goes beside every change this desktop shares with the team and picks the "Assigned to me" queue; it is
kept in the store (``store.agent``) so ``loket request`` acts under the same name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import sqlite_utils
from PySide6.QtWidgets import QInputDialog, QLineEdit

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


def ask_agent_name(window: MainWindow, then: Callable[[], None] | None = None) -> QInputDialog:
    """Open the question without blocking; ``then`` runs once it is answered or dismissed."""
    dialog = QInputDialog(window)
    dialog.setWindowTitle(window.tr("Your name"))
    dialog.setLabelText(window.tr("Your name, as colleagues see it beside your changes:"))
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(window.me)
    dialog.textValueSelected.connect(lambda name: use_agent_name(window, name))
    if then is not None:
        dialog.finished.connect(lambda _result: then())
    dialog.open()
    return dialog


def use_agent_name(window: MainWindow, name: str) -> None:
    """Act under ``name`` from now on, here and (stored) on the command line."""
    name = " ".join(name.split())
    if not name:
        return
    window.me = window.triage.me = window.request_view.me = name

    def store(db: sqlite_utils.Database) -> None:
        from store.agent import set_agent_name

        set_agent_name(db, name)

    window.reader.submit("agent-name", store, lambda _result: None)
    window.requests.set_filter(replace(window.requests.current_filter(), me=name))
    window.refresh_counts()

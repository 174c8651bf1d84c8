"""What the window learns when the store opens, and what it shows while an update of the store takes its time.

The store is opened on the store thread (``desktop.reader``): after Loket was updated, a migration of a large store
or a rebuild of its indexes may take minutes, and the window says so instead of freezing.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from store.agent import stored_agent_name, system_user_name


@dataclass(frozen=True, slots=True)
class DeskFacts:
    """Who works at this desktop (the stored name, else the system's) and whether a mailbox is set up yet."""

    stored_name: str | None
    system_name: str
    has_accounts: bool


def desk_facts(db: sqlite_utils.Database) -> DeskFacts:
    """Read on the store thread, first thing after opening."""
    return DeskFacts(stored_agent_name(db), system_user_name(), has_accounts(db))


def has_accounts(db: sqlite_utils.Database) -> bool:
    return db.execute("SELECT 1 FROM accounts LIMIT 1").fetchone() is not None


class UpdatingPage(QWidget):
    """A busy bar and a sentence: the store is being updated, nothing is lost, and it happens once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("updatingStore")
        self.title = QLabel()
        self.title.setObjectName("updatingTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.title.setFont(font)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # how long a step takes is not known beforehand: a busy bar, not a percentage
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.detail, self.bar):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        width = self.fontMetrics().averageCharWidth() * 64  # a readable line in every language and font size
        self.detail.setFixedWidth(width)
        self.bar.setFixedWidth(width)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Updating the store…"))
        self.detail.setText(
            self.tr(
                "This version of Loket keeps your requests in a new shape. Updating a large store takes a few "
                "minutes, once; nothing is lost, and the requests show as soon as it is done."
            )
        )
        self.bar.setAccessibleName(self.tr("Updating the store"))
        # A centred label is given its one-line height: the wrapped lines need theirs.
        self.detail.setMinimumHeight(self.detail.heightForWidth(self.detail.width()))

"""The outbox as the desk sees it: what waits, why, and what the server refused — corrected and sent again here.

Nothing is dropped silently: a queued reply shows its last error and next try, a refused one stays until someone
corrects it. Store and network work runs on the view's own thread.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlite_utils
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.compose_jobs import format_addresses, parse_addresses
from desktop.formatting import short_datetime
from desktop.reader import Reader
from mail.sasl import Secret
from store.accounts import Account
from store.records import Address
from store.timeutil import from_db
from store.vocabulary import OutboxState

log = logging.getLogger(__name__)

COLUMNS = ("state", "request", "to", "subject", "attempts", "next_try", "error")
RECENT_SENT = 50
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    id: int
    account_id: int
    state: str
    request_number: int | None
    subject: str
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    text: str
    attempts: int
    next_attempt: datetime | None
    last_error: str
    raw: bytes


def load_entries(db: sqlite_utils.Database) -> list[OutboxEntry]:
    """Everything not yet sent, then the most recently sent, newest first."""
    query = (
        "SELECT o.id, o.account_id, o.state, r.number AS request_number, COALESCE(m.subject, '') AS subject, "
        "COALESCE(m.to_json, '[]') AS to_json, COALESCE(m.cc_json, '[]') AS cc_json, "
        "COALESCE(m.text_body, '') AS text, o.attempts, o.next_attempt_at, COALESCE(o.last_error, '') AS last_error, "
        "o.raw FROM outbox o LEFT JOIN messages m ON m.account_id = o.account_id "
        "AND m.message_id = o.message_id AND m.direction = 'out' LEFT JOIN requests r ON r.id = o.request_id "
        "WHERE {where} ORDER BY {order}"
    )
    pending = list(db.query(query.format(where="o.state != 'sent'", order="o.id DESC")))
    sent = list(db.query(query.format(where="o.state = 'sent'", order=f"o.sent_at DESC LIMIT {RECENT_SENT}")))
    return [_entry(row) for row in (*pending, *sent)]


def _entry(row: dict[str, Any]) -> OutboxEntry:
    def addresses(value: str) -> tuple[Address, ...]:
        return tuple(Address(name, address) for name, address in json.loads(value))

    return OutboxEntry(
        id=row["id"],
        account_id=row["account_id"],
        state=row["state"],
        request_number=row["request_number"],
        subject=row["subject"],
        to=addresses(row["to_json"]),
        cc=addresses(row["cc_json"]),
        text=row["text"],
        attempts=row["attempts"],
        next_attempt=from_db(row["next_attempt_at"]),
        last_error=row["last_error"],
        raw=row["raw"],
    )


class OutboxModel(QAbstractTableModel):
    """Rows are outbox entries, as loaded by ``load_entries``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[OutboxEntry] = []
        self._headers = {
            "state": self.tr("State"),
            "request": self.tr("Request"),
            "to": self.tr("To"),
            "subject": self.tr("Subject"),
            "attempts": self.tr("Tries"),
            "next_try": self.tr("Next try"),
            "error": self.tr("Last error"),
        }
        self._states = {
            OutboxState.QUEUED: self.tr("Waiting to be sent"),
            OutboxState.SENDING: self.tr("Sending"),
            OutboxState.SENT: self.tr("Sent"),
            OutboxState.FAILED: self.tr("Refused"),
        }

    def set_entries(self, entries: list[OutboxEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[COLUMNS[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self.entries[index.row()]
        column = COLUMNS[index.column()]
        if column == "state":
            return self._states.get(entry.state, entry.state)
        if column == "request":
            return "" if entry.request_number is None else f"#{entry.request_number}"
        if column == "to":
            return format_addresses(entry.to)
        if column == "subject":
            return entry.subject
        if column == "attempts":
            return entry.attempts
        if column == "next_try":
            return short_datetime(entry.next_attempt) if entry.state == OutboxState.QUEUED else ""
        return entry.last_error


class CorrectionDialog(QDialog):
    """Change the recipients and text of a refused reply before it is sent again."""

    def __init__(self, entry: OutboxEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct and send again"))
        self.resize(640, 480)
        self.to_edit = QLineEdit(format_addresses(entry.to))
        self.cc_edit = QLineEdit(format_addresses(entry.cc))
        self.text_edit = QPlainTextEdit(entry.text)
        reason = QLabel(self.tr("The server said: %1").replace("%1", entry.last_error))
        reason.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("To:"), self.to_edit)
        form.addRow(self.tr("Cc:"), self.cc_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("Send again"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(reason)
        layout.addLayout(form)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(buttons)


def _revise_and_send(
    db: sqlite_utils.Database,
    entry: OutboxEntry,
    to: tuple[Address, ...],
    cc: tuple[Address, ...],
    text: str,
    passwords: Mapping[int, str],
) -> list[str]:
    from mail.compose import revise_message
    from store.outbox import revise_failed

    revise_failed(db, entry.id, revise_message(entry.raw, text, to, cc), to, cc, text)
    return _send_all(db, passwords)


def _send_all(db: sqlite_utils.Database, passwords: Mapping[int, str]) -> list[str]:
    from mail.credentials import secret_for
    from mail.send import flush_all

    def password_for(account: Account) -> Secret | None:
        return passwords.get(account.id) or secret_for(account)

    return flush_all(db, password_for)


class OutboxView(QWidget):
    """``OutboxView(data_dir, parent, passwords={account_id: password})``; ``passwords`` bypasses the keyring.

    ``changed`` fires after a send attempt from here, so the request list can refresh; ``loaded`` after each
    refresh of the list.
    """

    changed = Signal()
    loaded = Signal()

    def __init__(
        self, data_dir: Path | str, parent: QWidget | None = None, passwords: Mapping[int, str] | None = None
    ) -> None:
        super().__init__(parent)
        self._passwords = dict(passwords or {})
        self._reader = Reader(Path(data_dir), self)
        self._reader.failed.connect(self._show_problem)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._reader.close)  # still open at exit: its thread stops cleanly
        self.model = OutboxModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Outbox"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.send_button = QPushButton(self.tr("Send now"))
        self.send_button.setToolTip(self.tr("Try every waiting reply now, without waiting for the next try"))
        self.send_button.clicked.connect(self.send_now)
        self.correct_button = QPushButton(self.tr("Correct and send again…"))
        self.correct_button.setEnabled(False)
        self.correct_button.clicked.connect(self._correct)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.correct_button)
        buttons.addStretch(1)
        buttons.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.state_label)
        self.refresh()

    def close_reader(self) -> None:
        """Stop the store thread; the owner calls it when it closes before the application quits."""
        self._reader.close()

    def refresh(self) -> None:
        self._reader.submit("list", load_entries, self._loaded)

    def _loaded(self, entries: list[OutboxEntry]) -> None:
        self.model.set_entries(entries)
        self.table.resizeColumnsToContents()
        self._selection_changed()
        self.loaded.emit()

    def selected(self) -> OutboxEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entries[rows[0].row()] if rows else None

    def _selection_changed(self, *_: object) -> None:
        entry = self.selected()
        self.correct_button.setEnabled(entry is not None and entry.state == OutboxState.FAILED)

    def send_now(self) -> None:
        self.send_button.setEnabled(False)
        self.state_label.setText(self.tr("Sending…"))
        passwords = self._passwords
        self._reader.submit("send", lambda db: _send_all(db, passwords), self._sent)

    def _correct(self) -> None:
        entry = self.selected()
        if entry is None or entry.state != OutboxState.FAILED:
            return
        dialog = CorrectionDialog(entry, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.revise(entry, dialog.to_edit.text(), dialog.cc_edit.text(), dialog.text_edit.toPlainText())

    def revise(self, entry: OutboxEntry, to_text: str, cc_text: str, text: str) -> None:
        """Queue the corrected reply and send it (the correction dialog's outcome, callable on its own)."""
        to, cc = parse_addresses(to_text), parse_addresses(cc_text)
        if not to:
            self._show_problem(self.tr("Name at least one recipient."))
            return
        self.state_label.setText(self.tr("Sending…"))
        passwords = self._passwords
        self._reader.submit(
            "send", lambda db: _revise_and_send(db, entry, to, cc, text, passwords), self._sent
        )

    def _sent(self, problems: list[str]) -> None:
        self.send_button.setEnabled(True)
        self.state_label.setText(problems[0] if problems else self.tr("Nothing is waiting to be sent."))
        self.refresh()
        self.changed.emit()

    def _show_problem(self, text: str) -> None:
        self.send_button.setEnabled(True)
        self.state_label.setText(text)

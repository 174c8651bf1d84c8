"""The service standards dialog: the targets the desk holds requests to, listed, added, edited and removed.

Targets are typed as people say them (``4h``, ``3d`` = three working days of the standard's calendar, ``90m``). Reading
and saving run in the thread pool: saving recomputes the due dates of every open request the change touches, which
takes a while on a large store, and the window must not freeze meanwhile.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.formatting import channel_label, priority_label
from desktop.forms import Form
from desktop.work_dialog import WorkDialog
from store.standards.business_time import Calendar, CalendarError
from store.standards.durations import DurationError
from store.standards.rules import DEFAULT_WARNING_PCT, Standard, StandardError
from store.vocabulary import Channel, Priority

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ShownStandard:
    """A standard with its targets written back in working days, hours and minutes of its calendar."""

    standard: Standard
    first_response: str
    resolution: str
    calendar: str  # which opening hours the targets count in, for a person


@dataclass(frozen=True, slots=True)
class StandardsData:
    accounts: list[tuple[int, str]]  # (id, name)
    standards: list[ShownStandard]
    departments: list[str]


def load_standards(data_dir: Path) -> StandardsData:
    """Everything the dialog shows; runs off the GUI thread."""
    from store.accounts import list_accounts
    from store.db import open_db
    from store.standards.calendars import load_calendar
    from store.standards.durations import format_duration
    from store.standards.rules import list_standards

    db = open_db(data_dir)
    try:
        accounts = list_accounts(db)
        calendar_of = {account.id: account.calendar_id for account in accounts}
        shown = []
        for standard in list_standards(db):
            calendar_id = standard.calendar_id or calendar_of.get(standard.account_id or 0)
            if calendar_id is None and accounts:
                calendar_id = accounts[0].calendar_id
            calendar = load_calendar(db, calendar_id) if calendar_id else None
            day = calendar.working_day_minutes if calendar else 480
            resolution = standard.resolution_min
            shown.append(
                ShownStandard(
                    standard,
                    format_duration(standard.first_response_min, day),
                    format_duration(resolution, day) if resolution else "",
                    _describe(calendar) if calendar else "",
                )
            )
        departments = [
            row[0] for row in db.execute("SELECT name FROM departments ORDER BY name COLLATE NOCASE")
        ]
        return StandardsData([(a.id, a.name) for a in accounts], shown, departments)
    finally:
        db.conn.close()


def _describe(calendar: Calendar) -> str:
    holidays = f", {calendar.holidays}" if calendar.holidays else ""
    return f"{calendar.tz}{holidays}"


def save_standard(data_dir: Path, standard_id: int | None, values: dict[str, Any]) -> Standard:
    """Add (``standard_id`` None) or change a standard from the dialog's values; due dates follow in the same
    transaction. Refusals come back as ``StandardError`` or ``DurationError`` naming the field."""
    from store.accounts import get_account_by_id
    from store.db import open_db
    from store.standards.calendars import load_calendar
    from store.standards.durations import parse_duration
    from store.standards.rules import add_standard, edit_standard, get_standard

    db = open_db(data_dir)
    try:
        current = get_standard(db, standard_id) if standard_id is not None else None
        account = get_account_by_id(db, values["account_id"]) if values["account_id"] is not None else None
        calendar_id = (current.calendar_id if current else None) or (account.calendar_id if account else None)
        if calendar_id is None:
            raise StandardError("mailbox: add a mailbox first; its working hours are what targets count in")
        day = load_calendar(db, calendar_id).working_day_minutes
        resolution_text = values["resolution"].strip()
        fields: dict[str, Any] = {
            "account_id": values["account_id"],
            "name": values["name"],
            "first_response_min": parse_duration(values["first_response"], day, "first response"),
            "resolution_min": parse_duration(resolution_text, day, "resolution") if resolution_text else None,
            "warning_pct": values["warning_pct"],
            **{
                name: values[name] or None
                for name in ("department", "requester", "category", "channel", "priority")
            },
        }
        if current is None:
            return add_standard(db, Standard(None, **fields))
        return edit_standard(db, standard_id or 0, fields)
    finally:
        db.conn.close()


def delete_standard(data_dir: Path, standard_id: int) -> None:
    from store.db import open_db
    from store.standards.rules import remove_standard

    db = open_db(data_dir)
    try:
        remove_standard(db, standard_id)
    finally:
        db.conn.close()


class StandardsDialog(WorkDialog):
    """``changed()`` after a standard was added, edited or removed (due dates are recomputed by then)."""

    changed = Signal()
    loaded = Signal()

    def __init__(
        self, data_dir: Path, pool: QThreadPool | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(pool, parent)
        self.setWindowTitle(self.tr("Service standards"))
        self._data_dir = data_dir
        self._shown: list[ShownStandard] = []
        self._editing: int | None = None

        self.list = QListWidget(self)
        self.list.setObjectName("standards")
        self.list.setAccessibleName(self.tr("Service standards"))
        self.list.currentRowChanged.connect(self._chosen)
        self.new_button = QPushButton(self.tr("&New standard"), self)
        self.new_button.clicked.connect(self._new)
        self.remove_button = QPushButton(self.tr("&Remove…"), self)
        self.remove_button.clicked.connect(self._remove)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.new_button)
        buttons_row.addWidget(self.remove_button)
        left.addLayout(buttons_row)

        self.form = self._build_form()
        self.calendar_label = QLabel(self)
        self.calendar_label.setWordWrap(True)
        self.status_label.setObjectName("standardsStatus")
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._save)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        right = QVBoxLayout()
        right.addWidget(self.form)
        right.addWidget(self.calendar_label)
        right.addWidget(self.status_label)
        right.addStretch(1)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        right.addLayout(save_row)

        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(close)
        self.resize(820, 440)
        self._new()
        self.reload()

    def _build_form(self) -> Form:
        form = Form(self)
        form.add_text("name", self.tr("N&ame"), self.tr("e.g. Facilities, first answer"))
        form.add_text("first_response", self.tr("&First answer within"), self.tr("e.g. 4h, 90m, 1d"))
        form.add_text("resolution", self.tr("Resol&ved within"), self.tr("optional, e.g. 3d (working days)"))
        warning = QDoubleSpinBox(self)
        warning.setRange(1, 99)
        warning.setDecimals(0)
        warning.setSuffix(" %")
        warning.setValue(DEFAULT_WARNING_PCT)
        self.warning = warning
        form.add_widget(self.tr("&Warn at"), warning)
        form.add_choice("account_id", self.tr("&Mailbox"), [(None, self.tr("every mailbox"))])
        form.add_choice(
            "department", self.tr("&Department"), [("", self.tr("any department"))], editable=True
        )
        form.add_text("requester", self.tr("Re&quester"), self.tr("any requester (or one address)"))
        form.add_text("category", self.tr("&Category"), self.tr("any category"))
        form.add_choice(
            "channel",
            self.tr("C&hannel"),
            [("", self.tr("any channel")), *((c, channel_label(c)) for c in Channel)],
        )
        form.add_choice(
            "priority",
            self.tr("&Priority"),
            [("", self.tr("any priority")), *((p, priority_label(p)) for p in Priority)],
        )
        return form

    # -- reading -----------------------------------------------------------------------------------------------
    @Slot()
    def reload(self) -> None:
        self.run(lambda: load_standards(self._data_dir), self._loaded)

    def _loaded(self, data: StandardsData) -> None:
        accounts = self.form.field("account_id")
        departments = self.form.field("department")
        chosen = self.form.values()
        for combo, entries in ((accounts, data.accounts), (departments, [(d, d) for d in data.departments])):
            while combo.count() > 1:
                combo.removeItem(1)
            for value, text in entries:
                combo.addItem(text, value)
        if self._editing is None and data.accounts and chosen["account_id"] is None:
            chosen["account_id"] = data.accounts[0][0]  # a new standard is for this desk's mailbox by default
        self.form.set_values({"account_id": chosen["account_id"], "department": chosen["department"]})
        self._shown = data.standards
        self.list.blockSignals(True)
        self.list.clear()
        for item in data.standards:
            self.list.addItem(QListWidgetItem(self._summary(item)))
        self.list.blockSignals(False)
        ids = [item.standard.id for item in data.standards]
        if self._editing in ids:
            self.list.setCurrentRow(ids.index(self._editing))
        self.remove_button.setEnabled(self._editing is not None)
        self.loaded.emit()

    def _summary(self, item: ShownStandard) -> str:
        standard = item.standard
        targets = item.first_response + (f" / {item.resolution}" if item.resolution else "")
        priority = priority_label(standard.priority) if standard.priority else None
        channel = channel_label(standard.channel) if standard.channel else None
        scope = [
            value
            for value in (standard.department, standard.requester, standard.category, channel, priority)
            if value
        ]
        applies = ", ".join(scope) if scope else self.tr("every request")
        return f"{standard.name}\n{targets} · {applies}"

    @Slot(int)
    def _chosen(self, row: int) -> None:
        if not 0 <= row < len(self._shown):
            return
        item = self._shown[row]
        standard = item.standard
        if standard.id != self._editing:
            self.say("")  # what was said was about the standard shown before
        self._editing = standard.id
        self.form.set_values(
            {
                "name": standard.name,
                "first_response": item.first_response,
                "resolution": item.resolution,
                "account_id": standard.account_id,
                "department": standard.department or "",
                "requester": standard.requester or "",
                "category": standard.category or "",
                "channel": standard.channel or "",
                "priority": standard.priority or "",
            }
        )
        self.warning.setValue(standard.warning_pct)
        self.calendar_label.setText(
            self.tr("Targets count in working time of: %1").replace("%1", item.calendar)
            if item.calendar
            else ""
        )
        self.remove_button.setEnabled(True)

    @Slot()
    def _new(self) -> None:
        self._editing = None
        self.list.clearSelection()
        self.form.set_values(
            {
                "name": "",
                "first_response": "",
                "resolution": "",
                "requester": "",
                "category": "",
                "channel": "",
                "priority": "",
            }
        )
        self.form.field("department").setEditText("")
        self.warning.setValue(DEFAULT_WARNING_PCT)
        self.calendar_label.setText(self.tr("Targets count in working time of the mailbox's calendar."))
        self.remove_button.setEnabled(False)
        self.form.field("name").setFocus()

    # -- writing -----------------------------------------------------------------------------------------------
    @Slot()
    def _save(self) -> None:
        values = {**self.form.values(), "warning_pct": self.warning.value()}
        standard_id = self._editing
        self.say(self.tr("Saving and recomputing due dates…"), ok=None)
        self.run(lambda: save_standard(self._data_dir, standard_id, values), self._saved)

    def _saved(self, standard: Standard) -> None:
        self._editing = standard.id
        self.say(self.tr("Saved: due dates of open requests are recomputed."))
        self.changed.emit()
        self.reload()

    @Slot()
    def _remove(self) -> None:
        if self._editing is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove standard"),
            self.tr("Remove this standard? Its open requests fall back to the next standard that fits."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        standard_id = self._editing
        self.run(lambda: delete_standard(self._data_dir, standard_id), self._removed)

    def _removed(self, _result: object) -> None:
        self.say(self.tr("Removed."))
        self.changed.emit()
        self._new()
        self.reload()

    # -- plumbing ----------------------------------------------------------------------------------------------
    def busy_widgets(self) -> tuple[QWidget, ...]:
        return (self.save_button, self.new_button, self.remove_button)

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self.remove_button.setEnabled(not busy and self._editing is not None)

    def failed(self, error: BaseException) -> None:
        if isinstance(error, StandardError | DurationError | CalendarError):
            self.say(self.tr("The standard was not changed:") + f"\n{error}", ok=False)
            return
        log.error("service standards: unexpected failure", exc_info=error)
        self.say(self.tr("Something unexpected went wrong:") + f"\n{error}", ok=False)

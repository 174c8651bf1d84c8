"""Triage actions on the selected request: status, assignee, priority, category, the standard given by hand, notes,
requests entered by hand, merge and split.

Field changes go on a ``QUndoStack`` (undo writes the old value back, as a new event); notes, new requests, merges
and splits are confirmed in a dialog first. Every write runs on the store thread, becomes an event there and is
queued for the team (``store.team_changes``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

import sqlite_utils
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.formatting import priority_label, short_datetime, status_label
from desktop.forms import Form
from desktop.reader import Reader
from store.numbers import by_number, number_of
from store.vocabulary import SHARED_FIELDS, ChangeKind, Channel, Priority, RequestStatus

log = logging.getLogger(__name__)

STATUS_KEYS = {
    RequestStatus.OPEN: "Ctrl+1",
    RequestStatus.WAITING: "Ctrl+2",
    RequestStatus.WAITING_COLLEAGUE: "Ctrl+3",
    RequestStatus.RESOLVED: "Ctrl+4",
}
Write = Callable[[sqlite_utils.Database], object]


def _now() -> datetime:
    return datetime.now(UTC)


def team_job(change: Callable[[ModuleType, sqlite_utils.Database], object]) -> Write:
    """``change(store.team_changes, db)`` as a job for the store thread: a change made here and shared with the team.
    The module is imported there, since its lifecycle rules pull in the holiday tables, which opening the window
    does not need."""

    def job(db: sqlite_utils.Database) -> object:
        from store import team_changes

        return change(team_changes, db)

    return job


def field_write(request_id: int, field: str, value: str | None, actor: str) -> Write:
    """The change of one field, shared with the team, as a job for the store thread."""
    at = _now()
    return team_job(lambda rules, db: rules.set_field(db, request_id, field, value, actor, at))


def field_value(db: sqlite_utils.Database, request_id: int, field: str) -> str | None:
    """A triage field of a request as stored now (``field`` is one of ``SHARED_FIELDS``)."""
    row = db.execute(f"SELECT {field} FROM requests WHERE id = ?", [request_id]).fetchone()
    return None if row is None else row[0]


def standard_choices(db: sqlite_utils.Database, request_id: int) -> tuple[list[str], str | None] | None:
    """The names of the standards a request of its mailbox may be given, and the one it was given by hand."""
    from store.standards.rules import list_standards

    row = db.execute("SELECT account_id, chosen_standard FROM requests WHERE id = ?", [request_id]).fetchone()
    if row is None:
        return None
    return list(dict.fromkeys(s.name for s in list_standards(db, row[0]))), row[1]


def merge_target(db: sqlite_utils.Database, source: int, number: int) -> tuple[int, int] | None:
    """The request a typed number names in the source's mailbox (where it went, if it was merged), and the number
    it has now; None when no request has that number."""
    row = db.execute("SELECT account_id FROM requests WHERE id = ?", [source]).fetchone()
    target = None if row is None else by_number(db, row[0], number)
    return None if target is None else (target, number_of(db, target))


def first_account_id(db: sqlite_utils.Database) -> int | None:
    """The mailbox a request entered by hand belongs to."""
    row = db.execute("SELECT id FROM accounts ORDER BY id LIMIT 1").fetchone()
    return None if row is None else int(row[0])


class _SetField(QUndoCommand):
    def __init__(
        self, triage_: Triage, request_id: int, number: int, field: str, old: str | None, new: str | None
    ) -> None:
        super().__init__(triage_.describe(field, number, new))
        self._triage, self._request_id, self._field, self._old, self._new = (
            triage_,
            request_id,
            field,
            old,
            new,
        )

    def redo(self) -> None:
        self._triage.write(field_write(self._request_id, self._field, self._new, self._triage.me))

    def undo(self) -> None:
        self._triage.write(field_write(self._request_id, self._field, self._old, self._triage.me))


class ManualRequestDialog(QDialog):
    """A phone call or a visit at the desk, written down as a request."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New request by hand"))
        self.form = Form(self)
        self.form.add_text("requester_address", self.tr("Requester &e-mail:"), "name@department.example")
        self.form.add_text("requester_name", self.tr("&Name:"))
        self.channel = self.form.add_choice(
            "channel",
            self.tr("&Channel:"),
            ((Channel.PHONE, self.tr("Phone call")), (Channel.DESK, self.tr("Visit at the desk"))),
        )
        self.form.add_text("subject", self.tr("&Subject:"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("What was asked"))
        self.form.add_widget(self.tr("N&otes:"), self.text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.resize(460, 360)

    def values(self) -> dict[str, str]:
        """The fields as ``store.triage.create_manual`` takes them."""
        return {**self.form.values(), "text": self.text.toPlainText()}


class Triage(QObject):
    """Owns the triage ``QAction``s and the undo stack; ``current`` tells it which request is selected (its id),
    ``current_number`` what people call it."""

    changed = Signal()  # a write landed: views and counts refresh
    created = Signal(int)  # a new request (by hand or split off) to select
    failed = Signal(str)

    def __init__(
        self,
        store: Reader,
        current: Callable[[], int | None],
        current_number: Callable[[], int | None],
        messages: Callable[[], list[tuple[int, str]]],
        me: str,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._store, self._current, self._current_number = store, current, current_number
        self._messages, self.me = messages, me
        self._window = parent
        self._writes = 0
        self.undo_stack = QUndoStack(self)
        self.actions: list[QAction] = []
        self.status_menu = QMenu(self.tr("Set &status"), parent)
        self.status_actions = {
            status: self._action(status_label(status), keys, self._set_status(status))
            for status, keys in STATUS_KEYS.items()
        }
        self.status_menu.addActions(list(self.status_actions.values()))
        self.priority_menu = QMenu(self.tr("&Priority"), parent)
        for priority in Priority:
            self.priority_menu.addAction(
                self._action(priority_label(priority), None, self._set_priority(priority))
            )
        self.assign_me = self._action(self.tr("Assign to &me"), "Ctrl+Shift+A", self._assign_me)
        self.assign = self._action(self.tr("&Assign to…"), "Ctrl+Alt+A", self._assign_other)
        self.category = self._action(self.tr("&Category…"), "Ctrl+Shift+G", self._set_category)
        self.standard = self._action(self.tr("Service s&tandard…"), "Ctrl+Shift+T", self._set_standard)
        self.note = self._action(self.tr("Add internal &note…"), "Ctrl+Shift+N", self._add_note)
        self.manual = self._action(
            self.tr("&New request by hand…"), QKeySequence.StandardKey.New, self._new_manual
        )
        self.merge = self._action(self.tr("&Merge into request…"), "Ctrl+Shift+M", self._merge)
        self.split = self._action(self.tr("S&plit message off…"), "Ctrl+Shift+S", self._split)
        self._undo_actions()

    def _undo_actions(self) -> None:
        """Undo and redo name the step they take, after a prefix fixed when they are made."""
        self.undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo.setShortcut(QKeySequence.StandardKey.Redo)

    def retranslate(self) -> None:
        """The language changed: every action's text again (the window then builds its menus anew)."""
        self.status_menu.setTitle(self.tr("Set &status"))
        self.priority_menu.setTitle(self.tr("&Priority"))
        for status, action in self.status_actions.items():
            action.setText(status_label(status))
        for priority, action in zip(Priority, self.priority_menu.actions(), strict=True):
            action.setText(priority_label(priority))
        texts = {
            self.assign_me: self.tr("Assign to &me"),
            self.assign: self.tr("&Assign to…"),
            self.category: self.tr("&Category…"),
            self.standard: self.tr("Service s&tandard…"),
            self.note: self.tr("Add internal &note…"),
            self.manual: self.tr("&New request by hand…"),
            self.merge: self.tr("&Merge into request…"),
            self.split: self.tr("S&plit message off…"),
        }
        for action, text in texts.items():
            action.setText(text)
        self.undo.deleteLater()
        self.redo.deleteLater()
        self._undo_actions()

    def _action(
        self, text: str, keys: str | QKeySequence.StandardKey | None, slot: Callable[[], None]
    ) -> QAction:
        action = QAction(text, self._window)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.actions.append(action)
        return action

    def set_enabled(self, has_request: bool) -> None:
        for action in self.actions:
            action.setEnabled(has_request or action is self.manual)

    def describe(self, field: str, number: int, value: str | None) -> str:
        shown = {
            "status": status_label(value or ""),
            "priority": priority_label(value or ""),
            ChangeKind.CHOSEN_STANDARD: value or self.tr("the rules' choice"),
        }.get(field, value or self.tr("nobody"))
        return (
            self.tr("set %1 of #%2 to %3")
            .replace("%1", self.tr("standard") if field == ChangeKind.CHOSEN_STANDARD else field)
            .replace("%2", str(number))
            .replace("%3", shown)
        )

    def write(self, job: Write, created: bool = False) -> None:
        """Run a write on the store thread; views refresh when it is done."""
        self._writes += 1
        self._store.submit(f"write-{self._writes}", job, lambda result: self._written(result, created))

    def _written(self, result: object, created: bool) -> None:
        if created and isinstance(result, int):
            self.created.emit(result)
        self.changed.emit()

    def _read(self, job: Callable[[sqlite_utils.Database], Any], then: Callable[[Any], None]) -> None:
        """Read on the store thread, in turn with the writes before it; ``then`` gets the answer here."""
        self._writes += 1
        self._store.submit(f"read-{self._writes}", job, then)

    def _with_current_value(self, request_id: int, field: str, then: Callable[[str | None], None]) -> None:
        self._read(lambda db: field_value(db, request_id, field), then)

    def set_field(self, field: str, value: str | None) -> None:
        request_id, number = self._current(), self._current_number()
        if request_id is None or number is None or field not in SHARED_FIELDS:
            return

        def push(old: str | None) -> None:
            if old != value:
                self.undo_stack.push(_SetField(self, request_id, number, field, old, value))

        self._with_current_value(request_id, field, push)

    def _set_status(self, status: str) -> Callable[[], None]:
        return lambda: self.set_field("status", status)

    def _set_priority(self, priority: str) -> Callable[[], None]:
        return lambda: self.set_field("priority", priority)

    def _assign_me(self) -> None:
        self.set_field("assignee", self.me)

    def _assign_other(self) -> None:
        name, ok = QInputDialog.getText(self._window, self.tr("Assign"), self.tr("Colleague at the desk:"))
        if ok:
            self.set_field("assignee", name.strip() or None)

    def _set_category(self) -> None:
        request_id = self._current()
        if request_id is None:
            return

        def ask(current: str | None) -> None:
            name, ok = QInputDialog.getText(
                self._window, self.tr("Category"), self.tr("Category:"), text=current or ""
            )
            if ok:
                self.set_field("category", name.strip() or None)

        self._with_current_value(request_id, "category", ask)

    def _set_standard(self) -> None:
        """Choose one of this desktop's standards for the request, or let the rules choose again."""
        request_id, number = self._current(), self._current_number()
        if request_id is None or number is None:
            return
        self._read(
            lambda db: standard_choices(db, request_id), lambda found: self._ask_standard(number, found)
        )

    def _ask_standard(self, number: int, found: tuple[list[str], str | None] | None) -> None:
        if found is None:
            return
        standards, current = found
        by_rules = self.tr("As the rules choose")
        names = [by_rules, *standards]
        chosen, ok = QInputDialog.getItem(
            self._window,
            self.tr("Service standard"),
            self.tr("Standard for request #%1:").replace("%1", str(number)),
            names,
            names.index(current) if current in names else 0,
            False,
        )
        if ok:
            self.set_field(ChangeKind.CHOSEN_STANDARD, None if chosen == by_rules else chosen)

    def _add_note(self) -> None:
        request_id = self._current()
        if request_id is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self._window, self.tr("Internal note"), self.tr("Note (never mailed to the requester):")
        )
        if ok and text.strip():
            me, at = self.me, _now()
            self.write(team_job(lambda rules, db: rules.add_note(db, request_id, text, me, at)))

    def _new_manual(self) -> None:
        dialog = ManualRequestDialog(self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        fields = dialog.values()
        me, at = self.me, _now()

        def create(account_id: int | None) -> None:
            if account_id is None:
                self.failed.emit(self.tr("Add a mailbox account first."))
                return
            self.write(
                team_job(
                    lambda rules, db: rules.create_manual(
                        db, account_id=account_id, **fields, actor=me, at=at
                    )
                ),
                created=True,
            )

        self._read(first_account_id, create)

    def _merge(self) -> None:
        source, source_number = self._current(), self._current_number()
        if source is None or source_number is None:
            return
        typed, ok = QInputDialog.getInt(
            self._window,
            self.tr("Merge"),
            self.tr("Merge request #%1 into request number:").replace("%1", str(source_number)),
            minValue=1,
            maxValue=2**31 - 1,
        )
        if ok:
            self._read(
                lambda db: merge_target(db, source, typed),
                lambda target: self._confirm_merge(source, source_number, typed, target),
            )

    def _confirm_merge(
        self, source: int, source_number: int, typed: int, target: tuple[int, int] | None
    ) -> None:
        """Ask before merging into the request the typed number names (``merge_target``)."""
        if target is None:
            self.failed.emit(self.tr("There is no request #%1.").replace("%1", str(typed)))
            return
        target_id, target_number = target
        question = self.tr("Move every message of #%1 into #%2? #%1 then leaves the lists.")
        answer = QMessageBox.question(
            self._window,
            self.tr("Merge requests"),
            question.replace("%1", str(source_number)).replace("%2", str(target_number)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            me, at = self.me, _now()
            self.write(team_job(lambda rules, db: rules.merge(db, source, target_id, me, at)))

    def _split(self) -> None:
        messages = self._messages()
        if len(messages) < 2:
            self.failed.emit(self.tr("Only a request with several messages can be split."))
            return
        labels = [label for _, label in messages]
        chosen, ok = QInputDialog.getItem(
            self._window,
            self.tr("Split message off"),
            self.tr("Message that starts a new request:"),
            labels,
            0,
            False,
        )
        if not ok:
            return
        message_row = messages[labels.index(chosen)][0]
        me, at = self.me, _now()
        self.write(team_job(lambda rules, db: rules.split(db, message_row, me, at)), created=True)


def message_label(sender: str, at: datetime | None, subject: str) -> str:
    return f"{short_datetime(at)} — {sender}: {subject}"

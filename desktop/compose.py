"""The compose window: reply, reply to all, or forward a request to a colleague, with templates and attachments.

Everything that touches the store, the disk or the network runs on the dialog's own reading thread; the window
only shows. Right before sending it looks for anything newer in the request (a requester's message, another
desktop's reply) and shows that instead of sending blind.
"""

from __future__ import annotations

import getpass
import logging
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.compose_jobs import (
    ComposeSetup,
    SendOutcome,
    format_addresses,
    load_setup,
    parse_addresses,
    send_reply,
)
from desktop.formatting import short_datetime, status_label
from desktop.placeholder_marks import PlaceholderMarks
from desktop.reader import Reader
from desktop.settings import HTML_REPLIES
from mail.compose import Mode, forward_block, quote_block, reply_subject
from mail.reply import DEFAULT_STATUS, StoredMessage, newer_messages
from store.templates import LANGUAGES, placeholders, render
from store.vocabulary import STATUSES_AFTER_REPLY, Direction, OutboxState, Role

log = logging.getLogger(__name__)

SIZE_WARNING_BYTES = 10 * 1024 * 1024  # many mail servers refuse messages over 10–25 MB once encoded
REPLYING_RENEW_MS = 5 * 60_000  # well within the fifteen minutes a sign holds
LANGUAGE_NAMES = {
    "en": "English",
    "nl": "Nederlands",
    "de": "Deutsch",
    "it": "Italiano",
}  # each in its own tongue


def _default_language() -> str:
    language = QLocale().name().split("_")[0]
    return language if language in LANGUAGES else "en"


class ComposeDialog(QDialog):
    """``ComposeDialog(data_dir, request_id, mode, parent)``; mode is ``reply``, ``reply_all`` or ``forward``.

    ``answers`` picks the message answered (default: the request's latest incoming one), ``agent`` names who
    sends, ``password`` bypasses the keyring (the demo).

    ``finished_sending(outbox_id, state, error)`` reports the outcome (state ``sent``, ``queued``, ``sending`` or
    ``failed``). A sent reply closes the window; otherwise it says why and what happens next (the reply is in
    the outbox either way).
    """

    finished_sending = Signal(int, str, str)
    ready = Signal()

    def __init__(
        self,
        data_dir: Path | str,
        request_id: int,
        mode: Mode = "reply",
        parent: QWidget | None = None,
        *,
        answers: int | None = None,
        agent: str | None = None,
        password: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._request_id = request_id
        self._mode: Mode = mode
        self._agent = agent or getpass.getuser()
        self._password = password
        self._setup: ComposeSetup | None = None
        self._seen: int | None = None
        self._answers: int | None = None
        self._newer_shown = False
        self._pristine_text = ""
        self._blocks: list[str] = []  # the signature and quote the window wrote, to tell them from the reply
        self._sizes: dict[str, int] = {}
        self._reader = Reader(Path(data_dir), self)
        self._reader.failed.connect(self._on_failed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(
                self._reader.close
            )  # a window still open at exit stops its thread cleanly
        self._build()
        self.setAcceptDrops(True)
        self._reader.submit(
            "load", lambda db: load_setup(db, request_id, mode, self._agent, answers), self._loaded
        )
        self._replying = QTimer(self)  # a sign of life for the team while the reply is written
        self._replying.timeout.connect(lambda: self._tell_team(replying=True))
        self._replying.start(REPLYING_RENEW_MS)
        self._tell_team(replying=True)

    # -- layout ------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        titles = {
            "reply": self.tr("Reply"),
            "reply_all": self.tr("Reply to all"),
            "forward": self.tr("Forward to a colleague"),
        }
        self._title = titles[self._mode]
        self.setWindowTitle(self._title)  # the request's number follows once the setup has read it
        self.resize(760, 640)
        self.to_edit = QLineEdit()
        self.cc_edit = QLineEdit()
        if self._mode == "forward":
            self.to_edit.setPlaceholderText(self.tr("colleague@department.example"))
        self.subject_label = QLabel()
        self.subject_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.language_box = QComboBox()
        for language in LANGUAGES:
            self.language_box.addItem(LANGUAGE_NAMES[language], language)
        self.language_box.setCurrentIndex(LANGUAGES.index(_default_language()))
        self.language_box.currentIndexChanged.connect(self._language_changed)
        self.language_box.setAccessibleName(self.tr("Language of the reply"))
        self.template_box = QComboBox()
        self.template_box.setAccessibleName(self.tr("Template"))
        self.template_box.activated.connect(self._template_chosen)
        self.status_box = QComboBox()
        self.status_box.setAccessibleName(self.tr("Status after sending"))
        for status in STATUSES_AFTER_REPLY:
            self.status_box.addItem(status_label(status), status)
        self.status_box.setCurrentIndex(STATUSES_AFTER_REPLY.index(DEFAULT_STATUS[self._mode]))
        self.html_box = QCheckBox(self.tr("Also send as HTML"))
        self.html_box.setToolTip(
            self.tr("Plain text always goes; some mail programs show an HTML copy more nicely")
        )
        self.html_box.setChecked(HTML_REPLIES.get())
        self.html_box.toggled.connect(HTML_REPLIES.set)

        template_row = QHBoxLayout()
        template_row.addWidget(self.template_box, 1)
        template_row.addWidget(self.language_box)
        form = QFormLayout()
        form.addRow(self.tr("To:"), self.to_edit)
        form.addRow(self.tr("Cc:"), self.cc_edit)
        form.addRow(self.tr("Subject:"), self.subject_label)
        form.addRow(self.tr("Template:"), template_row)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_box, 1)
        status_row.addWidget(self.html_box)
        form.addRow(self.tr("Status after sending:"), status_row)

        self.newer_label = QLabel()
        self.newer_label.setWordWrap(True)
        self.newer_label.setStyleSheet(
            "QLabel { background: #fff4ce; border: 1px solid #d9b300; padding: 6px; }"
        )
        self.newer_label.hide()

        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText(self.tr("Loading…"))
        self.body_edit.setEnabled(False)
        self.body_edit.setAccessibleName(self.tr("Message"))
        self._marks = PlaceholderMarks(self.body_edit.document(), self.body_edit.palette())
        self.placeholder_label = QLabel()
        self.placeholder_label.setWordWrap(True)
        self.placeholder_label.hide()
        self.body_edit.textChanged.connect(self._show_unfilled)

        self.attachment_list = QListWidget()
        self.attachment_list.setMaximumHeight(90)
        self.attachment_list.setAccessibleName(self.tr("Attachments"))
        self.attachment_list.setToolTip(self.tr("Drop files here to attach them"))
        add_button = QPushButton(self.tr("Attach…"))
        add_button.clicked.connect(self._choose_files)
        remove_button = QPushButton(self.tr("Remove"))
        remove_button.clicked.connect(self._remove_selected)
        self.size_label = QLabel()
        attach_buttons = QVBoxLayout()
        attach_buttons.addWidget(add_button)
        attach_buttons.addWidget(remove_button)
        attach_buttons.addStretch(1)
        attach_row = QHBoxLayout()
        attach_row.addWidget(self.attachment_list, 1)
        attach_row.addLayout(attach_buttons)

        self.state_label = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = self.buttons.addButton(self.tr("Send"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setEnabled(False)
        self.send_button.clicked.connect(self.send)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.newer_label)
        layout.addWidget(self.body_edit, 1)
        layout.addWidget(self.placeholder_label)
        layout.addLayout(attach_row)
        layout.addWidget(self.size_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.state_label, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

    # -- loading -----------------------------------------------------------------------------------------------
    def _loaded(self, setup: ComposeSetup) -> None:
        self._setup = setup
        self.setWindowTitle(f"{self._title} — #{setup.request_number}")
        self._seen = setup.latest
        self._answers = setup.answers
        self.to_edit.setText(format_addresses(setup.to))
        self.cc_edit.setText(format_addresses(setup.cc))
        prefix = "Fwd: " if self._mode == "forward" else "Re: "
        self.subject_label.setText(reply_subject(setup.request_subject, setup.request_number, prefix=prefix))
        self._fill_templates()
        self._set_initial_text()
        self.body_edit.setEnabled(True)
        self.body_edit.setPlaceholderText("")
        self.send_button.setEnabled(True)
        (self.to_edit if self._mode == "forward" else self.body_edit).setFocus()
        self.ready.emit()

    def _language(self) -> str:
        return str(self.language_box.currentData())

    def _initial_blocks(self) -> list[str]:
        """Signature and quote (or the forwarded original), each set off by a blank line below the reply."""
        assert self._setup is not None
        blocks = []
        signature = self._setup.account.signature.strip("\n")
        if signature.strip():
            blocks.append("-- \n" + signature)
        original = self._setup.original
        if original is not None:
            block = forward_block if self._mode == "forward" else quote_block
            blocks.append(block(original, self._language(), self._setup.tz))
        return blocks

    def written_text(self) -> str:
        """What the person wrote: the text without the signature and quote the window put there."""
        text = self.body_edit.toPlainText()
        for block in self._blocks:
            text = text.replace(block, "", 1)
        return text

    def _set_initial_text(self) -> None:
        self._blocks = self._initial_blocks()
        self._pristine_text = "\n\n" + "\n\n".join(self._blocks) + "\n"  # two empty lines to write in
        self.body_edit.setPlainText(self._pristine_text)
        cursor = self.body_edit.textCursor()
        cursor.setPosition(0)
        self.body_edit.setTextCursor(cursor)

    def _fill_templates(self) -> None:
        self.template_box.clear()
        self.template_box.addItem(self.tr("(no template)"), None)
        if self._setup is None:
            return
        for template in self._setup.templates:
            if template.language == self._language():
                self.template_box.addItem(self._template_title(template.name), template.id)

    def _template_title(self, name: str) -> str:
        """The built-in templates named in the interface language; a template added later shows its own name."""
        titles = {
            "acknowledgement": self.tr("Acknowledgement"),
            "need_more_info": self.tr("Asking for more information"),
            "resolved": self.tr("Resolved"),
            "forwarded_to_colleague": self.tr("Forwarded to a colleague"),
        }
        return titles.get(name, name.replace("_", " ").capitalize())

    def _language_changed(self) -> None:
        self._fill_templates()
        if self._setup is not None and self.body_edit.toPlainText() == self._pristine_text:
            self._set_initial_text()  # untouched: re-quote in the new language

    def _template_chosen(self, index: int) -> None:
        template_id = self.template_box.itemData(index)
        if self._setup is None or template_id is None:
            return
        template = next(t for t in self._setup.templates if t.id == template_id)
        text = render(template.body, self._setup.values.get(template.language, {}))
        cursor = self.body_edit.textCursor()
        if self.body_edit.toPlainText() == self._pristine_text:
            cursor.setPosition(0)
        cursor.insertText(text)
        self.body_edit.setTextCursor(cursor)
        self.body_edit.setFocus()

    # -- attachments -------------------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.add_files(paths)
            event.acceptProposedAction()

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        """Attach files; their sizes are read on the worker thread, then the total is checked."""
        new = [p for p in paths if p not in self._sizes]
        if not new:
            return

        def sizes(_db: Any) -> list[tuple[str, int]]:
            return [(p, os.path.getsize(p)) for p in new if os.path.isfile(p)]

        self._reader.submit(f"sizes-{new[0]}", sizes, self._sizes_known)

    def _sizes_known(self, found: list[tuple[str, int]]) -> None:
        locale = QLocale()
        for path, size in found:
            if path in self._sizes:
                continue
            self._sizes[path] = size
            item = QListWidgetItem(f"{Path(path).name}  ({locale.formattedDataSize(size)})")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(QUrl.fromLocalFile(path).toString())
            self.attachment_list.addItem(item)
        self._update_size()

    def _remove_selected(self) -> None:
        for item in self.attachment_list.selectedItems():
            self._sizes.pop(item.data(Qt.ItemDataRole.UserRole), None)
            self.attachment_list.takeItem(self.attachment_list.row(item))
        self._update_size()

    def total_size(self) -> int:
        return sum(self._sizes.values())

    def _update_size(self) -> None:
        total = self.total_size()
        if not total:
            self.size_label.clear()
            return
        text = self.tr("Attachments: %1").replace("%1", QLocale().formattedDataSize(total))
        if total > SIZE_WARNING_BYTES:
            text += " — " + self.tr("large: many mail servers refuse messages of this size")
            self.size_label.setStyleSheet("color: #b26a00;")
        else:
            self.size_label.setStyleSheet("")
        self.size_label.setText(text)

    def attachment_paths(self) -> list[str]:
        return [
            str(self.attachment_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.attachment_list.count())
        ]

    # -- sending -----------------------------------------------------------------------------------------------
    def status_after(self) -> str:
        return str(self.status_box.currentData())

    def set_status_after(self, status: str) -> None:
        self.status_box.setCurrentIndex(STATUSES_AFTER_REPLY.index(status))

    def send(self) -> None:
        """Check for anything newer first; a second press after seeing it sends."""
        if self._setup is None:
            return
        to = parse_addresses(self.to_edit.text())
        if not to:
            self._show_state(self.tr("Name at least one recipient."), error=True)
            self.to_edit.setFocus()
            return
        if self._mode != "forward" and not self.written_text().strip():
            self._show_state(
                self.tr("Write a reply first: an empty reply tells the requester nothing."), error=True
            )
            self.body_edit.setFocus()
            return
        if self.unfilled() and not self._confirm_unfilled():
            return
        if self.total_size() > SIZE_WARNING_BYTES and not self._confirm_size():
            return
        self.send_button.setEnabled(False)
        self._show_state(self.tr("Checking the request for anything newer…"))
        request_id, seen = self._request_id, self._seen
        self._reader.submit("newer", lambda db: newer_messages(db, request_id, seen), self._checked_newer)

    def unfilled(self) -> list[str]:
        """Placeholders in what was written or inserted (the quoted original may have braces of its own)."""
        quoted = set(placeholders(self._pristine_text))
        return [name for name in placeholders(self.body_edit.toPlainText()) if name not in quoted]

    def _show_unfilled(self) -> None:
        names = self.unfilled()
        self.placeholder_label.setVisible(bool(names))
        if names:
            listed = ", ".join("{" + name + "}" for name in names)
            self.placeholder_label.setText(self.tr("Still to fill in: %1").replace("%1", listed))

    def _confirm_unfilled(self) -> bool:
        listed = ", ".join("{" + name + "}" for name in self.unfilled())
        answer = QMessageBox.question(
            self,
            self.tr("Placeholders not filled in"),
            self.tr(
                "The reply still contains %1, which the requester would read as written. Send anyway?"
            ).replace("%1", listed),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _confirm_size(self) -> bool:
        answer = QMessageBox.warning(
            self,
            self.tr("Large attachments"),
            self.tr(
                "The attachments add up to %1; many mail servers refuse messages this large. Send anyway?"
            ).replace("%1", QLocale().formattedDataSize(self.total_size())),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _checked_newer(self, newer: list[StoredMessage]) -> None:
        if newer:
            self._seen = newer[-1].id
            incoming = [m.id for m in newer if m.direction == Direction.IN and m.role != Role.AUTO]
            if incoming and self._mode != "forward":
                self._answers = incoming[-1]  # the reply now answers the newest message, as the person saw it
            self._show_newer(newer)
            self.send_button.setText(self.tr("Send anyway"))
            self.send_button.setEnabled(True)
            self._show_state(
                self.tr("Something newer arrived in this request: read it, then send."), error=True
            )
            return
        self._queue_and_send()

    def _show_newer(self, newer: list[StoredMessage]) -> None:
        lines = [self.tr("Newer in this request:")]
        for message in newer:
            who = message.sender.name or message.sender.address
            kind = self.tr("reply from the desk") if message.direction == Direction.OUT else who
            lines.append(f"• {short_datetime(message.date)} — {kind}: {message.snippet[:160]}")
        self.newer_label.setText("\n".join(lines))
        self.newer_label.show()
        self._newer_shown = True

    def newer_shown(self) -> bool:
        return self._newer_shown

    def _queue_and_send(self) -> None:
        setup = self._setup
        assert setup is not None
        self._show_state(self.tr("Sending…"))
        self._cancel_button().setEnabled(
            False
        )  # the reply is being queued: closing now would wait for it anyway
        arguments: dict[str, Any] = {
            "answers": self._answers,
            "status_after": self.status_after(),
            "to": parse_addresses(self.to_edit.text()),
            "cc": parse_addresses(self.cc_edit.text()),
            "paths": self.attachment_paths(),
            "language": self._language(),
            "agent": self._agent,
            "password": self._password,
            "html": self.html_box.isChecked(),
        }
        text, request_id, mode = self.body_edit.toPlainText(), self._request_id, self._mode

        def job(db: sqlite_utils.Database) -> SendOutcome:
            return send_reply(db, setup.account, request_id, mode, text, **arguments)

        self._reader.submit("send", job, self._sent)

    def _sent(self, outcome: SendOutcome) -> None:
        log.info("reply to request %s: outbox %s is %s", self._request_id, outcome.outbox_id, outcome.state)
        self.finished_sending.emit(outcome.outbox_id, outcome.state, outcome.error)
        self._cancel_button().setEnabled(True)
        if outcome.state == OutboxState.SENT:
            self.accept()
            return
        if outcome.state == OutboxState.FAILED:
            message = self.tr("The server refused the reply: %1. It is kept in the outbox as failed.")
        elif outcome.state == OutboxState.SENDING:
            message = self.tr("Sent, but not yet filed in Sent (%1); Loket finishes that on its next try.")
        else:
            message = self.tr(
                "Not sent yet (%1). The reply waits in the outbox and is retried automatically."
            )
        self.send_button.hide()
        self._cancel_button().setText(self.tr("Close"))
        self._show_state(message.replace("%1", outcome.error), error=True)

    def _cancel_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

    def _show_state(self, text: str, error: bool = False) -> None:
        self.state_label.setStyleSheet("color: #c62828;" if error else "")
        self.state_label.setText(text)

    def _on_failed(self, error: str) -> None:
        self.send_button.setEnabled(self._setup is not None)
        self._show_state(self.tr("Could not continue: %1").replace("%1", error), error=True)

    def _tell_team(self, *, replying: bool) -> None:
        """Other desktops show "<agent> is replying" on the request until this dialog is closed (sent or
        discarded), or for fifteen minutes after the last sign of life should this desktop stop."""
        request_id, agent, at = self._request_id, self._agent, datetime.now(UTC)

        def job(db: sqlite_utils.Database) -> None:
            from store.team_changes import TeamChangeError, mark_replying

            try:
                mark_replying(db, request_id, agent, at, replying)
            except TeamChangeError as error:
                log.info("no replying sign for request %s: %s", request_id, error)

        self._reader.submit(f"replying-{replying}", job, lambda _result: None)

    def done(self, result: int) -> None:
        self._replying.stop()
        self._tell_team(replying=False)
        self._reader.close()
        super().done(result)

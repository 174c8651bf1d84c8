"""The window's ``loket rebuild``: offered when the store cannot be read, it sets the damaged file aside (never
deletes it), rebuilds the store from the mailbox and carries over what only this computer knew, off the GUI thread,
then says what it did."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from desktop.work_dialog import WorkDialog


class RebuildDialog(WorkDialog):
    """Asks first; ``accepted`` once the store is rebuilt (the window opens on it), ``rejected`` to quit."""

    progressed = Signal(str, int, int)  # folder, done, total: emitted from the rebuilding thread

    def __init__(self, data_dir: Path, problem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self._data_dir = data_dir
        self.setWindowTitle(self.tr("The store is damaged"))
        self.setObjectName("rebuildDialog")
        self.question = QLabel(
            self.tr(
                "Loket cannot read its store:\n%1\n\nRebuild it from the mailbox? The damaged file is kept next to "
                "the new one, and what only this computer knew (accounts, service standards, departments, notes, "
                "replies not yet sent) is carried over as far as it can still be read."
            ).replace("%1", problem),
            self,
        )
        self.question.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.buttons = QDialogButtonBox(self)
        self.rebuild_button = QPushButton(self.tr("&Rebuild"), self)
        self.buttons.addButton(self.rebuild_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.quit_button = self.buttons.addButton(self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button = self.buttons.addButton(
            self.tr("&Open Loket"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.hide()
        self.rebuild_button.clicked.connect(self.rebuild)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.progressed.connect(self._show_progress)
        layout = QVBoxLayout(self)
        for widget in (self.question, self.progress, self.status_label, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(560)

    def busy_widgets(self) -> tuple[QWidget, ...]:
        return (self.rebuild_button, self.quit_button)

    def rebuild(self) -> None:
        from mail.rebuild import rebuild_store
        from mail.sync import SyncProgress

        data_dir = self._data_dir

        def report(step: SyncProgress) -> None:
            self.progressed.emit(step.folder, step.done, step.total)

        self.progress.show()
        self.say(self.tr("Rebuilding the store from the mailbox…"), ok=None)
        self.run(lambda: rebuild_store(data_dir, report), self._rebuilt)

    def _show_progress(self, folder: str, done: int, total: int) -> None:
        locale = QLocale()
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.say(
            self.tr("%1: %2 of %3 messages")
            .replace("%1", folder)
            .replace("%2", locale.toString(done))
            .replace("%3", locale.toString(total)),
            ok=None,
        )

    def _rebuilt(self, report: object) -> None:
        from mail.rebuild import RebuildReport

        assert isinstance(report, RebuildReport)
        self.progress.hide()
        self.rebuild_button.hide()
        self.open_button.show()
        fetched = QLocale().toString(sum(report.synced.values()))
        text = self.tr(
            "The store was rebuilt: %1 messages fetched from the mailbox. The damaged file is kept as %2."
        )
        text = text.replace("%1", fetched).replace("%2", str(report.aside))
        if not report.synced and not report.not_synced:
            text += "\n" + self.tr(
                "No mailbox could be read from the damaged file: add it again with Mailboxes ▸ Add mailbox."
            )
        for name, error in report.not_synced.items():
            text += "\n" + self.tr(
                "%1 could not be synced yet (%2); Loket tries again once the window is open."
            ).replace("%1", name).replace("%2", error)
        self.question.hide()
        self.say(text, ok=bool(report.synced) and not report.not_synced)
        self.adjustSize()

    def failed(self, error: BaseException) -> None:
        self.progress.hide()
        super().failed(error)

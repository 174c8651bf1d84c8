"""A dialog whose actions run in the thread pool: buttons off while work runs, the outcome said in a status line.

The mailbox and service-standard dialogs both touch the network or the store on every action; this is the one place
that runs that work, gives the buttons back and colours the sentence that says how it went.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from desktop.background import Task

_COLOURS = {True: "#1b7a32", False: "#b3261e", None: "palette(text)"}


class WorkDialog(QDialog):
    def __init__(self, pool: QThreadPool | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._tasks: set[Task] = set()
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)

    def busy_widgets(self) -> Iterable[QWidget]:
        """What is disabled while work runs."""
        return ()

    def run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Run ``work`` in the pool; ``done`` must be a method of this dialog, so that a dialog closed while the
        work still takes its time is simply disconnected instead of being called after its deletion.

        The task is the dialog's child, deleted with it on the GUI thread, where it lives. Owned by Python alone, a
        finished task could lose its last reference when the pool drops the runnable that emitted its outcome, and
        be deleted on the pool's thread while the GUI thread still delivers that outcome; Qt allows neither.
        """
        task = Task(work, self)
        self._tasks.add(task)
        # The buttons come back before the outcome is said, so whoever reads the outcome finds the dialog ready.
        task.done.connect(self._finished)
        task.failed.connect(self._finished)
        task.done.connect(done)
        task.failed.connect(self.failed)
        self.set_busy(True)
        task.start(self._pool)

    def _finished(self, _outcome: object) -> None:
        self._tasks = {task for task in self._tasks if task.running}
        self.set_busy(bool(self._tasks))

    def set_busy(self, busy: bool) -> None:
        for widget in self.busy_widgets():
            widget.setEnabled(not busy)

    def failed(self, error: BaseException) -> None:
        self.say(str(error), ok=False)

    def say(self, text: str, ok: bool | None = True) -> None:
        """``ok``: True green, False red, None plain (work under way)."""
        self.status_label.setStyleSheet(f"color: {_COLOURS[ok]}")
        self.status_label.setText(text)

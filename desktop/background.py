"""One-shot work off the GUI thread: a function runs in a ``QThreadPool`` and its answer comes back by signal.

Dialogs use it for everything that may touch the network, the disk or the keyring, so the window never freezes
while a server takes its time to answer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from mail.errors import MailError
from store.errors import StoreError

log = logging.getLogger(__name__)


def log_failure(logger: logging.Logger, what: str, error: BaseException) -> None:
    """A failure off the GUI thread, in the log with its traceback: a warning when the store or the mail layer
    foresaw it (a refused password, a full disk), an error when it is a bug."""
    level = logging.WARNING if isinstance(error, StoreError | MailError) else logging.ERROR
    logger.log(level, "%s: %s", what, error, exc_info=error)


class Task(QObject):
    """Runs ``work`` in ``pool``; emits ``done(result)`` or ``failed(exception)`` on the thread that owns the task."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.running = False

    def start(self, pool: QThreadPool | None = None) -> None:
        self.running = True
        (pool or QThreadPool.globalInstance()).start(_Runnable(self._work, self))


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[], Any], task: Task) -> None:
        super().__init__()
        self._work = work
        self._task = task

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # handed to the GUI, which says it in words
            log_failure(log, "background task failed", error)
            self._report("failed", error)
        else:
            self._report("done", result)

    def _report(self, signal: str, value: object) -> None:
        try:
            self._task.running = False
            getattr(self._task, signal).emit(value)
        except RuntimeError:  # the task went with the dialog that owned it: nobody is left to tell
            log.debug("a background task finished after its owner was closed")

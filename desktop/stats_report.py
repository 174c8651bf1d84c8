"""Statistics ▸ Report…: the period on screen as the PDF report, asked for a file name and written in the pool."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, QLocale, QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop import stats_jobs
from store.stats.records import Selection


class ReportWriter(QObject):
    """``finished(sentence)`` once the report is written or refused; one report at a time."""

    started = Signal(str)
    finished = Signal(str)

    def __init__(self, data_dir: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._token: object | None = None
        bridge = stats_jobs.shared_bridge()
        bridge.done.connect(self._done)
        bridge.failed.connect(self._failed)

    def busy(self) -> bool:
        return self._token is not None

    def ask(self, selection: Selection) -> None:
        """A file name from the user, then ``write``."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        default = Path(folder) / f"loket-{selection.first}-{selection.last}.pdf"
        parent = self.parent()
        assert isinstance(parent, QWidget)
        path, _filter = QFileDialog.getSaveFileName(
            parent, self.tr("Save the period report"), str(default), self.tr("PDF document (*.pdf)")
        )
        if path:
            self.write(Path(path), selection)

    def write(self, path: Path, selection: Selection) -> None:
        if self.busy() or selection.first is None or selection.last is None:
            return
        token = self._token = object()
        generated = QLocale().toString(QDateTime.currentDateTime(), QLocale.FormatType.ShortFormat)
        data_dir = self._data_dir
        self.started.emit(self.tr("Writing the report to %1…").replace("%1", path.name))
        stats_jobs.Job(token, lambda: stats_jobs.report_file(data_dir, path, selection, generated)).start()

    def _done(self, answer: tuple[object, Any]) -> None:
        token, path = answer
        if token is self._token:
            self._token = None
            self.finished.emit(self.tr("The report is written to %1").replace("%1", str(path)))

    def _failed(self, answer: tuple[object, Exception]) -> None:
        token, error = answer
        if token is self._token:
            self._token = None
            self.finished.emit(self.tr("The report could not be written: %1").replace("%1", str(error)))

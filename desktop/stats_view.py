"""The statistics view: how fast the desk answers, how often the standard is met, and whom we wait on.

Figures come from ``store.stats.overview`` and exports from ``store.stats.export``, both run in the thread pool with their
own store connection; the view only draws what comes back, so changing the period never freezes the window.
"""

from __future__ import annotations

import logging
import threading
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QDate, QLocale, QSortFilterProxyModel, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop import stats_jobs
from desktop.i18n import tr
from desktop.stats_charts import draw_share, draw_times, qdate
from desktop.stats_models import FiguresModel, group_columns, supplier_columns
from desktop.stats_report import ReportWriter
from store.stats.figures import GROUPINGS
from store.stats.overview import Overview
from store.stats.records import Cancelled, Selection

log = logging.getLogger(__name__)

PRESETS = (("last4weeks", 28), ("last3months", 91), ("last12months", 365))
_DEBOUNCE_MS = 250


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class StatsView(QWidget):
    """Weekly response times against the standard, share within standard, departments, requesters, suppliers."""

    figures_ready = Signal(object)  # the Overview drawn
    export_finished = Signal(str)  # one sentence: what was written, or why not
    report_finished = Signal(str)  # likewise for the PDF report

    def __init__(self, data_dir: Path, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._data_dir = Path(data_dir)
        self._today = today or date.today()
        self._generation = 0
        self._stale = threading.Event()  # set when the running computation's answer is no longer wanted
        self._computing: dict[object, int] = {}  # job token → the period generation it computes
        self._exporting: dict[object, Path] = {}  # job token → the file it writes
        bridge = stats_jobs.shared_bridge()
        bridge.done.connect(self._job_done)
        bridge.failed.connect(self._job_failed)
        bridge.progress.connect(self._job_progress)
        self.overview: Overview | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self._build()
        self.reports = ReportWriter(self._data_dir, self)
        self.reports.started.connect(self._report_started)
        self.reports.finished.connect(self._report_finished)
        self._apply_preset()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the view shows the figures as they are now (new mail may have arrived meanwhile)."""
        super().showEvent(event)
        if self.overview is not None:
            self.refresh()

    # ---- layout ------------------------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_toolbar())
        self._summary = QLabel(self)
        self._summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self._summary)

        self._times_chart = QChart()
        self._times_chart.setTitle(self.tr("First response per week (business hours)"))
        self._share_chart = QChart()
        self._share_chart.setTitle(self.tr("Share within standard per week"))
        charts = QWidget(self)
        charts_layout = QHBoxLayout(charts)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        for chart in (self._times_chart, self._share_chart):
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
            view = QChartView(chart, charts)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(260)
            view.setAccessibleName(chart.title())
            charts_layout.addWidget(view)

        self._tabs = QTabWidget(self)
        self._tabs.setAccessibleName(self.tr("Figures by group"))
        self.departments = FiguresModel(group_columns([self.tr("Department")], tr), self)
        self.requesters = FiguresModel(
            group_columns([self.tr("Requester"), self.tr("Name"), self.tr("Department")], tr), self
        )
        self.suppliers = FiguresModel(supplier_columns(tr), self)
        for model, title in (
            (self.departments, self.tr("Departments")),
            (self.requesters, self.tr("Requesters")),
            (self.suppliers, self.tr("We waited on")),
        ):
            table = self._table(model)
            table.setAccessibleName(title)
            self._tabs.addTab(table, title)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(charts)
        splitter.addWidget(self._tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        status = QHBoxLayout()
        self._status = QLabel(self)
        self._progress = QProgressBar(self)
        self._progress.setMaximumWidth(260)
        self._progress.hide()
        status.addWidget(self._status, 1)
        status.addWidget(self._progress)
        layout.addLayout(status)

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        self.preset = QComboBox(bar)
        labels = {
            "last4weeks": self.tr("Last 4 weeks"),
            "last3months": self.tr("Last 3 months"),
            "last12months": self.tr("Last 12 months"),
        }
        for key, _days in PRESETS:
            self.preset.addItem(labels[key], key)
        self.preset.addItem(self.tr("This year"), "thisyear")
        self.preset.addItem(self.tr("Chosen dates"), "custom")
        self.preset.setCurrentIndex(1)
        self.preset.currentIndexChanged.connect(self._apply_preset)
        self.date_from = QDateEdit(bar)
        self.date_to = QDateEdit(bar)
        self.date_from.setAccessibleName(self.tr("Received from"))
        self.date_to.setAccessibleName(self.tr("Received until"))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
            edit.dateChanged.connect(self._dates_edited)
        bar.addWidget(QLabel(self.tr("Received "), bar))
        bar.addWidget(self.preset)
        bar.addWidget(QLabel(self.tr(" from "), bar))
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel(self.tr(" to "), bar))
        bar.addWidget(self.date_to)
        bar.addSeparator()
        self.grouping = QComboBox(bar)
        names = {
            "request": self.tr("a row per request"),
            "requester": self.tr("a row per requester"),
            "department": self.tr("a row per department"),
            "agent": self.tr("a row per colleague"),
            "month": self.tr("a row per month"),
        }
        for key in GROUPINGS:
            self.grouping.addItem(names[key], key)
        bar.addWidget(self.grouping)
        self.export_action = QAction(self.tr("Export…"), self)
        self.export_action.setToolTip(self.tr("Save the figures of this period as an Excel workbook or CSV"))
        self.export_action.triggered.connect(self._ask_export)
        bar.addAction(self.export_action)
        self.report_action = QAction(self.tr("Report…"), self)
        self.report_action.setToolTip(self.tr("Save this period as a PDF report to hand round in a meeting"))
        self.report_action.triggered.connect(self._ask_report)
        bar.addAction(self.report_action)
        return bar

    def _table(self, model: FiguresModel) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(Qt.ItemDataRole.UserRole)
        table = QTableView(self)
        table.setModel(proxy)
        table.setSortingEnabled(True)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        return table

    # ---- the period ----------------------------------------------------------------------------------------------

    def _apply_preset(self) -> None:
        key = self.preset.currentData()
        if key == "custom":
            return
        if key == "thisyear":
            first = date(self._today.year, 1, 1)
        else:
            first = self._today - timedelta(days=dict(PRESETS)[key] - 1)
        self._set_dates(first, self._today)
        self.refresh()

    def _set_dates(self, first: date, last: date) -> None:
        for edit, day in ((self.date_from, first), (self.date_to, last)):
            edit.blockSignals(True)
            edit.setDate(qdate(day))
            edit.blockSignals(False)

    def _dates_edited(self) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)
        self._debounce.start()

    def set_period(self, first: date, last: date) -> None:
        """Show ``first``…``last`` (received dates, inclusive), as if picked by hand."""
        self._set_dates(first, last)
        self._dates_edited()

    def selection(self) -> Selection | None:
        """The picked period, or None (and a sentence in the status line) when it starts after it ends."""
        first, last = _pydate(self.date_from.date()), _pydate(self.date_to.date())
        if first > last:
            self._status.setText(self.tr("The period starts after it ends: pick a later end date."))
            return None
        return Selection(first, last)

    # ---- figures -------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute the figures of the picked period in the pool; an older computation still running gives up."""
        selection = self.selection()
        if selection is None:
            return
        self._generation += 1
        self._status.setText(self.tr("Computing…"))
        # The job sees only plain values: a Qt object's attributes are not read from the pool's thread.
        self._stale.set()
        stale = self._stale = threading.Event()
        data_dir = self._data_dir
        token = object()
        self._computing[token] = self._generation
        stats_jobs.Job(token, lambda: stats_jobs.compute_overview(data_dir, selection, stale.is_set)).start()

    def _job_done(self, answer: tuple[object, Any]) -> None:
        token, result = answer
        if token in self._computing:
            self._figures_done(self._computing.pop(token), result)
        elif token in self._exporting:
            self._export_done(self._exporting.pop(token), result)

    def _job_failed(self, answer: tuple[object, Exception]) -> None:
        token, error = answer
        if token in self._computing:
            self._figures_failed(self._computing.pop(token), error)
        elif token in self._exporting:
            del self._exporting[token]
            self._export_failed(error)

    def _job_progress(self, report: tuple[object, int, int]) -> None:
        token, done, total = report
        if token in self._exporting:
            self._progress.setRange(0, max(total, 1))
            self._progress.setValue(done)

    def _figures_failed(self, generation: int, error: Exception) -> None:
        if isinstance(error, Cancelled) or generation != self._generation:
            return
        log.warning("statistics failed: %s", error)
        self._status.setText(self.tr("The figures could not be computed: %1").replace("%1", str(error)))

    def _figures_done(self, generation: int, result: Overview) -> None:
        if generation != self._generation:
            return
        self.overview = result
        self._draw(result)
        self._status.setText("")
        self.figures_ready.emit(result)

    def _draw(self, result: Overview) -> None:
        locale = QLocale()
        total = result.total
        if total.requests == 0:
            self._summary.setText(self.tr("No requests were received in this period."))
        else:

            def hours(minutes: float | None) -> str:
                return "–" if minutes is None else locale.toString(minutes / 60.0, "f", 1)

            pct = total.within_standard_pct
            self._summary.setText(
                self.tr(
                    "%1 requests, %2 answered; first response median %3 h, P90 %4 h (business hours); %5 within "
                    "standard; %6 resolved; %7 reopened"
                )
                .replace("%1", locale.toString(total.requests))
                .replace("%2", locale.toString(total.answered))
                .replace("%3", hours(total.first_response_median_business_min))
                .replace("%4", hours(total.first_response_p90_business_min))
                .replace("%5", "–" if pct is None else locale.toString(pct, "f", 1) + "\u202f%")
                .replace("%6", locale.toString(total.resolved))
                .replace("%7", locale.toString(total.reopened))
            )
            if total.ratings:
                self._summary.setText(
                    self._summary.text()
                    + "; "
                    + self.tr("%1 ratings, on average %2 of 5")
                    .replace("%1", locale.toString(total.ratings))
                    .replace("%2", locale.toString(total.satisfaction_avg or 0, "f", 1))
                )
        self._offer_per_person(result.per_person)
        first, last = self.date_from.date(), self.date_to.date()
        draw_times(self._times_chart, result, first, last)
        draw_share(self._share_chart, result, first, last)
        self.departments.set_rows(result.departments)
        self.requesters.set_rows(result.requesters)
        self.suppliers.set_rows(result.suppliers)

    # ---- export --------------------------------------------------------------------------------------------------

    def _ask_export(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        default = Path(folder) / f"loket-{self.date_from.date().toString('yyyy-MM-dd')}.xlsx"
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export statistics"),
            str(default),
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
        )
        if path:
            self.start_export(Path(path), self.grouping.currentData())

    def start_export(self, path: Path, by: str = "request") -> None:
        """Write the picked period to ``path`` (.xlsx, else CSV) in the pool, with a progress bar."""
        selection = self.selection()
        if selection is None:
            return
        self._progress.setRange(0, 0)
        self._progress.show()
        self.export_action.setEnabled(False)
        self._status.setText(self.tr("Exporting to %1…").replace("%1", path.name))
        token = object()
        self._exporting[token] = path
        language = QLocale().name()
        data_dir = self._data_dir
        bridge = stats_jobs.shared_bridge()

        def progress(done: int, total: int) -> None:
            bridge.progress.emit((token, done, total))

        stats_jobs.Job(
            token, lambda: stats_jobs.export_file(data_dir, path, by, selection, progress, language)
        ).start()

    def _export_done(self, path: Path, rows: int) -> None:
        self._progress.hide()
        self.export_action.setEnabled(True)
        text = (
            self.tr("%1 rows written to %2").replace("%1", QLocale().toString(rows)).replace("%2", str(path))
        )
        self._status.setText(text)
        self.export_finished.emit(text)

    def _export_failed(self, error: Exception) -> None:
        self._progress.hide()
        self.export_action.setEnabled(True)
        text = self.tr("The export failed: %1").replace("%1", str(error))
        self._status.setText(text)
        self.export_finished.emit(text)

    def _offer_per_person(self, allowed: bool) -> None:
        """Per-person figures switched off for the mailbox: no export per colleague, and the reason beside it."""
        index = self.grouping.findData("agent")
        if allowed and index < 0:
            self.grouping.insertItem(GROUPINGS.index("agent"), self.tr("a row per colleague"), "agent")
        elif not allowed and index >= 0:
            self.grouping.removeItem(index)
        self.grouping.setToolTip(
            ""
            if allowed
            else self.tr(
                "Per-person figures are switched off for this mailbox: monitoring individual performance needs the "
                "works council's consent."
            )
        )

    # ---- report --------------------------------------------------------------------------------------------------

    def _ask_report(self) -> None:
        selection = self.selection()
        if selection is not None:
            self.reports.ask(selection)

    def _report_started(self, text: str) -> None:
        self.report_action.setEnabled(False)
        self._status.setText(text)

    def _report_finished(self, text: str) -> None:
        self.report_action.setEnabled(True)
        self._status.setText(text)
        self.report_finished.emit(text)

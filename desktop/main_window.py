"""The main window: queues on the left, the request list in the middle, the request on the right, search on top,
triage in the menus and sync health in the status bar.

The window only shows what the store says: queries run on the store thread, rows are read a page at a time, and
sync runs in one worker thread per account. One minute timer refreshes the timers and the counts.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils
from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QTreeView,
)

from desktop.alert_control import AlertControl
from desktop.app import app_icon
from desktop.list_columns import fit_columns, request_list_view, save_columns
from desktop.queue_delegate import QueueDelegate
from desktop.queues import QueueModel, queue_label
from desktop.reader import Reader
from desktop.request_model import COLUMNS, RequestListModel
from desktop.request_view import RequestView
from desktop.settings import KEEP_SYNCING_IN_TRAY
from desktop.store_opening import DeskFacts, UpdatingPage, desk_facts, has_accounts
from desktop.sync_control import SyncControl
from desktop.tray import Tray
from desktop.triage import Triage, message_label
from desktop.window_menus import WindowMenus
from store.accounts import Account
from store.queues import FIXED_QUEUES, QueueCount, RequestFilter, queue_counts
from store.vocabulary import Queue, QueueGroup

log = logging.getLogger(__name__)

MINUTE_MS = 60_000
SEARCH_DELAY_MS = 150


class MainWindow(QMainWindow):
    """``store_opened`` fires once the store is open and the window knows who works here (``me``,
    ``needs_agent_name``) and whether a mailbox is set up (``has_accounts()``); ``store_failed(error)`` when the
    store cannot be opened. ``first_page_painted`` fires once the queues and the first page of requests are on
    screen."""

    store_opened = Signal()
    store_failed = Signal(object)
    first_page_painted = Signal()

    def __init__(self, data_dir: Path, me: str | None = None) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.me = me or ""  # until the store says who works at this desktop
        self._given_me = me
        self.needs_agent_name = False  # asked at the first start
        self._has_accounts = False
        # The store thread opens the store first, migrating it after an update while the window shows so.
        self.reader = Reader(self.data_dir, self)
        self.reader.failed.connect(self._show_error)
        self.reader.updating.connect(self._show_updating)
        self.reader.open_failed.connect(self.store_failed)
        # Counts have their own thread: they scan every open request and must not hold up the list. Calendars
        # too: reading the holiday tables is the slowest part of opening the window, so it runs alongside the
        # counts and the first page rather than before either. Both open the store once it is up to date.
        self.count_reader = Reader(self.data_dir, self, start=False)
        self.calendar_reader = Reader(self.data_dir, self, start=False)
        self.reader.opened.connect(self.count_reader.start)
        self.reader.opened.connect(self.calendar_reader.start)
        self._queue_key: str = Queue.OPEN
        self._selected_id: int | None = None
        self._painted = False
        self._updating_counts = False
        self.tray = Tray(self)
        self.tray.show_window.connect(self.bring_back)
        self.tray.quit.connect(self.quit_for_good)
        self.alerts = AlertControl(self.count_reader, self.tray, self)
        self._quitting = False
        self.queue_model = QueueModel(self)
        self.requests = RequestListModel(self.reader, self.me, self, calendar_reader=self.calendar_reader)
        self.requests.hold_full_list(True)  # the whole list waits for the first paint
        # The first question: the store opens and answers it while the widgets are built.
        self.reader.submit("desk", desk_facts, self._store_opened)
        self.setWindowTitle(self.tr("Loket"))
        self.setWindowIcon(app_icon())
        self._build_views()
        self.triage = Triage(
            self.reader,
            self.request_view.request_id,
            self.request_view.request_number,
            self._message_choices,
            self.me,
            self,
        )
        self.triage.changed.connect(self.refresh)
        self.triage.created.connect(self._select_request)
        self.triage.failed.connect(self._show_error)
        self.triage.set_enabled(False)
        self._build_status_bar()
        self._closed = False
        # Its own timer, not a bare single shot: one change of language installs two catalogues, and a window
        # deleted before the timer fires takes the timer with it.
        self._retranslation = QTimer(self)
        self._retranslation.setSingleShot(True)
        self._retranslation.setInterval(0)
        self._retranslation.timeout.connect(self.retranslate)
        self.menus = WindowMenus(self)
        self.menus.build()
        self.minute = QTimer(self)
        self.minute.setInterval(MINUTE_MS)
        self.minute.timeout.connect(self._each_minute)
        self.minute.start()
        self.resize(1400, 860)

    # -- layout ------------------------------------------------------------------------------------------------
    def _build_views(self) -> None:
        self.queue_view = QTreeView()
        self.queue_view.setObjectName("queues")
        self.queue_view.setModel(self.queue_model)
        self.queue_view.setHeaderHidden(True)
        self.queue_view.setItemDelegate(QueueDelegate(self.queue_view))
        self.queue_view.setUniformRowHeights(True)
        self.queue_view.setRootIsDecorated(True)
        self.queue_view.selectionModel().currentChanged.connect(self._queue_chosen)

        self.requests.loaded.connect(self._requests_loaded)
        self.requests.calendars_loaded.connect(self._check_first_paint)
        self.requests.calendars_loaded.connect(self.calendar_reader.close)
        self.requests.completed.connect(self._show_total)
        self.list_view, self._columns_fitted = request_list_view(self.requests)
        self.list_view.selectionModel().selectionChanged.connect(self._request_chosen)

        self.request_view = RequestView(self.reader)
        self.request_view.me = self.me
        self.request_view.loaded.connect(self._request_loaded)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        toolbar = self.search_bar = QToolBar()
        toolbar.setObjectName("searchBar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.search)
        self.search.setMaximumWidth(460)
        self.list_summary = QLabel()
        self.list_summary.setObjectName("listSummary")
        self.list_summary.setContentsMargins(12, 0, 0, 0)
        toolbar.addWidget(self.list_summary)
        self.addToolBar(toolbar)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.queue_view)
        self.splitter.addWidget(self.list_view)
        self.splitter.addWidget(self.request_view)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([215, 750, 435])  # the request pane fits its buttons in German too
        self.queue_view.setCurrentIndex(self.queue_model.index_of(Queue.OPEN))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)
        self.updating_page = UpdatingPage()
        self.frames = QStackedWidget()  # the pages, or the store's update while it runs
        self.frames.addWidget(self.pages)
        self.frames.addWidget(self.updating_page)
        self.setCentralWidget(self.frames)
        self._set_texts()

    def _set_texts(self) -> None:
        """Texts of the widgets built once, set again when the language changes."""
        self.queue_view.setAccessibleName(self.tr("Queues"))
        self.list_view.setAccessibleName(self.tr("Requests"))
        self.search.setPlaceholderText(self.tr("Search subject, text and requester (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setAccessibleDescription(self.tr("Finds requests by subject, text and requester"))
        self.search_bar.setWindowTitle(self.tr("Search"))
        # The fixed queues' names whole, with room for a count, in every language and font size.
        metrics = self.queue_view.fontMetrics()
        widest = max(metrics.horizontalAdvance(queue_label(kind)) for kind in FIXED_QUEUES)
        self.queue_view.setMinimumWidth(
            widest + metrics.horizontalAdvance("00000") + self.queue_view.indentation() + 36
        )

    # -- language ----------------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        """A new translator was installed (View ▸ Language): texts are set again once the installing is done."""
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_retranslation"):
            self._retranslation.start()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every text in the new language, with nothing reopened: menus are built again, views repaint."""
        if self._closed:
            return
        self.setWindowTitle(self.tr("Loket"))
        self._set_texts()
        self.updating_page.retranslate()
        self.triage.retranslate()
        self.menus.retranslate()
        self.tray.retranslate()
        self.requests.retranslate()
        self.queue_view.viewport().update()
        self._show_total()
        self.request_view.refresh()
        if not self.has_accounts():
            self.sync.label.setText(self.tr("No mailbox account yet"))
        if self.pages.count() > 1:  # the statistics page is built anew in the new language
            showing = self.pages.currentIndex() == 1
            stats = self.pages.widget(1)
            self.pages.removeWidget(stats)
            stats.deleteLater()
            if showing:
                self.menus.stats_page()

    def has_accounts(self) -> bool:
        """Whether a mailbox is set up, as the store said when it opened and the mailbox menu since."""
        return self._has_accounts

    def _build_status_bar(self) -> None:
        self.sync = SyncControl(self.data_dir, self.reader, self.statusBar(), self)
        self.sync.stored.connect(self.refresh)

    # -- opening -----------------------------------------------------------------------------------------------
    def _show_updating(self) -> None:
        self.frames.setCurrentWidget(self.updating_page)

    def _store_opened(self, facts: DeskFacts) -> None:
        """The store is open: the name this desktop works under, then the first queries."""
        if not self.me:
            self.me = self.triage.me = self.request_view.me = facts.stored_name or facts.system_name
        self.needs_agent_name = self._given_me is None and facts.stored_name is None
        self._set_has_accounts(facts.has_accounts)
        self.frames.setCurrentWidget(self.pages)
        self.requests.set_filter(RequestFilter(self._queue_key, me=self.me))
        self.refresh_counts()
        self.store_opened.emit()

    def _set_has_accounts(self, has: bool) -> None:
        self._has_accounts = has
        if not has:
            self.sync.label.setText(self.tr("No mailbox account yet"))

    # -- loading -----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Something changed in the store: counts, the list and the open request are read again."""
        self.refresh_counts()
        self.requests.reload()
        self.request_view.refresh()

    def refresh_counts(self) -> None:
        """Fixed queues and departments first (what the sidebar shows at once), then the requesters (not before
        the first screen is painted: thousands of them cost the interpreter time the first paint needs)."""
        now, me = datetime.now(UTC), self.me

        def fixed(db: sqlite_utils.Database) -> list[QueueCount]:
            return queue_counts(db, now, me, requesters=False)

        def requesters(db: sqlite_utils.Database) -> list[QueueCount]:
            return [c for c in queue_counts(db, now, me) if c.kind == QueueGroup.REQUESTER]

        self.count_reader.submit("queue-counts", fixed, lambda counts: self._counts_loaded(counts, now))
        if self._painted:
            self.count_reader.submit(
                "requester-counts",
                requesters,
                lambda counts: self._set_counts(counts, now, (QueueGroup.REQUESTER,)),
            )

    def _set_counts(self, counts: list[QueueCount], now: datetime, sections: tuple[str, ...]) -> None:
        """Rows of a group may be replaced: the chosen queue stays chosen (or falls back to all open)."""
        self._updating_counts = True
        try:
            self.queue_model.set_counts(counts, now, sections)
        finally:
            self._updating_counts = False
        if self.queue_model.key_at(self.queue_view.currentIndex()) != self._queue_key:
            self._restore_queue_selection()

    def _counts_loaded(self, counts: list[QueueCount], now: datetime) -> None:
        self._set_counts(counts, now, ("fixed", QueueGroup.DEPARTMENT))
        self.tray.set_open_count(next((c.count for c in counts if c.key == Queue.OPEN), 0))
        if self._painted:  # what is news is read after the first screen, never before it
            self.alerts.check()
        if not self._painted:
            self.queue_view.expand(self.queue_model.index_of_group(QueueGroup.DEPARTMENT))
        self._check_first_paint()

    def _each_minute(self) -> None:
        self.requests.tick()
        self.refresh_counts()

    def _restore_queue_selection(self) -> None:
        if self.search.text().strip():
            return
        index = self.queue_model.index_of(self._queue_key)
        if not index.isValid():
            index = self.queue_model.index_of(Queue.OPEN)
        self.queue_view.selectionModel().setCurrentIndex(
            index, self.queue_view.selectionModel().SelectionFlag.ClearAndSelect
        )

    def _queue_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._updating_counts:
            return
        key = self.queue_model.key_at(current)
        if key is None or (key == self._queue_key and not self.search.text()):
            return
        self._queue_key = key
        if self.search.text():
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
        self.requests.set_filter(RequestFilter(key, me=self.me))

    def _run_search(self) -> None:
        text = self.search.text().strip()
        if text:
            self.queue_view.selectionModel().clearSelection()
        else:
            self._restore_queue_selection()
        self.requests.set_filter(RequestFilter(self._queue_key, search=text, me=self.me))

    def _show_total(self) -> None:
        self.list_summary.setText(self.tr("%Ln request(s)", "", self.requests.total()))

    def _requests_loaded(self) -> None:
        total = self.requests.total()
        row = None if self._selected_id is None else self.requests.row_of(self._selected_id)
        if row is None and total:
            row = 0
        if row is not None:
            self.list_view.selectRow(row)
        else:
            self.request_view.show_request(None)
            self.triage.set_enabled(False)
        self._check_first_paint()

    def _check_first_paint(self) -> None:
        """Once counts, the first page and the first request are in, paint them now and say so (once)."""
        if (
            self._painted
            or not self.queue_model.loaded
            or self.requests.loading
            or not self.requests.has_calendars()
        ):
            return
        if self.requests.total() and self.request_view.request_id() is None:
            return
        self._painted = True
        if not self._columns_fitted:
            self._columns_fitted = True
            whole = tuple(COLUMNS.index(c) for c in ("timer", "status", "received"))
            fit_columns(self.list_view, COLUMNS.index("subject"), keep_whole=whole)
        self.repaint()
        self.first_page_painted.emit()
        self.requests.hold_full_list(False)
        self.refresh_counts()  # now with the requesters, which the first screen does not show
        QTimer.singleShot(0, self.menus.add_account_menu)

    def _request_loaded(self, _request_id: int) -> None:
        self.triage.set_enabled(True)
        self._check_first_paint()

    def _request_chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        request_id = self.requests.request_id(rows[0].row()) if rows else None
        if request_id is not None:
            self._selected_id = request_id
            self.request_view.show_request(request_id)

    def _select_request(self, request_id: int) -> None:
        self._selected_id = request_id

    def _message_choices(self) -> list[tuple[int, str]]:
        return [
            (m.id, message_label(m.sender or m.sender_address, m.at, m.subject))
            for m in self.request_view.messages()
        ]

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Loket"), message)

    def find(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def clear_search(self) -> None:
        if self.search.text():
            self.search.clear()

    # -- sync --------------------------------------------------------------------------------------------------
    def start_sync(self, accounts: list[Account] | None = None, password: str | None = None) -> None:
        """One worker per account (every account of the store when none are named); ``password`` bypasses the
        keyring (the demo and tests)."""
        self.sync.start_all(accounts, password)

    def account_changed(self, account_id: int) -> None:
        """A mailbox was added or edited: its worker starts afresh with the new settings."""
        self._has_accounts = True
        self.sync.restart(account_id)

    def account_removed(self, account_id: int) -> None:
        self.sync.stop(account_id)
        self.reader.submit("has-accounts", has_accounts, self._set_has_accounts)

    def ask_for_first_account(self) -> None:
        """The first start: which mailbox does this desk read?"""
        menu = self.menus.add_account_menu()
        QTimer.singleShot(0, lambda: menu.open_dialog(None))

    def sync_running(self) -> bool:
        return self.sync.running()

    def stop_sync(self, wait_ms: int = 5000) -> None:
        self.sync.stop_all(wait_ms)

    def bring_back(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def quit_for_good(self) -> None:
        """Quit from the tray: the window closes even when closing it otherwise keeps Loket in the tray."""
        self._quitting = True
        self.close()
        if not QApplication.quitOnLastWindowClosed():
            QApplication.quit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quitting and KEEP_SYNCING_IN_TRAY.get() and self.tray.available():
            event.ignore()  # syncing and notifying go on; the tray brings the window back
            QApplication.setQuitOnLastWindowClosed(False)
            self.hide()
            return
        save_columns(self.list_view.horizontalHeader())
        self._closed = True
        self.minute.stop()
        self.stop_sync()
        self.reader.close()
        self.count_reader.close()
        self.calendar_reader.close()
        if self.menus.outbox is not None:
            self.menus.outbox.close_reader()
        self.tray.icon.hide()
        super().closeEvent(event)  # type: ignore[arg-type]

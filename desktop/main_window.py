"""The main window: queues on the left, the request list in the middle, the request on the right, search on top,
triage in the menus and sync health in the status bar.

The window only shows what the store says: queries run on the store thread, rows are read a page at a time, and
sync runs in one worker thread per account. One minute timer refreshes the timers and the counts.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlite_utils
from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QTreeView,
)

from desktop.agent_name import ask_agent_name
from desktop.alert_control import AlertControl
from desktop.app import app_icon
from desktop.language_menu import LanguageMenu
from desktop.list_columns import fit_columns, offer_column_choice, restore_columns, save_columns
from desktop.notification_menu import NotificationMenu
from desktop.queue_delegate import QueueDelegate
from desktop.queues import QueueModel, queue_label
from desktop.reader import Reader, tune_for_reading
from desktop.request_model import COLUMNS, TIMER_COLUMN, RequestListModel
from desktop.request_view import RequestView
from desktop.settings import KEEP_SYNCING_IN_TRAY
from desktop.sync_control import SyncControl
from desktop.tray import Tray
from desktop.triage import Triage, message_label

if TYPE_CHECKING:
    from desktop.outbox_view import OutboxView
from store.accounts import Account, get_account_by_id, list_accounts
from store.agent import stored_agent_name, system_user_name
from store.db import open_db
from store.queues import FIXED_QUEUES, QueueCount, RequestFilter, queue_counts
from store.timeutil import machine_zone

log = logging.getLogger(__name__)

MINUTE_MS = 60_000
SEARCH_DELAY_MS = 150


class MainWindow(QMainWindow):
    """``first_page_painted`` fires once the queues and the first page of requests are on screen."""

    first_page_painted = Signal()

    def __init__(self, data_dir: Path, me: str | None = None) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.db: sqlite_utils.Database = open_db(self.data_dir)
        stored_name = stored_agent_name(self.db)
        self.me = me or stored_name or system_user_name()
        self.needs_agent_name = me is None and stored_name is None  # asked at the first start
        tune_for_reading(self.db)
        self.reader = Reader(self.data_dir, self)
        self.reader.failed.connect(self._show_error)
        # Counts have their own thread: they scan every open request and must not hold up the list.
        self.count_reader = Reader(self.data_dir, self)
        # Calendars too: reading the holiday tables is the slowest part of opening the window, so it runs
        # alongside the counts and the first page rather than before either.
        self.calendar_reader = Reader(self.data_dir, self)
        self._queue_key = "open"
        self._selected_id: int | None = None
        self._outbox: OutboxView | None = None
        self._painted = False
        self._updating_counts = False
        self.tray = Tray(self)
        self.tray.show_window.connect(self.bring_back)
        self.tray.quit.connect(self.quit_for_good)
        self.alerts = AlertControl(self.count_reader, self.tray, self)
        self._quitting = False
        self.queue_model = QueueModel(self)
        self.requests = RequestListModel(self.reader, self.me, self, calendar_reader=self.calendar_reader)
        # Both queries start now and run while the widgets are built; the whole list waits for the first paint.
        self.requests.hold_full_list(True)
        self.requests.set_filter(RequestFilter("open", me=self.me))
        self.refresh_counts()
        self.setWindowTitle(self.tr("Loket"))
        self.setWindowIcon(app_icon())
        self._build_views()
        self.triage = Triage(
            self.reader, self.db, self.request_view.request_id, self._message_choices, self.me, self
        )
        self.triage.changed.connect(self.refresh)
        self.triage.created.connect(self._select_request)
        self.triage.failed.connect(self._show_error)
        self.triage.set_enabled(False)
        self._build_status_bar()
        self._menu_actions: list[QAction] = []
        self._menus: list[QMenu] = []
        self._closed = False
        # Its own timer, not a bare single shot: one change of language installs two catalogues, and a window
        # deleted before the timer fires takes the timer with it.
        self._retranslation = QTimer(self)
        self._retranslation.setSingleShot(True)
        self._retranslation.setInterval(0)
        self._retranslation.timeout.connect(self.retranslate)
        self._build_menus()
        self.minute = QTimer(self)
        self.minute.setInterval(MINUTE_MS)
        self.minute.timeout.connect(self._each_minute)
        self.minute.start()
        self._after_sync = QTimer(self)
        self._after_sync.setSingleShot(True)
        self._after_sync.setInterval(500)
        self._after_sync.timeout.connect(self._refresh_if_stored)
        self._stored_since_refresh = False
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
        self.list_view = QTableView()
        self.list_view.setObjectName("requests")
        self.list_view.setModel(self.requests)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.horizontalHeader().setSortIndicator(TIMER_COLUMN, Qt.SortOrder.AscendingOrder)
        self.list_view.setSortingEnabled(True)
        self.list_view.setShowGrid(False)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.setWordWrap(False)
        self.list_view.verticalHeader().hide()
        self.list_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.list_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.list_view.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        header.setSectionResizeMode(COLUMNS.index("subject"), QHeaderView.ResizeMode.Stretch)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        offer_column_choice(header, COLUMNS.index("subject"))
        self._columns_fitted = restore_columns(header)  # else sized to the first page's content
        if not self._columns_fitted:  # the sidebar lists departments; the header's menu shows the column
            header.setSectionHidden(COLUMNS.index("department"), True)
        self.list_view.selectionModel().selectionChanged.connect(self._request_chosen)

        self.request_view = RequestView(self.db, self.reader)
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
        self.queue_view.setCurrentIndex(self.queue_model.index_of("open"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)
        self.setCentralWidget(self.pages)
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

    def _build_menus(self) -> None:
        file_menu = self._menu(self.tr("&File"))
        file_menu.addAction(self.triage.manual)
        sync_now = self._action(
            self.tr("&Sync now"), QKeySequence(QKeySequence.StandardKey.Refresh), self.sync.restart_all
        )
        file_menu.addAction(sync_now)
        file_menu.addAction(self._action(self.tr("Service s&tandards…"), None, self._edit_standards))
        file_menu.addAction(self._action(self.tr("Your na&me…"), None, lambda: ask_agent_name(self)))
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("&Quit"), QKeySequence(QKeySequence.StandardKey.Quit), self.quit_for_good)
        )

        edit_menu = self._menu(self.tr("&Edit"))
        edit_menu.addAction(self.triage.undo)
        edit_menu.addAction(self.triage.redo)
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action(self.tr("&Find"), QKeySequence(QKeySequence.StandardKey.Find), self._find)
        )
        edit_menu.addAction(self._action(self.tr("Clear search"), QKeySequence("Esc"), self._clear_search))

        request_menu = self._menu(self.tr("&Request"))
        replies = (
            (self.tr("&Reply…"), "Ctrl+R", "reply"),
            (self.tr("Reply to &all…"), "Ctrl+Shift+R", "reply_all"),
            (self.tr("&Forward to a colleague…"), "Ctrl+Shift+F", "forward"),
        )
        self.reply_actions = [
            self._action(text, QKeySequence(keys), lambda _=False, mode=mode: self._compose(mode))
            for text, keys, mode in replies
        ]
        for action in self.reply_actions:
            request_menu.addAction(action)
        request_menu.addSeparator()
        request_menu.addMenu(self.triage.status_menu)
        request_menu.addAction(self.triage.assign_me)
        request_menu.addAction(self.triage.assign)
        request_menu.addMenu(self.triage.priority_menu)
        request_menu.addAction(self.triage.category)
        request_menu.addAction(self.triage.standard)
        request_menu.addSeparator()
        request_menu.addAction(self.triage.note)
        request_menu.addSeparator()
        request_menu.addAction(self.triage.merge)
        request_menu.addAction(self.triage.split)

        self.request_view.set_actions(
            [
                (self.tr("Reply"), self.reply_actions[0]),
                (self.tr("Assign to me"), self.triage.assign_me),
                (self.tr("Resolve"), self.triage.status_actions["resolved"]),
                (self.tr("Note"), self.triage.note),
                (self.tr("Standard"), self.triage.standard),
            ]
        )

        view_menu = self._menu(self.tr("&View"))
        go = (
            (self.tr("Go to &queues"), "Alt+1", self.queue_view),
            (self.tr("Go to request &list"), "Alt+2", self.list_view),
            (self.tr("Go to &conversation"), "Alt+3", self.request_view.conversation),
        )
        for text, keys, widget in go:
            view_menu.addAction(self._action(text, QKeySequence(keys), widget.setFocus))
        view_menu.addSeparator()
        self.show_requests = self._action(
            self.tr("&Requests"), QKeySequence("Ctrl+Alt+1"), self._show_requests
        )
        view_menu.addAction(self.show_requests)
        self.show_stats = self._action(self.tr("S&tatistics"), QKeySequence("Ctrl+Alt+2"), self._show_stats)
        view_menu.addAction(self.show_stats)
        self.show_outbox = self._action(self.tr("Outbox"), QKeySequence("Ctrl+Alt+3"), self._show_outbox)
        view_menu.addAction(self.show_outbox)
        view_menu.addSeparator()
        language_menu = LanguageMenu(self)
        self.notification_menu = NotificationMenu(self.tray.available(), self)
        self._menus += [language_menu, self.notification_menu]
        view_menu.addMenu(language_menu)
        view_menu.addMenu(self.notification_menu)

    def _add_account_menu(self) -> None:
        """Built once the first page is painted (or when a first mailbox is asked for): its dialog's modules and
        holiday names take the interpreter for a while, which the first paint needs more."""
        if hasattr(self, "account_menu"):
            return
        from desktop.account_menu import AccountMenu

        self.account_menu = AccountMenu(self.data_dir, machine_zone(), parent=self)
        self.account_menu.changed.connect(self._account_changed)
        self.account_menu.removed.connect(self.sync.stop)
        self.menuBar().addMenu(self.account_menu)

    def _edit_standards(self) -> None:
        from desktop.standards_dialog import StandardsDialog

        dialog = StandardsDialog(self.data_dir, parent=self)
        dialog.changed.connect(self.refresh)  # due dates moved: timers, counts and the list follow
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _menu(self, title: str) -> QMenu:
        menu = self.menuBar().addMenu(title)
        self._menus.append(menu)
        return menu

    def _action(self, text: str, keys: QKeySequence | None, slot: object) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(keys)
        action.triggered.connect(slot)
        self.addAction(action)
        self._menu_actions.append(action)
        return action

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
        self.triage.retranslate()
        for action in self._menu_actions:
            self.removeAction(action)
            action.deleteLater()
        for menu in self._menus:
            menu.deleteLater()
        self._menu_actions, self._menus = [], []
        self.menuBar().clear()
        self._build_menus()
        if hasattr(self, "account_menu"):
            self.account_menu.retranslate()
            self.menuBar().addMenu(self.account_menu)
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
                self._show_stats()

    def has_accounts(self) -> bool:
        return bool(self.db.execute("SELECT 1 FROM accounts LIMIT 1").fetchone())

    def _build_status_bar(self) -> None:
        self.sync = SyncControl(self.data_dir, self.reader, self.statusBar(), self)
        self.sync.stored.connect(self._on_stored)
        if not self.has_accounts():
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
            return [c for c in queue_counts(db, now, me) if c.kind == "requester"]

        self.count_reader.submit("queue-counts", fixed, lambda counts: self._counts_loaded(counts, now))
        if self._painted:
            self.count_reader.submit(
                "requester-counts", requesters, lambda counts: self._set_counts(counts, now, ("requester",))
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
        self._set_counts(counts, now, ("fixed", "department"))
        self.tray.set_open_count(next((c.count for c in counts if c.key == "open"), 0))
        if self._painted:  # what is news is read after the first screen, never before it
            self.alerts.check()
        if not self._painted:
            self.queue_view.expand(self.queue_model.index_of_group("department"))
        self._check_first_paint()

    def _each_minute(self) -> None:
        self.requests.tick()
        self.refresh_counts()

    def _restore_queue_selection(self) -> None:
        if self.search.text().strip():
            return
        index = self.queue_model.index_of(self._queue_key)
        if not index.isValid():
            index = self.queue_model.index_of("open")
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
        QTimer.singleShot(0, self._add_account_menu)

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

    def _find(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _clear_search(self) -> None:
        if self.search.text():
            self.search.clear()

    def _show_requests(self) -> None:
        self.pages.setCurrentIndex(0)
        self.search_bar.show()

    def _compose(self, mode: str) -> None:
        """Reply, reply to all or forward the selected request in the compose window."""
        request_id = self.request_view.request_id()
        if request_id is None:
            return
        from desktop.compose import ComposeDialog

        dialog = ComposeDialog(self.data_dir, request_id, mode, self, agent=self.me)  # type: ignore[arg-type]
        dialog.finished_sending.connect(lambda *_: self.refresh())
        dialog.show()

    def _show_stats(self) -> None:
        if self.pages.count() == 1:
            from desktop.stats_view import StatsView

            self.pages.addWidget(StatsView(self.data_dir, self))
        self.pages.setCurrentIndex(1)
        self.search_bar.hide()  # searching is for requests; the statistics page has its own controls

    def _show_outbox(self) -> None:
        """The outbox in a window of its own: replies waiting, refused or sent, with the server's reason."""
        if self._outbox is None:
            from desktop.outbox_view import OutboxView

            self._outbox = OutboxView(self.data_dir, self)
            self._outbox.setWindowFlag(Qt.WindowType.Window)
            self._outbox.setWindowTitle(self.tr("Outbox"))
            self._outbox.resize(900, 420)
            self._outbox.changed.connect(self.refresh)
        self._outbox.show()
        self._outbox.activateWindow()

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Loket"), message)

    # -- sync --------------------------------------------------------------------------------------------------
    def start_sync(self, accounts: list[Account] | None = None, password: str | None = None) -> None:
        """One worker per account; ``password`` bypasses the keyring (the demo and tests)."""
        for account in accounts if accounts is not None else list_accounts(self.db):
            self.sync.start(account, password)

    def _on_stored(self) -> None:
        """Batches arrive fast during a first sync: the first shows at once, then the list is read again at most
        twice a second, and once more after the last batch."""
        if self._after_sync.isActive():
            self._stored_since_refresh = True
            return
        self.refresh()
        self._after_sync.start()

    def _refresh_if_stored(self) -> None:
        if self._stored_since_refresh:
            self._stored_since_refresh = False
            self.refresh()
            self._after_sync.start()

    def _account_changed(self, account_id: int) -> None:
        """A mailbox was added or edited: its worker starts afresh with the new settings."""
        account = get_account_by_id(self.db, account_id)
        if account is not None:
            self.sync.stop(account_id, lambda: self.sync.start(account))

    def ask_for_first_account(self) -> None:
        """The first start: which mailbox does this desk read?"""
        self._add_account_menu()
        QTimer.singleShot(0, lambda: self.account_menu.open_dialog(None))

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
        if self._outbox is not None:
            self._outbox.close_reader()
        self.db.conn.close()
        self.tray.icon.hide()
        super().closeEvent(event)  # type: ignore[arg-type]

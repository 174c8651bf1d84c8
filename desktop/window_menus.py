"""The main window's menu bar and what its entries open: the compose window, the statistics page, the outbox, the
service standards and the mailbox menu.

Built again from scratch when the language changes. Texts keep the ``MainWindow`` translation context they have
always had, so every catalogue keeps its translations.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop.agent_name import ask_agent_name
from desktop.language_menu import LanguageMenu
from desktop.notification_menu import NotificationMenu
from store.timeutil import machine_zone
from store.vocabulary import RequestStatus

if TYPE_CHECKING:
    from desktop.account_menu import AccountMenu
    from desktop.main_window import MainWindow
    from desktop.outbox_view import OutboxView

translate = QCoreApplication.translate


class WindowMenus(QObject):
    """``build()`` fills the window's menu bar; ``retranslate()`` builds it again in the new language."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._actions: list[QAction] = []
        self._menus: list[QMenu] = []
        self.account_menu: AccountMenu | None = None
        self.outbox: OutboxView | None = None

    def build(self) -> None:
        w, triage = self._window, self._window.triage
        file_menu = self._menu(translate("MainWindow", "&File"))
        file_menu.addAction(triage.manual)
        file_menu.addAction(
            self._action(
                translate("MainWindow", "&Sync now"),
                QKeySequence(QKeySequence.StandardKey.Refresh),
                w.sync.restart_all,
            )
        )
        file_menu.addAction(
            self._action(translate("MainWindow", "Service s&tandards…"), None, self.edit_standards)
        )
        file_menu.addAction(
            self._action(translate("MainWindow", "Your na&me…"), None, lambda: ask_agent_name(w))
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                translate("MainWindow", "&Quit"), QKeySequence(QKeySequence.StandardKey.Quit), w.quit_for_good
            )
        )

        edit_menu = self._menu(translate("MainWindow", "&Edit"))
        edit_menu.addAction(triage.undo)
        edit_menu.addAction(triage.redo)
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action(
                translate("MainWindow", "&Find"), QKeySequence(QKeySequence.StandardKey.Find), w.find
            )
        )
        edit_menu.addAction(
            self._action(translate("MainWindow", "Clear search"), QKeySequence("Esc"), w.clear_search)
        )

        request_menu = self._menu(translate("MainWindow", "&Request"))
        replies = (
            (translate("MainWindow", "&Reply…"), "Ctrl+R", "reply"),
            (translate("MainWindow", "Reply to &all…"), "Ctrl+Shift+R", "reply_all"),
            (translate("MainWindow", "&Forward to a colleague…"), "Ctrl+Shift+F", "forward"),
        )
        self.reply_actions = [
            self._action(text, QKeySequence(keys), lambda _=False, mode=mode: self.compose(mode))
            for text, keys, mode in replies
        ]
        for action in self.reply_actions:
            request_menu.addAction(action)
        request_menu.addSeparator()
        request_menu.addMenu(triage.status_menu)
        request_menu.addAction(triage.assign_me)
        request_menu.addAction(triage.assign)
        request_menu.addMenu(triage.priority_menu)
        request_menu.addAction(triage.category)
        request_menu.addAction(triage.standard)
        request_menu.addSeparator()
        request_menu.addAction(triage.note)
        request_menu.addSeparator()
        request_menu.addAction(triage.merge)
        request_menu.addAction(triage.split)

        w.request_view.set_actions(
            [
                (translate("MainWindow", "Reply"), self.reply_actions[0]),
                (translate("MainWindow", "Assign to me"), triage.assign_me),
                (translate("MainWindow", "Resolve"), triage.status_actions[RequestStatus.RESOLVED]),
                (translate("MainWindow", "Note"), triage.note),
                (translate("MainWindow", "Standard"), triage.standard),
            ]
        )

        view_menu = self._menu(translate("MainWindow", "&View"))
        go = (
            (translate("MainWindow", "Go to &queues"), "Alt+1", w.queue_view),
            (translate("MainWindow", "Go to request &list"), "Alt+2", w.list_view),
            (translate("MainWindow", "Go to &conversation"), "Alt+3", w.request_view.conversation),
        )
        for text, keys, widget in go:
            view_menu.addAction(self._action(text, QKeySequence(keys), widget.setFocus))
        view_menu.addSeparator()
        self.show_requests = self._action(
            translate("MainWindow", "&Requests"), QKeySequence("Ctrl+Alt+1"), self.requests_page
        )
        view_menu.addAction(self.show_requests)
        self.show_stats = self._action(
            translate("MainWindow", "S&tatistics"), QKeySequence("Ctrl+Alt+2"), self.stats_page
        )
        view_menu.addAction(self.show_stats)
        self.show_outbox = self._action(
            translate("MainWindow", "Outbox"), QKeySequence("Ctrl+Alt+3"), self.show_outbox_window
        )
        view_menu.addAction(self.show_outbox)
        view_menu.addSeparator()
        language_menu = LanguageMenu(w)
        self.notification_menu = NotificationMenu(w.tray.available(), w)
        self._menus += [language_menu, self.notification_menu]
        view_menu.addMenu(language_menu)
        view_menu.addMenu(self.notification_menu)
        if self.account_menu is not None:
            w.menuBar().addMenu(self.account_menu)

    def retranslate(self) -> None:
        """Every menu built again in the new language; the mailbox menu and the open pages are kept."""
        for action in self._actions:
            self._window.removeAction(action)
            action.deleteLater()
        for menu in self._menus:
            menu.deleteLater()
        self._actions, self._menus = [], []
        self._window.menuBar().clear()
        if self.account_menu is not None:
            self.account_menu.retranslate()
        self.build()

    def add_account_menu(self) -> AccountMenu:
        """Built once the first page is painted (or when a first mailbox is asked for): its dialog's modules and
        holiday names take the interpreter for a while, which the first paint needs more."""
        if self.account_menu is None:
            from desktop.account_menu import AccountMenu

            w = self._window
            self.account_menu = AccountMenu(w.data_dir, machine_zone(), parent=w)
            self.account_menu.changed.connect(w.account_changed)
            self.account_menu.removed.connect(w.account_removed)
            w.menuBar().addMenu(self.account_menu)
        return self.account_menu

    def edit_standards(self) -> None:
        from desktop.standards_dialog import StandardsDialog

        dialog = StandardsDialog(self._window.data_dir, parent=self._window)
        dialog.changed.connect(self._window.refresh)  # due dates moved: timers, counts and the list follow
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def compose(self, mode: str) -> None:
        """Reply, reply to all or forward the selected request in the compose window."""
        w = self._window
        request_id = w.request_view.request_id()
        if request_id is None:
            return
        from desktop.compose import ComposeDialog

        dialog = ComposeDialog(w.data_dir, request_id, mode, w, agent=w.me)  # type: ignore[arg-type]
        dialog.finished_sending.connect(lambda *_: w.refresh())
        dialog.show()

    def requests_page(self) -> None:
        self._window.pages.setCurrentIndex(0)
        self._window.search_bar.show()

    def stats_page(self) -> None:
        w = self._window
        if w.pages.count() == 1:
            from desktop.stats_view import StatsView

            w.pages.addWidget(StatsView(w.data_dir, w))
        w.pages.setCurrentIndex(1)
        w.search_bar.hide()  # searching is for requests; the statistics page has its own controls

    def show_outbox_window(self) -> None:
        """The outbox in a window of its own: replies waiting, refused or sent, with the server's reason."""
        if self.outbox is None:
            from desktop.outbox_view import OutboxView

            w = self._window
            self.outbox = OutboxView(w.data_dir, w)
            self.outbox.setWindowFlag(Qt.WindowType.Window)
            self.outbox.setWindowTitle(translate("MainWindow", "Outbox"))
            self.outbox.resize(900, 420)
            self.outbox.changed.connect(w.refresh)
        self.outbox.show()
        self.outbox.activateWindow()

    def _menu(self, title: str) -> QMenu:
        menu = self._window.menuBar().addMenu(title)
        self._menus.append(menu)
        return menu

    def _action(self, text: str, keys: QKeySequence | None, slot: Callable[..., object]) -> QAction:
        action = QAction(text, self._window)
        if keys is not None:
            action.setShortcut(keys)
        action.triggered.connect(slot)
        self._window.addAction(action)
        self._actions.append(action)
        return action

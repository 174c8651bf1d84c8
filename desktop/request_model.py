"""The request list: a table model over the store that knows every matching id and reads row details a page at a
time, as the view scrolls (``canFetchMore``/``fetchMore``).

Every read runs on the store thread: the first page's details come with its ids, later pages are asked for when the
view first wants one of their rows, which stays blank until they arrive (a few milliseconds).

Sorting and filtering happen in SQL on the reading thread; the model only swaps in the new id order. The timer
column is recomputed for the rows on screen by one ``QTimer`` per view (see ``tick``), never one per row.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlite_utils
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from desktop.due_explanation import timer_tooltip
from desktop.formatting import (
    Calendars,
    TimerReading,
    channel_label,
    read_timer,
    short_datetime,
    status_label,
)
from desktop.i18n import tr
from desktop.palette_colours import timer_colour
from desktop.reader import Reader
from store.queues import RequestFilter, RequestRow, request_ids, request_rows
from store.vocabulary import Channel, RequestStatus, TimerState

PAGE = 200  # rows added to the view per fetchMore
DETAILS = 60  # rows whose details one query reads: about two screens
COLUMNS = ("timer", "requester", "subject", "department", "status", "assignee", "received")
TIMER_COLUMN = COLUMNS.index("timer")
_ROW_CACHE = 2000
_NO_CALENDARS = Calendars()  # until the store's are read: timers count wall-clock time
Index = QModelIndex | QPersistentModelIndex


class RequestListModel(QAbstractTableModel):
    """Rows are requests; ``request_id(row)`` maps back."""

    loaded = Signal()  # the first page is in
    completed = Signal()  # every id is in: the length is known
    IdRole = Qt.ItemDataRole.UserRole + 1
    StateRole = Qt.ItemDataRole.UserRole + 2

    calendars_loaded = Signal()

    def __init__(
        self,
        reader: Reader,
        me: str = "",
        parent: Any = None,
        calendar_reader: Reader | None = None,
    ) -> None:
        """``calendar_reader`` reads the calendars (slow: holiday tables) while ``reader`` fetches the ids."""
        super().__init__(parent)
        self._reader = reader
        self._calendars: Calendars | None = None
        (calendar_reader or reader).submit("calendars", Calendars, self._set_calendars)
        self._filter = RequestFilter(me=me)
        self._sort = ("timer", False)  # most urgent first
        self._ids: list[int] = []
        self._fetched = 0
        self._rows: OrderedDict[int, RequestRow] = OrderedDict()
        self._asked: set[int] = set()  # first rows of the pages whose details are being read
        self._readings: dict[int, TimerReading] = {}
        self._text_cache: dict[int, tuple[str, ...]] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self.now = datetime.now(UTC)
        self.loading = False
        self.complete = False
        self._generation = 0
        self._full_list_held = False
        self._held_full_list: Callable[[], None] | None = None

    # -- what to show ------------------------------------------------------------------------------------------
    def set_filter(self, flt: RequestFilter) -> None:
        self._filter = flt
        self.reload()

    def current_filter(self) -> RequestFilter:
        return self._filter

    def sort_key(self) -> tuple[str, bool]:
        """(column name, descending) of the order shown."""
        return self._sort

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        wanted = (COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        if wanted != self._sort:
            self._sort = wanted
            self.reload()

    def reload(self) -> None:
        """Ask the store thread for the ids in order: the first page at once (a cheap top-N query, so the screen
        fills fast), then all of them; the table keeps showing the old rows until the first page arrives."""
        flt, (column, descending) = self._filter, self._sort
        now = datetime.now(UTC)
        self._generation += 1
        generation = self._generation
        self.loading = True
        self.complete = False

        def first(db: sqlite_utils.Database) -> tuple[list[int], list[RequestRow]]:
            ids = request_ids(db, flt, now, column, descending, limit=PAGE)
            return ids, request_rows(db, ids[:PAGE])  # the first page's details, read here too

        def every(db: sqlite_utils.Database) -> list[int]:
            return request_ids(db, flt, now, column, descending)

        def rest() -> None:
            self._reader.submit("request-ids", every, lambda ids: self._all_ids(generation, ids, now))

        self._reader.submit(
            "request-ids-first", first, lambda page: self._first_page(generation, *page, now, rest)
        )

    def _first_page(
        self, generation: int, ids: list[int], rows: list[RequestRow], now: datetime, rest: Callable[[], None]
    ) -> None:
        """Show the first page, then ask for the rest: that query queues behind whatever showing the page asked
        of the store thread (the selected request's conversation), so the screen fills first."""
        if generation != self._generation:
            return
        if self._shows_already(ids):
            self._refresh_details(rows, now)
            if len(ids) < PAGE:
                return
            self.complete = False  # the rest is compared when it arrives
        else:
            self.set_ids(ids, now, complete=len(ids) < PAGE, rows=rows)
            if self.complete:
                return
        if self._full_list_held:
            self._held_full_list = rest
        else:
            rest()

    def _shows_already(self, ids: list[int]) -> bool:
        """The first page read again starts the list shown, in the same order (a colleague changed a field, the
        minute moved on): the rows are updated where they are, keeping the selection and the scroll position."""
        return bool(ids) and ids == self._ids[: len(ids)] and (len(ids) == PAGE or len(ids) == len(self._ids))

    def _refresh_details(self, rows: Sequence[RequestRow], now: datetime) -> None:
        self._rows.clear()  # rows beyond the first page are read again when the view next wants them
        self._asked.clear()
        self._keep(rows)
        self._readings.clear()
        self._text_cache.clear()
        self.now = now
        self.loading = False
        if self._fetched:
            self.dataChanged.emit(self.index(0, 0), self.index(self._fetched - 1, len(COLUMNS) - 1))
        self.loaded.emit()

    def hold_full_list(self, hold: bool) -> None:
        """While held, only the first page is read: the window's first screen has the store's threads and the
        interpreter to itself. Releasing reads the whole list of the latest filter and order."""
        self._full_list_held = hold
        if not hold and self._held_full_list is not None:
            rest, self._held_full_list = self._held_full_list, None
            rest()

    def _all_ids(self, generation: int, ids: list[int], now: datetime) -> None:
        if generation != self._generation or self.complete:
            return
        if ids[: len(self._ids)] != self._ids:
            self.set_ids(ids, now)  # the store changed between the two queries
            return
        self._ids = ids  # same first page: the rows beyond it become fetchable, nothing on screen moves
        self.complete = True
        self.completed.emit()

    def set_ids(
        self,
        ids: list[int],
        now: datetime | None = None,
        complete: bool = True,
        rows: Sequence[RequestRow] = (),
    ) -> None:
        """Show these requests; ``rows`` are details already read of some of them."""
        self.beginResetModel()
        self._ids = ids
        self._fetched = min(len(ids), PAGE)
        self._rows.clear()
        self._asked.clear()
        self._keep(rows)
        self._readings.clear()
        self._text_cache.clear()
        self.now = now or datetime.now(UTC)
        self.loading = False
        self.complete = complete
        self.endResetModel()
        self.loaded.emit()
        if complete:
            self.completed.emit()

    def _set_calendars(self, calendars: Calendars) -> None:
        """Timers count business time from now on (until then they counted wall-clock time)."""
        self._calendars = calendars
        self.tick()
        self.calendars_loaded.emit()

    def has_calendars(self) -> bool:
        return self._calendars is not None

    def tick(self) -> None:
        """The minute moved on: repaint the timer column (and nothing else)."""
        self.now = datetime.now(UTC)
        self._readings.clear()
        self._text_cache.clear()
        if self._fetched:
            top, bottom = self.index(0, TIMER_COLUMN), self.index(self._fetched - 1, TIMER_COLUMN)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole])

    def retranslate(self) -> None:
        """The language changed: headers and every row's texts are made again."""
        self._text_cache.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._fetched:
            self.dataChanged.emit(self.index(0, 0), self.index(self._fetched - 1, len(COLUMNS) - 1))

    def request_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < self._fetched else None

    def row_of(self, request_id: int) -> int | None:
        try:
            row = self._ids.index(request_id)
        except ValueError:
            return None
        while row >= self._fetched:
            self.fetchMore(QModelIndex())
        return row

    def total(self) -> int:
        return len(self._ids)

    # -- lazy fetching -----------------------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._fetched < len(self._ids)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = min(PAGE, len(self._ids) - self._fetched)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._fetched, self._fetched + more - 1)
        self._fetched += more
        self.endInsertRows()

    def _row(self, row: int) -> RequestRow | None:
        """The details of a row if they are in; otherwise they are asked for (with their page) and the row stays
        blank until ``_details`` brings them."""
        request_id = self._ids[row]
        cached = self._rows.get(request_id)
        if cached is not None:
            return cached
        start = row - row % DETAILS
        if start not in self._asked:
            self._asked.add(start)
            page = [i for i in self._ids[start : start + DETAILS] if i not in self._rows]
            generation = self._generation
            self._reader.submit(
                f"request-rows-{start}",
                lambda db: request_rows(db, page),
                lambda rows: self._details(generation, start, rows),
            )
        return None

    def _details(self, generation: int, start: int, rows: list[RequestRow]) -> None:
        self._asked.discard(start)
        if generation != self._generation:
            return
        self._keep(rows)
        last = min(start + DETAILS, self._fetched) - 1
        if last >= start:
            self.dataChanged.emit(self.index(start, 0), self.index(last, len(COLUMNS) - 1))

    def _keep(self, rows: Sequence[RequestRow]) -> None:
        for item in rows:
            self._rows[item.id] = item
        while len(self._rows) > _ROW_CACHE:
            evicted, _ = self._rows.popitem(last=False)
            self._readings.pop(evicted, None)
            self._text_cache.pop(evicted, None)

    # -- Qt model interface ------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._fetched

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,  # the whole name where a narrow column elides it
        ):
            return None
        if not 0 <= section < len(COLUMNS):
            return None
        return {
            "timer": self.tr("Timer"),
            "requester": self.tr("Requester"),
            "subject": self.tr("Subject"),
            "department": self.tr("Department"),
            "status": self.tr("Status"),
            "assignee": self.tr("Assignee"),
            "received": self.tr("Received"),
        }[COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._fetched:
            return None
        row = self._row(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts(row)[column]
        name = COLUMNS[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, name)
        if name == "timer" and role in _TIMER_ROLES:
            return self._timer_data(self._reading(row), role)
        if role == Qt.ItemDataRole.FontRole and row.status == RequestStatus.NEW:
            return self._bold
        if role == self.IdRole:
            return row.id
        if role == self.StateRole:
            return self._reading(row).state
        return None

    def _timer_data(self, reading: TimerReading, role: int) -> Any:
        """Colour is never the only signal: breached and warning rows carry an icon, and a screen reader hears
        the state in words before the time."""
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = timer_colour(reading.state, QGuiApplication.palette())
            return QBrush(colour) if colour else None
        if role == Qt.ItemDataRole.DecorationRole:
            return _state_icon(reading.state)
        word, text = timer_state_label(reading.state), reading.text()
        return f"{word}: {text}" if word and text and word != text else word or text

    def _reading(self, row: RequestRow) -> TimerReading:
        """The timer of a row, computed once per minute (business minutes cost a calendar walk)."""
        reading = self._readings.get(row.id)
        if reading is None:
            reading = self._readings[row.id] = read_timer(row, self.now, self._calendars or _NO_CALENDARS)
        return reading

    def _texts(self, row: RequestRow) -> tuple[str, ...]:
        texts = self._text_cache.get(row.id)
        if texts is None:
            by_column = {
                "timer": self._reading(row).text(),
                "requester": row.requester,
                "subject": self._subject(row),
                "department": row.department,
                "status": status_label(row.status, short=True),
                "assignee": row.assignee or "",
                "received": short_datetime(row.received_at, self.now, date_only=True),
            }
            texts = self._text_cache[row.id] = tuple(by_column[c] for c in COLUMNS)
        return texts

    def _subject(self, row: RequestRow) -> str:
        """The subject, after the channel for a request entered by hand (a call, a visit)."""
        subject = row.subject or self.tr("(no subject)")
        if row.channel == Channel.EMAIL:
            return subject
        return self.tr("%1: %2").replace("%1", channel_label(row.channel)).replace("%2", subject)

    def _tooltip(self, row: RequestRow, column: str) -> str | None:
        if column == "timer":
            return timer_tooltip(row, self._reading(row), self._calendars or _NO_CALENDARS)
        return {
            "requester": row.requester_address,
            "status": status_label(row.status),
            "subject": row.subject,
            "received": short_datetime(row.received_at),
        }.get(column)


_TIMER_ROLES = (
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.AccessibleTextRole,
)
_ICONS: dict[str, QIcon] = {}


def _state_icon(state: str) -> QIcon | None:
    pixmap = {
        TimerState.BREACHED: QStyle.StandardPixmap.SP_MessageBoxCritical,
        TimerState.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    }.get(state)
    if pixmap is None:
        return None
    if state not in _ICONS:
        _ICONS[state] = QApplication.style().standardIcon(pixmap)
    return _ICONS[state]


def timer_state_label(state: str) -> str:
    """A timer's state in words, for screen readers and tooltips ("" when there is no timer)."""
    return {
        TimerState.BREACHED: tr("breached"),
        TimerState.WARNING: tr("warning"),
        TimerState.ON_TIME: tr("on time"),
        TimerState.PAUSED: tr("paused"),
        TimerState.MET: tr("done"),
    }.get(state, "")

"""The sidebar: fixed queues, then departments and requesters with open requests, each with its live count.

A two-level tree model fed by ``store.queues.queue_counts`` (run on a store thread): fixed queues and departments
first, requesters (thousands, in a group that starts folded) right after.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.formatting import duration, rough_duration
from store.queues import FIXED_QUEUES, QueueCount
from store.vocabulary import Queue, QueueGroup

Index = QModelIndex | QPersistentModelIndex
GROUPS = (QueueGroup.DEPARTMENT, QueueGroup.REQUESTER)
SECTIONS = ("fixed", *GROUPS)
_NO_PARENT = 0


def queue_label(kind: str) -> str:
    labels = {
        Queue.OPEN: QCoreApplication.translate("queues", "All open"),
        Queue.MINE: QCoreApplication.translate("queues", "Assigned to me"),
        Queue.WAITING: QCoreApplication.translate("queues", "Waiting on requester"),
        Queue.WAITING_COLLEAGUE: QCoreApplication.translate("queues", "Waiting on colleague"),
        Queue.BREACHING: QCoreApplication.translate("queues", "Breaching soon"),
        Queue.BREACHED: QCoreApplication.translate("queues", "Breached"),
        Queue.RESOLVED: QCoreApplication.translate("queues", "Resolved"),
        QueueGroup.DEPARTMENT: QCoreApplication.translate("queues", "Departments"),
        QueueGroup.REQUESTER: QCoreApplication.translate("queues", "Requesters"),
    }
    return labels.get(kind, kind)


class QueueModel(QAbstractItemModel):
    """Top level: the fixed queues, then a "Departments" and a "Requesters" group whose children are queues.

    The internal id of an index is its parent's top-level row plus one (``_NO_PARENT``, 0, for top-level items).
    """

    KeyRole = Qt.ItemDataRole.UserRole + 1
    CountRole = Qt.ItemDataRole.UserRole + 2
    WaitRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._fixed: list[QueueCount] = [QueueCount(key, key, "", 0, None) for key in FIXED_QUEUES]
        self._groups: dict[str, list[QueueCount]] = {kind: [] for kind in GROUPS}
        self.now = datetime.now(UTC)
        self.loaded = False

    def set_counts(
        self, counts: list[QueueCount], now: datetime | None = None, sections: Collection[str] = SECTIONS
    ) -> None:
        """New counts for ``sections`` ("fixed", "department", "requester"); the others keep theirs.

        The tree is never reset: counts change in place, and a group whose queues changed has its rows removed and
        inserted, so the selection, the expanded groups and the scroll position survive every refresh.
        """
        self.now = now or datetime.now(UTC)
        if "fixed" in sections:
            by_key = {c.key: c for c in counts}
            self._fixed = [by_key.get(key, QueueCount(key, key, "", 0, None)) for key in FIXED_QUEUES]
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._fixed) - 1, 0))
            self.loaded = True
        for kind in GROUPS:
            if kind in sections:
                self._set_group(kind, [c for c in counts if c.kind == kind])

    def _set_group(self, kind: str, items: list[QueueCount]) -> None:
        parent = self.index_of_group(kind)
        old = self._groups[kind]
        if [c.key for c in items] == [c.key for c in old]:
            self._groups[kind] = items
            if items:
                self.dataChanged.emit(self.index(0, 0, parent), self.index(len(items) - 1, 0, parent))
            return
        if old:
            self.beginRemoveRows(parent, 0, len(old) - 1)
            self._groups[kind] = []
            self.endRemoveRows()
        if items:
            self.beginInsertRows(parent, 0, len(items) - 1)
            self._groups[kind] = items
            self.endInsertRows()

    def key_at(self, index: Index) -> str | None:
        item = self._item(index)
        return None if item is None else item.key

    def index_of(self, key: str) -> QModelIndex:
        for row, item in enumerate(self._fixed):
            if item.key == key:
                return self.index(row, 0)
        for group_row, kind in enumerate(GROUPS):
            for row, item in enumerate(self._groups[kind]):
                if item.key == key:
                    return self.index(row, 0, self.index(len(self._fixed) + group_row, 0))
        return QModelIndex()

    def index_of_group(self, kind: str) -> QModelIndex:
        return self.index(len(self._fixed) + GROUPS.index(kind), 0)

    def _item(self, index: Index) -> QueueCount | None:
        if not index.isValid():
            return None
        parent_row = index.internalId()
        if parent_row == _NO_PARENT:
            return self._fixed[index.row()] if index.row() < len(self._fixed) else None
        kind = GROUPS[parent_row - 1 - len(self._fixed)]
        return self._groups[kind][index.row()]

    # -- Qt model interface ------------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _NO_PARENT)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _NO_PARENT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._fixed) + len(GROUPS)
        if parent.internalId() != _NO_PARENT or parent.column() != 0:
            return 0
        group_row = parent.row() - len(self._fixed)
        return len(self._groups[GROUPS[group_row]]) if 0 <= group_row < len(GROUPS) else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _NO_PARENT and index.row() >= len(self._fixed):
            return Qt.ItemFlag.ItemIsEnabled  # a group heading: opens, is not a queue
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _NO_PARENT and index.row() >= len(self._fixed):
            kind = GROUPS[index.row() - len(self._fixed)]
            if role == Qt.ItemDataRole.DisplayRole:
                return queue_label(kind)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        item = self._item(index)
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return item.name or queue_label(item.kind)
        if role == Qt.ItemDataRole.ToolTipRole and item.oldest_received is not None:
            return self.tr("%Ln request(s), longest waiting %1", "", item.count).replace(
                "%1", self._waited(item)
            )
        if role == self.KeyRole:
            return item.key
        if role == self.CountRole:
            return item.count if self.loaded else None
        if role == self.WaitRole and item.kind == QueueGroup.REQUESTER and item.oldest_received is not None:
            return rough_duration((self.now - item.oldest_received).total_seconds() / 60)
        return None

    def _waited(self, item: QueueCount) -> str:
        if item.oldest_received is None:
            return ""
        return duration((self.now - item.oldest_received).total_seconds() / 60, day_minutes=24 * 60)

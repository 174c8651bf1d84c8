"""Paints a sidebar queue like a mail client's folder: the name on the left, the count (and, for a requester, the
longest wait) right-aligned and muted."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.queues import QueueModel


class QueueDelegate(QStyledItemDelegate):
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        count = index.data(QueueModel.CountRole)
        wait = index.data(QueueModel.WaitRole)
        parts = [wait or "", "" if count is None else QLocale().toString(int(count))]
        extra = " · ".join(part for part in parts if part)
        if not extra:
            super().paint(painter, option, index)
            return
        metrics = option.fontMetrics  # type: ignore[attr-defined]
        width = metrics.horizontalAdvance(extra) + 14
        narrowed = QStyleOptionViewItem(option)
        rect: QRect = option.rect  # type: ignore[attr-defined]
        narrowed.rect = QRect(rect.left(), rect.top(), rect.width() - width, rect.height())
        self._paint_background(painter, option, index)
        narrowed.backgroundBrush = QColor(0, 0, 0, 0)
        super().paint(painter, narrowed, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        painter.save()
        palette = option.palette  # type: ignore[attr-defined]
        painter.setPen(
            palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        )
        painter.drawText(
            QRect(rect.right() - width, rect.top(), width - 8, rect.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            extra,
        )
        painter.restore()

    def _paint_background(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """The selection highlight spans the whole row, count included."""
        full = QStyleOptionViewItem(option)
        self.initStyleOption(full, index)
        full.text = ""
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, full, painter, widget)

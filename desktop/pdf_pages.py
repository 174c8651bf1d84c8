"""Drawing a few A4 pages of headings, paragraphs, tables and weekly line charts into a PDF with ``QPainter``.

Everything is drawn as vectors (text and lines), so the pages print sharply at any size. ``QPdfWriter`` and
``QPainter`` need only a ``QGuiApplication`` (for fonts), not a window, and work off the GUI thread.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)

RESOLUTION = 300  # device units per inch; text and lines stay vectors whatever the number
_MM = RESOLUTION / 25.4
INK = QColor("#1f2937")
MUTED = QColor("#6b7280")
RULE = QColor("#d1d5db")
SHADE = QColor("#f3f4f6")
SERIES_COLOURS = (QColor("#2563eb"), QColor("#ea580c"), QColor("#16a34a"))
TARGET_COLOUR = QColor("#b91c1c")


def _nice(value: float) -> float:
    """The smallest of 1, 2, 4, 5 or 8 times a power of ten at or above ``value``: axis steps of a quarter of it
    are round numbers."""
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 4, 5, 8, 10) if step * power >= value)


class PageError(OSError):
    """The PDF could not be started (the file cannot be opened for writing)."""


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    points: Sequence[tuple[int, float]]  # (week index, value)


class PdfPages:
    """A cursor down A4 pages: each ``add_*`` draws below the last and starts a new page when it does not fit."""

    def __init__(self, path: Path, title: str, footer: str) -> None:
        self._writer = QPdfWriter(str(path))
        self._writer.setResolution(RESOLUTION)
        self._writer.setTitle(title)
        self._writer.setCreator("Loket")
        self._writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(18, 16, 18, 16),
                QPageLayout.Unit.Millimeter,
            )
        )
        self._painter = QPainter()
        if not self._painter.begin(self._writer):
            raise PageError(f"cannot write {path}")
        self._footer = footer
        self.width = float(self._writer.width())
        self._height = float(self._writer.height()) - 8 * _MM  # the footer's band
        self._page = 1
        self._y = 0.0

    # -- fonts and pages ---------------------------------------------------------------------------------------
    def _font(self, points: float, bold: bool = False) -> QFont:
        font = QFont("DejaVu Sans")
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def _use(self, font: QFont, colour: QColor = INK) -> QFontMetricsF:
        self._painter.setFont(font)
        self._painter.setPen(colour)
        return QFontMetricsF(font, self._writer)

    def _draw_footer(self) -> None:
        metrics = self._use(self._font(7.5), MUTED)
        band = QRectF(0, self._height + 3 * _MM, self.width, metrics.height())
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self._painter.drawText(band, flags, self._footer)
        flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        self._painter.drawText(band, flags, str(self._page))

    def new_page(self) -> None:
        self._draw_footer()
        self._writer.newPage()
        self._page += 1
        self._y = 0.0

    def _room(self, height: float) -> None:
        if self._y > 0 and self._y + height > self._height:
            self.new_page()

    def space(self, millimetres: float) -> None:
        self._y += millimetres * _MM

    def finish(self) -> None:
        self._draw_footer()
        if not self._painter.end():
            raise PageError("the PDF could not be completed")

    # -- text --------------------------------------------------------------------------------------------------
    def add_title(self, text: str, subtitle: str) -> None:
        metrics = self._use(self._font(20, bold=True))
        self._painter.drawText(QRectF(0, self._y, self.width, metrics.height()), text)
        self._y += metrics.height() + 1 * _MM
        self.add_paragraph(subtitle, colour=MUTED, points=10.5)
        self.space(3)

    def add_heading(self, text: str, keep_with: float = 30) -> None:
        """A section heading, moved to a new page with at least ``keep_with`` mm of what follows."""
        metrics = QFontMetricsF(self._font(13, bold=True), self._writer)
        self._room(metrics.height() + keep_with * _MM)
        if self._y > 0:
            self.space(3)
        self._use(self._font(13, bold=True))
        self._painter.drawText(QRectF(0, self._y, self.width, metrics.height()), text)
        self._y += metrics.height() + 1.5 * _MM

    def add_paragraph(self, text: str, colour: QColor = INK, points: float = 9.5, bold: bool = False) -> None:
        metrics = self._use(self._font(points, bold), colour)
        flags = int(Qt.TextFlag.TextWordWrap)
        bounds = metrics.boundingRect(QRectF(0, 0, self.width, 10_000), flags, text)
        self._room(bounds.height())
        self._use(self._font(points, bold), colour)
        self._painter.drawText(QRectF(0, self._y, self.width, bounds.height()), flags, text)
        self._y += bounds.height() + 1.5 * _MM

    def add_definition(self, term: str, text: str) -> None:
        """A term in bold with its explanation beside it, as on a glossary page."""
        column = self.width * 0.3
        metrics = self._use(self._font(8.5))
        flags = int(Qt.TextFlag.TextWordWrap)
        body = metrics.boundingRect(QRectF(0, 0, self.width - column, 10_000), flags, text)
        head = QFontMetricsF(self._font(8.5, True), self._writer).boundingRect(
            QRectF(0, 0, column - 3 * _MM, 10_000), flags, term
        )
        height = max(body.height(), head.height())
        self._room(height)
        self._use(self._font(8.5, bold=True))
        self._painter.drawText(QRectF(0, self._y, column - 3 * _MM, height), flags, term)
        self._use(self._font(8.5))
        self._painter.drawText(QRectF(column, self._y, self.width - column, height), flags, text)
        self._y += height + 1.2 * _MM

    # -- tables ------------------------------------------------------------------------------------------------
    def add_table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        bold_last: bool = False,
        texts: int = 1,
    ) -> None:
        """Columns of relative ``widths``; the first ``texts`` left-aligned, the others right-aligned (figures)."""
        padding = 1.2 * _MM
        header_metrics = QFontMetricsF(self._font(8, bold=True), self._writer)
        total = sum(widths)
        sizes = [self.width * width / total for width in widths]
        for number, text in enumerate(header):
            # A heading word wider than its column (“Beantwoord”) widens it, taken from the first column.
            word = max((header_metrics.horizontalAdvance(w) for w in text.split()), default=0.0) + 2 * padding
            if number > 0 and word > sizes[number]:
                sizes[0] -= word - sizes[number]
                sizes[number] = word
        edges = [0.0]
        for size in sizes:
            edges.append(edges[-1] + size)
        metrics = QFontMetricsF(self._font(8.5), self._writer)
        line = metrics.height() + 2 * padding
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignBottom)
        header_height = (
            max(
                header_metrics.boundingRect(
                    QRectF(0, 0, edges[i + 1] - edges[i] - 2 * padding, 10_000), flags, text
                ).height()
                for i, text in enumerate(header)
            )
            + 2 * padding
        )

        def draw_header() -> None:
            self._use(self._font(8, bold=True), MUTED)
            for number, text in enumerate(header):
                align = Qt.AlignmentFlag.AlignLeft if number < texts else Qt.AlignmentFlag.AlignRight
                cell = QRectF(edges[number] + padding, self._y, edges[number + 1] - edges[number] - 2 * padding,
                              header_height - padding)  # fmt: skip
                self._painter.drawText(cell, flags | int(align), text)
            self._y += header_height
            self._painter.setPen(QPen(INK, 0.25 * _MM))
            self._painter.drawLine(QPointF(0, self._y), QPointF(self.width, self._y))

        self._room(header_height + line * min(3, len(rows) or 1))
        draw_header()
        for index, row in enumerate(rows):
            if self._y + line > self._height:
                self.new_page()
                draw_header()
            if index % 2:
                self._painter.fillRect(QRectF(0, self._y, self.width, line), SHADE)
            last = bold_last and index == len(rows) - 1
            metrics = self._use(self._font(8.5, bold=last))
            for number, text in enumerate(row):
                align = Qt.AlignmentFlag.AlignLeft if number < texts else Qt.AlignmentFlag.AlignRight
                room = edges[number + 1] - edges[number] - 2 * padding
                shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
                cell = QRectF(edges[number] + padding, self._y, room, line)
                self._painter.drawText(cell, int(align) | int(Qt.AlignmentFlag.AlignVCenter), shown)
            self._y += line
        self._painter.setPen(QPen(RULE, 0.15 * _MM))
        self._painter.drawLine(QPointF(0, self._y), QPointF(self.width, self._y))
        self.space(2)

    # -- charts ------------------------------------------------------------------------------------------------
    def add_chart(
        self,
        title: str,
        labels: Sequence[str],
        series: Sequence[Series],
        unit: str,
        top: float | None = None,
        target: tuple[str, float] | None = None,
        height_mm: float = 62,
    ) -> None:
        """Weekly lines over ``labels`` (one per week), a dashed target line, a legend under the title."""
        height = height_mm * _MM
        self._room(height)
        painter = self._painter
        title_metrics = self._use(self._font(9.5, bold=True))
        painter.drawText(QRectF(0, self._y, self.width, title_metrics.height()), title)
        legend_y = self._y + title_metrics.height() + 1 * _MM
        metrics = self._use(self._font(7.5), MUTED)
        x = 0.0
        entries = [(s.name, SERIES_COLOURS[i % len(SERIES_COLOURS)], False) for i, s in enumerate(series)]
        if target is not None:
            entries.append((target[0], TARGET_COLOUR, True))
        for name, colour, dashed in entries:
            pen = QPen(colour, 0.5 * _MM, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            middle = legend_y + metrics.height() / 2
            painter.drawLine(QPointF(x, middle), QPointF(x + 6 * _MM, middle))
            painter.setPen(MUTED)
            painter.drawText(QPointF(x + 7.5 * _MM, legend_y + metrics.ascent()), name)
            x += 7.5 * _MM + metrics.horizontalAdvance(name) + 5 * _MM
        values = [value for s in series for _, value in s.points]
        ceiling = top if top is not None else _nice(max([*values, target[1] if target else 0.0, 1.0]) * 1.05)
        plot = QRectF(14 * _MM, legend_y + metrics.height() + 2 * _MM, self.width - 16 * _MM, 0)
        plot.setBottom(self._y + height - metrics.height() - 3 * _MM)
        for step in range(5):
            value = ceiling * step / 4
            y = plot.bottom() - plot.height() * step / 4
            painter.setPen(QPen(RULE, 0.12 * _MM))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(MUTED)
            text = f"{value:g}{unit}"
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, plot.left() - 1.5 * _MM, metrics.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                text,
            )
        count = max(1, len(labels))

        def at(index: float, value: float) -> QPointF:
            step = plot.width() / count
            return QPointF(
                plot.left() + step * (index + 0.5),
                plot.bottom() - plot.height() * min(value, ceiling) / ceiling,
            )

        every = max(1, -(-len(labels) // 8))
        for index in range(0, len(labels), every):
            point = at(index, 0)
            painter.drawText(
                QRectF(point.x() - 12 * _MM, plot.bottom() + 1 * _MM, 24 * _MM, metrics.height()),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                labels[index],
            )
        if target is not None:
            painter.setPen(QPen(TARGET_COLOUR, 0.35 * _MM, Qt.PenStyle.DashLine))
            y = at(0, target[1]).y()
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        for number, item in enumerate(series):
            colour = SERIES_COLOURS[number % len(SERIES_COLOURS)]
            painter.setPen(QPen(colour, 0.45 * _MM))
            path = QPainterPath()
            for position, (index, value) in enumerate(item.points):
                point = at(index, value)
                if position == 0:
                    path.moveTo(point)
                else:
                    path.lineTo(point)
            painter.drawPath(path)
            painter.setBrush(colour)
            for index, value in item.points:
                painter.drawEllipse(at(index, value), 0.5 * _MM, 0.5 * _MM)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(INK, 0.2 * _MM))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        self._y += height + 2 * _MM

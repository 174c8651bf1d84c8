"""Table models for the statistics view: rows of figures shown with the user's locale, sorted by their numbers.

The figures are computed in ``store`` (``store.stats.overview``); these models only turn them into cells.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its header, how to read its value from a row, and how to show it."""

    header: str
    value: Callable[[Any], Any]
    kind: str = (
        "text"  # text, count, minutes (business minutes shown as hours), percent, score (a mean of 1–5)
    )


def show(value: Any, kind: str, locale: QLocale) -> str:
    if value is None:
        return "–"
    if kind == "count":
        return locale.toString(int(value))
    if kind == "minutes":
        return locale.toString(float(value) / 60.0, "f", 1)
    if kind == "percent":
        return locale.toString(float(value), "f", 1) + "\u202f%"
    if kind == "score":
        return locale.toString(float(value), "f", 1)
    return str(value) if value != "" else "–"


class FiguresModel(QAbstractTableModel):
    """A read-only table over a list of figure rows; ``Qt.UserRole`` gives the raw value for sorting."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        value = column.value(self._rows[index.row()])
        if role == Qt.ItemDataRole.DisplayRole:
            return show(value, column.kind, QLocale())
        if role == Qt.ItemDataRole.UserRole:  # what the proxy sorts by: empty figures first, text by its text
            if value is None:
                return "" if column.kind == "text" else float("-inf")
            return value if column.kind == "text" else float(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind != "text":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def group_columns(key_headers: Sequence[str], tr: Callable[[str], str]) -> list[Column]:
    """Key columns then the figures a team lead reads per group (business minutes shown as hours)."""

    def key_part(position: int) -> Callable[[Any], Any]:
        return lambda row: row.key[position]

    keys = [Column(header, key_part(i)) for i, header in enumerate(key_headers)]

    def figure(header: str, name: str, kind: str) -> Column:
        return Column(header, lambda row: getattr(row, name), kind)

    return [
        *keys,
        figure(tr("Requests"), "requests", "count"),
        figure(tr("Answered"), "answered", "count"),
        figure(tr("First response median (h)"), "first_response_median_business_min", "minutes"),
        figure(tr("First response P90 (h)"), "first_response_p90_business_min", "minutes"),
        figure(tr("Within standard"), "within_standard_pct", "percent"),
        figure(tr("Resolved"), "resolved", "count"),
        figure(tr("Resolution median (h)"), "resolution_median_business_min", "minutes"),
        figure(tr("Reopened"), "reopened", "count"),
        figure(tr("Ratings"), "ratings", "count"),
        figure(tr("Satisfaction (1–5)"), "satisfaction_avg", "score"),
    ]


def supplier_columns(tr: Callable[[str], str]) -> list[Column]:
    """The internal-supplier view: how long we waited on each colleague department (business hours)."""
    return [
        Column(tr("Department we waited on"), lambda row: row.department or tr("(not named)")),
        Column(tr("Waits"), lambda row: row.waits, "count"),
        Column(tr("Requests"), lambda row: row.requests, "count"),
        Column(tr("Median wait (h)"), lambda row: row.median_business_min, "minutes"),
        Column(tr("P90 wait (h)"), lambda row: row.p90_business_min, "minutes"),
        Column(tr("Total (h)"), lambda row: row.total_business_min, "minutes"),
        Column(tr("Still waiting"), lambda row: row.ongoing, "count"),
    ]

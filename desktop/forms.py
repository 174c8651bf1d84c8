"""A labelled form declared field by field, whose values go in and come out as a dict.

Dialogs build their forms with it instead of laying out and reading widgets by hand, so every dialog behaves alike
(labels, tab order, keyboard mnemonics) and none repeats the code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget


class Form(QWidget):
    """Fields keyed by name; ``values()`` reads them all, ``set_values()`` fills any of them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QFormLayout(self)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._fields: dict[str, QWidget] = {}
        self._rows: dict[str, QWidget] = {}  # rows without a value (buttons), shown or hidden by key

    def add_text(self, key: str, label: str, placeholder: str = "", secret: bool = False) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return self._add(key, label, edit)

    def add_port(self, key: str, label: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(1, 65535)
        return self._add(key, label, spin)

    def add_number(self, key: str, label: str, maximum: int, special: str = "") -> QSpinBox:
        """A whole number from 0 to ``maximum``; ``special`` is shown in place of 0."""
        spin = QSpinBox(self)
        spin.setRange(0, maximum)
        spin.setSpecialValueText(special)
        return self._add(key, label, spin)

    def add_choice(
        self, key: str, label: str, choices: Iterable[tuple[str, str]], editable: bool = False
    ) -> QComboBox:
        """A drop-down of (value, shown text); an editable one also takes a typed value."""
        combo = QComboBox(self)
        combo.setEditable(editable)
        for value, text in choices:
            combo.addItem(text, value)
        return self._add(key, label, combo)

    def add_widget(self, label: str, widget: QWidget) -> None:
        self._layout.addRow(label, widget)

    def add_row(self, key: str, label: str, widget: QWidget) -> None:
        """A row without a value of its own (a button), that ``set_row_visible`` can hide by ``key``."""
        self._layout.addRow(label, widget)
        self._rows[key] = widget

    def field(self, key: str) -> QWidget:
        return self._fields[key]

    def set_row_visible(self, key: str, visible: bool) -> None:
        self._layout.setRowVisible(self._rows.get(key) or self._fields[key], visible)

    def values(self) -> dict[str, Any]:
        return {key: _read(widget) for key, widget in self._fields.items()}

    def set_values(self, values: Mapping[str, Any]) -> None:
        for key, value in values.items():
            if key in self._fields:
                _write(self._fields[key], value)

    def _add(self, key: str, label: str, widget: Any) -> Any:
        self._layout.addRow(label, widget)
        self._fields[key] = widget
        return widget


def _read(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.text().strip() if widget.echoMode() == QLineEdit.EchoMode.Normal else widget.text()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QComboBox):
        index = widget.currentIndex()
        if widget.isEditable() and (index < 0 or widget.currentText() != widget.itemText(index)):
            return widget.currentText().strip()
        return widget.itemData(index)
    raise TypeError(f"no reader for {type(widget).__name__}")


def _write(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText("" if value is None else str(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        if index >= 0:
            widget.setCurrentIndex(index)
        elif widget.isEditable():
            widget.setEditText("" if value is None else str(value))
    else:
        raise TypeError(f"no writer for {type(widget).__name__}")

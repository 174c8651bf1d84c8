"""What a screen reader and a keyboard user meet in a window: its focusable controls, their accessible names, and
the order Tab visits them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget


def focusable(top: QWidget) -> list[QWidget]:
    """Controls a keyboard can reach in ``top``: shown, taking focus by Tab (a scroll area's viewport counts as
    the area itself)."""
    found = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget:
            continue
        if parent is not None and (
            parent.focusProxy() is widget or isinstance(parent, QComboBox | QAbstractSpinBox)
        ):
            continue  # the editor inside a spin box or an editable drop-down: read as that control
        found.append(widget)
    return found


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return "" if interface is None else interface.text(QAccessible.Text.Name).strip()


def unnamed(top: QWidget) -> list[str]:
    """Focusable controls without an accessible name, described so a failing test says which."""
    return [
        f"{type(w).__name__}#{w.objectName() or '?'} in {type(w.parentWidget()).__name__}"
        for w in focusable(top)
        if not accessible_name(w)
    ]


def assert_all_named(top: QWidget) -> None:
    missing = unnamed(top)
    assert not missing, "focusable without an accessible name:\n" + "\n".join(missing)


def tab_order(top: QWidget, limit: int = 200) -> list[QWidget]:
    """The widgets Tab visits from the first focusable one, once round."""
    start = next(w for w in focusable(top) if w.isEnabled())
    order, widget = [start], start.nextInFocusChain()
    while widget is not start and len(order) < limit:
        if widget in focusable(top) and widget.isEnabled() and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
    return order

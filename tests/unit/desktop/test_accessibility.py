"""Every window and dialog, walked as a screen reader would: each focusable control has an accessible name."""

from __future__ import annotations

import pytest
from accessibility import accessible_name, assert_all_named, tab_order
from PySide6.QtWidgets import QInputDialog, QLineEdit
from seed import ME

from desktop.app import create_app
from desktop.compose import ComposeDialog
from desktop.outbox_view import OutboxView
from desktop.standards_dialog import StandardsDialog
from desktop.triage import ManualRequestDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(open_window, seeded_dir):
    return open_window(seeded_dir[0])


def test_the_main_window_names_every_control(window):
    assert_all_named(window)


def test_the_statistics_page_names_every_control(qtbot, owned, window):
    window.menus.show_stats.trigger()
    qtbot.wait(200)
    assert_all_named(window)


def test_the_outbox_names_every_control(qtbot, owned, seeded_dir):
    view = OutboxView(seeded_dir[0])
    owned(view)
    view.show()
    assert_all_named(view)
    view.close_reader()


@pytest.mark.parametrize("mode", ["reply", "forward"])
def test_the_compose_window_names_every_control(qtbot, owned, window, mode):
    request_id = window.request_view.request_id()
    dialog = ComposeDialog(window.data_dir, request_id, mode, agent=ME)
    owned(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=10_000):
        dialog.show()
    assert_all_named(dialog)
    dialog.close()


def test_the_standards_dialog_names_every_control(qtbot, owned, seeded_dir):
    create_app()
    dialog = StandardsDialog(seeded_dir[0])
    owned(dialog)
    dialog.show()
    qtbot.wait(300)
    assert_all_named(dialog)
    dialog.close()


def test_the_request_by_hand_dialog_names_every_control(qtbot, owned):
    create_app()
    dialog = ManualRequestDialog()
    owned(dialog)
    dialog.show()
    assert_all_named(dialog)


def test_the_account_dialog_names_every_control(qtbot, owned, seeded_dir):
    from desktop.account_dialog import AccountDialog

    create_app()
    dialog = AccountDialog(seeded_dir[0], None, "Europe/Amsterdam")
    owned(dialog)
    dialog.show()
    assert_all_named(dialog)
    dialog.close()


def test_the_input_dialogs_the_window_asks_with_are_named(qtbot, owned):
    create_app()
    dialog = QInputDialog()
    dialog.setLabelText("Colleague at the desk:")
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    owned(dialog)
    dialog.show()
    assert_all_named(dialog)


def reading_order(widgets, top):
    """Top to bottom, then left to right; widgets whose tops lie within a few pixels share a row."""

    def key(widget):
        at = widget.mapTo(top, widget.rect().topLeft())
        return (at.y() // 12, at.x())

    return sorted(widgets, key=key)


def test_tab_goes_through_the_main_window_pane_by_pane_in_reading_order(window):
    order = tab_order(window)
    names = [accessible_name(w) for w in order]
    assert names[:3] == ["Search", "Queues", "Requests"]
    request_pane = order[3:]
    assert request_pane == reading_order(request_pane, window)
    assert [accessible_name(w) for w in request_pane] == [
        "Reply", "Assign to me", "Resolve", "Note", "Standard", "Conversation", "Requester"
    ]  # fmt: skip


def test_tab_goes_through_the_compose_window_in_reading_order(qtbot, owned, window):
    dialog = ComposeDialog(window.data_dir, window.request_view.request_id(), "reply", agent=ME)
    owned(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=10_000):
        dialog.show()
    order = tab_order(dialog)
    assert order == reading_order(order, dialog)
    # A drop-down's accessible name on Linux is its current value (Qt names its label through a relation there):
    # the name set on the widget is what Windows reads and what the label relation carries.
    assert [w.accessibleName() or accessible_name(w) for w in order[:6]] == [
        "To:", "Cc:", "Template", "Language of the reply", "Status after sending", "Also send as HTML"
    ]  # fmt: skip
    dialog.close()

"""The service standards dialog: targets typed as people say them, saved off the GUI thread with due dates
recomputed, refusals said in a sentence naming the field with nothing stored."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.standards_dialog import StandardsDialog
from store.db import open_db
from store.standards.rules import list_standards

WAIT_MS = 20_000
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _dialog(qtbot, data_dir) -> StandardsDialog:
    dialog = StandardsDialog(data_dir)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        dialog.show()
    return dialog


def _standards(data_dir):
    db = open_db(data_dir)
    try:
        return {s.name: s for s in list_standards(db)}
    finally:
        db.conn.close()


def _save(qtbot, dialog: StandardsDialog) -> None:
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_the_seeded_standard_is_listed_with_its_targets_in_working_time(qtbot, seeded_dir, artifacts):
    data_dir, _ = seeded_dir
    dialog = _dialog(qtbot, data_dir)
    assert dialog.list.count() == 1
    assert dialog.list.item(0).text().splitlines() == ["Standaard", "4h / 3d · every request"]
    dialog.list.setCurrentRow(0)
    assert dialog.form.values()["first_response"] == "4h"
    assert "Europe/Amsterdam" in dialog.calendar_label.text()
    dialog.grab().save(str(artifacts / "standards_dialog.png"))


def test_a_new_standard_for_a_department_is_stored_in_business_minutes(qtbot, seeded_dir, artifacts):
    data_dir, _ = seeded_dir
    dialog = _dialog(qtbot, data_dir)
    department = dialog.form.field("department").itemText(1)
    dialog.form.set_values(
        {
            "name": "Snel",
            "first_response": "90m",
            "resolution": "2d",
            "department": department,
            "priority": "high",
        }
    )
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        _save(qtbot, dialog)
    stored = _standards(data_dir)["Snel"]
    assert (stored.first_response_min, stored.resolution_min) == (90, 2 * 480)
    assert (stored.department, stored.priority, stored.warning_pct) == (department, "high", 75)
    assert "Saved" in dialog.status_label.text()
    assert [dialog.list.item(i).text().splitlines()[0] for i in range(dialog.list.count())] == [
        "Snel",
        "Standaard",
    ]
    dialog.grab().save(str(artifacts / "standards_dialog_saved.png"))


def test_a_standard_for_phone_calls_is_saved_and_listed_with_its_channel(qtbot, seeded_dir, artifacts):
    data_dir, _ = seeded_dir
    dialog = _dialog(qtbot, data_dir)
    dialog.form.set_values({"name": "Calls", "first_response": "1h", "channel": "phone"})
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        _save(qtbot, dialog)
    assert _standards(data_dir)["Calls"].channel == "phone"
    assert dialog.list.item(0).text().splitlines() == ["Calls", "1h · Phone call"]
    dialog.list.setCurrentRow(0)
    assert dialog.form.values()["channel"] == "phone"
    dialog.grab().save(str(artifacts / "standards_dialog_channel.png"))


def test_changing_a_target_recomputes_the_due_dates_of_open_requests(qtbot, seeded_dir):
    data_dir, _ = seeded_dir
    query = (
        "SELECT id, first_response_due FROM requests WHERE standard_id IS NOT NULL "
        "AND first_response_at IS NULL AND status != 'resolved' ORDER BY id"
    )

    def due_dates():
        db = open_db(data_dir)
        try:
            return dict(db.execute(query).fetchall())
        finally:
            db.conn.close()

    dialog = _dialog(qtbot, data_dir)
    dialog.list.setCurrentRow(0)
    _save(qtbot, dialog)  # unchanged: the due dates as the store computes them now
    before = due_dates()
    dialog.form.set_values({"first_response": "8h"})
    _save(qtbot, dialog)
    assert _standards(data_dir)["Standaard"].first_response_min == 480
    after = due_dates()
    assert before and after.keys() == before.keys()
    assert all(after[key] > before[key] for key in before), [
        (key, before[key], after[key]) for key in before if after[key] <= before[key]
    ]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"first_response": "0h"}, "first response"),
        ({"first_response": "soon"}, "first response"),
        ({"first_response": "4h", "resolution": "-3d"}, "resolution"),
        ({"name": "", "first_response": "4h"}, "name"),
    ],
)
def test_a_bad_value_is_refused_with_its_field_named_and_nothing_stored(
    qtbot, seeded_dir, values, field, artifacts
):
    data_dir, _ = seeded_dir
    dialog = _dialog(qtbot, data_dir)
    dialog.form.set_values({"name": "Nieuw", **values})
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not changed" in dialog.status_label.text(), timeout=WAIT_MS)
    assert field in dialog.status_label.text()
    assert set(_standards(data_dir)) == {"Standaard"}
    qtbot.waitUntil(dialog.save_button.isEnabled)
    dialog.grab().save(str(artifacts / "standards_dialog_refused.png"))


def test_removing_a_standard_asks_first(qtbot, seeded_dir, monkeypatch):
    data_dir, _ = seeded_dir
    dialog = _dialog(qtbot, data_dir)
    dialog.list.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.No)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert set(_standards(data_dir)) == {"Standaard"}
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.list.count() == 0, timeout=WAIT_MS)
    assert _standards(data_dir) == {}

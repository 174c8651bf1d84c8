"""The window's models: checked by Qt's own model tester while they load, fetch more, sort, filter and refresh."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QAbstractItemModelTester
from seed import ME

from desktop.palette_colours import timer_colour
from desktop.queues import QueueModel
from desktop.reader import Reader
from desktop.request_model import COLUMNS, PAGE, TIMER_COLUMN, RequestListModel
from store.db import open_db
from store.queues import RequestFilter, queue_counts

FAIL = QAbstractItemModelTester.FailureReportingMode.Fatal


@pytest.fixture
def store(seeded_dir):
    data_dir, _ = seeded_dir
    db = open_db(data_dir)
    reader = Reader(data_dir)
    yield db, reader
    reader.close()
    db.conn.close()


def _load(qtbot, model: RequestListModel, flt: RequestFilter | None = None) -> None:
    with qtbot.waitSignal(model.loaded, timeout=5000):
        if flt is None:
            model.reload()
        else:
            model.set_filter(flt)


def test_request_list_model_passes_the_model_tester_through_fetching_and_sorting(qtbot, store):
    _db, reader = store
    model = RequestListModel(reader, ME)
    QAbstractItemModelTester(model, FAIL)
    _load(qtbot, model, RequestFilter("resolved"))
    assert model.rowCount() == min(PAGE, model.total())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == model.total() > 0
    for column in range(len(COLUMNS)):
        with qtbot.waitSignal(model.loaded, timeout=5000):
            model.sort(column, Qt.SortOrder.DescendingOrder)
    _load(qtbot, model, RequestFilter(search="drucker"))
    assert model.total() > 0
    model.tick()


def test_request_rows_show_people_and_a_coloured_timer_with_its_explanation(qtbot, store):
    _db, reader = store
    model = RequestListModel(reader, ME)
    _load(qtbot, model, RequestFilter("breached"))
    qtbot.waitUntil(model.has_calendars)
    index = model.index(0, TIMER_COLUMN)
    assert model.data(index).startswith("−"), (model.data(index), model.data(index, model.StateRole))
    colour = model.data(index, Qt.ItemDataRole.ForegroundRole).color()
    assert colour == timer_colour("breached", QGuiApplication.palette())
    assert not model.data(index, Qt.ItemDataRole.DecorationRole).isNull(), "an icon besides the colour"
    assert model.data(index, Qt.ItemDataRole.AccessibleTextRole) == f"breached: {model.data(index)}"
    tooltip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "Overdue" in tooltip and "counted" in tooltip
    requester = model.data(model.index(0, COLUMNS.index("requester")))
    assert requester and "@" not in requester


def test_rows_beyond_the_first_page_are_read_on_the_store_thread_and_then_shown(qtbot, tmp_path):
    from seed import seed

    db = open_db(tmp_path)
    seed(db, 700, now=datetime.now(UTC), open_share=0.1)
    db.conn.close()
    reader = Reader(tmp_path)
    try:
        model = RequestListModel(reader, ME)
        QAbstractItemModelTester(model, FAIL)
        _load(qtbot, model, RequestFilter("resolved"))
        assert model.data(model.index(PAGE - 1, 1))  # the first page came with its details
        qtbot.waitUntil(lambda: model.complete)
        while model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        last = model.rowCount() - 1
        assert last > PAGE
        with qtbot.waitSignal(model.dataChanged, timeout=5000) as changed:
            assert model.data(model.index(last, 1)) is None  # asked for, not read here
        assert changed.args[0].row() <= last <= changed.args[1].row()
        assert model.data(model.index(last, 1))
    finally:
        reader.close()


def test_timer_tick_repaints_only_the_timer_column(qtbot, store):
    _db, reader = store
    model = RequestListModel(reader, ME)
    _load(qtbot, model)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.tick()
    top, bottom = blocker.args[0], blocker.args[1]
    assert top.column() == bottom.column() == TIMER_COLUMN
    assert (top.row(), bottom.row()) == (0, model.rowCount() - 1)


def test_queue_model_passes_the_model_tester_and_keeps_counts_live(qtbot, store):
    db, _ = store
    model = QueueModel()
    QAbstractItemModelTester(model, FAIL)
    now = datetime.now(UTC)
    counts = queue_counts(db, now, ME)
    model.set_counts(counts, now)
    open_index = model.index_of("open")
    assert open_index.data(QueueModel.CountRole) == next(c.count for c in counts if c.key == "open")
    requester = next(c for c in counts if c.kind == "requester")
    index = model.index_of(requester.key)
    assert index.parent().isValid() and index.data() == requester.name
    assert index.data(QueueModel.WaitRole)
    with qtbot.waitSignal(model.dataChanged):
        model.set_counts(counts, now)  # same queues: counts change in place, no reset
    model.set_counts(counts[:3], now)
    assert not model.index_of(requester.key).isValid()

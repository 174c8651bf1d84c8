"""The statistics view: figures computed off the GUI thread, redrawn when the period changes, exported with progress."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThread

from desktop.stats_view import StatsView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _view(qtbot, data_dir: Path) -> StatsView:
    view = StatsView(data_dir)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    qtbot.waitUntil(lambda: view.overview is not None, timeout=20000)
    return view


def test_figures_arrive_from_the_pool_and_fill_charts_and_tables(qtbot, seeded_dir, artifacts: Path) -> None:
    data_dir, _ = seeded_dir
    view = _view(qtbot, data_dir)
    assert view.overview is not None and view.overview.total.requests > 0
    assert view.departments.rowCount() > 0
    assert view.requesters.rowCount() > 0
    view.show()
    qtbot.waitExposed(view)
    assert view.grab().save(str(artifacts / "stats_view.png"))


def test_the_computation_never_runs_on_the_gui_thread(qtbot, seeded_dir, monkeypatch) -> None:
    import desktop.stats_jobs as module

    threads: list[bool] = []
    compute = module.compute_overview

    def spy(*args):
        threads.append(QThread.currentThread().isMainThread())
        return compute(*args)

    monkeypatch.setattr(module, "compute_overview", spy)
    data_dir, _ = seeded_dir
    _view(qtbot, data_dir)
    assert threads == [False]


def test_changing_the_period_recomputes_and_an_empty_period_says_so(qtbot, seeded_dir) -> None:
    data_dir, _ = seeded_dir
    view = _view(qtbot, data_dir)
    far = date.today() + timedelta(days=400)
    with qtbot.waitSignal(view.figures_ready, timeout=20000) as blocker:
        view.set_period(far, far + timedelta(days=7))
    assert blocker.args[0].total.requests == 0
    assert view.departments.rowCount() == 0


def test_a_period_that_starts_after_it_ends_is_refused_with_a_sentence(qtbot, seeded_dir) -> None:
    data_dir, _ = seeded_dir
    view = _view(qtbot, data_dir)
    view.set_period(date(2026, 3, 5), date(2026, 3, 1))
    assert view.selection() is None
    assert "after it ends" in view._status.text()


def test_export_writes_the_period_in_the_pool_and_reports_the_rows(qtbot, seeded_dir, tmp_path: Path) -> None:
    data_dir, _ = seeded_dir
    view = _view(qtbot, data_dir)
    target = tmp_path / "figures.xlsx"
    with qtbot.waitSignal(view.export_finished, timeout=20000) as blocker:
        view.start_export(target, "department")
    assert "rows written" in blocker.args[0]
    assert target.exists()
    assert view.export_action.isEnabled()


def test_an_export_to_a_missing_folder_fails_with_a_sentence(qtbot, seeded_dir, tmp_path: Path) -> None:
    data_dir, _ = seeded_dir
    view = _view(qtbot, data_dir)
    with qtbot.waitSignal(view.export_finished, timeout=20000) as blocker:
        view.start_export(tmp_path / "missing" / "figures.csv")
    assert "does not exist" in blocker.args[0]


def test_tables_sort_by_the_numbers_not_their_text(qtbot) -> None:
    from PySide6.QtCore import QSortFilterProxyModel, Qt

    from desktop.stats_models import FiguresModel, group_columns
    from store.stats.figures import GroupFigures

    model = FiguresModel(group_columns(["Department"], str))
    rows = [
        GroupFigures((name,), count, 0, None, None, None, None, None, 0, None, None, 0)
        for name, count in (("B", 9), ("A", 10), ("C", 100))
    ]
    model.set_rows(rows)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(Qt.ItemDataRole.UserRole)
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["C", "A", "B"]
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["A", "B", "C"]
    assert proxy.index(0, 3).data() == "–"


def test_showing_the_view_again_brings_the_figures_up_to_date(qtbot, seeded_dir) -> None:
    from datetime import UTC, datetime

    from store.db import open_db
    from store.numbers import NEXT_NUMBER
    from store.timeutil import to_db

    data_dir, _ = seeded_dir
    view = _view(qtbot, data_dir)
    before = view.overview.total.requests
    db = open_db(data_dir)
    account_id = db.execute("SELECT id FROM accounts").fetchone()[0]
    now = to_db(datetime.now(UTC))
    db.execute(
        f"INSERT INTO requests (number, account_id, subject, received_at, last_activity_at) VALUES ({NEXT_NUMBER}, ?, 'new', ?, ?)",
        [account_id, now, now],
    )
    db.conn.close()
    with qtbot.waitSignal(view.figures_ready, timeout=20000) as blocker:
        view.show()
    assert blocker.args[0].total.requests == before + 1


def test_the_report_is_written_in_the_pool_as_a_pdf(qtbot, seeded_dir, tmp_path: Path, monkeypatch) -> None:
    import desktop.stats_jobs as module

    threads: list[bool] = []
    write = module.report_file

    def spy(*args):
        threads.append(QThread.currentThread().isMainThread())
        return write(*args)

    monkeypatch.setattr(module, "report_file", spy)
    data_dir, _ = seeded_dir
    view = _view(qtbot, data_dir)
    target = tmp_path / "period.pdf"
    selection = view.selection()
    assert selection is not None
    with qtbot.waitSignal(view.report_finished, timeout=30000) as blocker:
        view.reports.write(target, selection)
    assert "written" in blocker.args[0]
    assert threads == [False]
    assert target.read_bytes().startswith(b"%PDF") and target.stat().st_size > 5000
    with qtbot.waitSignal(view.report_finished, timeout=30000) as blocker:
        view.reports.write(tmp_path / "missing" / "r.pdf", selection)
    assert "could not be written" in blocker.args[0]
    assert view.report_action.isEnabled()


def test_per_person_figures_switched_off_leave_the_export_per_colleague_out(
    qtbot, seeded_dir, artifacts
) -> None:
    from store.accounts import set_per_person_figures
    from store.db import open_db

    data_dir, _ = seeded_dir
    db = open_db(data_dir)
    set_per_person_figures(db, db.execute("SELECT id FROM accounts").fetchone()[0], False)
    view = _view(qtbot, data_dir)
    assert view.grouping.findData("agent") < 0
    assert "works council" in view.grouping.toolTip()
    view.show()
    qtbot.waitExposed(view)
    view.grab().save(str(artifacts / "stats_view_no_people.png"))


def test_ratings_show_in_the_summary_and_per_department(qtbot, seeded_dir, artifacts) -> None:
    from datetime import UTC, datetime

    from store.db import open_db
    from store.ratings import record_rating

    data_dir, _ = seeded_dir
    db = open_db(data_dir)
    rated = [row[0] for row in db.execute("SELECT id FROM requests ORDER BY received_at DESC LIMIT 2")]
    for request_id, value in zip(rated, (3, 4), strict=True):
        record_rating(db, request_id, value, "", None, datetime.now(UTC))
    view = _view(qtbot, data_dir)
    assert view.overview is not None and view.overview.total.ratings == 2
    assert "2 ratings, on average 3.5 of 5" in view._summary.text()
    headers = [
        view.departments.headerData(c, Qt.Orientation.Horizontal)
        for c in range(view.departments.columnCount())
    ]
    column = headers.index("Satisfaction (1–5)")
    shown = {view.departments.index(r, column).data() for r in range(view.departments.rowCount())}
    assert shown & {"3.0", "4.0", "3.5"}
    view.show()
    qtbot.waitExposed(view)
    view.grab().save(str(artifacts / "stats_view_ratings.png"))

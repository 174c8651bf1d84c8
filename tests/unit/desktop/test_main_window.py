"""The main window on a seeded store: queues, list, request view, search, triage with undo; each screen is saved
in ``tests/artifacts`` to be looked at."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from seed import ME

from desktop.app import create_app
from desktop.main_window import MainWindow
from desktop.request_model import COLUMNS
from store.db import open_db

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, seeded_dir):
    data_dir, _ = seeded_dir
    create_app()
    main = MainWindow(data_dir, me=ME)
    qtbot.addWidget(main)
    main.resize(1400, 860)
    with qtbot.waitSignal(main.first_page_painted, timeout=10_000):
        main.show()
    yield main
    main.close()


@pytest.fixture
def db(seeded_dir):
    """The test's own connection to the window's store: the window has none on the GUI thread."""
    store = open_db(seeded_dir[0])
    yield store
    store.conn.close()


def _events(data_dir, request_id, kind):
    db = open_db(data_dir)
    try:
        return [
            json.loads(row[0])
            for row in db.execute(
                "SELECT data_json FROM events WHERE request_id = ? AND kind = ? ORDER BY id",
                [request_id, kind],
            )
        ]
    finally:
        db.conn.close()


def test_window_opens_on_all_open_requests_most_urgent_first(window, artifacts):
    model = window.requests
    assert window.queue_model.loaded and model.total() > 0
    assert window.queue_model.index_of("open").data(window.queue_model.CountRole) == model.total()
    assert window.request_view.request_id() == model.request_id(0)
    states = [model.data(model.index(row, 0), model.StateRole) for row in range(model.rowCount())]
    assert states[0] == "breached"
    window.grab().save(str(artifacts / "main_window.png"))


def test_choosing_a_requester_queue_lists_only_their_open_requests(qtbot, window, artifacts):
    group = window.queue_model.index_of_group("requester")
    qtbot.waitUntil(lambda: window.queue_model.rowCount(group) > 0)  # requesters come after the first paint
    window.queue_view.expand(group)
    index = window.queue_model.index(0, 0, group)
    with qtbot.waitSignal(window.requests.loaded):
        window.queue_view.setCurrentIndex(index)
    names = {window.requests.data(window.requests.index(r, COLUMNS.index("requester")))
             for r in range(window.requests.rowCount())}  # fmt: skip
    assert names == {index.data()}
    qtbot.waitUntil(lambda: window.request_view.request_id() == window.requests.request_id(0))
    window.grab().save(str(artifacts / "requester_queue.png"))


def test_search_is_debounced_and_finds_by_prefix(qtbot, window, artifacts):
    with qtbot.waitSignal(window.requests.loaded, timeout=3000):
        qtbot.keyClicks(window.search, "druck")
    subjects = {window.requests.data(window.requests.index(r, COLUMNS.index("subject")))
                for r in range(window.requests.rowCount())}  # fmt: skip
    assert subjects and all("druck" in s.lower() for s in subjects)
    assert not window.queue_view.selectionModel().hasSelection()
    qtbot.waitUntil(lambda: window.request_view.request_id() == window.requests.request_id(0))
    window.grab().save(str(artifacts / "search.png"))
    with qtbot.waitSignal(window.requests.loaded, timeout=3000):
        window.search.clear()
    assert window.queue_view.currentIndex().data(window.queue_model.KeyRole) == "open"


def test_status_change_is_an_event_and_undo_writes_the_old_status_back(qtbot, window, db, seeded_dir):
    data_dir, _ = seeded_dir
    request_id = window.request_view.request_id()
    before = db.execute("SELECT status FROM requests WHERE id = ?", [request_id]).fetchone()[0]
    target = "resolved" if before != "resolved" else "open"
    with qtbot.waitSignal(window.triage.changed, timeout=5000):
        window.triage.set_field("status", target)
    assert _events(data_dir, request_id, "status")[-1]["to"] == target
    assert window.triage.undo.text().replace("&", "").startswith("Undo set status")
    with qtbot.waitSignal(window.triage.changed, timeout=5000):
        window.triage.undo.trigger()
    assert _events(data_dir, request_id, "status")[-1] == {"from": target, "to": before}


def test_remote_images_stay_blocked_until_allowed_for_that_message(qtbot, window, db, artifacts):
    request_id = db.execute(
        "SELECT request_id FROM messages WHERE html_body LIKE '%https://%' AND request_id IN "
        "(SELECT id FROM requests WHERE status != 'resolved') LIMIT 1"
    ).fetchone()[0]
    message_id = db.execute(
        "SELECT id FROM messages WHERE request_id = ? AND html_body IS NOT NULL", [request_id]
    ).fetchone()[0]
    with qtbot.waitSignal(window.request_view.loaded, timeout=5000):
        window.request_view.show_request(request_id)
    html = window.request_view.conversation.toHtml()
    assert "tracker.example" not in html and "Load remote images" in html
    window.request_view.grab().save(str(artifacts / "request_view_blocked_images.png"))
    window.request_view.conversation.action.emit("images", message_id)
    assert "tracker.example" in window.request_view.conversation.toHtml()


def test_every_triage_action_has_a_shortcut_shown_in_the_menus(window):
    triage = window.triage
    for action in [*triage.status_menu.actions(), triage.assign_me, triage.assign, triage.category, triage.note,
                   triage.standard, triage.manual, triage.merge, triage.split, triage.undo, *window.menus.reply_actions]:  # fmt: skip
        assert not action.shortcut().isEmpty(), action.text()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Request", "&View", "&Mailboxes"]
    keys = [a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert len(keys) == len(set(keys)), "two actions share a shortcut"


def test_keyboard_moves_between_panes(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus() or window.focusWidget() is window.search


def test_reply_opens_the_compose_window_for_the_selected_request(qtbot, window, artifacts):
    from desktop.compose import ComposeDialog

    window.menus.reply_actions[0].trigger()
    dialog = next(d for d in window.findChildren(ComposeDialog))
    with qtbot.waitSignal(dialog.ready, timeout=5000):
        pass  # the draft is read on a store thread: nothing arrives before the event loop runs
    assert dialog.isVisible()
    dialog.grab().save(str(artifacts / "reply_from_window.png"))
    dialog.close()


def test_statistics_open_as_a_page_of_the_window(qtbot, window, artifacts):
    from desktop.stats_view import StatsView

    window.menus.show_stats.trigger()
    assert window.pages.currentIndex() == 1
    stats = window.findChild(StatsView)
    qtbot.waitUntil(lambda: stats.overview is not None, timeout=10_000)
    window.grab().save(str(artifacts / "statistics_page.png"))
    window.menus.show_requests.trigger()
    assert window.pages.currentIndex() == 0


def test_new_request_by_hand_dialog_asks_who_what_and_how(qtbot, window, artifacts):
    from desktop.triage import ManualRequestDialog

    dialog = ManualRequestDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.grab().save(str(artifacts / "new_request_by_hand.png"))
    assert dialog.channel.count() == 2


def test_a_request_entered_by_hand_is_created_selected_and_noted(qtbot, window, db, monkeypatch, artifacts):
    from desktop.request_model import COLUMNS
    from desktop.triage import ManualRequestDialog

    def filled(dialog: ManualRequestDialog) -> int:
        dialog.form.set_values(
            {"requester_address": "kees.bos@facilitair.horizon-group.example", "requester_name": "Kees Bos",
             "subject": "Lekkage in de kelder"}
        )  # fmt: skip
        dialog.channel.setCurrentIndex(1)
        dialog.text.setPlainText("Kwam langs aan de balie.")
        return ManualRequestDialog.DialogCode.Accepted

    monkeypatch.setattr(ManualRequestDialog, "exec", filled)
    with qtbot.waitSignal(window.triage.created, timeout=5000) as created:
        window.triage.manual.trigger()
    request_id = created.args[0]
    row = db.execute("SELECT channel, subject, status FROM requests WHERE id = ?", [request_id]).fetchone()
    assert row == ("desk", "Lekkage in de kelder", "new")
    qtbot.waitUntil(lambda: window.request_view.request_id() == request_id, timeout=5000)
    assert "Kwam langs aan de balie." in window.request_view.conversation.toPlainText()
    assert "Visit at the desk" in window.request_view.heading.text()
    model = window.requests

    def subjects() -> list[str]:
        return [model.index(r, COLUMNS.index("subject")).data() or "" for r in range(model.rowCount())]

    qtbot.waitUntil(lambda: "Visit at the desk: Lekkage in de kelder" in subjects(), timeout=5000)
    window.grab().save(str(artifacts / "request_entered_by_hand.png"))


def test_attachments_are_written_under_a_safe_name(window, db, tmp_path):
    from desktop.request_view import write_attachment
    from mail.filenames import sanitize_filename

    attachment_id = db.execute("SELECT min(id) FROM attachments").fetchone()[0]
    target = write_attachment(db, attachment_id, tmp_path / sanitize_filename("foto 1.pdf"))
    assert target.read_bytes().startswith(b"%PDF")


def test_view_outbox_opens_the_outbox_in_a_window_of_its_own(qtbot, window, artifacts):
    window.menus.show_outbox.trigger()
    outbox = window.menus.outbox
    qtbot.waitUntil(lambda: outbox is not None and outbox.isVisible())
    assert outbox.isWindow()
    assert "Ctrl+Alt+3" in window.menus.show_outbox.shortcut().toString()
    outbox.grab().save(str(artifacts / "outbox_from_menu.png"))
    window.menus.show_outbox.trigger()
    assert window.menus.outbox is outbox  # one outbox window, raised again


def test_a_requesters_rating_shows_in_the_request_view(qtbot, window, db, artifacts):
    from datetime import UTC, datetime

    from store.ratings import record_rating

    request_id = db.execute("SELECT id FROM requests WHERE status = 'resolved' LIMIT 1").fetchone()[0]
    record_rating(db, request_id, 4, "Snel geholpen", None, datetime.now(UTC))
    with qtbot.waitSignal(window.request_view.loaded, timeout=5000):
        window.request_view.show_request(request_id)
    assert "rated 4 of 5: “Snel geholpen”" in window.request_view.heading.text()
    window.request_view.grab().save(str(artifacts / "request_view_rating.png"))


def test_a_colleagues_change_updates_its_row_in_place_keeping_selection_and_scroll(qtbot, window, artifacts):
    from datetime import UTC, datetime

    from store import team_changes

    model, view = window.requests, window.list_view
    qtbot.waitUntil(lambda: model.complete)
    row = min(12, model.rowCount() - 1)
    view.selectRow(row)
    request_id = model.request_id(row)
    qtbot.waitUntil(lambda: window.request_view.request_id() == request_id)
    view.verticalScrollBar().setValue(3)
    resets: list[int] = []
    model.modelAboutToBeReset.connect(lambda: resets.append(1))
    db = open_db(window.data_dir)
    change = team_changes.Change(
        "c1",
        team_changes.request_key(db, request_id),
        "assignee",
        "Anna Colleague",
        "Anna",
        datetime.now(UTC),
    )
    account = db.execute("SELECT account_id FROM requests WHERE id = ?", [request_id]).fetchone()[0]
    team_changes.receive(db, account, [change])
    db.conn.close()
    with qtbot.waitSignal(model.loaded, timeout=5000):
        window.refresh()  # what a sync pass that applied a colleague's change sets off
    qtbot.waitUntil(lambda: model.data(model.index(row, COLUMNS.index("assignee"))) == "Anna Colleague")
    assert resets == []
    assert model.request_id(row) == request_id and view.selectionModel().isRowSelected(row)
    assert view.verticalScrollBar().value() == 3
    window.grab().save(str(artifacts / "colleague_change_in_place.png"))


def _team_sign(window, request_id, actor, at, replying):
    from store import team_changes

    db = open_db(window.data_dir)
    try:
        team_changes.mark_replying(db, request_id, actor, at, replying)
    finally:
        db.conn.close()


def test_a_colleague_writing_a_reply_shows_until_they_stop_or_their_sign_expires(qtbot, window, artifacts):
    from datetime import UTC, datetime, timedelta

    from store.team_changes import REPLYING_FOR

    request_id = window.request_view.request_id()
    banner = window.request_view.replying_banner
    _team_sign(window, request_id, "Anna Colleague", datetime.now(UTC), True)
    _team_sign(window, request_id, ME, datetime.now(UTC), True)  # one's own reply is no warning
    window.refresh()
    qtbot.waitUntil(banner.isVisible)
    assert banner.text() == "Anna Colleague is replying"
    window.grab().save(str(artifacts / "colleague_replying.png"))
    _team_sign(window, request_id, "Anna Colleague", datetime.now(UTC), False)
    window.refresh()
    qtbot.waitUntil(lambda: not banner.isVisible())

    silent_since = datetime.now(UTC) - REPLYING_FOR + timedelta(seconds=1)  # a desktop that crashed
    _team_sign(window, request_id, "Ben", silent_since, True)
    window.refresh()
    qtbot.waitUntil(banner.isVisible)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5000)  # no reload needed: the sign expires


def test_the_agent_name_is_asked_kept_in_the_store_and_used_for_assigned_to_me(qtbot, window, artifacts):
    from desktop.agent_name import ask_agent_name
    from store.agent import stored_agent_name

    dialog = ask_agent_name(window)
    assert dialog.textValue() == ME
    dialog.setTextValue("  Anna   de Vries ")
    dialog.grab().save(str(artifacts / "agent_name.png"))
    with qtbot.waitSignal(window.requests.loaded, timeout=5000):
        dialog.accept()
    assert window.me == window.triage.me == window.request_view.me == "Anna de Vries"
    assert window.requests.current_filter().me == "Anna de Vries"
    db = open_db(window.data_dir)
    try:
        qtbot.waitUntil(lambda: stored_agent_name(db) == "Anna de Vries")
    finally:
        db.conn.close()


def test_a_standard_given_by_hand_shows_in_the_request_view_also_one_this_desktop_lacks(
    qtbot, window, monkeypatch, artifacts
):
    from datetime import UTC, datetime

    from PySide6.QtWidgets import QInputDialog

    from store import team_changes
    from store.standards.rules import Standard, add_standard

    db = open_db(window.data_dir)
    request_id = window.request_view.request_id()
    account = db.execute("SELECT account_id FROM requests WHERE id = ?", [request_id]).fetchone()[0]
    add_standard(db, Standard(None, account, "Spoed", first_response_min=60))
    offered: list[list[str]] = []

    def choose(_parent, _title, _label, items, current, _editable):
        offered.append(list(items))
        return "Spoed", True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    with qtbot.waitSignal(window.triage.changed, timeout=5000):
        window.triage.standard.trigger()
    assert offered == [["As the rules choose", "Spoed", "Standaard"]]
    assert _events(window.data_dir, request_id, "chosen_standard") == [{"from": None, "to": "Spoed"}]
    qtbot.waitUntil(lambda: "standard “Spoed”, given by hand" in window.request_view.heading.text())
    window.request_view.grab().save(str(artifacts / "request_view_standard_by_hand.png"))

    change = team_changes.Change(
        "c-goud",
        team_changes.request_key(db, request_id),
        "chosen_standard",
        "Goud",
        "Ben",
        datetime.now(UTC),
    )
    team_changes.receive(db, account, [change])
    db.conn.close()
    window.refresh()
    qtbot.waitUntil(
        lambda: "“Goud”, given by hand, is not defined here" in window.request_view.heading.text()
    )
    assert "timed by “Standaard”" in window.request_view.heading.text()
    window.request_view.grab().save(str(artifacts / "request_view_standard_unknown_here.png"))


def test_the_request_view_and_triage_name_numbers_and_a_merge_takes_the_number_typed(
    qtbot, window, db, monkeypatch
):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from store.queues import OPEN_SQL

    source, target = db.execute(
        f"SELECT min(r.id), max(r.id) FROM requests r WHERE {OPEN_SQL} GROUP BY r.requester_id "
        "HAVING count(*) >= 2 LIMIT 1"
    ).fetchone()
    db.execute("UPDATE requests SET number = 482913 WHERE id = ?", [source])
    db.execute("UPDATE requests SET number = 654321 WHERE id = ?", [target])
    assert {source, target}.isdisjoint({482913, 654321})
    qtbot.waitUntil(lambda: window.requests.complete)
    with qtbot.waitSignal(window.request_view.loaded, timeout=5000):
        window.list_view.selectRow(window.requests.row_of(source))  # selected: it stays shown on refresh
    assert "Request #482913" in window.request_view.heading.text()
    assert window.request_view.request_number() == 482913
    assert "#654321" in window.request_view.card.toPlainText()  # the requester's other open request

    with qtbot.waitSignal(window.triage.changed, timeout=5000):
        window.triage.set_field("priority", "low")
    assert "of #482913 to" in window.triage.undo.text()

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    monkeypatch.setattr(QInputDialog, "getInt", lambda *_args, **_kwargs: (target, True))  # a row, no number
    with qtbot.waitSignal(window.triage.failed, timeout=5000):
        window.triage.merge.trigger()
    assert warnings == [f"There is no request #{target}."]

    questions: list[str] = []

    def confirm(_parent, _title, text):
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", confirm)
    monkeypatch.setattr(QInputDialog, "getInt", lambda *_args, **_kwargs: (654321, True))
    with qtbot.waitSignal(window.triage.changed, timeout=5000):
        window.triage.merge.trigger()
    assert questions == ["Move every message of #482913 into #654321? #482913 then leaves the lists."]
    assert db.execute("SELECT merged_into FROM requests WHERE id = ?", [source]).fetchone()[0] == target

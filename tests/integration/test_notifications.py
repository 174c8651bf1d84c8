"""Desktop notifications against a real notification service on a private session bus: a new request and one
about to breach are told once each, many at once as one, kinds switched off stay quiet; without the service the
tray shows them. The tray's icon carries the number of open requests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication

from desktop.settings import KEEP_SYNCING_IN_TRAY, NOTIFY_NEW_REQUEST
from store.db import open_db
from store.numbers import NEXT_NUMBER
from store.timeutil import to_db
from tests.servers.notifications import NotificationServer, find_dbus_daemon

pytestmark = [
    pytest.mark.integration,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def notification_server(monkeypatch):
    if find_dbus_daemon() is None:
        pytest.skip("dbus-daemon is not installed (Debian package dbus-daemon; `make test` installs it)")
    server = NotificationServer()
    server.start()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", server.address)
    yield server
    server.stop()


@pytest.fixture
def window(qtbot, open_window, seeded_dir):
    main = open_window(seeded_dir[0])
    qtbot.waitUntil(lambda: main.alerts._log.newest_known is not None)  # the baseline: what is on screen
    return main


def add_requests(data_dir, subjects, warn_in=None):
    """New open requests; with ``warn_in`` their first-response warning started that long ago (due in an hour)."""
    now = datetime.now(UTC)
    db = open_db(data_dir)
    with db.conn:
        for subject in subjects:
            db.execute(
                "INSERT INTO requests (number, account_id, requester_id, subject, status, priority, received_at, "
                "last_activity_at, first_response_due, first_response_warn) "
                f"SELECT {NEXT_NUMBER}, account_id, requester_id, ?, 'new', 'normal', ?, ?, ?, ? FROM requests LIMIT 1",
                [subject, to_db(now), to_db(now), to_db(now + timedelta(hours=1)),
                 None if warn_in is None else to_db(now - warn_in)],
            )  # fmt: skip
    db.conn.close()


def test_a_new_request_and_one_about_to_breach_are_notified_once(
    qtbot, window, seeded_dir, notification_server
):
    add_requests(seeded_dir[0], ["Beamer flackert im Saal 3"])
    window.refresh()
    qtbot.waitUntil(lambda: len(notification_server.received) == 1, timeout=5000)
    first = notification_server.received[0]
    assert first.app_name == "Loket" and first.summary.startswith("New request from ")
    assert first.body == "Beamer flackert im Saal 3"

    add_requests(seeded_dir[0], ["Sleutel kwijt"], warn_in=timedelta(minutes=5))
    with qtbot.waitSignals([window.alerts.shown, window.alerts.shown], timeout=5000):
        window.refresh()
    qtbot.waitUntil(lambda: len(notification_server.received) == 3, timeout=5000)
    summaries = sorted(n.summary for n in notification_server.received[1:])  # handed on in parallel
    assert summaries[0].startswith("New request from ")
    assert summaries[1].startswith("Request #") and "about to breach" in summaries[1]

    with qtbot.waitSignal(window.requests.loaded, timeout=5000):
        window.refresh()
    window._each_minute()
    qtbot.wait(300)
    assert len(notification_server.received) == 3, "each request once per event"


def test_many_new_requests_in_one_sync_are_one_notification(qtbot, window, seeded_dir, notification_server):
    add_requests(seeded_dir[0], [f"Badge {n}" for n in range(25)])
    window.refresh()
    qtbot.waitUntil(lambda: bool(notification_server.received), timeout=5000)
    qtbot.wait(300)
    assert len(notification_server.received) == 1
    grouped = notification_server.received[0]
    assert grouped.summary == "25 new requests"
    assert grouped.body.splitlines()[-1] == "…" and len(grouped.body.splitlines()) == 4


def test_a_kind_switched_off_is_not_notified(qtbot, window, seeded_dir, notification_server):
    window.menus.notification_menu.new_request.setChecked(False)
    assert NOTIFY_NEW_REQUEST.get() is False
    add_requests(seeded_dir[0], ["Stoel kapot"])
    with qtbot.waitSignal(window.requests.loaded, timeout=5000):
        window.refresh()
    qtbot.wait(300)
    assert notification_server.received == []


def test_without_a_notification_service_the_tray_shows_it(qtbot, window, seeded_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus")
    shown = []
    monkeypatch.setattr(window.tray, "show_message", lambda title, body: shown.append((title, body)))
    add_requests(seeded_dir[0], ["Koffieautomaat lekt"])
    window.refresh()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown[0][1] == "Koffieautomaat lekt"


def test_the_tray_icon_says_how_many_requests_are_open(window):
    assert window.tray.count == window.queue_model.index_of("open").data(window.queue_model.CountRole)
    assert window.tray.icon.toolTip() == f"Loket: {window.tray.count} open requests"


def test_closing_keeps_loket_syncing_in_the_tray_only_when_chosen(window, monkeypatch):
    assert KEEP_SYNCING_IN_TRAY.get() is False, "off by default"
    monkeypatch.setattr(window.tray, "available", lambda: True)
    window.menus.notification_menu.keep_in_tray.setChecked(True)
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    try:
        window.close()
        assert not window.isVisible() and not window._closed, "hidden, still syncing and notifying"
        window.quit_for_good()
        assert window._closed and quits == [True]
    finally:
        QApplication.setQuitOnLastWindowClosed(True)

"""Sync states read as sentences in the status bar, with the button that fixes a refused password or sign-in."""

from __future__ import annotations

import time

import pytest
from seed import ME

from desktop.app import create_app
from desktop.main_window import MainWindow
from desktop.sync_worker import SyncHealth, describe

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.mark.parametrize(
    ("state", "info", "words"),
    [
        ("up_to_date", {}, "desk: up to date"),
        ("reconnecting", {"seconds": 30}, "reconnecting in 30 s"),
        ("auth_failed", {"error": "no"}, "wrong password"),
        ("no_password", {"error": "none stored"}, "no password stored"),
        ("signin_required", {"error": "refused"}, "sign in again"),
        ("syncing", {"folder": "INBOX", "done": 1200, "total": 5000}, "1,200 of 5,000 messages"),
        ("sync_elsewhere", {"seconds": 5}, "another Loket is syncing this mailbox; waiting"),
        (
            "store_problem",
            {"seconds": 20, "disk_full": True},
            "the disk is full; free some space, syncing again",
        ),
        ("store_problem", {"seconds": 20, "disk_full": False}, "another program holds the store's lock"),
    ],
)
def test_sync_states_read_as_sentences(qapp, state, info, words):
    create_app()
    health = describe("desk", state, info, started=time.monotonic() - 12)
    assert words in health.text
    assert health.needs_password == (state in ("auth_failed", "no_password"))
    assert health.needs_signin == (state == "signin_required")
    if state == "syncing":
        assert "left" in health.text


def test_wrong_password_shows_the_button_to_fix_it(qtbot, seeded_dir):
    data_dir, _ = seeded_dir
    create_app()
    window = MainWindow(data_dir, me=ME)
    qtbot.addWidget(window)
    window.show()
    window.sync.on_health(SyncHealth("desk", "auth_failed", "desk: wrong password", needs_password=True))
    assert window.sync.fix_password.isVisible() and "wrong password" in window.sync.label.text()
    window.sync.on_health(SyncHealth("desk", "up_to_date", "desk: up to date"))
    assert not window.sync.fix_password.isVisible()
    window.close()


def test_a_refused_sign_in_shows_the_button_to_sign_in_again(qtbot, seeded_dir, artifacts):
    data_dir, _ = seeded_dir
    create_app()
    window = MainWindow(data_dir, me=ME)
    qtbot.addWidget(window)
    window.show()
    window.sync.on_health(describe("desk", "signin_required", {"error": "refused"}))
    assert window.sync.sign_in.isVisible() and window.sync.label.text() == "desk: sign in again"
    assert not window.sync.fix_password.isVisible()
    window.statusBar().grab().save(str(artifacts / "status_bar_sign_in_again.png"))
    window.sync.on_health(describe("desk", "up_to_date", {}))
    assert not window.sync.sign_in.isVisible()
    window.close()

"""The first sync of a large mailbox in the window: the status bar says how many messages are done, of how many,
and the time left, and the request list fills as the batches land rather than at the end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import shiboken6

from desktop.app import create_app
from desktop.main_window import MainWindow
from store.db import open_db
from tests.accounts import loopback_account
from tests.mailgen import build

pytestmark = [
    pytest.mark.integration,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]
MESSAGES = 3000


def test_first_sync_shows_progress_and_fills_the_list_as_batches_land(qtbot, dovecot, mailbox, tmp_path):
    start = datetime.now(UTC) - timedelta(days=1)
    dovecot.seed_maildir(
        mailbox,
        "INBOX",
        [
            (build(sender=f"Person {i} <p{i}@example.org>", subject=f"Verzoek {i}", date=start + timedelta(seconds=i),
                   body="x" * 1500), start + timedelta(seconds=i), False)
            for i in range(MESSAGES)
        ],
    )  # fmt: skip
    db = open_db(tmp_path)
    account = loopback_account(db, "desk", imap_port=dovecot.port, username=mailbox.username)
    db.conn.close()
    create_app()
    window = MainWindow(tmp_path)
    window.resize(1280, 800)
    with qtbot.waitSignal(window.first_page_painted, timeout=10_000):
        window.show()
    texts: list[str] = []
    bars: list[tuple[int, int]] = []
    totals_while_syncing: list[int] = []
    window.requests.completed.connect(
        lambda: (
            totals_while_syncing.append(window.requests.total())
            if "up to date" not in window.sync.label.text()
            else None
        )
    )
    window.start_sync([account], password=mailbox.password)
    worker = window.sync.workers[account.name]
    worker.health.connect(lambda health: texts.append(health.text))
    worker.health.connect(lambda health: bars.append((health.done, health.total)))
    try:
        qtbot.waitUntil(lambda: "up to date" in window.sync.label.text(), timeout=180_000)
        qtbot.waitUntil(lambda: window.requests.total() == MESSAGES, timeout=10_000)
        shown = (window.sync.progress.value(), window.sync.progress.maximum())
        progress_left_shown = window.sync.progress.isVisible()
    finally:
        window.stop_sync(wait_ms=10_000)
        window.close()
        shiboken6.delete(window)  # here, on the GUI thread, not by a store thread's cycle collection
    counting = [t for t in texts if " of 3,000 messages" in t]
    assert counting, texts
    assert any("left" in t for t in counting), counting
    assert any(0 < done < total == MESSAGES for done, total in bars), bars
    assert shown[1] == MESSAGES, "the status bar's bar counted the messages"
    assert not progress_left_shown, "the bar goes once the sync is up to date"
    assert any(0 < total < MESSAGES for total in totals_while_syncing), totals_while_syncing

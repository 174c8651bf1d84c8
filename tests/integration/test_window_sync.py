"""Background sync in the window, against servers: one that accepts and never answers must not freeze the window,
and the demo mailbox syncs while the window shows its progress."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from PySide6.QtCore import QEvent, QObject

from desktop.app import create_app
from desktop.main_window import MainWindow
from store.accounts import list_accounts
from store.db import open_db
from tests.unit.desktop.seed import ME

pytestmark = [
    pytest.mark.integration,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


class SilentServer:
    """Accepts TCP connections and never sends a byte: the worst IMAP server there is."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.accepted = threading.Event()
        self.clients: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self.clients.append(client)
            self.accepted.set()

    def close(self) -> None:
        self.listener.close()
        for client in self.clients:
            client.close()


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_window_repaints_within_100_ms_while_sync_hangs_on_a_silent_server(qtbot, seeded_dir):
    data_dir, _ = seeded_dir
    server = SilentServer()
    create_app()
    window = MainWindow(data_dir, me=ME)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_page_painted, timeout=10_000):
        window.show()
    db = open_db(data_dir)
    db.execute("UPDATE accounts SET imap_host = '127.0.0.1', imap_port = ?", [server.port])
    counter = PaintCounter()
    viewport = window.list_view.viewport()
    viewport.installEventFilter(counter)

    def slowest_of_ten() -> float:
        slowest = 0.0
        for bottom in (False, True) * 5:
            before = counter.paints
            started = time.perf_counter()
            if bottom:
                window.list_view.scrollToBottom()
            else:
                window.list_view.scrollToTop()
            viewport.update()
            qtbot.waitUntil(lambda before=before: counter.paints > before, timeout=1000)
            slowest = max(slowest, time.perf_counter() - started)
        return slowest

    # The window's own reading settles first: what is measured is the hanging sync's effect alone.
    qtbot.waitUntil(lambda: not window.reader.busy() and not window.count_reader.busy())
    control = slowest_of_ten()
    window.start_sync(list_accounts(db), password="secret")
    try:
        assert server.accepted.wait(10), "the sync worker never connected"
        qtbot.waitUntil(lambda: "connecting" in window.sync.label.text())
        # The server keeps the worker waiting for its 30 s timeout, so a GUI thread blocked by it would fail
        # every round; up to three rounds absorb a passing spike in the load of a shared test machine.
        rounds = []
        for _ in range(3):
            rounds.append(slowest_of_ten())
            if rounds[-1] < 0.1:
                break
        assert server.clients and server.clients[0].fileno() != -1, "the server let go of the worker"
        # On a machine so busy that the window is slow with no sync at all, a hanging sync must not make it slower.
        limit = max(0.1, 1.5 * control)
        shown = [round(r * 1000) for r in rounds]
        assert min(rounds) < limit, (
            f"repaints took {shown} ms while sync hung, {control * 1000:.0f} ms without"
        )
    finally:
        for worker in window.sync.workers.values():
            worker.stop()
        server.close()
        window.stop_sync(wait_ms=10_000)
        assert not any(w.isRunning() for w in window.sync.workers.values())
        window.close()


def test_window_syncs_the_demo_mailbox_in_the_background_and_says_up_to_date(qtbot, tmp_path, artifacts):
    from desktop.demo.servers import DemoServers
    from desktop.demo.store_setup import prepare_demo
    from store.db import open_db
    from store.timeutil import utcnow

    with DemoServers() as servers:
        db = open_db(tmp_path)
        account = prepare_demo(db, servers, utcnow())
        db.conn.close()
        create_app()
        window = MainWindow(tmp_path, me=ME)
        qtbot.addWidget(window)
        window.resize(1400, 860)
        with qtbot.waitSignal(window.first_page_painted, timeout=10_000):
            window.show()
        assert window.requests.total() == 0
        states: list[str] = []
        window.start_sync([account], password=servers.password)
        window.sync.workers[account.name].health.connect(lambda health: states.append(health.text))
        try:
            qtbot.waitUntil(lambda: "up to date" in window.sync.label.text(), timeout=60_000)
            qtbot.waitUntil(lambda: window.requests.total() > 0, timeout=10_000)
            qtbot.waitUntil(lambda: window.request_view.request_id() is not None, timeout=10_000)
            assert any(" of " in text and "messages" in text for text in states), states
            window.grab().save(str(artifacts / "demo_synced.png"))
        finally:
            window.stop_sync(wait_ms=10_000)
            window.close()

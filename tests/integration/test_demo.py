"""The embedded demo mailbox: servers start on loopback, take the seed, answer IMAP and SMTP, stop cleanly."""

from __future__ import annotations

import contextlib
import os
import signal
import smtplib
import socket
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import keyring
import pytest
from imapclient import IMAPClient
from imapclient.exceptions import LoginError

from desktop.demo.keyring_backend import use_demo_keyring
from desktop.demo.seed import load_seed
from desktop.demo.servers import DemoServers, SeedMessage
from desktop.demo.store_setup import prepare_demo, seeded_at
from mail.credentials import get_password, set_password
from mail.reply import queue_request_reply
from mail.send import flush
from mail.sync import sync_once
from store.db import open_db

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def demo():
    with DemoServers() as servers:
        yield servers


def test_demo_imap_has_inbox_and_sent_and_refuses_a_wrong_password(demo):
    with demo.connect() as client:
        names = {name for _flags, _delimiter, name in client.list_folders()}
    assert {"INBOX", "Sent"} <= names
    with IMAPClient(demo.host, port=demo.imap_port, ssl=False) as client, pytest.raises(LoginError):
        client.login(demo.user, "wrong")


def test_seeded_messages_keep_their_folder_flags_and_arrival_time(demo):
    arrived = datetime(2026, 3, 2, 9, 15, tzinfo=UTC)
    raw = b"From: a@example.org\r\nSubject: one\r\n\r\nbody\r\n"
    count = demo.seed([SeedMessage("Archive", raw, arrived, ("\\Seen",))])
    assert count == 1
    with demo.connect() as client:
        client.normalise_times = False
        client.select_folder("Archive", readonly=True)
        fetched = client.fetch(client.search(), ["FLAGS", "INTERNALDATE"])
    (data,) = fetched.values()
    assert b"\\Seen" in data[b"FLAGS"]
    assert data[b"INTERNALDATE"] == arrived


def test_smtp_sink_accepts_with_the_demo_login_and_refuses_another(demo):
    with smtplib.SMTP(demo.host, demo.smtp_port, timeout=10) as smtp:
        smtp.login(demo.user, demo.password)
        smtp.sendmail(demo.address, ["jan.jansen@example.org"], b"Subject: hi\r\n\r\nbody\r\n")
    assert demo.accepted[-1].recipients == ["jan.jansen@example.org"]
    refused = smtplib.SMTP(demo.host, demo.smtp_port, timeout=10)
    with refused, pytest.raises(smtplib.SMTPAuthenticationError):
        refused.login(demo.user, "wrong")


def test_stopped_demo_frees_its_ports():
    servers = DemoServers().start()
    port = servers.imap_port
    servers.stop()
    with socket.socket() as probe, pytest.raises(OSError):
        probe.settimeout(2)
        probe.connect((servers.host, port))


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    """A data dir synced from a freshly seeded demo mailbox, as ``loket demo`` builds it."""
    data_dir = tmp_path_factory.mktemp("demo-store")
    with DemoServers() as servers:
        db = open_db(data_dir)
        account = prepare_demo(db, servers, datetime.now(UTC))
        first = sync_once(db, account, servers.password)
        again = sync_once(db, account, servers.password)
        yield db, first, again


def test_demo_sync_stores_every_seeded_message_once(demo_store):
    db, first, again = demo_store
    seeded = sum(len(request["message"]) for request in load_seed()["request"])
    assert first.new_messages == seeded
    assert again.new_messages == 0
    assert db.execute("SELECT count(*) FROM messages WHERE parse_problems IS NOT NULL").fetchone()[0] == 0


def test_demo_sync_opens_one_request_per_seeded_conversation_but_none_for_automatic_mail(demo_store):
    db, _first, _again = demo_store
    seed = load_seed()
    people = seed["people"]
    expected = [r for r in seed["request"] if "auto" not in r["message"][0]]
    assert db.execute("SELECT count(*) FROM requests").fetchone()[0] == len(expected)
    chairs = db.execute("SELECT count(*) FROM requests WHERE subject = 'Bureaustoel kapot'").fetchone()[0]
    assert chairs == 2  # reported again weeks later: a new request, never joined by subject
    requesters = {
        row[0]
        for row in db.execute("SELECT q.address FROM requests r JOIN requesters q ON q.id = r.requester_id")
    }
    assert requesters == {people[r["message"][0]["from"]]["address"] for r in expected}
    auto_messages = db.execute("SELECT count(*) FROM messages WHERE auto_kind != 'none'").fetchone()[0]
    assert auto_messages == sum(1 for r in seed["request"] for m in r["message"] if "auto" in m)


def test_demo_requesters_belong_to_their_office_and_attachments_keep_their_names(demo_store):
    db, _first, _again = demo_store
    departments = {
        row[0]
        for row in db.execute(
            "SELECT d.name FROM requesters q JOIN department_domains r ON q.address LIKE '%@' || r.domain "
            "JOIN departments d ON d.id = r.department_id"
        )
    }
    assert {"Vestiging Utrecht", "Standort München", "Sede di Milano", "Head office London"} <= departments
    names = {row[0] for row in db.execute("SELECT filename FROM attachments")}
    assert {"bureaustoel.png", "Onboarding-Formular.pdf"} <= names
    assert any(name.startswith("Übergabeprotokoll") for name in names)


def test_desk_replies_in_sent_count_as_first_responses(demo_store):
    db, _first, _again = demo_store
    answered = db.execute("SELECT count(*) FROM requests WHERE first_response_at IS NOT NULL").fetchone()[0]
    desk_threads = sum(1 for r in load_seed()["request"] if any(m["from"] == "desk" for m in r["message"]))
    assert answered == desk_threads


def _loket(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    env.pop("PYTHON_KEYRING_BACKEND", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args], capture_output=True, text=True, env=env, timeout=240
    )


def test_loket_demo_screenshot_paints_synced_rows_and_keeps_the_store(tmp_path):
    target = tmp_path / "demo.png"
    data_dir = tmp_path / "store"
    done = _loket("--data-dir", str(data_dir), "demo", "--screenshot", str(target))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert float(done.stdout.strip()) > 0
    from PySide6.QtGui import QImage

    image = QImage(str(target))
    assert image.width() >= 1280 and image.height() >= 800
    db = open_db(data_dir)
    assert db.execute("SELECT count(*) FROM requests").fetchone()[0] >= 30
    assert db.execute("SELECT count(*) FROM accounts WHERE name = 'demo'").fetchone()[0] == 1


def test_loket_demo_without_a_window_prints_the_open_requests(tmp_path):
    done = _loket("--data-dir", str(tmp_path), "demo", "--no-window")
    assert done.returncode == 0, done.stderr
    assert "Heizung im Büro 2.14 fällt aus" in done.stdout
    assert "Storingsmelding" not in done.stdout  # automatic mail never opens a request
    heating = "Heizung im Büro 2.14 fällt aus"
    db = open_db(tmp_path)
    request_id, number = db.execute("SELECT id, number FROM requests WHERE subject = ?", [heating]).fetchone()
    [line] = [line for line in done.stdout.splitlines() if line.endswith(heating)]
    assert line.split()[0] == str(number) != str(request_id)  # the number people know, not the store's row


def test_a_kept_demo_store_is_reused_on_the_next_run(tmp_path):
    """Mid-morning on a working day, when seeding again "as of now" would shift every Date: the kept store's mail
    is seeded again as it was first seeded, so the new server's copies re-map instead of being stored twice."""
    first_run = datetime(2026, 3, 3, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    for now in (first_run, first_run + timedelta(minutes=45)):
        with DemoServers() as servers:
            db = open_db(tmp_path)
            account = prepare_demo(db, servers, now)
            sync_once(db, account, servers.password)
            db.conn.close()
    db = open_db(tmp_path)
    seeded = sum(len(request["message"]) for request in load_seed()["request"])
    assert db.execute("SELECT count(*) FROM accounts").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM messages").fetchone()[0] == seeded  # re-mapped, not duplicated
    assert db.execute("SELECT count(*) FROM messages WHERE deleted_on_server").fetchone()[0] == 0
    assert seeded_at(db, datetime.now(UTC)) == first_run


def test_loket_demo_runs_again_on_the_store_it_kept(tmp_path):
    for _ in range(2):
        done = _loket("--data-dir", str(tmp_path), "demo", "--no-window")
        assert done.returncode == 0, done.stderr
    db = open_db(tmp_path)
    seeded = sum(len(request["message"]) for request in load_seed()["request"])
    assert db.execute("SELECT count(*) FROM messages").fetchone()[0] == seeded


def test_loket_demo_window_syncs_in_the_background_and_quits_on_ctrl_c(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(tmp_path), "demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        count = 0
        while time.monotonic() < deadline and count < 30:
            time.sleep(0.2)
            if (tmp_path / "loket.sqlite").exists():
                with (
                    contextlib.suppress(sqlite3.OperationalError),
                    sqlite3.connect(tmp_path / "loket.sqlite") as db,
                ):
                    count = db.execute("SELECT count(*) FROM requests").fetchone()[0]
        assert count >= 30
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 0, err


def test_demo_timers_run_warn_and_breach_against_the_demo_standard(demo_store):
    from store.queues import RequestFilter, request_ids, request_rows

    db, _first, _again = demo_store
    now = datetime.now(UTC)
    rows = request_rows(db, request_ids(db, RequestFilter("open"), now))
    states = {row.timer_state(now) for row in rows}
    assert {"on_time", "warning", "breached", "paused"} <= states


def test_loket_demo_without_a_data_dir_leaves_no_store_behind(tmp_path):
    home, scratch = tmp_path / "home", tmp_path / "tmp"
    scratch.mkdir()
    done = _loket(
        "demo",
        "--no-window",
        env_extra={"XDG_DATA_HOME": str(home), "HOME": str(home), "TMPDIR": str(scratch)},
    )
    assert done.returncode == 0, done.stderr
    assert "loket-demo-" in done.stdout
    assert list(scratch.iterdir()) == []
    assert not (home / "loket").exists()


def test_a_reply_in_the_demo_goes_through_the_sink_and_its_sent_copy_joins_the_request(tmp_path):
    previous = keyring.get_keyring()
    try:
        with DemoServers() as servers:
            db = open_db(tmp_path)
            account = prepare_demo(db, servers, datetime.now(UTC))
            use_demo_keyring()
            set_password(account, servers.password)
            sync_once(db, account, servers.password)
            (request_id,) = db.execute(
                "SELECT id FROM requests WHERE subject = 'Heizung im Büro 2.14 fällt aus'"
            ).fetchone()
            body = "Hallo Thomas,\n\nder Hausdienst kommt in einer halben Stunde.\n"
            queue_request_reply(db, account, request_id, body, now=datetime.now(UTC), actor="ingrid")
            result = flush(db, account, get_password(account))
            assert result.sent and not result.errors
            assert servers.accepted[-1].recipients == ["thomas.mueller@muenchen.horizon-group.example"]
            synced = sync_once(db, account, servers.password)
            assert synced.new_messages == 1  # the Sent copy Loket appended, filed once
            messages = db.execute(
                "SELECT count(*), sum(direction = 'out') FROM messages WHERE request_id = ?", [request_id]
            ).fetchone()
            assert messages == (2, 1)
    finally:
        keyring.set_keyring(previous)


def test_without_the_demo_extra_the_demo_says_what_to_install(tmp_path, monkeypatch, capsys):
    from desktop.cli import main

    for name in [name for name in sys.modules if name.split(".")[0] == "pymap"] + ["pymap"]:
        monkeypatch.setitem(sys.modules, name, None)  # as if the demo extra were not installed
    monkeypatch.delitem(sys.modules, "desktop.demo.servers", raising=False)
    assert main(["--data-dir", str(tmp_path), "demo", "--no-window"]) == 1
    assert capsys.readouterr().err == (
        "loket: the demo needs Loket's demo extra (pymap is missing): pip install 'loket[demo]'\n"
    )

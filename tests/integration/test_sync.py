"""Ingest against a real Dovecot: first, incremental and no-change sync, flags, deletions, UIDVALIDITY, cuts."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import pytest

from mail.errors import AuthFailed, ServerUnavailable, TlsRefused
from mail.imap import connect
from mail.sync import sync_once
from store import bulk_load
from store.db import open_db
from tests.mailgen import build

pytestmark = pytest.mark.integration
DESK = "facilities@example.org"


def count(db, sql, *params):
    return db.execute(sql, params).fetchone()[0]


def test_first_sync_files_inbox_and_sent_into_requests(dovecot, desk):
    db, account, box = desk
    asked = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    question = build(message_id="<q1@example.org>", date=asked)
    dovecot.append(box, "INBOX", question, internal_date=asked)
    dovecot.append(
        box,
        "INBOX",
        build(
            "Anna Müller <anna@example.de>", subject="Heizung defekt", body="Die Heizung im 3. OG ist kalt."
        ),
    )
    dovecot.append(
        box,
        "Sent",
        build(
            DESK,
            "jan@example.org",
            "Re: Stoel kapot in kamer 2.14",
            "We komen morgen.",
            "<r1@example.org>",
            "<q1@example.org>",
            ["<q1@example.org>"],
        ),
    )
    result = sync_once(db, account, box.password)
    assert result.new_messages == 3
    assert count(db, "SELECT count(*) FROM requests") == 2
    first = db.execute(
        "SELECT id, status, first_response_at FROM requests WHERE subject LIKE 'Stoel%'"
    ).fetchone()
    assert first[1] == "waiting" and first[2] is not None
    assert count(db, "SELECT count(*) FROM messages WHERE request_id = ?", first[0]) == 2
    assert count(db, "SELECT count(*) FROM folders WHERE role = 'sent' AND name = 'Sent'") == 1


def test_sync_never_marks_mail_seen_on_the_server(dovecot, desk):
    db, account, box = desk
    dovecot.append(box, "INBOX", build())
    sync_once(db, account, box.password)
    client = dovecot.client(box)
    client.select_folder("INBOX", readonly=True)
    flags = client.get_flags(client.search("ALL"))
    assert all(b"\\Seen" not in f for f in flags.values())


def test_incremental_sync_fetches_only_what_is_new_and_a_resync_fetches_nothing(dovecot, desk):
    db, account, box = desk
    dovecot.append(box, "INBOX", build(subject="eins"))
    assert sync_once(db, account, box.password).new_messages == 1
    dovecot.append(box, "INBOX", build(subject="zwei"))
    assert sync_once(db, account, box.password).new_messages == 1
    again = sync_once(db, account, box.password)
    assert (again.new_messages, again.flag_changes, again.vanished) == (0, 0, 0)
    assert count(db, "SELECT count(*) FROM messages") == 2


def test_flags_changed_elsewhere_are_picked_up(dovecot, desk, monkeypatch):
    db, account, box = desk
    monkeypatch.setattr("mail.sync.UID_LIST_SIZE", 2)  # several FLAGS commands, as for a large folder
    for n in range(5):
        dovecot.append(box, "INBOX", build(subject=f"n{n}"))
    sync_once(db, account, box.password)
    client = dovecot.client(box)
    client.select_folder("INBOX")
    client.add_flags(client.search(["SUBJECT", "n4"]), [b"\\Flagged", b"$loket_assigned"])
    result = sync_once(db, account, box.password)
    assert result.flag_changes == 1
    flags = json.loads(count(db, "SELECT flags_json FROM messages WHERE subject = 'n4'"))
    assert "\\Flagged" in flags and "$loket_assigned" in flags


def test_a_message_deleted_on_the_server_keeps_its_request(dovecot, desk):
    db, account, box = desk
    dovecot.append(box, "INBOX", build())
    dovecot.append(box, "INBOX", build(subject="second"))
    sync_once(db, account, box.password)
    client = dovecot.client(box)
    client.select_folder("INBOX")
    client.delete_messages(client.search(["SUBJECT", "second"]))
    client.expunge()
    assert sync_once(db, account, box.password).vanished == 1
    assert count(db, "SELECT count(*) FROM messages WHERE deleted_on_server = 1") == 1
    assert count(db, "SELECT count(*) FROM requests") == 2


def test_a_uidvalidity_change_remaps_without_duplicates(dovecot, desk):
    db, account, box = desk
    for n in range(3):
        dovecot.append(box, "INBOX", build(subject=f"vraag {n}"))
    sync_once(db, account, box.password)
    before = count(db, "SELECT uidvalidity FROM folders WHERE name = 'INBOX'")
    dovecot.reset_uidvalidity(box, "INBOX")
    sync_once(db, account, box.password)
    assert count(db, "SELECT uidvalidity FROM folders WHERE name = 'INBOX'") != before
    assert count(db, "SELECT count(*) FROM messages") == 3
    assert count(db, "SELECT count(*) FROM messages WHERE deleted_on_server = 0") == 3
    assert count(db, "SELECT count(*) FROM requests") == 3


def test_malformed_mail_is_stored_raw_flagged_and_still_opens_a_request(dovecot, desk):
    db, account, box = desk
    broken = (
        b"From: Luca Rossi <luca@example.it>\r\nSubject: =?utf-8?B?broken\r\nMessage-ID: <m@x>\r\n"
        b'Content-Type: multipart/mixed; boundary="nope"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
        b"\xff\xfe not base64 at all \x00\x01\r\n--nope\r\nContent-Type: text/plain; charset=x-unknown\r\n\r\n\xe8\r\n"
    )
    dovecot.append(box, "INBOX", broken)
    sync_once(db, account, box.password)
    assert count(db, "SELECT count(*) FROM raw") == 1
    assert count(db, "SELECT count(*) FROM requests") == 1


def test_wrong_password_says_so(dovecot, desk):
    _db, account, _box = desk
    with pytest.raises(AuthFailed, match="refused the username or password"):
        connect(account, "wrong")


def test_server_down_says_so(desk, tmp_path):
    db, account, box = desk
    from dataclasses import replace

    closed = replace(account, imap_port=1)
    with pytest.raises(ServerUnavailable, match="cannot be reached"):
        sync_once(db, closed, box.password)
    assert "cannot be reached" in count(db, "SELECT last_error FROM accounts")


def test_a_self_signed_certificate_is_refused_by_default(dovecot, desk):
    _db, account, box = desk
    from dataclasses import replace

    with pytest.raises(TlsRefused, match="not trusted"):
        connect(replace(account, imap_port=dovecot.ssl_port, imap_security="ssl"), box.password)


def _sync_in_child(data_dir, password, prelude: str = "") -> subprocess.Popen:
    code = prelude + (
        "import sys; from store.db import open_db; from store.accounts import get_account; "
        "from mail.sync import sync_once; db = open_db(sys.argv[1]); "
        "sync_once(db, get_account(db), sys.argv[2])"
    )
    return subprocess.Popen([sys.executable, "-c", code, str(data_dir), password], stderr=subprocess.PIPE)


def _seed_many(dovecot, box, n):
    start = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    dovecot.seed_maildir(
        box,
        "INBOX",
        [
            (
                build(subject=f"verzoek {i}", date=start + timedelta(minutes=i), body="x" * 2000),
                start + timedelta(minutes=i),
                False,
            )
            for i in range(n)
        ],
    )


def test_kill_during_first_sync_then_resume_leaves_no_gap_and_no_duplicate(dovecot, desk, tmp_path):
    db, _account, box = desk
    _seed_many(dovecot, box, 1500)
    child = _sync_in_child(tmp_path, box.password)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and count(db, "SELECT count(*) FROM messages") == 0:
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    partial = count(db, "SELECT count(*) FROM messages")
    assert 0 < partial < 1500
    db2 = open_db(tmp_path)
    from store.accounts import get_account

    sync_once(db2, get_account(db2), box.password)
    assert count(db2, "SELECT count(*) FROM messages") == 1500
    assert count(db2, "SELECT count(DISTINCT uid) FROM messages") == 1500
    assert count(db2, "SELECT count(*) FROM requests") == 1500


def _index_names(db) -> set[str]:
    return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_a_large_first_sync_builds_the_list_indexes_once_at_its_end(dovecot, desk, monkeypatch):
    db, account, box = desk
    monkeypatch.setattr(bulk_load, "MIN_MESSAGES", 1000)
    _seed_many(dovecot, box, 1200)
    before = _index_names(db)
    during: list[set[str]] = []
    sync_once(db, account, box.password, lambda progress: during.append(_index_names(db)))
    assert any(not set(bulk_load.DEFERRABLE) & names for names in during)
    assert _index_names(db) == before
    assert count(db, "SELECT count(*) FROM deferred_indexes") == 0
    assert count(db, "SELECT count(*) FROM requests") == 1200


def test_kill_during_a_large_first_sync_leaves_the_indexes_to_the_next_open(dovecot, desk, tmp_path):
    db, _account, box = desk
    before = _index_names(db)
    _seed_many(dovecot, box, 1500)
    child = _sync_in_child(
        tmp_path, box.password, "import store.bulk_load; store.bulk_load.MIN_MESSAGES = 1000; "
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and count(db, "SELECT count(*) FROM messages") == 0:
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert count(db, "SELECT count(*) FROM deferred_indexes") > 0
    db2 = open_db(tmp_path)
    assert _index_names(db2) == before
    from store.accounts import get_account

    sync_once(db2, get_account(db2), box.password)
    assert count(db2, "SELECT count(DISTINCT uid) FROM messages") == 1500


@pytest.mark.parametrize(
    ("messages", "cut_after"),
    # With workers, this thread fetches the first batch itself while they start: the cut comes after theirs.
    [(900, 1), (2600, 2)],
    ids=["fetched-here", "fetched-by-workers"],
)
def test_a_connection_cut_mid_fetch_is_reported_and_the_next_sync_completes(
    dovecot, desk, messages, cut_after
):
    db, account, box = desk
    _seed_many(dovecot, box, messages)
    from mail import sync as sync_module

    batches = 0

    def cut_connections(progress):
        nonlocal batches
        if progress.done > 0:
            batches += 1
            if batches == cut_after:
                dovecot.kill_connections(box)

    with pytest.raises(ServerUnavailable):
        sync_module.sync_once(db, account, box.password, cut_connections)
    assert 0 < count(db, "SELECT count(*) FROM messages") < messages
    sync_once(db, account, box.password)
    assert count(db, "SELECT count(*) FROM messages") == messages
    assert count(db, "SELECT count(DISTINCT uid) FROM messages") == messages
    client = dovecot.client(box)
    client.select_folder("INBOX", readonly=True)
    flags = client.get_flags(client.search(["ALL"]))
    client.logout()
    assert len(flags) == messages and all(b"\\Seen" not in f for f in flags.values())


def _loket(tmp_path, *args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(tmp_path), *args],
        input=stdin, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def _add_account(tmp_path, dovecot, username, password):
    return _loket(
        tmp_path, "account", "add", "facilities", "--address", DESK, "--imap-host", "127.0.0.1",
        "--imap-port", str(dovecot.port), "--smtp-host", "127.0.0.1", "--smtp-port", "2525",
        "--username", username, "--security", "none", "--password-stdin", stdin=password + "\n",
    )  # fmt: skip


def test_the_cli_reports_a_wrong_password_in_one_line(dovecot, mailbox, tmp_path):
    result = _add_account(tmp_path, dovecot, mailbox.username, "wrong")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "refused the username or password" in result.stderr


def test_the_cli_syncs_and_reports_status(dovecot, mailbox, tmp_path):
    dovecot.append(mailbox, "INBOX", build(message_id="<q1@example.org>"))
    added = _add_account(tmp_path, dovecot, mailbox.username, mailbox.password)
    assert added.returncode == 0, added.stderr
    synced = _loket(tmp_path, "sync", "--once")
    assert synced.returncode == 0, synced.stderr
    status = json.loads(_loket(tmp_path, "status", "--json").stdout)
    assert status["messages"] == 1
    assert status["requests"]["new"] == 1
    assert status["accounts"][0]["folders"][0]["name"] == "INBOX"


def test_following_the_mailbox_picks_up_new_mail_by_idle(dovecot, desk, tmp_path):
    import threading

    from mail.follow import run_forever

    db, account, box = desk
    states: list[str] = []
    stop = threading.Event()
    worker = threading.Thread(
        target=run_forever, args=(tmp_path, account, box.password, stop, lambda s, _i: states.append(s))
    )
    worker.start()
    try:
        deadline = time.monotonic() + 30
        while "up_to_date" not in states and time.monotonic() < deadline:
            time.sleep(0.05)
        dovecot.append(box, "INBOX", build(subject="Lamp kapot"))
        while count(db, "SELECT count(*) FROM requests") == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert count(db, "SELECT subject FROM requests") == "Lamp kapot"
    finally:
        stop.set()
        worker.join(timeout=30)
    assert not worker.is_alive()


def test_following_a_server_that_is_down_reports_reconnecting(desk, tmp_path):
    import threading
    from dataclasses import replace

    from mail.follow import run_forever

    _db, account, box = desk
    seen: list[tuple[str, dict]] = []
    stop = threading.Event()
    worker = threading.Thread(
        target=run_forever,
        args=(tmp_path, replace(account, imap_port=1), box.password, stop, lambda s, i: seen.append((s, i))),
    )
    worker.start()
    deadline = time.monotonic() + 30
    while not seen and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    worker.join(timeout=30)
    state, info = seen[0]
    assert state == "reconnecting"
    assert info["seconds"] > 0 and "cannot be reached" in info["error"]


def test_imaplibs_protocol_trace_is_formatted_only_while_its_logger_listens(dovecot, desk):
    import logging

    from mail.imap import PROTOCOL_LOGGER

    _db, account, box = desk
    quiet = connect(account, box.password)
    assert quiet._imap.debug == 0  # the repr of every literal was formatted and thrown away
    quiet.logout()
    logger = logging.getLogger(PROTOCOL_LOGGER)
    level = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        traced = connect(account, box.password)
        assert traced._imap.debug > 0
        traced.logout()
    finally:
        logger.setLevel(level)


def test_a_sync_leaves_the_cycle_collector_as_it_found_it(dovecot, desk):
    import gc

    db, account, box = desk
    dovecot.append(box, "INBOX", build())
    before = gc.get_threshold()
    sync_once(db, account, box.password)
    assert gc.get_threshold() == before

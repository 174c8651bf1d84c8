"""The store's foreseeable faults, each said in one sentence with nothing lost: two syncs at once, a write lock held
by another program, a data dir that is a file or read-only, a full disk, a damaged file."""

from __future__ import annotations

import base64
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from mail.follow import run_forever
from store.accounts import get_account
from store.db import open_db
from tests.desk_cli import add_account, damage_table, loket, seed_inbox

pytestmark = pytest.mark.integration
MESSAGES = 3000


def count(data_dir: Path, sql: str) -> int:
    db = open_db(data_dir)
    try:
        return db.execute(sql).fetchone()[0]
    finally:
        db.conn.close()


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1, result.stderr
    assert "unexpected" not in result.stderr and "Traceback" not in result.stderr
    return result.stderr


def _start_sync(data_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), "sync", "--once"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _wait_until_syncing(data_dir: Path, first: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while count(data_dir, "SELECT count(*) FROM messages") == 0:
        assert first.poll() is None and time.monotonic() < deadline, "the first sync never got going"
        time.sleep(0.05)


def test_a_second_sync_of_the_same_store_says_one_is_already_running_and_the_first_completes(
    dovecot, mailbox, tmp_path
):
    seed_inbox(dovecot, mailbox, MESSAGES)
    add_account(tmp_path, dovecot.port, mailbox)
    first = _start_sync(tmp_path)
    _wait_until_syncing(tmp_path, first)
    second = loket(tmp_path, "sync", "--once")
    assert "a sync of facilities into this store is already running" in one_line(second)
    assert f"process {first.pid}" in second.stderr
    _out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert count(tmp_path, "SELECT count(DISTINCT uid) FROM messages") == MESSAGES
    assert count(tmp_path, "SELECT count(*) FROM messages") == MESSAGES


def test_the_windows_sync_waits_while_loket_sync_runs_then_follows_the_mailbox(
    dovecot, mailbox, tmp_path, monkeypatch
):
    from mail import follow

    monkeypatch.setattr(follow, "LOCK_RETRY_SECONDS", 0.2)
    seed_inbox(dovecot, mailbox, MESSAGES)
    add_account(tmp_path, dovecot.port, mailbox)
    first = _start_sync(tmp_path)
    _wait_until_syncing(tmp_path, first)
    states: list[str] = []
    stop = threading.Event()
    db = open_db(tmp_path)
    follower = threading.Thread(
        target=run_forever,
        args=(tmp_path, get_account(db), mailbox.password, stop, lambda s, _i: states.append(s)),
    )
    follower.start()
    try:
        _out, err = first.communicate(timeout=120)
        assert first.returncode == 0, err
        deadline = time.monotonic() + 60
        while "up_to_date" not in states and follower.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        follower.join(timeout=30)
    assert states[0] == "sync_elsewhere" and "up_to_date" in states
    assert "failed" not in states
    assert count(tmp_path, "SELECT count(*) FROM messages") == MESSAGES


def test_a_write_lock_held_by_another_program_is_said_in_one_sentence(dovecot, mailbox, tmp_path):
    seed_inbox(dovecot, mailbox, 3)
    add_account(tmp_path, dovecot.port, mailbox)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
         "c.execute('BEGIN IMMEDIATE'); print('held', flush=True); time.sleep(60)",
         str(tmp_path / "loket.sqlite")],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        blocked = loket(tmp_path, "sync", "--once", env={**os.environ, "LOKET_BUSY_TIMEOUT": "1"})
    finally:
        holder.kill()
        holder.wait()
    assert "stayed locked by another program" in one_line(blocked)
    resumed = loket(tmp_path, "sync", "--once")
    assert resumed.returncode == 0, resumed.stderr
    assert count(tmp_path, "SELECT count(*) FROM messages") == 3


def test_a_data_dir_that_is_a_file_is_said_in_one_sentence(tmp_path):
    named = tmp_path / "notes.txt"
    named.write_text("mine\n")
    for command in (
        ["status"],
        ["sync", "--once"],
        ["export", "--format", "csv", "-o", str(tmp_path / "x.csv")],
    ):
        assert "is a file, not a folder" in one_line(loket(named, *command))
    assert named.read_text() == "mine\n"
    under = loket(named / "loket", "status")
    assert "cannot be created" in one_line(under)


def _unshare_works() -> bool:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return False
    return subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0


needs_mount_namespace = pytest.mark.skipif(
    not _unshare_works(), reason="needs root and unshare -m (a private mount namespace)"
)


def in_mount_namespace(script: str, **paths: Path) -> subprocess.CompletedProcess[str]:
    """Run a shell script in a private mount namespace: its mounts vanish with it and nobody else sees them."""
    env = {**os.environ, **{name: str(path) for name, path in paths.items()}, "PYTHON": sys.executable}
    return subprocess.run(
        ["unshare", "-m", "--propagation", "private", "sh", "-c", script],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip


@needs_mount_namespace
def test_a_read_only_data_dir_is_said_in_one_sentence_and_left_as_it_was(dovecot, mailbox, tmp_path):
    data = tmp_path / "data"
    seed_inbox(dovecot, mailbox, 2)
    add_account(data, dovecot.port, mailbox)
    before = sorted(p.name for p in data.iterdir())
    result = in_mount_namespace(
        'mount --bind "$DATA" "$DATA" && mount -o remount,bind,ro "$DATA" && '
        '"$PYTHON" -m desktop.cli --data-dir "$DATA" sync --once',
        DATA=data,
    )
    assert "cannot be written (a read-only disk, or no permission)" in one_line(result)
    assert sorted(p.name for p in data.iterdir()) == before


DISK_FULL_SCRIPT = """
mount -t tmpfs -o size=16m tmpfs "$DATA" && cp -a "$SEED"/. "$DATA"/ || exit 99
"$PYTHON" -m desktop.cli --data-dir "$DATA" sync --once >/dev/null 2>"$OUT/full.err"; echo $? >"$OUT/full.rc"
"$PYTHON" -c "$CHECK" "$DATA" >"$OUT/full.check"
mount -o remount,size=256m "$DATA"
"$PYTHON" -m desktop.cli --data-dir "$DATA" sync --once >/dev/null 2>"$OUT/room.err"; echo $? >"$OUT/room.rc"
"$PYTHON" -c "$CHECK" "$DATA" >"$OUT/room.check"
"""
CHECK = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1] + '/loket.sqlite'); "
    "print(c.execute('PRAGMA integrity_check').fetchone()[0], "
    "c.execute('SELECT count(*), count(DISTINCT uid) FROM messages').fetchone(), "
    "c.execute('SELECT count(*) FROM requests').fetchone()[0])"
)


@needs_mount_namespace
def test_a_full_disk_is_said_in_one_line_keeps_the_store_whole_and_the_sync_resumes_when_there_is_room(
    dovecot, mailbox, tmp_path
):
    seed, data, out = tmp_path / "seed", tmp_path / "data", tmp_path / "out"
    data.mkdir()
    out.mkdir()
    noise = random.Random(11)
    seed_inbox(dovecot, mailbox, 1500, body=base64.encodebytes(noise.randbytes(6000)).decode())
    add_account(seed, dovecot.port, mailbox)
    result = in_mount_namespace(DISK_FULL_SCRIPT, SEED=seed, DATA=data, OUT=out, CHECK=CHECK)
    assert result.returncode == 0, result.stderr
    full = (out / "full.err").read_text()
    assert (out / "full.rc").read_text().strip() == "1"
    assert full.count("\n") == 1 and "is full: free some space and run it again" in full, full
    integrity, (stored, distinct), requests = _check(out / "full.check")
    assert integrity == "ok" and 0 < stored == distinct == requests < 1500
    assert (out / "room.rc").read_text().strip() == "0", (out / "room.err").read_text()
    assert _check(out / "room.check") == ("ok", (1500, 1500), 1500)


def _check(path: Path) -> tuple[str, tuple[int, int], int]:
    integrity, rest = path.read_text().strip().split(" ", 1)
    pair, requests = rest.rsplit(" ", 1)
    return integrity, tuple(int(n) for n in pair.strip("()").split(",")), int(requests)  # type: ignore[return-value]


def test_a_damaged_store_is_named_and_rebuild_keeps_it_and_carries_over_what_only_this_desktop_had(
    dovecot, mailbox, tmp_path
):
    from store.lifecycle import add_note, set_assignee
    from store.timeutil import utcnow

    seed_inbox(dovecot, mailbox, 3)
    add_account(tmp_path, dovecot.port, mailbox)
    assert loket(tmp_path, "sync", "--once").returncode == 0
    assert loket(tmp_path, "standard", "add", "Snel", "--first-response", "4h").returncode == 0
    assert (
        loket(tmp_path, "requesters", "set", "jan@example.org", "--department", "Facilitair").returncode == 0
    )
    db = open_db(tmp_path)
    request_id, number = db.execute("SELECT id, number FROM requests ORDER BY id LIMIT 1").fetchone()
    set_assignee(db, request_id, "Anna", "Anna", utcnow())
    add_note(db, request_id, "Belde terug: stoel staat in 2.14", "Anna", utcnow())
    db.conn.close()
    body = tmp_path / "reply.txt"
    body.write_text("We komen morgen langs.\n")
    queued = loket(tmp_path, "reply", str(number), "--body-file", str(body))  # SMTP is down: it stays queued
    assert queued.returncode == 1
    damage_table(tmp_path / "loket.sqlite", "messages")
    damaged_bytes = (tmp_path / "loket.sqlite").read_bytes()

    refused = loket(tmp_path, "status")
    assert f"the store {tmp_path / 'loket.sqlite'} is damaged" in one_line(refused)
    assert "run 'loket rebuild'" in refused.stderr

    rebuilt = loket(tmp_path, "rebuild")
    assert rebuilt.returncode == 0, rebuilt.stderr
    aside = [p for p in tmp_path.glob("loket.sqlite.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged_bytes  # kept, untouched
    assert f"kept as {aside[0]}" in rebuilt.stdout
    status = json.loads(loket(tmp_path, "status", "--json").stdout)
    assert status["messages"] == 3 and status["outbox"]["queued"] == 1
    db = open_db(tmp_path)
    assert db.execute("SELECT name FROM standards").fetchall() == [("Snel",)]
    assert db.execute(
        "SELECT d.name FROM requesters r JOIN departments d ON d.id = r.department_id WHERE r.address = ?",
        ["jan@example.org"],
    ).fetchone() == ("Facilitair",)
    new_id = db.execute("SELECT request_id FROM outbox").fetchone()[0]
    assert db.execute("SELECT assignee FROM requests WHERE id = ?", [new_id]).fetchone() == ("Anna",)
    notes = db.execute(
        "SELECT actor, data_json FROM events WHERE request_id = ? AND kind = 'note'", [new_id]
    ).fetchall()
    assert [(actor, json.loads(data)["text"]) for actor, data in notes] == [
        ("Anna", "Belde terug: stoel staat in 2.14")
    ]


def test_a_rebuild_keeps_one_copy_of_what_the_team_folder_gives_back(dovecot, mailbox, tmp_path):
    """A request entered by hand and a note, both shared through the mailbox, come back with the rebuild's sync:
    the damaged store's copies of them are not carried over a second time."""
    seed_inbox(dovecot, mailbox, 2)
    add_account(tmp_path, dovecot.port, mailbox)
    assert loket(tmp_path, "sync", "--once").returncode == 0
    body = tmp_path / "call.txt"
    body.write_text("Belde: sleutel kwijt\n")
    made = loket(
        tmp_path, "request", "new", "--requester", "piet@example.org", "--subject", "Sleutel kwijt",
        "--body-file", str(body), "--channel", "phone",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    db = open_db(tmp_path)
    mailed = db.execute("SELECT number FROM requests WHERE channel = 'email' ORDER BY id LIMIT 1").fetchone()[
        0
    ]
    db.conn.close()
    assert loket(tmp_path, "request", "note", str(mailed), "--text", "Teruggebeld").returncode == 0
    assert loket(tmp_path, "sync", "--once").returncode == 0  # both shared now
    damage_table(tmp_path / "loket.sqlite", "messages")

    assert loket(tmp_path, "rebuild").returncode == 0
    assert count(tmp_path, "SELECT count(*) FROM requests WHERE subject = 'Sleutel kwijt'") == 1
    assert (
        count(
            tmp_path,
            f"SELECT count(*) FROM requests WHERE subject = 'Sleutel kwijt' AND number = {int(made.stdout)}",
        )
        == 1
    )
    assert (
        count(tmp_path, "SELECT count(*) FROM events WHERE kind = 'note' AND data_json LIKE '%Teruggebeld%'")
        == 1
    )


def test_changes_the_team_had_not_seen_when_the_store_broke_are_shared_after_the_rebuild(
    dovecot, mailbox, tmp_path
):
    from store import team_changes
    from store.timeutil import utcnow

    anna, ben = tmp_path / "anna", tmp_path / "ben"
    seed_inbox(dovecot, mailbox, 2)
    add_account(anna, dovecot.port, mailbox)
    assert loket(anna, "sync", "--once").returncode == 0
    db = open_db(anna)  # changed while the mailbox was out of reach: queued, not shared
    request_id, number = db.execute("SELECT id, number FROM requests ORDER BY id LIMIT 1").fetchone()
    team_changes.add_note(db, request_id, "Nog niet gedeeld", "Anna", utcnow())
    team_changes.set_field(db, request_id, "priority", "urgent", "Anna", utcnow())
    team_changes.merge(
        db, db.execute("SELECT max(id) FROM requests").fetchone()[0], request_id, "Anna", utcnow()
    )
    db.conn.close()
    assert count(anna, "SELECT count(*) FROM team_changes WHERE pushed = 0") == 3
    damage_table(anna / "loket.sqlite", "messages")

    assert loket(anna, "rebuild").returncode == 0
    assert loket(anna, "sync", "--once").returncode == 0
    assert count(anna, "SELECT count(*) FROM team_changes WHERE pushed = 0") == 0
    assert count(anna, "SELECT count(*) FROM events WHERE kind = 'note'") == 1
    assert count(anna, "SELECT count(*) FROM requests WHERE merged_into IS NOT NULL") == 1

    add_account(ben, dovecot.port, mailbox)
    assert loket(ben, "sync", "--once").returncode == 0
    assert count(ben, f"SELECT count(*) FROM requests WHERE number = {number} AND priority = 'urgent'") == 1
    assert (
        count(ben, "SELECT count(*) FROM events WHERE kind = 'note' AND data_json LIKE '%Nog niet gedeeld%'")
        == 1
    )
    assert count(ben, "SELECT count(*) FROM requests WHERE merged_into IS NOT NULL") == 1


def test_a_file_that_is_not_a_database_is_named_and_rebuild_sets_it_aside(dovecot, mailbox, tmp_path):
    (tmp_path / "loket.sqlite").write_bytes(b"this is a spreadsheet, honestly\n" * 100)
    assert "is damaged (file is not a database)" in one_line(loket(tmp_path, "sync", "--once"))
    rebuilt = loket(tmp_path, "rebuild")
    assert "no account could be read from the damaged store" in one_line(rebuilt)
    assert [p.read_bytes()[:20] for p in tmp_path.glob("loket.sqlite.damaged-*")] == [
        b"this is a spreadsheet"[:20]
    ]
    assert loket(tmp_path, "status", "--json").returncode == 0  # a new, empty store

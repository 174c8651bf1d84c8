"""A mailbox of years against a real Dovecot: its first sync files what went quiet before the cut-off as done,
writes nothing to the mailbox for it, and leaves the open queue with what is really open; a colleague's hand-made
state and a requester who writes again still win."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from mail.loket_folder import loket_folder
from mail.sync import sync_once
from mail.team_folder import CHANGE_KIND, KIND_HEADER
from store import team_changes
from store.db import open_db
from store.history import HISTORY_ACTOR
from store.stats.records import Selection, StatsSource
from tests.accounts import loopback_account
from tests.mailgen import build

pytestmark = pytest.mark.integration
DESK = "facilities@example.org"
NOW = datetime.now(UTC).replace(microsecond=0)


def desktop(data_dir, dovecot, box, history_days=30):
    db = open_db(data_dir)
    account = loopback_account(
        db, "facilities", DESK, imap_port=dovecot.port, username=box.username, history_days=history_days
    )
    return db, account


def thread(dovecot, box, subject, asked, answered=None):
    """A requester's message in INBOX at ``asked``, and the desk's reply in Sent at ``answered`` when given."""
    asking = build(subject=subject, date=asked, message_id=f"<{subject.replace(' ', '.')}@example.org>")
    dovecot.append(box, "INBOX", asking, internal_date=asked)
    if answered is not None:
        reply = build(
            "Facilitair <facilities@example.org>", to="jan@example.org", subject=f"Re: {subject}",
            in_reply_to=f"<{subject.replace(' ', '.')}@example.org>", date=answered,
        )  # fmt: skip
        dovecot.append(box, "Sent", reply, flags=["\\Seen"], internal_date=answered)
    return f"<{subject.replace(' ', '.')}@example.org>"


def statuses(db):
    return dict(
        db.execute(
            "SELECT m.message_id, q.status FROM requests q JOIN messages m ON m.id = q.first_message_id"
        ).fetchall()
    )


def request_of(db, message_id):
    return db.execute(
        "SELECT q.id FROM requests q JOIN messages m ON m.id = q.first_message_id WHERE m.message_id = ?",
        [message_id],
    ).fetchone()[0]


def test_the_first_sync_files_old_threads_as_history_and_the_open_queue_holds_the_recent_ones(
    dovecot, mailbox, tmp_path
):
    answered = thread(dovecot, mailbox, "chair 2024", NOW - timedelta(days=400), NOW - timedelta(days=399))
    unanswered = thread(dovecot, mailbox, "lamp spring", NOW - timedelta(days=90))
    recent = thread(dovecot, mailbox, "door today", NOW - timedelta(days=2))
    lively = thread(dovecot, mailbox, "heating", NOW - timedelta(days=60), NOW - timedelta(days=59))
    dovecot.append(
        mailbox, "INBOX",
        build(subject="Re: heating", in_reply_to=lively, date=NOW - timedelta(days=1)),
        internal_date=NOW - timedelta(days=1),
    )  # fmt: skip
    db, account = desktop(tmp_path, dovecot, mailbox)

    result = sync_once(db, account, mailbox.password)

    assert result.filed_as_history == 2
    assert statuses(db) == {answered: "resolved", unanswered: "resolved", recent: "new", lively: "open"}
    event = db.execute(
        "SELECT actor, at, json_extract(data_json, '$.history') FROM events WHERE request_id = ? "
        "AND kind = 'status'  ORDER BY id DESC LIMIT 1",
        [request_of(db, answered)],
    ).fetchone()
    assert event[0] == HISTORY_ACTOR and event[2] == 1
    assert event[1].startswith((NOW - timedelta(days=399)).strftime("%Y-%m-%dT%H:%M:%S"))

    # Nothing was written to the mailbox for it: no keyword in INBOX, no change in the Loket folder.
    assert (result.team_changes_pushed, result.shared_changes_pushed) == (0, 0)
    client = dovecot.client(mailbox)
    try:
        client.select_folder("INBOX", readonly=True)
        flags = client.fetch(client.search(["ALL"]), ["FLAGS"])
        assert not any(f.startswith(b"$Loket") for data in flags.values() for f in data[b"FLAGS"])
        client.select_folder(loket_folder(client), readonly=True)
        assert client.search(["HEADER", KIND_HEADER, CHANGE_KIND]) == []
    finally:
        client.logout()

    # Its statistics still count in their period: the first response as it was, no resolution time.
    day = (NOW - timedelta(days=400)).date()
    (figures,) = StatsSource(db, Selection(day - timedelta(days=1), day + timedelta(days=1))).rows()
    assert figures.status == "resolved" and figures.first_response_calendar_min == pytest.approx(1440.0)
    assert figures.resolution_business_min is None

    # A requester who writes again reopens it; old mail that a later pass brings is never filed as history.
    dovecot.append(
        mailbox, "INBOX", build(subject="Re: chair 2024", in_reply_to=answered, date=NOW), internal_date=NOW
    )
    late = thread(dovecot, mailbox, "archive box", NOW - timedelta(days=500))
    second = sync_once(db, account, mailbox.password)
    assert second.filed_as_history == 0
    assert statuses(db)[answered] == "open"
    assert statuses(db)[late] == "new"


def test_a_colleagues_hand_made_state_beats_the_history_a_new_desktop_derives(dovecot, mailbox, tmp_path):
    reopened = thread(dovecot, mailbox, "printer", NOW - timedelta(days=120), NOW - timedelta(days=119))
    filed = thread(dovecot, mailbox, "coffee", NOW - timedelta(days=120))
    first, account = desktop(tmp_path / "anna", dovecot, mailbox)
    sync_once(first, account, mailbox.password)
    assert statuses(first) == {reopened: "resolved", filed: "resolved"}
    team_changes.set_field(first, request_of(first, reopened), "status", "open", "Anna", NOW)
    shared = sync_once(first, account, mailbox.password)
    assert shared.shared_changes_pushed == 1  # the one change a person made, nothing for the history

    second, account = desktop(tmp_path / "bert", dovecot, mailbox)
    sync_once(second, account, mailbox.password)
    assert statuses(second) == {reopened: "open", filed: "resolved"}


def test_history_days_zero_keeps_every_thread_open(dovecot, mailbox, tmp_path):
    old = thread(dovecot, mailbox, "desk lamp", NOW - timedelta(days=300))
    db, account = desktop(tmp_path, dovecot, mailbox, history_days=0)
    assert sync_once(db, account, mailbox.password).filed_as_history == 0
    assert statuses(db) == {old: "new"}


def test_the_command_line_sets_the_cut_off_and_refuses_a_negative_one(dovecot, mailbox, tmp_path):
    from tests.desk_cli import loket

    thread(dovecot, mailbox, "old badge", NOW - timedelta(days=45))
    thread(dovecot, mailbox, "new badge", NOW - timedelta(days=5))
    add = [
        "account", "add", "facilities", "--address", DESK, "--imap-host", "127.0.0.1", "--imap-port",
        str(dovecot.port), "--smtp-host", "127.0.0.1", "--smtp-port", "2525", "--username", mailbox.username,
        "--security", "none", "--password-stdin",
    ]  # fmt: skip
    refused = loket(tmp_path, *add, "--history-days", "-1", stdin=mailbox.password + "\n")
    assert refused.returncode == 2 and "--history-days" in refused.stderr
    added = loket(tmp_path, *add, "--history-days", "60", stdin=mailbox.password + "\n")
    assert added.returncode == 0, added.stderr
    changed = loket(tmp_path, "account", "set", "facilities", "--history-days", "30")
    assert changed.returncode == 0 and changed.stdout == "history days 30 for facilities\n"
    synced = loket(tmp_path, "sync", "facilities", "--once")
    assert synced.returncode == 0, synced.stderr
    assert synced.stdout.splitlines()[-1] == "1 older request filed as history (resolved, nothing sent)"
    counts = json.loads(loket(tmp_path, "status", "--json").stdout)["requests"]
    assert (counts["new"], counts["resolved"]) == (1, 1)


def test_a_rebuild_files_history_by_the_cut_off_set_since_and_keeps_what_a_person_set(
    dovecot, mailbox, tmp_path
):
    from tests.desk_cli import damage_table, loket
    from tests.numbers import request_number

    reopened = thread(dovecot, mailbox, "locker", NOW - timedelta(days=200))
    quiet = thread(dovecot, mailbox, "key", NOW - timedelta(days=200))
    recent = thread(dovecot, mailbox, "window", NOW - timedelta(days=1))
    added = loket(
        tmp_path, "account", "add", "facilities", "--address", DESK, "--imap-host", "127.0.0.1", "--imap-port",
        str(dovecot.port), "--smtp-host", "127.0.0.1", "--smtp-port", "2525", "--username", mailbox.username,
        "--security", "none", "--password-stdin", "--history-days", "0", stdin=mailbox.password + "\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert loket(tmp_path, "sync", "--once").returncode == 0
    number = request_number(tmp_path, reopened)
    assert loket(tmp_path, "--as", "Anna", "request", "set", number, "--status", "open").returncode == 0
    assert loket(tmp_path, "account", "set", "facilities", "--history-days", "30").returncode == 0
    damage_table(tmp_path / "loket.sqlite", "messages")

    rebuilt = loket(tmp_path, "rebuild")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert statuses(open_db(tmp_path)) == {reopened: "open", quiet: "resolved", recent: "new"}

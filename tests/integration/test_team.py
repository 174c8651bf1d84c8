"""Two desktops on one shared mailbox agree on status and assignee through IMAP keywords."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mail.sync import sync_once
from store import lifecycle
from store.db import open_db
from tests.accounts import loopback_account
from tests.mailgen import build

pytestmark = pytest.mark.integration
DESK = "facilities@example.org"


def only_request(db):
    """The one request in the store; its number is derived from its opening message, the same on every desktop."""
    return db.execute("SELECT id FROM requests").fetchone()[0]


def desktop(dovecot, box, data_dir):
    db = open_db(data_dir)
    account = loopback_account(
        db, "facilities", DESK, imap_port=dovecot.port, smtp_port=2525, username=box.username
    )
    return db, account


def state(db):
    return db.execute("SELECT status, assignee FROM requests").fetchone()


def test_status_and_assignee_set_on_one_desktop_reach_the_other(dovecot, mailbox, tmp_path):
    dovecot.append(mailbox, "INBOX", build(sender="Anna Müller <anna@example.de>", subject="Heizung"))
    first, first_account = desktop(dovecot, mailbox, tmp_path / "a")
    second, second_account = desktop(dovecot, mailbox, tmp_path / "b")
    sync_once(first, first_account, mailbox.password)
    sync_once(second, second_account, mailbox.password)
    assert state(first) == state(second) == ("new", None)

    now = datetime.now(UTC)
    lifecycle.set_assignee(first, only_request(first), "Jürgen Weiß", "Jürgen Weiß", now)
    lifecycle.set_status(first, only_request(first), "waiting_colleague", "Jürgen Weiß", now)
    assert sync_once(first, first_account, mailbox.password).team_changes_pushed == 1
    assert sync_once(second, second_account, mailbox.password).team_changes_taken == 1
    assert state(second) == ("waiting_colleague", "Jürgen Weiß")
    actor = second.execute("SELECT actor FROM events WHERE kind = 'assignee'").fetchone()[0]
    assert actor == "another desktop"

    lifecycle.set_status(second, only_request(second), "resolved", "Anna", datetime.now(UTC))
    sync_once(second, second_account, mailbox.password)
    sync_once(first, first_account, mailbox.password)
    assert state(first) == ("resolved", "Jürgen Weiß")
    again = sync_once(first, first_account, mailbox.password)
    assert (again.team_changes_taken, again.team_changes_pushed) == (0, 0)


def test_a_new_desktop_rebuilds_the_team_state_from_the_mailbox(dovecot, mailbox, tmp_path):
    dovecot.append(mailbox, "INBOX", build(subject="Sleutel kwijt"))
    first, first_account = desktop(dovecot, mailbox, tmp_path / "a")
    sync_once(first, first_account, mailbox.password)
    lifecycle.set_assignee(first, only_request(first), "Eva", "Eva", datetime.now(UTC))
    sync_once(first, first_account, mailbox.password)
    rebuilt, rebuilt_account = desktop(dovecot, mailbox, tmp_path / "fresh")
    sync_once(rebuilt, rebuilt_account, mailbox.password)
    assert state(rebuilt) == ("new", "Eva")


def test_keywords_never_mark_mail_seen(dovecot, mailbox, tmp_path):
    dovecot.append(mailbox, "INBOX", build())
    db, account = desktop(dovecot, mailbox, tmp_path)
    sync_once(db, account, mailbox.password)
    lifecycle.set_status(db, only_request(db), "open", "Eva", datetime.now(UTC))
    sync_once(db, account, mailbox.password)
    client = dovecot.client(mailbox)
    client.select_folder("INBOX", readonly=True)
    flags = next(iter(client.get_flags(client.search("ALL")).values()))
    assert b"$Loket.Status.open" in flags and b"\\Seen" not in flags


def test_a_first_sync_agrees_with_a_mailbox_without_keywords_and_changes_nothing_on_it(
    dovecot, mailbox, tmp_path
):
    for number in range(3):
        dovecot.append(
            mailbox, "INBOX", build(subject=f"Vraag {number}", message_id=f"<q{number}@example.org>")
        )
    db, account = desktop(dovecot, mailbox, tmp_path)
    result = sync_once(db, account, mailbox.password)
    assert (result.team_changes_taken, result.team_changes_pushed) == (0, 0)
    agreed = db.execute(
        "SELECT keywords_agreed, json_object('assignee', assignee, 'status', status) FROM requests"
    ).fetchall()
    assert len(agreed) == 3 and all(stored == current for stored, current in agreed)

"""Status and assignee as IMAP keywords on a request's opening message (``mail.keywords``): this desktop's change is
stored on the server, another desktop's keywords are taken over, and a server that keeps no keywords is left alone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mail.imap import connect
from mail.keywords import TEAM_ACTOR, stores_keywords, sync_team_state
from mail.sync import sync_once
from store import lifecycle
from store.db import open_db
from store.keywords import TeamState, keywords_for
from tests.accounts import loopback_account
from tests.mailgen import build

pytestmark = pytest.mark.integration
NOW = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)


@pytest.fixture
def synced(dovecot, mailbox, tmp_path):
    """A store synced from an INBOX with one request's opening message; its UID on the server."""
    db = open_db(tmp_path)
    account = loopback_account(db, imap_port=dovecot.port, username=mailbox.username)
    uid = dovecot.append(mailbox, "INBOX", build(subject="Stoel kapot"))
    sync_once(db, account, mailbox.password)
    request_id = db.execute("SELECT id FROM requests").fetchone()[0]
    yield db, account, request_id, uid
    db.conn.close()


def _server_flags(dovecot, mailbox, uid):
    with dovecot.client(mailbox) as client:
        client.select_folder("INBOX", readonly=True)
        return {flag.decode() for flag in client.get_flags([uid])[uid]}


def test_a_change_made_here_is_stored_on_the_server_as_keywords(dovecot, mailbox, synced):
    db, account, request_id, uid = synced
    lifecycle.set_status(db, request_id, "waiting", "Anna", NOW)
    lifecycle.set_assignee(db, request_id, "Anna Müller", "Anna", NOW)
    inbox = db.execute("SELECT id, uidvalidity FROM folders WHERE name = 'INBOX'").fetchone()
    client = connect(account, mailbox.password)
    try:
        client.select_folder("INBOX", readonly=True)
        assert sync_team_state(db, client, account.id, tuple(inbox), [], NOW) == (0, 1)
        assert sync_team_state(db, client, account.id, tuple(inbox), [], NOW) == (
            0,
            0,
        )  # agreed: nothing to do
    finally:
        client.logout()
    assert keywords_for(TeamState("waiting", "Anna Müller")) <= _server_flags(dovecot, mailbox, uid)


def test_another_desktops_keywords_are_taken_over_on_the_next_sync(dovecot, mailbox, synced):
    db, account, request_id, uid = synced
    with dovecot.client(mailbox) as client:
        client.select_folder("INBOX")
        client.add_flags([uid], sorted(keywords_for(TeamState("resolved", "Bram"))))
    sync_once(db, account, mailbox.password)
    status, assignee = db.execute(
        "SELECT status, assignee FROM requests WHERE id = ?", [request_id]
    ).fetchone()
    assert (status, assignee) == ("resolved", "Bram")
    actors = {row[0] for row in db.execute("SELECT actor FROM events WHERE request_id = ? AND kind IN "
                                           "('status', 'assignee')", [request_id])}  # fmt: skip
    assert actors == {TEAM_ACTOR}


def test_keywords_are_stored_only_where_permanentflags_allow_our_own():
    assert stores_keywords({b"PERMANENTFLAGS": (b"\\Seen", b"\\Answered", b"\\*")})
    assert not stores_keywords({b"PERMANENTFLAGS": (b"\\Seen", b"\\Answered", b"\\Flagged", b"\\Deleted")})
    assert not stores_keywords({})

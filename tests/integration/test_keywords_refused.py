"""A server that keeps no keywords of ours, or refuses the STORE, never stops the ingest."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from mail.sync import sync_once
from store import lifecycle, team_changes
from store.db import open_db
from tests.accounts import loopback_account
from tests.mailgen import build
from tests.servers.dovecot import Dovecot, find_dovecot

pytestmark = pytest.mark.integration

# The owner may read INBOX, add to it and mark mail seen, but store no keyword: PERMANENTFLAGS holds \\Seen alone,
# as far as Loket can tell the same as Exchange or Courier with IMAP_KEYWORDS=0.
READ_ONLY_INBOX = """
mail_plugins = acl
protocol imap {
  mail_plugins = $mail_plugins imap_acl
}
plugin {
  acl = vfile:{base}/global-acl
}
"""


@pytest.fixture(scope="module")
def locked_dovecot() -> Iterator[Dovecot]:
    binary = find_dovecot()
    if binary is None:
        pytest.skip("Dovecot is not installed")
    server = Dovecot(binary, extra_config=READ_ONLY_INBOX)
    (server.base / "global-acl").write_text("INBOX owner lrsi\n", encoding="utf-8")
    try:
        server.start()
        yield server
    finally:
        server.close()


def only_request(db):
    """The one request in the store; its number is derived from its opening message, the same on every desktop."""
    return db.execute("SELECT id FROM requests").fetchone()[0]


def test_a_status_change_the_server_cannot_store_never_stops_the_next_syncs(locked_dovecot, tmp_path, caplog):
    box = locked_dovecot.new_user()
    locked_dovecot.append(box, "INBOX", build(subject="Printer", message_id="<p1@example.org>"))
    db = open_db(tmp_path)
    account = loopback_account(db, imap_port=locked_dovecot.port, username=box.username)
    sync_once(db, account, box.password)
    printer = only_request(db)
    lifecycle.set_status(db, printer, "open", "Eva", datetime.now(UTC))

    with caplog.at_level("INFO", logger="mail.keywords"):
        first = sync_once(db, account, box.password)
    assert first.team_changes_pushed == 1
    assert "keeps no keywords" in caplog.text

    locked_dovecot.append(box, "INBOX", build(subject="Koffie", message_id="<p2@example.org>"))
    again = sync_once(db, account, box.password)
    assert again.new_messages == 1
    assert db.execute("SELECT last_error FROM accounts").fetchone()[0] is None
    assert db.execute("SELECT status FROM requests WHERE id = ?", [printer]).fetchone()[0] == "open"
    client = locked_dovecot.client(box)
    client.select_folder("INBOX", readonly=True)
    assert all(
        b"$Loket.Status.open" not in flags for flags in client.get_flags(client.search("ALL")).values()
    )


def test_without_keywords_team_state_travels_through_the_loket_folder(locked_dovecot, tmp_path):
    box = locked_dovecot.new_user()
    locked_dovecot.append(box, "INBOX", build(subject="Printer", message_id="<p1@example.org>"))
    desks = []
    for name in ("anna", "ben"):
        db = open_db(tmp_path / name)
        desks.append((db, loopback_account(db, imap_port=locked_dovecot.port, username=box.username)))
    for db, account in desks:
        sync_once(db, account, box.password)
    (anna, anna_account), (ben, ben_account) = desks
    team_changes.set_field(anna, only_request(anna), "status", "resolved", "Anna", datetime.now(UTC))
    team_changes.set_field(anna, only_request(anna), "assignee", "Anna", "Anna", datetime.now(UTC))
    sync_once(anna, anna_account, box.password)
    sync_once(ben, ben_account, box.password)
    assert ben.execute("SELECT status, assignee FROM requests").fetchone() == ("resolved", "Anna")


def test_without_keywords_a_reply_sent_with_resolve_resolves_the_request_on_the_other_desktop(
    locked_dovecot, smtp_server, tmp_path
):
    from mail.reply import queue_request_reply
    from mail.send import flush

    box = locked_dovecot.new_user()
    locked_dovecot.append(box, "INBOX", build(subject="Printer", message_id="<p1@example.org>"))
    desks = []
    for name in ("anna", "ben"):
        db = open_db(tmp_path / name)
        account = loopback_account(
            db, address="facilities@example.org", imap_port=locked_dovecot.port, smtp_port=smtp_server.port,
            username=box.username,
        )  # fmt: skip
        sync_once(db, account, box.password)
        desks.append((db, account))
    (anna, anna_account), (ben, ben_account) = desks
    printer = only_request(anna)
    queue_request_reply(
        anna, anna_account, printer, "Opgelost.", now=datetime.now(UTC), actor="Anna", status_after="resolved"
    )
    flush(anna, anna_account, box.password)
    sync_once(anna, anna_account, box.password)
    sync_once(ben, ben_account, box.password)
    assert ben.execute("SELECT status FROM requests WHERE id = ?", [printer]).fetchone()[0] == "resolved"

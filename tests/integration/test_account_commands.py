"""``loket account add|remove`` as real processes against Dovecot and an SMTP server: settings that cannot work are
refused in one sentence, and removing a mailbox never loses a reply that has not left."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from store.db import open_db
from tests.mailgen import build
from tests.numbers import request_number

pytestmark = pytest.mark.integration
DESK = "facilities@example.org"


def loket(data_dir, *args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def add_account(data_dir, dovecot, smtp_port, username, password, name="facilities", address=DESK):
    return loket(
        data_dir, "account", "add", name, "--address", address, "--imap-host", "127.0.0.1",
        "--imap-port", str(dovecot.port), "--smtp-host", "127.0.0.1", "--smtp-port", str(smtp_port),
        "--username", username, "--security", "none", "--password-stdin", stdin=password + "\n",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("name", "address", "said"),
    [
        ("facilities", "facilities@example.org\r\nBcc: everyone@example.org", "control character (\\r)"),
        ("facilities", "facilities@@example.org", "exactly one @"),
        ("facilities", "facilities@example.org@other.org", "exactly one @"),
        ("facilities/old", DESK, "slash"),
        ("facilities\nold", DESK, "control character (\\n)"),
    ],
    ids=["crlf-address", "double-at", "two-at", "slash-name", "newline-name"],
)
def test_account_add_refuses_an_address_or_name_that_cannot_work_in_one_sentence(
    tmp_path, dovecot, mailbox, smtp_server, keyring_file, name, address, said
):
    done = add_account(tmp_path, dovecot, smtp_server.port, mailbox.username, mailbox.password, name, address)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and said in done.stderr
    assert "unexpected" not in done.stderr
    assert loket(tmp_path, "account", "list").stdout == ""
    assert not keyring_file.exists()


def unsent_outbox(tmp_path, dovecot, mailbox, smtp_server):
    """An account with two replies that never left: one refused for good (550), one queued (server away)."""
    added = add_account(tmp_path, dovecot, smtp_server.port, mailbox.username, mailbox.password)
    assert added.returncode == 0, added.stderr
    for number in (1, 2):
        dovecot.append(
            mailbox, "INBOX", build(subject=f"Vraag {number}", message_id=f"<q{number}@example.org>")
        )
    assert loket(tmp_path, "sync", "--once").returncode == 0
    body = tmp_path / "body.txt"
    body.write_text("Wij komen morgen langs.", encoding="utf-8")
    smtp_server.refuse(550)
    assert (
        loket(
            tmp_path, "reply", request_number(tmp_path, "<q1@example.org>"), "--body-file", str(body)
        ).returncode
        == 1
    )
    smtp_server.stop()
    assert (
        loket(
            tmp_path, "reply", request_number(tmp_path, "<q2@example.org>"), "--body-file", str(body)
        ).returncode
        == 1
    )
    db = open_db(tmp_path)
    assert db.execute("SELECT state FROM outbox ORDER BY id").fetchall() == [("failed",), ("queued",)]
    db.conn.close()


def test_account_remove_keeps_an_account_with_unsent_replies_until_told_to_discard_them(
    tmp_path, dovecot, mailbox, smtp_server, keyring_file
):
    unsent_outbox(tmp_path, dovecot, mailbox, smtp_server)
    refused = loket(tmp_path, "account", "remove", "facilities")
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1
    assert "2 unsent replies" in refused.stderr and "1 failed, 1 queued" in refused.stderr
    assert "--discard-unsent" in refused.stderr and "nothing was removed" in refused.stderr
    assert loket(tmp_path, "account", "list").stdout.startswith("facilities\t")
    listed = loket(tmp_path, "outbox", "list").stdout
    assert "\tfailed\t" in listed and "\tqueued\t" in listed
    assert json.loads(keyring_file.read_text(encoding="utf-8")), "the password stays in the keyring"

    removed = loket(tmp_path, "account", "remove", "facilities", "--discard-unsent")
    assert (removed.returncode, removed.stderr) == (0, "")
    assert loket(tmp_path, "account", "list").stdout == ""
    db = open_db(tmp_path)
    assert db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 0


def test_account_remove_without_unsent_replies_needs_no_flag(tmp_path, dovecot, mailbox, smtp_server):
    added = add_account(tmp_path, dovecot, smtp_server.port, mailbox.username, mailbox.password)
    assert added.returncode == 0, added.stderr
    dovecot.append(mailbox, "INBOX", build(message_id="<q1@example.org>"))
    assert loket(tmp_path, "sync", "--once").returncode == 0
    body = tmp_path / "body.txt"
    body.write_text("Wij komen morgen langs.", encoding="utf-8")
    assert (
        loket(
            tmp_path, "reply", request_number(tmp_path, "<q1@example.org>"), "--body-file", str(body)
        ).returncode
        == 0
    )
    removed = loket(tmp_path, "account", "remove", "facilities")
    assert (removed.returncode, removed.stdout) == (0, "removed account facilities\n")

"""The test servers themselves: if these fail, every integration test built on them is meaningless."""

from __future__ import annotations

import smtplib
import ssl
import threading
from datetime import UTC, datetime, timedelta

import imapclient.exceptions
import keyring
import pytest
from imapclient import IMAPClient

from tests.mailgen import build

pytestmark = pytest.mark.integration


def test_a_fresh_mailbox_has_an_empty_inbox_and_a_sent_folder_marked_special_use(dovecot, mailbox):
    client = dovecot.client(mailbox)
    folders = {name: flags for flags, _delimiter, name in client.list_folders()}
    assert set(folders) == {"INBOX", "Sent"}
    assert b"\\Sent" in folders["Sent"]
    assert client.select_folder("INBOX", readonly=True)[b"EXISTS"] == 0
    assert {b"CONDSTORE", b"QRESYNC", b"IDLE", b"SPECIAL-USE"} <= set(client.capabilities())
    client.logout()


def test_mailboxes_do_not_see_each_others_mail(dovecot):
    first, second = dovecot.new_user(), dovecot.new_user()
    dovecot.append(first, "INBOX", build())
    client = dovecot.client(second)
    assert client.select_folder("INBOX", readonly=True)[b"EXISTS"] == 0
    client.logout()


def test_append_keeps_flags_and_internal_date_and_returns_the_uid(dovecot, mailbox):
    arrived = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)
    uid = dovecot.append(mailbox, "Sent", build(), flags=[b"\\Seen"], internal_date=arrived)
    client = dovecot.client(mailbox)
    client.select_folder("Sent", readonly=True)
    fetched = client.fetch([uid], ["FLAGS", "INTERNALDATE"])[uid]
    assert b"\\Seen" in fetched[b"FLAGS"]
    assert fetched[b"INTERNALDATE"].astimezone(UTC) == arrived
    client.logout()


def test_seeded_maildir_files_appear_in_order_with_arrival_time_and_seen_flag(dovecot, mailbox):
    start = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    seeded = [(build(subject=f"vraag {n}"), start + timedelta(minutes=n), n % 2 == 0) for n in range(20)]
    assert dovecot.seed_maildir(mailbox, "INBOX", seeded) == 20
    client = dovecot.client(mailbox)
    client.select_folder("INBOX", readonly=True)
    fetched = client.fetch(
        client.search("ALL"), ["FLAGS", "INTERNALDATE", "BODY.PEEK[HEADER.FIELDS (SUBJECT)]"]
    )
    assert [f[b"BODY[HEADER.FIELDS (SUBJECT)]"].strip() for f in fetched.values()] == [
        f"Subject: vraag {n}".encode() for n in range(20)
    ]
    assert [f[b"INTERNALDATE"].astimezone(UTC) for f in fetched.values()] == [s[1] for s in seeded]
    assert [b"\\Seen" in f[b"FLAGS"] for f in fetched.values()] == [s[2] for s in seeded]
    client.logout()


def test_reset_uidvalidity_gives_the_folder_a_new_uidvalidity_and_keeps_the_mail(dovecot, mailbox):
    dovecot.append(mailbox, "INBOX", build())
    client = dovecot.client(mailbox)
    before = client.folder_status("INBOX", [b"UIDVALIDITY"])[b"UIDVALIDITY"]
    dovecot.reset_uidvalidity(mailbox, "INBOX")
    client = dovecot.client(mailbox)
    after = client.folder_status("INBOX", [b"UIDVALIDITY", b"MESSAGES"])
    assert after[b"UIDVALIDITY"] != before
    assert after[b"MESSAGES"] == 1
    client.logout()


def test_kill_connections_cuts_only_that_users_sessions(dovecot):
    victim, bystander = dovecot.new_user(), dovecot.new_user()
    cut, kept = dovecot.client(victim), dovecot.client(bystander)
    assert dovecot.kill_connections(victim) == 1
    with pytest.raises((imapclient.exceptions.IMAPClientAbortError, OSError)):
        cut.noop()
    kept.noop()
    kept.logout()


def test_a_stopped_server_refuses_connections_and_comes_back_on_the_same_port(dovecot, mailbox):
    dovecot.stop()
    try:
        with pytest.raises(ConnectionRefusedError):
            IMAPClient(dovecot.host, port=dovecot.port, ssl=False, timeout=5)
    finally:
        dovecot.start()
    dovecot.client(mailbox).logout()


def test_idle_reports_a_message_appended_by_another_client(dovecot, mailbox):
    watcher = dovecot.client(mailbox)
    watcher.select_folder("INBOX")
    watcher.idle()
    threading.Timer(0.2, dovecot.append, (mailbox, "INBOX", build())).start()
    responses = watcher.idle_check(timeout=10)
    watcher.idle_done()
    assert (1, b"EXISTS") in responses
    watcher.logout()


def test_the_ssl_listener_is_refused_by_default_and_accepted_with_its_certificate(dovecot, mailbox):
    with pytest.raises(ssl.SSLCertVerificationError):
        IMAPClient(dovecot.host, port=dovecot.ssl_port, ssl=True, timeout=5)
    trusted = ssl.create_default_context(cafile=dovecot.cafile)
    client = IMAPClient(dovecot.host, port=dovecot.ssl_port, ssl=True, ssl_context=trusted, timeout=5)
    client.login(*mailbox)
    client.logout()


def test_smtp_server_records_accepted_mail(smtp_server):
    with smtplib.SMTP(smtp_server.host, smtp_server.port, timeout=10) as smtp:
        smtp.sendmail("desk@example.org", ["jan@example.org"], build())
    (received,) = smtp_server.messages
    assert received.mail_from == "desk@example.org"
    assert received.rcpt_tos == ("jan@example.org",)
    assert b"Subject: Stoel kapot" in received.raw


def test_smtp_server_refuses_the_next_messages_or_all_until_told_to_accept(smtp_server):
    smtp_server.refuse(451, count=1)
    with smtplib.SMTP(smtp_server.host, smtp_server.port, timeout=10) as smtp:
        with pytest.raises(smtplib.SMTPDataError) as refused:
            smtp.sendmail("desk@example.org", ["jan@example.org"], build())
        assert refused.value.smtp_code == 451
        smtp.sendmail("desk@example.org", ["jan@example.org"], build())
    smtp_server.refuse(550)
    with smtplib.SMTP(smtp_server.host, smtp_server.port, timeout=10) as smtp:
        for _ in range(2):
            with pytest.raises(smtplib.SMTPDataError, match="550"):
                smtp.sendmail("desk@example.org", ["jan@example.org"], build())
        smtp_server.accept()
        smtp.sendmail("desk@example.org", ["jan@example.org"], build())
    assert len(smtp_server.messages) == 2


def test_smtp_server_can_require_a_login(smtp_server):
    smtp_server.require_auth("desk", "geheim")
    with smtplib.SMTP(smtp_server.host, smtp_server.port, timeout=10) as smtp:
        with pytest.raises(smtplib.SMTPSenderRefused):
            smtp.sendmail("desk@example.org", ["jan@example.org"], build())
        with pytest.raises(smtplib.SMTPAuthenticationError):
            smtp.login("desk", "wrong")
        smtp.login("desk", "geheim")
        smtp.sendmail("desk@example.org", ["jan@example.org"], build())
    assert len(smtp_server.messages) == 1


def test_a_stopped_smtp_server_refuses_connections_until_started(smtp_server):
    smtp_server.stop()
    with pytest.raises(ConnectionRefusedError):
        smtplib.SMTP(smtp_server.host, smtp_server.port, timeout=5)
    smtp_server.start()
    with smtplib.SMTP(smtp_server.host, smtp_server.port, timeout=10) as smtp:
        assert smtp.noop()[0] == 250


def test_the_keyring_is_a_private_file_per_test(keyring_file):
    keyring.set_password("loket", "u1@127.0.0.1", "geheim")
    assert keyring.get_password("loket", "u1@127.0.0.1") == "geheim"
    assert keyring_file.exists()

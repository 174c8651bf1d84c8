"""Ratings end to end against a real Dovecot and SMTP server: the mailbox's secret lives in Loket's folder (made
once, the lowest UID winning a race, never in INBOX), the resolved reply carries the links, and the requester's
click comes back as a rating that leaves the request resolved."""

from __future__ import annotations

import base64
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from urllib.parse import unquote

import pytest

from mail.credentials import set_password
from mail.loket_folder import loket_folder
from mail.mailbox_secret import KIND_HEADER, SECRET_KIND, mailbox_secret, remembered_secret
from mail.sync import sync_once
from store.db import open_db
from store.numbers import number_of
from store.ratings import checked_rating, satisfaction
from tests.accounts import loopback_account
from tests.mailgen import build

DESK = "facilities@example.org"
JAN = "jan@example.org"
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def desk(dovecot, mailbox, smtp_server, tmp_path):
    db = open_db(tmp_path)
    account = loopback_account(
        db, "facilities", DESK, imap_port=dovecot.port, smtp_port=smtp_server.port, username=mailbox.username
    )
    set_password(account, mailbox.password)
    return db, account, mailbox


def secret_messages(dovecot, box) -> list[tuple[int, bytes]]:
    client = dovecot.client(box)
    try:
        client.select_folder("Loket", readonly=True)
        uids = client.search(["HEADER", KIND_HEADER, SECRET_KIND])
        fetched = client.fetch(uids, ["FLAGS"]) if uids else {}
        return sorted((uid, b"\\Seen" in data[b"FLAGS"]) for uid, data in fetched.items())
    finally:
        client.logout()


def test_the_first_sync_keeps_one_secret_in_lokets_folder_never_in_inbox(dovecot, desk):
    db, account, box = desk
    sync_once(db, account, box.password)
    assert [seen for _uid, seen in secret_messages(dovecot, box)] == [True]
    client = dovecot.client(box)
    try:
        assert loket_folder(client) == "Loket"
        assert client.select_folder("INBOX", readonly=True)[b"EXISTS"] == 0
        again = mailbox_secret(client, account, NOW)  # another desktop finds it and makes none
    finally:
        client.logout()
    assert again == remembered_secret(account)
    assert len(secret_messages(dovecot, box)) == 1


def test_when_two_desktops_made_a_secret_the_lowest_uid_wins(dovecot, desk):
    _db, account, box = desk
    first, second = b"a" * 32, b"b" * 32
    client = dovecot.client(box)
    try:
        client.create_folder("Loket")
    finally:
        client.logout()
    for secret in (first, second):
        raw = (
            f"From: {DESK}\r\nTo: {DESK}\r\nSubject: secret\r\n{KIND_HEADER}: {SECRET_KIND}\r\n\r\n"
            f"{base64.b64encode(secret).decode()}\r\n"
        ).encode()
        dovecot.append(box, "Loket", raw, flags=["\\Seen"])
    client = dovecot.client(box)
    try:
        assert mailbox_secret(client, account, NOW) == first
    finally:
        client.logout()


def test_a_resolved_reply_carries_the_links_and_the_click_comes_back_as_a_rating(
    dovecot, desk, smtp_server, tmp_path
):
    db, account, box = desk
    dovecot.append(
        box, "INBOX", build(f"Jan <{JAN}>", DESK, "Stoel kapot", "Mijn stoel is kapot.", "<q1@example.org>")
    )
    sync_once(db, account, box.password)
    request_id = int(db.execute("SELECT id FROM requests").fetchone()[0])
    number = number_of(db, request_id)  # what the subject of a click names
    body = tmp_path / "body.txt"
    body.write_text("De stoel is vervangen.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(tmp_path), "reply", str(number), "--body-file",
         str(body), "--status", "resolved"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    [sent] = smtp_server.messages
    text = message_from_bytes(sent.raw, policy=policy.default).get_body(("plain",)).get_content()
    text = text.replace("\r\n", "\n")
    written, separator, below = text.partition("-- \n")
    assert written == "De stoel is vervangen.\n\n" and separator
    assert below.index("mailto:") < below.index(
        "Jan wrote:"
    )  # the links close the signature, above the quote
    links = re.findall(r"<mailto:([^?]+)\?subject=([^>]+)>", below)
    assert [address for address, _ in links] == [DESK] * 5
    subjects = [unquote(subject) for _, subject in links]
    secret = remembered_secret(account)
    assert secret is not None
    assert [checked_rating(secret, subject) for subject in subjects] == [(number, n) for n in range(1, 6)]

    later = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=1)  # a click comes after the reply
    dovecot.append(
        box,
        "INBOX",
        build(f"Jan <{JAN}>", DESK, subjects[3], "Snel geholpen, dank!\n", "<r1@example.org>"),
        internal_date=later,
    )
    forged = subjects[4].replace(subjects[4][-13:-1], "aaaaaaaaaaaa")
    dovecot.append(
        box,
        "INBOX",
        build("Piet <piet@example.org>", DESK, subjects[0], "", "<r2@example.org>"),
        internal_date=later,
    )
    sync_once(db, account, box.password)
    assert satisfaction(db, request_id) == (4, "Snel geholpen, dank!")
    assert db.execute("SELECT status FROM requests WHERE id = ?", [request_id]).fetchone()[0] == "resolved"
    dovecot.append(
        box, "INBOX", build(f"Jan <{JAN}>", DESK, forged, "", "<r3@example.org>"), internal_date=later
    )
    sync_once(db, account, box.password)
    assert satisfaction(db, request_id) == (4, "Snel geholpen, dank!")
    assert db.execute("SELECT status FROM requests WHERE id = ?", [request_id]).fetchone()[0] == "open"

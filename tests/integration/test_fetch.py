"""Whole messages read off a real server's FETCH answers, and a refused FETCH that leaves the session usable."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mail.errors import ProtocolError
from mail.fetch_response import fetch_messages
from mail.imap import connect, imap_call
from store.db import open_db
from tests.accounts import loopback_account
from tests.mailgen import build

pytestmark = pytest.mark.integration


def test_messages_arrive_whole_with_their_date_and_flags_and_a_refusal_leaves_the_session_usable(
    dovecot, mailbox, tmp_path
):
    account = loopback_account(
        open_db(tmp_path), "facilities", "facilities@example.org", imap_port=dovecot.port,
        smtp_port=2525, username=mailbox.username,
    )  # fmt: skip
    sent = {
        build(subject="Stoel kapot", body="Hallo,\n\n" + "x" * 70_000): (
            {"\\Flagged"},
            datetime(2026, 3, 2, 8, 15),
        ),
        build(subject="Drucker im 3. Stock", body="Grüße aus Köln"): (set(), datetime(2026, 10, 25, 1, 30)),
    }
    for raw, (flags, moment) in sent.items():
        dovecot.append(mailbox, "INBOX", raw, flags=sorted(flags), internal_date=moment.replace(tzinfo=UTC))
    by_lines = {raw.replace(b"\r\n", b"\n"): facts for raw, facts in sent.items()}  # the server may send CRLF
    client = connect(account, mailbox.password)
    client.select_folder("INBOX", readonly=True)
    uids = client.search(["ALL"])

    fetched = fetch_messages(client, uids)

    assert sorted(uids) == sorted(fetched)
    for message in fetched.values():
        flags, moment = by_lines.pop(message.raw.replace(b"\r\n", b"\n"))
        assert message.internal_date == moment.replace(tzinfo=UTC)
        assert set(message.flags) - {"\\Recent"} == flags  # and never \Seen
    assert not by_lines
    with pytest.raises(ProtocolError):
        imap_call(fetch_messages, client, [0])  # not a UID: the server answers BAD
    assert fetch_messages(client, uids) == fetched
    assert client.noop()[0]
    client.logout()

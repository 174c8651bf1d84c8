"""The outbox worker's guards that need no server: clear text only on loopback, one worker per store."""

from __future__ import annotations

import threading

import pytest

from mail.errors import TlsRefused
from mail.send import OutboxBusy, _worker_lock, flush
from mail.smtp import connect_smtp
from store.accounts import Account
from store.db import open_db


def account(host: str, security: str) -> Account:
    return Account(
        id=1,
        name="desk",
        address="desk@example.org",
        imap_host=host,
        imap_port=993,
        imap_security="ssl",
        smtp_host=host,
        smtp_port=25,
        smtp_security=security,
        username="desk",
        calendar_id=None,
    )


def test_clear_text_smtp_is_refused_for_a_host_that_is_not_loopback():
    with pytest.raises(TlsRefused, match="only loopback"):
        connect_smtp(account("mail.example.org", "none"), "secret")


def test_a_second_worker_on_the_same_store_waits_and_then_gives_up(tmp_path):
    db = open_db(tmp_path)
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        other = open_db(tmp_path)
        with _worker_lock(other, wait=1):
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert holding.wait(10)
        with pytest.raises(OutboxBusy):
            flush(db, account("127.0.0.1", "none"), "secret", lock_wait=0.3)
    finally:
        release.set()
        thread.join()
    assert flush(db, account("127.0.0.1", "none"), "secret", lock_wait=0.3).sent == []

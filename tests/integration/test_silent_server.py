"""A server that goes silent (no byte, no FIN: a NAT entry that died) is given up within a minute, by a one-shot
sync and by the sync that follows the mailbox, and nothing fetched before is lost."""

from __future__ import annotations

import base64
import json
import os
import random
import threading
import time

import pytest

from mail import follow, imap
from mail.follow import run_forever
from store.accounts import get_account
from store.db import open_db
from tests.desk_cli import add_account, loket, seed_inbox
from tests.mailgen import build
from tests.servers.proxy import SilentProxy

pytestmark = pytest.mark.integration
TIMEOUT = 4.0  # seconds for each step of a session, in place of the default's 20


def test_the_defaults_give_up_on_a_silent_server_within_a_minute():
    assert 3 * imap.TIMEOUT_SECONDS <= 60  # a one-shot sync: the stuck read, the stuck workers, the goodbye
    assert follow.IDLE_RENEW_SECONDS + imap.TIMEOUT_SECONDS <= 60  # following: the renewal, then its DONE


def test_a_one_shot_sync_gives_up_on_a_silent_server_in_one_line_and_resumes_without_a_gap(
    dovecot, mailbox, tmp_path
):
    noise = random.Random(16)
    seed_inbox(dovecot, mailbox, 2600, body=base64.encodebytes(noise.randbytes(6000)).decode())
    with SilentProxy(dovecot.port) as proxy:
        add_account(tmp_path, proxy.port, mailbox)
        proxy.speak(silent_after=4_000_000)  # in the middle of the fetch
        env = {**os.environ, "LOKET_IMAP_TIMEOUT": str(TIMEOUT)}
        cut = loket(tmp_path, "sync", "--once", env=env)
        gave_up_after = time.monotonic() - (proxy.silenced_at or 0)
        assert proxy.silent
        assert cut.returncode == 1
        assert cut.stderr.count("\n") == 1 and f"stopped answering for {TIMEOUT:g} s" in cut.stderr, (
            cut.stderr
        )
        assert gave_up_after < 3 * TIMEOUT
        proxy.speak()
        resumed = loket(tmp_path, "sync", "--once", env=env)
    assert resumed.returncode == 0, resumed.stderr
    status = json.loads(loket(tmp_path, "status", "--json").stdout)
    assert status["messages"] == 2600
    db = open_db(tmp_path)
    assert db.execute("SELECT count(DISTINCT uid) FROM messages").fetchone()[0] == 2600


def test_following_the_mailbox_notices_a_silent_idle_connection_and_comes_back(
    dovecot, mailbox, tmp_path, monkeypatch
):
    monkeypatch.setattr(imap, "TIMEOUT_SECONDS", 2.0)
    monkeypatch.setattr(follow, "IDLE_RENEW_SECONDS", 2.0)
    monkeypatch.setattr(follow, "MAX_BACKOFF_SECONDS", 1.0)
    with SilentProxy(dovecot.port) as proxy:
        add_account(tmp_path, proxy.port, mailbox)
        db = open_db(tmp_path)
        states: list[tuple[float, str]] = []
        stop = threading.Event()
        follower = threading.Thread(
            target=run_forever,
            args=(
                tmp_path,
                get_account(db),
                mailbox.password,
                stop,
                lambda s, _i: states.append((time.monotonic(), s)),
            ),
        )
        follower.start()
        try:
            _wait_for(lambda: any(s == "up_to_date" for _t, s in states))
            time.sleep(2.5)  # IDLE has begun, and been renewed once
            proxy.go_silent()
            _wait_for(lambda: any(s == "reconnecting" for _t, s in states))
            noticed = next(t for t, s in states if s == "reconnecting")
            assert noticed - proxy.silenced_at < follow.IDLE_RENEW_SECONDS + 2 * imap.TIMEOUT_SECONDS
            proxy.speak()
            dovecot.append(mailbox, "INBOX", build(subject="Lamp kapot"))
            _wait_for(lambda: db.execute("SELECT count(*) FROM requests").fetchone()[0] == 1)
        finally:
            stop.set()
            follower.join(timeout=30)
    assert not follower.is_alive()


def _wait_for(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)

"""Loket's processes end together: a sync's worker processes never outlive the process that started them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import psutil
import pytest

from tests.mailgen import build

pytestmark = pytest.mark.integration
DESK = "facilities@example.org"


def loket(data_dir, *args, stdin=None, env=None, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), *args],
        input=stdin, capture_output=True, text=True, timeout=timeout, env=env,
    )  # fmt: skip


def add_account(data_dir, port, mailbox):
    added = loket(
        data_dir, "account", "add", "facilities", "--address", DESK, "--imap-host", "127.0.0.1",
        "--imap-port", str(port), "--smtp-host", "127.0.0.1", "--smtp-port", "2525",
        "--username", mailbox.username, "--security", "none", "--password-stdin", stdin=mailbox.password + "\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr


def seed(dovecot, mailbox, count, body_size=2000):
    start = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    dovecot.seed_maildir(
        mailbox,
        "INBOX",
        [
            (
                build(subject=f"verzoek {i}", date=start + timedelta(minutes=i), body="x" * body_size),
                start,
                False,
            )
            for i in range(count)
        ],
    )


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_kill_9_of_the_main_process_leaves_no_sync_worker_running(dovecot, mailbox, tmp_path):
    seed(dovecot, mailbox, 6000)
    add_account(tmp_path, dovecot.port, mailbox)
    main = subprocess.Popen(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(tmp_path), "sync", "--once"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    workers: list[psutil.Process] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline and main.poll() is None:
            workers = [
                p
                for p in psutil.Process(main.pid).children(recursive=True)
                if "spawn_main" in " ".join(p.cmdline())
            ]
            time.sleep(0.05)
        assert len(workers) >= 2, "the sync never started its worker processes"
        time.sleep(0.5)  # the workers are fetching and parsing their first batches
        os.kill(main.pid, signal.SIGKILL)
        main.wait()
        children = [p.pid for p in workers]
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in children if _alive(pid)]
    finally:
        if main.poll() is None:
            main.kill()
        for worker in workers:  # left running only when the behaviour under test is broken
            if _alive(worker.pid):
                worker.kill()

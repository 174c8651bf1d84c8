"""Loket's processes end together: a sync's worker processes never outlive the process that started them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import psutil
import pytest

from tests.desk_cli import add_account, seed_inbox

pytestmark = pytest.mark.integration


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_kill_9_of_the_main_process_leaves_no_sync_worker_running(dovecot, mailbox, tmp_path):
    seed_inbox(dovecot, mailbox, 6000)
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

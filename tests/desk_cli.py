"""The ``loket`` command as a test runs it: a real process on a data dir, with an account on loopback servers."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.mailgen import build
from tests.servers.dovecot import Dovecot, Mailbox

DESK = "facilities@example.org"


def loket(
    data_dir: Path | str,
    *args: str,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), *args],
        input=stdin, capture_output=True, text=True, timeout=timeout, env=env,
    )  # fmt: skip


def add_account(data_dir: Path, port: int, mailbox: Mailbox) -> None:
    """The account ``facilities`` on the Dovecot user, reached on ``port`` (Dovecot's, or a proxy's before it)."""
    added = loket(
        data_dir, "account", "add", "facilities", "--address", DESK, "--imap-host", "127.0.0.1",
        "--imap-port", str(port), "--smtp-host", "127.0.0.1", "--smtp-port", "2525",
        "--username", mailbox.username, "--security", "none", "--password-stdin", stdin=mailbox.password + "\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr


def seed_inbox(dovecot: Dovecot, mailbox: Mailbox, count: int, body: str = "x" * 2000) -> None:
    """``count`` requests in INBOX, one a minute."""
    start = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    dovecot.seed_maildir(
        mailbox,
        "INBOX",
        [
            (build(subject=f"verzoek {i}", date=start + timedelta(minutes=i), body=body), start, False)
            for i in range(count)
        ],
    )


def damage_table(path: Path, table: str) -> None:
    """Overwrite the first page of a table with garbage: SQLite then finds the file malformed where it reads it."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    conn.close()
    with path.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(b"\xa5" * page_size)

"""A data dir with one account whose inbox messages are parsed and filed as sync does, without a server."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from pathlib import Path

from mail.ingest_worker import RawCopy, prepared
from store.accounts import get_account
from store.db import open_db, transaction
from store.filing import FolderState, file_copy
from tests.accounts import loopback_account

_UIDS = itertools.count(1)


def desk_data_dir(path: Path) -> Path:
    db = open_db(path)
    account = loopback_account(db, "desk", "desk@example.org")
    db["folders"].insert({"account_id": account.id, "name": "INBOX", "role": "inbox", "uidvalidity": 1})
    db.conn.close()
    return path


def file_raw(data_dir: Path, raw: bytes) -> int:
    """Parse and file one message as sync does; returns its request id."""
    db = open_db(data_dir)
    try:
        folder_id = db.execute("SELECT id FROM folders WHERE role = 'inbox'").fetchone()[0]
        copy = prepared(RawCopy(next(_UIDS), raw, datetime(2026, 3, 3, 9, tzinfo=UTC), ()))
        with transaction(db):
            row = file_copy(db, get_account(db), FolderState(folder_id, "inbox", 1), copy)
        return int(db.execute("SELECT request_id FROM messages WHERE id = ?", [row]).fetchone()[0])
    finally:
        db.conn.close()

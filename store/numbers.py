"""Request numbers that are the same on every desktop: what people say on the phone and what ``[#N]`` tags carry.

A request's number is its row id, derived from what every desktop knows alike: the key of the message that opened
it (Message-ID and content hash) or the key a request entered by hand was given. The key picks six digits; when
another request holds them already, the next candidate of the same key's sequence is tried. So no desktop needs to
ask another, the number survives a changed UIDVALIDITY, and two desktops disagree only when two keys pick the same
six digits (about one pair in 900,000) and they learn of the two requests in different orders.

Numbers given before this scheme stay findable as aliases (``request_aliases``), so tags in old replies still work.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from itertools import count

import sqlite_utils

LOWEST = 100_000
SPAN = 900_000  # six digits: short enough to read out, room for ten times a large desk's yearly requests


def candidates(key: str) -> Iterator[int]:
    """The numbers a key tries in turn; the first is the one it almost always gets."""
    for attempt in count():
        digest = hashlib.sha256(f"{attempt}:{key}".encode()).digest()
        yield LOWEST + int.from_bytes(digest[:8], "big") % SPAN


def message_number_key(message_id: str | None, raw_sha256: str | None) -> str:
    """A mail request's key for numbering: both parts, since real mail repeats Message-IDs."""
    return f"{message_id or ''}|{raw_sha256 or ''}"


def free_number(conn: sqlite3.Connection | sqlite_utils.Database, key: str) -> int:
    """The number a new request under ``key`` gets: its first candidate that no request holds yet."""
    for number in candidates(key):
        if conn.execute("SELECT 1 FROM requests WHERE id = ?", [number]).fetchone() is None:
            return number
    raise AssertionError("unreachable: the candidates never end")


def insert_numbered(db: sqlite_utils.Database, key: str, insert: str, values: Sequence[object]) -> int:
    """Run ``insert`` (its first parameter the number) with the first of ``key``'s candidates that no request holds:
    the insert itself finds out, so filing a new request costs one statement, not a look-up and an insert."""
    for number in candidates(key):
        try:
            db.execute(insert, [number, *values])
        except sqlite3.IntegrityError as error:
            if error.sqlite_errorcode != sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
                raise
            continue
        return number
    raise AssertionError("unreachable: the candidates never end")


def renumber(db: sqlite_utils.Database, old: int, new: int) -> None:
    """Give a request another number, with every row that points at it. Call inside a transaction."""
    if old == new:
        return
    db.execute("PRAGMA defer_foreign_keys = ON")
    db.execute("UPDATE requests SET id = ? WHERE id = ?", [new, old])
    for table, column in referring_columns(db.conn):
        db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", [new, old])


def referring_columns(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Every (table, column) with a foreign key to ``requests``, also those later migrations add."""
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return [
        (table, row[3])
        for table in tables
        for row in conn.execute(f"PRAGMA foreign_key_list('{table}')")
        if row[2] == "requests"
    ]


def by_number(db: sqlite_utils.Database, account_id: int, number: int) -> int | None:
    """The request a number names (following merges), an old number included."""
    row = db.execute(
        "SELECT coalesce(merged_into, id) FROM requests WHERE account_id = ? AND id IN "
        "(?, (SELECT request_id FROM request_aliases WHERE number = ?)) ORDER BY id = ? DESC LIMIT 1",
        [account_id, number, number, number],
    ).fetchone()
    return int(row[0]) if row else None


def current_number(db: sqlite_utils.Database, number: int) -> int:
    """The number a request has now, also when given one it had before numbers were shared (else unchanged)."""
    row = db.execute(
        "SELECT id FROM requests WHERE id = ? UNION ALL SELECT request_id FROM request_aliases WHERE number = ? "
        "LIMIT 1",
        [number, number],
    ).fetchone()
    return int(row[0]) if row else number

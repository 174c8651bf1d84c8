"""Request numbers that are the same on every desktop: what people say on the phone and what ``[#N]`` tags carry.

A request's number is its row id, derived from what every desktop knows alike: the key of the message that opened
it (Message-ID and content hash) or the key a request entered by hand was given. The key picks six digits; when
another request holds them already, the next candidate of the same key's sequence is tried. So no desktop needs to
ask another, and the number survives a changed UIDVALIDITY.

When two keys pick the same six digits (about one pair in 900,000), the lower key (in text order) holds them and
the other moves on to its next candidate, whichever request a desktop learned of first: every request holds the
first of its candidates that no lower key holds, so desktops that saw the same requests in any order number them
alike. A request whose number a lower key claims later (a message learned of after it) moves on to its next place.

Numbers given before this scheme stay findable as aliases (``request_aliases``), so tags in old replies still work.
"""

from __future__ import annotations

import hashlib
import itertools
import sqlite3
from collections.abc import Iterator, Sequence

import sqlite_utils

LOWEST = 100_000
SPAN = 900_000  # six digits: short enough to read out, room for ten times a large desk's yearly requests


def candidates(key: str) -> Iterator[int]:
    """The numbers a key tries in turn; the first is the one it almost always gets."""
    for attempt in itertools.count():
        digest = hashlib.sha256(f"{attempt}:{key}".encode()).digest()
        yield LOWEST + int.from_bytes(digest[:8], "big") % SPAN


# The number a request gets until its key places it (store.team_changes), or for good when nothing keys it: one past
# the highest, as a row id would be.
NEXT_NUMBER = "(SELECT coalesce(max(id), 0) + 1 FROM requests)"


def message_number_key(message_id: str | None, raw_sha256: str | None) -> str:
    """A mail request's key for numbering: both parts, since real mail repeats Message-IDs."""
    return f"{message_id or ''}|{raw_sha256 or ''}"


def insert_numbered(db: sqlite_utils.Database, key: str, insert: str, values: Sequence[object]) -> int:
    """Run ``insert`` (its first parameter the number) with the first of ``key``'s candidates that no lower key
    holds: the insert itself finds out whether a number is free, so filing a new request mostly costs one statement.
    A request with a higher key on that number moves on to its own next place, so ids held in memory from before
    this call may be stale after it. Call inside a transaction."""
    for number in candidates(key):
        try:
            db.execute(insert, [number, *values])
            return number
        except sqlite3.IntegrityError as error:
            if error.sqlite_errorcode != sqlite3.SQLITE_CONSTRAINT_UNIQUE:
                raise
        holder_key = number_key(db, number)
        if holder_key is None or holder_key <= key:
            continue  # a lower key holds it (or a request nothing names alike on other desktops)
        _move_on(db, number, holder_key, referring_columns(db.conn))
        db.execute(insert, [number, *values])
        return number
    raise AssertionError("unreachable: the candidates never end")


def _move_on(db: sqlite_utils.Database, number: int, key: str, columns: list[tuple[str, str]]) -> None:
    """Move the request on ``number`` (numbered by ``key``) to the next of its candidates that no lower key holds,
    moving a higher key's request on from there first: every request moves once, straight to its new number.

    The candidates before ``number`` are all held by lower keys, or the request would not be on it."""
    later = itertools.dropwhile(lambda candidate: candidate != number, candidates(key))
    next(later)
    for candidate in later:
        if db.execute("SELECT 1 FROM requests WHERE id = ?", [candidate]).fetchone() is not None:
            holder_key = number_key(db, candidate)
            if holder_key is None or holder_key <= key:
                continue
            _move_on(db, candidate, holder_key, columns)
        renumber(db, number, candidate, columns)
        return


def number_key(db: sqlite_utils.Database, request_id: int) -> str | None:
    """The key a request was numbered by: the one it was entered under, else its opening message's."""
    row = db.execute(
        "SELECT k.key, m.message_id, m.raw_sha256 FROM requests q LEFT JOIN request_keys k ON k.request_id = q.id "
        "LEFT JOIN messages m ON m.id = q.first_message_id WHERE q.id = ?",
        [request_id],
    ).fetchone()
    if row is None or (row[0] is None and row[2] is None):
        return None
    return str(row[0]) if row[0] is not None else message_number_key(row[1], row[2])


def place(
    db: sqlite_utils.Database, request_id: int, key: str, columns: list[tuple[str, str]] | None = None
) -> int:
    """Give the request numbered by ``key`` the first of its candidates that no lower key holds, moving a request
    with a higher key out of it (and on to its own place), and return that number. Call inside a transaction.

    ``columns`` (``referring_columns``) is read once and passed on to the moves it makes: reading it costs more
    than a move.
    """
    columns = referring_columns(db.conn) if columns is None else columns
    for number in candidates(key):
        if number == request_id:
            return number
        held = db.execute("SELECT 1 FROM requests WHERE id = ?", [number]).fetchone() is not None
        holder_key = number_key(db, number) if held else None
        if held and (holder_key is None or holder_key <= key):
            continue  # a lower key holds it (or a request nothing names alike on other desktops)
        if held:
            renumber(db, number, -number, columns)  # out of the way, then on to its own place
        renumber(db, request_id, number, columns)
        if holder_key is not None:
            place(db, -number, holder_key, columns)
        return number
    raise AssertionError("unreachable: the candidates never end")


def renumber(db: sqlite_utils.Database, old: int, new: int, columns: list[tuple[str, str]]) -> None:
    """Give a request another number, with every row that points at it (``columns``: ``referring_columns``). Call
    inside a transaction."""
    if old == new:
        return
    db.execute("PRAGMA defer_foreign_keys = ON")
    db.execute("UPDATE requests SET id = ? WHERE id = ?", [new, old])
    for table, column in columns:
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
